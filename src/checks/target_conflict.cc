#include "checks/target_conflict.h"

#include "data/target_compare.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> TargetConflictCheck::Create(const rule::Params&, ErrorList&) {
  return std::make_unique<TargetConflictCheck>();
}

void TargetConflictCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.doc == nullptr) return;
  const data::IndicatorDictionary* dict =
      node.plan != nullptr ? node.plan->indicators : nullptr;
  for (const data::Conflict& conflict : data::InternalConflicts(node.doc->targets)) {
    const data::Indicator* indicator =
        dict != nullptr ? dict->Find(conflict.second->indicator_id) : nullptr;
    rule::Finding finding;
    finding.span = conflict.second->span;
    finding.args = {
        {"indicator", indicator != nullptr ? indicator->name : conflict.second->indicator_text},
        {"indicator_en",
         indicator != nullptr ? indicator->name_en : conflict.second->indicator_id},
        {"value", conflict.second->text},
        {"other_value", conflict.first->text},
        {"other_line", std::to_string(conflict.first->start.line)},
        {"period", conflict.second->period.Describe()}};
    finding.related.push_back({node.doc->path, conflict.first->start, conflict.first->text});
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
