// `registered-unit`: a unit name is in a unit registry that applies to the document.
//
//   check: registered-unit
//   scope: unit
//   registries: [../units]   # files or directories, relative to the rule file
//
//   stems: ../units/patterns/departments.yaml   # optional
//   near_miss: any           # any | only | exclude
//
// Silent unless a registry covers the document's own region (data::UnitRegistry::Covers:
// registry-coverage reports the others once). The registries are chosen per document by
// metadata.level and metadata.region (see data::UnitRegistry::AppliesTo); collective
// phrases (各乡镇（街道）) and names matching a registry pattern (竹山镇) count as known, and
// so do well-formed names (a level prefix or a place and a department stem, `stems`) of
// another level than the document's own (市发展改革委 in a district's plan; not
// 江津区规划自然资源局 in 梁平区's, which the registry of 区 units is to know). A
// name in no registry is reported with the closest registered names
// (data::IsLikelySlip): Finding::suggestion is the closest one ("区经济信息委"),
// placeholder {candidates} lists up to three, joined by "、".
//
// `near_miss` splits the findings by certainty (docs/rules.md, severity policy): a name one
// edit (a character dropped, added or replaced, in code points) from the closest registered
// name is almost surely that name misspelt; any other unknown name may be a unit the
// registry lacks. `only` reports the first kind, `exclude` the second, `any` both.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "checks/registries_param.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class RegisteredUnitCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a unit name is in a unit registry for the document";
  // A missing or bad `registries` (or a broken registry file) adds located errors and
  // returns nullptr.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  // Runs on unit nodes; reports once per unknown name, at the name.
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"candidates"}; }

 private:
  enum class NearMiss { kAny, kOnly, kExclude };
  RegisteredUnitCheck(std::shared_ptr<const data::UnitRegistrySet> registries, NearMiss near_miss)
      : registries_(std::move(registries)), near_miss_(near_miss) {}
  std::shared_ptr<const data::UnitRegistrySet> registries_;
  NearMiss near_miss_;
};

}  // namespace plancheck::checks
