// How `unique` and `disjoint` decide that two unit names are the same unit: the cleaned
// name (data::CleanUnitName drops a trailing "等" and punctuation), or with
// `registries:` the canonical name, so that an alias and its unit count as one.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "data/unit_registry_loader.h"
#include "data/unit_registry.h"
#include "rule/node_ref.h"

namespace plancheck::checks {

class UnitKeys {
 public:
  // `registries` may be null (compare cleaned names).
  UnitKeys(const data::UnitRegistrySet* registries, const model::Document& doc)
      : directory_(registries != nullptr ? registries->For(doc.metadata) : nullptr) {}
  std::string operator()(std::string_view name) const {
    return directory_ != nullptr ? directory_->Canonicalize(name) : data::CleanUnitName(name);
  }

 private:
  std::shared_ptr<const data::UnitDirectory> directory_;
};

}  // namespace plancheck::checks
