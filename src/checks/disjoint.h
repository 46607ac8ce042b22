// `disjoint`: two fields of one node share no item.
//
//   scope: task
//   check: disjoint
//   fields: [lead_units, cooperating_units]
//   registries: [../units]   # optional: aliases count as their unit
//
// Names are compared as in `unique`. Reports each item of the second field that is also
// in the first, at the second's occurrence, with {unit} and a related location at the
// first field's occurrence.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "checks/registries_param.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class DisjointCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "two fields share no item";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"unit"}; }

 private:
  DisjointCheck(std::string first, std::string second,
                std::shared_ptr<const data::UnitRegistrySet> registries)
      : first_(std::move(first)), second_(std::move(second)), registries_(std::move(registries)) {}
  std::string first_;
  std::string second_;
  std::shared_ptr<const data::UnitRegistrySet> registries_;  // may be null
};

}  // namespace plancheck::checks
