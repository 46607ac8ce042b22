// `registry-coverage`: says once when a document's unit names could not be checked,
// because no unit registry covers its region.
//
//   check: registry-coverage
//   scope: document
//   registries: [../units]
//
// Silent when the document names no unit, or when a registry of its own region exists
// (data::UnitRegistry::Covers; `registered-unit` checks the names then). Reports at the
// document's first unit name, with {region} (the document's region, or "本地区" when the
// parser could not tell it).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "checks/registries_param.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class RegistryCoverageCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a unit registry covers the document's region";
  // A missing or bad `registries`, or a scope other than document, adds located errors and
  // returns nullptr.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"region"}; }

 private:
  explicit RegistryCoverageCheck(std::shared_ptr<const data::UnitRegistrySet> registries)
      : registries_(std::move(registries)) {}
  std::shared_ptr<const data::UnitRegistrySet> registries_;
};

}  // namespace plancheck::checks
