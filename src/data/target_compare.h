// Comparing targets: a child plan's against its parent's, and a plan's against itself.
//
// The semantics (tested as a table in tests/data/target_compare_test.cc):
//   - only indicators marked comparable (growth, ceiling, reduction rates) are compared
//     between plans; totals, counts and shares never are;
//   - both targets need a value, the same change (增长 / 下降 / level) and unit, and the
//     same period; targets for a sub-area (a park, a new district) are skipped;
//   - a higher-is-better indicator compares floors: 以上, a bare value, 达到 and 左右 all
//     state their value as the floor, 以内 states none (not compared);
//   - a ceiling compares ceilings: 以内, 控制在, a bare value and 左右 state their value as
//     the ceiling, 以上 states none;
//   - when either side says 左右, a difference up to the indicator's tolerance is
//     consistent. So "6%以上" vs "6.5%" is consistent, "5.5%左右" (ceiling) vs "5.5%以内"
//     is consistent, "7%" under a parent's "8%以上" is weaker.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/target.h"
#include "data/indicators.h"

namespace plancheck::data {

enum class Verdict { kNotComparable, kConsistent, kWeaker };
// "not-comparable", "consistent", "weaker".
const char* VerdictName(Verdict verdict);

struct Comparison {
  Verdict verdict = Verdict::kNotComparable;
  std::string reason;  // English, one line: why (for audit output and tests)
};

// `child` against `parent`, both for `indicator` (the caller matched ids and periods).
Comparison CompareTargets(const model::Target& child, const model::Target& parent,
                          const Indicator& indicator);

// Whether a target takes part in comparisons at all: a known indicator, a value, no
// sub-area.
bool IsComparableTarget(const model::Target& target);

struct ParentMatch {
  const model::Target* child = nullptr;
  const model::Target* parent = nullptr;
  const Indicator* indicator = nullptr;
  Comparison comparison;
};

// Each child target paired with the first parent target of the same indicator and period
// (both IsComparableTarget); child targets without such a parent target are left out.
// Pointers borrow from the two vectors and the dictionary.
std::vector<ParentMatch> MatchWithParent(const std::vector<model::Target>& child,
                                         const std::vector<model::Target>& parent,
                                         const IndicatorDictionary& dict);

// Parent targets of binding indicators that `child` never mentions, neither as a target
// nor anywhere in its text. One entry per indicator.
std::vector<const model::Target*> MissingBinding(const model::Document& child,
                                                 const std::vector<model::Target>& parent,
                                                 const IndicatorDictionary& dict);

struct Conflict {
  const model::Target* first = nullptr;   // the earlier statement
  const model::Target* second = nullptr;  // the later one, which disagrees
};

// Pairs of targets in one plan with the same indicator, period, change and unit but a
// different value. Each later target is paired with the first earlier one it disagrees
// with.
std::vector<Conflict> InternalConflicts(const std::vector<model::Target>& targets);

// "8%以上", "5.5%左右", "控制在4%以内", "增长7%": the value as a person writes it.
std::string FormatValue(const model::Target& target);

}  // namespace plancheck::data
