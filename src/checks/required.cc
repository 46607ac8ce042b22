#include "checks/required.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> RequiredCheck::Create(const rule::Params& params, ErrorList& errors) {
  const auto field = params.Field("field", errors);
  if (!field) return nullptr;
  return std::unique_ptr<rule::Check>(new RequiredCheck(*field));
}

void RequiredCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (!node.Field(field_).empty()) return;
  rule::Finding finding;
  // Point at the task's number (or the node's start) rather than the whole node.
  if (node.task != nullptr && !node.task->number.loc.span.empty()) {
    finding.span = node.task->number.loc.span;
  } else if (node.task != nullptr) {
    const std::size_t begin = node.task->text_loc.span.begin;
    finding.span = {begin, std::min(node.task->text_loc.span.end, begin + 1)};
  }
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
