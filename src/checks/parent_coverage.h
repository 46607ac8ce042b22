// `parent-coverage`: the tasks a parent plan assigns to the level below ("各区县政府",
// "各区县（自治县）") should each be taken up by the child plan. A parent task is matched
// with the child's tasks by key terms, not by exact text: the share of the parent task's
// two-character terms (Han bigrams, generic verbs left out) that a child task holds. A
// parent task whose best child task scores below `min_score` is reported once, at the start
// of the plan body, with that best candidate and its score.
//
//   check: parent-coverage
//   scope: document
//   assigned_to: [各区县, 各县, 各区]   # a parent task is assigned below when one of its
//                                       # units starts with one of these
//   min_score: 30                       # percent; below it the task counts as not taken up
//
// Placeholders: {parent_number}, {parent_task}, {parent_file}, {candidate_number},
// {candidate}, {score}. Without a parent plan with tasks (rule::PlanContext) nothing is
// reported.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

// The key terms of a task statement: its Han bigrams, generic verbs and function words
// ("推进", "加快", "的") left out.
std::set<std::string> KeyTerms(std::string_view text);
// The share of `parent`'s key terms found in `child`, in percent (0 when `parent` has none).
int CoverageScore(const std::set<std::string>& parent, const std::set<std::string>& child);

class ParentCoverageCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "the parent plan's tasks for the level below are taken up by the child plan";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  bool NeedsTargets() const override { return true; }
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"parent_number", "parent_task", "parent_file", "candidate_number", "candidate", "score"};
  }

 private:
  ParentCoverageCheck(std::vector<std::string> assigned_to, int min_score)
      : assigned_to_(std::move(assigned_to)), min_score_(min_score) {}
  std::vector<std::string> assigned_to_;
  int min_score_;
};

}  // namespace plancheck::checks
