#include "checks/registry.h"

#include "checks/consistent_unit_names.h"
#include "checks/registered_unit.h"
#include "checks/required.h"

namespace plancheck::checks {

const std::vector<CheckKind>& AllCheckKinds() {
  static const std::vector<CheckKind> kKinds = {
      {"consistent-unit-names", &ConsistentUnitNamesCheck::Create,
       ConsistentUnitNamesCheck::kSummary},
      {"registered-unit", &RegisteredUnitCheck::Create, RegisteredUnitCheck::kSummary},
      {"required", &RequiredCheck::Create, RequiredCheck::kSummary},
  };
  return kKinds;
}

const CheckKind* FindCheckKind(std::string_view name) {
  for (const CheckKind& kind : AllCheckKinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

}  // namespace plancheck::checks
