#include "parse/target_compare.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace plancheck::parse {
namespace {

using model::Change;
using model::Comparator;
using model::Target;

// Values are decimals as written ("5.5"); compare with a margin well below their
// precision so 6.5 - 0.5 == 6 holds.
constexpr double kEpsilon = 1e-9;

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

}  // namespace

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNotComparable:
      return "not-comparable";
    case Verdict::kConsistent:
      return "consistent";
    case Verdict::kWeaker:
      return "weaker";
  }
  return "not-comparable";
}

bool IsComparableTarget(const Target& target) {
  return !target.indicator_id.empty() && !target.qualitative && target.value.has_value() &&
         target.sub_area.empty();
}

Comparison CompareTargets(const Target& child, const Target& parent, const Indicator& indicator) {
  if (!indicator.comparable) {
    return {Verdict::kNotComparable,
            std::string(IndicatorKindName(indicator.kind)) + " values differ by region"};
  }
  if (!IsComparableTarget(child) || !IsComparableTarget(parent)) {
    return {Verdict::kNotComparable, "qualitative, sub-area or without a value"};
  }
  if (child.change != parent.change) {
    return {Verdict::kNotComparable, std::string("different change: ") +
                                         model::ChangeName(child.change) + " vs " +
                                         model::ChangeName(parent.change)};
  }
  if (child.unit != parent.unit) {
    return {Verdict::kNotComparable, "different units: " + child.unit + " vs " + parent.unit};
  }
  const bool higher = indicator.higher_is_better;
  // A comparator that bounds the wrong side states no floor (or no ceiling).
  const Comparator no_bound = higher ? Comparator::kAtMost : Comparator::kAtLeast;
  if (child.comparator == no_bound || parent.comparator == no_bound ||
      child.comparator == Comparator::kNone || parent.comparator == Comparator::kNone) {
    return {Verdict::kNotComparable, std::string("comparator states no ") +
                                         (higher ? "floor" : "ceiling")};
  }
  const bool about =
      child.comparator == Comparator::kAbout || parent.comparator == Comparator::kAbout;
  const double slack = about ? indicator.tolerance : 0.0;
  const double c = *child.value;
  const double p = *parent.value;
  const bool weaker = higher ? c < p - slack - kEpsilon : c > p + slack + kEpsilon;
  std::string reason = std::string(higher ? "floor " : "ceiling ") + Number(c) +
                       (weaker ? (higher ? " below " : " above ") : " meets ") + Number(p);
  if (slack > 0) reason += " (tolerance " + Number(slack) + ")";
  return {weaker ? Verdict::kWeaker : Verdict::kConsistent, reason};
}

std::vector<ParentMatch> MatchWithParent(const std::vector<Target>& child,
                                         const std::vector<Target>& parent,
                                         const IndicatorDictionary& dict) {
  std::vector<ParentMatch> out;
  for (const Target& c : child) {
    if (!IsComparableTarget(c)) continue;
    const Indicator* indicator = dict.Find(c.indicator_id);
    if (indicator == nullptr) continue;
    for (const Target& p : parent) {
      if (!IsComparableTarget(p) || p.indicator_id != c.indicator_id) continue;
      if (!c.period.SameAs(p.period)) continue;
      out.push_back({&c, &p, indicator, CompareTargets(c, p, *indicator)});
      break;
    }
  }
  return out;
}

std::vector<const Target*> MissingBinding(const model::Document& child,
                                          const std::vector<Target>& parent,
                                          const IndicatorDictionary& dict) {
  std::set<std::string> mentioned;
  for (const Target& t : child.targets) mentioned.insert(t.indicator_id);
  for (const auto& mention : dict.FindMentions(child.text)) {
    mentioned.insert(mention.indicator->id);
  }
  std::vector<const Target*> out;
  std::set<std::string> reported;
  for (const Target& p : parent) {
    if (p.indicator_id.empty()) continue;
    const Indicator* indicator = dict.Find(p.indicator_id);
    if (indicator == nullptr || !indicator->binding) continue;
    if (mentioned.contains(p.indicator_id) || reported.contains(p.indicator_id)) continue;
    reported.insert(p.indicator_id);
    out.push_back(&p);
  }
  return out;
}

std::vector<Conflict> InternalConflicts(const std::vector<Target>& targets) {
  std::vector<Conflict> out;
  for (std::size_t j = 0; j < targets.size(); ++j) {
    const Target& b = targets[j];
    if (!IsComparableTarget(b)) continue;
    for (std::size_t i = 0; i < j; ++i) {
      const Target& a = targets[i];
      if (!IsComparableTarget(a) || a.indicator_id != b.indicator_id) continue;
      if (!a.period.SameAs(b.period) || a.change != b.change || a.unit != b.unit) continue;
      if (std::fabs(*a.value - *b.value) <= kEpsilon) continue;
      out.push_back({&a, &b});
      break;
    }
  }
  return out;
}

std::string FormatValue(const Target& target) {
  if (target.qualitative) return target.comparator_text;
  std::string out = target.verb;
  const std::string value = target.value_text + target.unit;
  // "控制在…以内": the verb is already in front; put the bound after the value.
  const std::size_t dots = target.comparator_text.find("…");
  if (dots != std::string::npos) {
    return out + value + target.comparator_text.substr(dots + std::string("…").size());
  }
  if (target.comparator_text == "以上" || target.comparator_text == "左右" ||
      target.comparator_text == "以内" || target.comparator_text == "以下") {
    return out + value + target.comparator_text;
  }
  return out + value;
}

}  // namespace plancheck::parse
