#include "checks/registry.h"

#include "checks/consistent_unit_names.h"
#include "checks/registered_unit.h"
#include "checks/required.h"
#include "checks/target_conflict.h"
#include "checks/target_parent.h"
#include "checks/unparsed_number.h"

namespace plancheck::checks {

const std::vector<CheckKind>& AllCheckKinds() {
  static const std::vector<CheckKind> kKinds = {
      {"consistent-unit-names", &ConsistentUnitNamesCheck::Create,
       ConsistentUnitNamesCheck::kSummary},
      {"registered-unit", &RegisteredUnitCheck::Create, RegisteredUnitCheck::kSummary},
      {"required", &RequiredCheck::Create, RequiredCheck::kSummary},
      {"target-conflict", &TargetConflictCheck::Create, TargetConflictCheck::kSummary},
      {"target-parent", &TargetParentCheck::Create, TargetParentCheck::kSummary},
      {"unparsed-number", &UnparsedNumberCheck::Create, UnparsedNumberCheck::kSummary},
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
