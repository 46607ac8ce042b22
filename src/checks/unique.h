// `unique`: no item appears twice in a field of one node.
//
//   scope: task
//   check: unique
//   field: [lead_units, cooperating_units]   # each field on its own; `units` spans both
//   registries: [../units]                   # optional: aliases count as their unit
//
// Names are compared cleaned ("市科协等" is "市科协"), or canonicalized through the
// unit registries when `registries` is given. Reports at each repeat with {unit} (as
// written there) and a related location at the first occurrence.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "checks/registries_param.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class UniqueCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "no item appears twice in a field";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"unit"}; }

 private:
  UniqueCheck(std::vector<std::string> fields, std::shared_ptr<const data::UnitRegistrySet> registries)
      : fields_(std::move(fields)), registries_(std::move(registries)) {}
  std::vector<std::string> fields_;
  std::shared_ptr<const data::UnitRegistrySet> registries_;  // may be null
};

// Reads a `field`/`fields` parameter holding one field name or a list of them, each valid
// for the rule's scope; errors at the parameter's position. Shared with `disjoint`.
std::vector<std::string> FieldListParam(const rule::Params& params, std::string_view key,
                                        ErrorList& errors);

}  // namespace plancheck::checks
