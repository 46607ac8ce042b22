#include "checks/deadline_range.h"

#include <string>

namespace plancheck::checks {

std::unique_ptr<rule::Check> DeadlineRangeCheck::Create(const rule::Params& params,
                                                        ErrorList& errors) {
  const std::size_t before = errors.size();
  if (!params.Has("bound")) errors.Add(params.file(), params.position(), "missing parameter 'bound'");
  const std::string bound = params.Enum("bound", {"issued", "period-end"}, "issued", errors);
  if (errors.size() == before && params.scope() != rule::Scope::kTask) {
    errors.Add(params.file(), params.position(),
               "check 'deadline-range' needs 'scope: task' (scope is '" +
                   std::string(rule::ScopeName(params.scope())) + "')");
  }
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(
      new DeadlineRangeCheck(bound == "issued" ? Bound::kIssued : Bound::kPeriodEnd));
}

void DeadlineRangeCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.task == nullptr || node.task->deadline_dates.empty()) return;
  const model::Metadata& metadata = node.doc->metadata;
  // ISO dates compare as strings.
  std::string bound;
  if (bound_ == Bound::kIssued) {
    bound = metadata.issue_date;
  } else if (metadata.plan_year) {
    model::DeadlineDate end;
    end.year = *metadata.plan_year;
    end.month = 12;
    end.day = 31;
    bound = end.Iso();
  }
  if (bound.empty()) return;
  for (const model::DeadlineDate& date : node.task->deadline_dates) {
    const std::string iso = date.Iso();
    const bool outside = bound_ == Bound::kIssued ? iso < bound : iso > bound;
    if (!outside) continue;
    rule::Finding finding;
    finding.span = date.loc.span;
    finding.args = {{"deadline", date.text}, {"date", iso}, {"bound", bound}};
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
