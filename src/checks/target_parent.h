// `target-parent`: a document's targets against its parent plan's (issue 5).
//
//   check: target-parent
//   scope: document
//   mode: weaker            # weaker | missing-binding
//
// mode weaker: each comparable target weaker than the parent's for the same indicator and
// period (data/target_compare.h has the semantics) is reported at the child's target,
// with Finding::related at the parent's. Placeholders: {indicator}, {indicator_en},
// {value}, {parent_value}, {parent_file}, {period}.
// mode missing-binding: each binding (约束性) indicator the parent states and the child
// never mentions is reported once, at the start of the plan body. Placeholders:
// {indicator}, {indicator_en}, {parent_value}, {parent_file}.
// Without a parent plan or an indicator dictionary (rule::PlanContext) nothing is reported.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class TargetParentCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "targets are no weaker than the parent plan's and carry its binding indicators";
  // A bad `mode` adds a located error and returns nullptr.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  bool NeedsTargets() const override { return true; }
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"indicator", "indicator_en", "value", "parent_value", "parent_file", "period"};
  }

 private:
  explicit TargetParentCheck(bool missing_binding) : missing_binding_(missing_binding) {}
  bool missing_binding_;
};

}  // namespace plancheck::checks
