// `collective-only`: a field's units are all collective phrases ("区政府各部门",
// "各乡镇（街道）", "有关单位"), so no named body is accountable.
//
//   scope: task
//   check: collective-only
//   field: lead_units                       # default
//   registries: ../units/collectives.yaml   # registry files whose `collectives` count
//   collectives: [有关单位]                  # and/or phrases given in the rule
//   collective_patterns: ["各*部门"]         # globs, `*` any run of characters
//   lead_labels: [负责, 分别负责]            # optional: only tasks whose lead came from one
//   except_lead_labels: [负责, 分别负责]     # optional: never tasks whose lead came from one
//
// The label filters compare Task::lead_label (the words the lead came from) exactly; they
// tell "（市政府各部门负责）", where a notice gives a task to every department by their
// duties, from "责任单位：区政府各部门", where it names no one.
// The phrases are data: the `collectives` and `collective_patterns` of the unit registries
// named (relative to the rule file), plus those given inline; at least one source is
// required. An empty field is not reported (that is `required`'s job). Reports once per
// node, over the field's items, with {unit} (the items joined with "、").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "checks/registries_param.h"
#include "data/unit_registry.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class CollectiveOnlyCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a field names only collective phrases, no accountable unit";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"unit"}; }

 private:
  CollectiveOnlyCheck(std::string field, std::shared_ptr<const data::UnitRegistrySet> registries,
                      std::shared_ptr<const data::UnitDirectory> inline_phrases,
                      std::vector<std::string> lead_labels,
                      std::vector<std::string> except_lead_labels)
      : field_(std::move(field)),
        registries_(std::move(registries)),
        inline_(std::move(inline_phrases)),
        lead_labels_(std::move(lead_labels)),
        except_lead_labels_(std::move(except_lead_labels)) {}
  bool IsCollective(const model::Document& doc, std::string_view name) const;
  // Whether the label filters let the node's task through (every node, without filters).
  bool LabelSelected(const rule::NodeRef& node) const;

  std::string field_;
  std::shared_ptr<const data::UnitRegistrySet> registries_;     // may be null
  std::shared_ptr<const data::UnitDirectory> inline_;    // may be null
  std::vector<std::string> lead_labels_;                  // empty: no filter
  std::vector<std::string> except_lead_labels_;
};

}  // namespace plancheck::checks
