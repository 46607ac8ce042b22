// `count-matches`: a count the document declares agrees with what it contains.
//
//   scope: document
//   check: count-matches
//   declared: task_count   # the "将156项目标任务…" phrase (Document::declared_task_count)
//   actual: tasks          # the tasks the parser found
//
//   scope: part            # or section
//   declared: group_count  # a heading's "（12项）" (GroupHeading::declared_count)
//   actual: tasks          # the tasks below that heading
//
// Silent when nothing is declared, and for a group_count over no task found (the parser
// did not read the structure below the heading). Reports at the declared phrase with {expected} (the
// declared number) and {actual} (the count found).
#pragma once

#include <memory>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class CountMatchesCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a count the document declares matches what it contains";
  // Bad parameters, or a scope that does not fit `declared` (task_count: document;
  // group_count: part or section), add located errors and return nullptr.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"expected", "actual"};
  }

 private:
  explicit CountMatchesCheck(bool group) : group_(group) {}
  bool group_;  // declared: group_count
};

}  // namespace plancheck::checks
