// `deadline-range`: a task's deadline falls outside what the notice can mean: before the
// notice was issued, or after the end of the plan's year.
//
//   scope: task
//   check: deadline-range
//   bound: issued       # issued: a date before metadata.issue_date
//                       # period-end: a date after the 31 December of the plan year
//
// The dates are those the parser read from the task's 完成时限 (Task::deadline_dates: each
// the last day its words allow, so "2023年1月底前" is 2023-01-31). Nothing is reported when
// the notice's date or plan year is unknown. One finding per date outside the range, at its
// words, with {deadline} (as written), {date} (ISO) and {bound} (the issue date, or the
// plan year's last day, ISO).
#pragma once

#include <memory>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class DeadlineRangeCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "a task's deadline falls before the notice's date or after the plan's period";
  enum class Bound { kIssued, kPeriodEnd };

  // Needs `scope: task`; a bad `bound` is added to `errors` at its YAML position.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"deadline", "date", "bound"};
  }

 private:
  explicit DeadlineRangeCheck(Bound bound) : bound_(bound) {}
  Bound bound_;
};

}  // namespace plancheck::checks
