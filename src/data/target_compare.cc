#include "data/target_compare.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace plancheck::data {
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
  // Targets that can conflict share indicator, change, unit and period; a plan-year period
  // of year 0 matches every plan year, so plan-year targets are kept per year under one
  // key. Each group remembers its first target and the first one whose value differs from
  // it: the earliest earlier target that disagrees with a new value is one of those two.
  // Linear in the number of targets (the pairwise scan this replaces was quadratic).
  struct Group {
    std::vector<std::size_t> members;  // indexes into `targets`, in order
    std::size_t other = 0;             // first member whose value differs from the first's
    bool has_other = false;
  };
  auto differs = [&](std::size_t i, double value) {
    return std::fabs(*targets[i].value - value) > kEpsilon;
  };
  // Earliest member of `group` whose value differs from `value`.
  auto earliest_differing = [&](const Group& group, double value) -> std::optional<std::size_t> {
    const std::size_t first = group.members.front();
    if (differs(first, value)) return first;
    if (!group.has_other) return std::nullopt;
    if (differs(group.other, value)) return group.other;
    // Only when values lie within kEpsilon of each other's neighbours: scan.
    for (std::size_t i : group.members) {
      if (differs(i, value)) return i;
    }
    return std::nullopt;
  };
  // key -> year (0 for periods that are not plan years) -> group.
  std::map<std::string, std::map<int, Group>> groups;
  std::vector<Conflict> out;
  for (std::size_t j = 0; j < targets.size(); ++j) {
    const Target& b = targets[j];
    if (!IsComparableTarget(b)) continue;
    const model::Period& period = b.period;
    std::string key = b.indicator_id;
    key += '\0';
    key += static_cast<char>('0' + static_cast<int>(period.kind));
    key += static_cast<char>('0' + static_cast<int>(b.change));
    key += '\0';
    key += b.unit;
    key += '\0';
    if (period.kind == model::PeriodKind::kYear) key += std::to_string(period.year);
    if (period.kind == model::PeriodKind::kAnnualAverage ||
        period.kind == model::PeriodKind::kPlanEnd) {
      key += period.plan;
    }
    const int year = period.kind == model::PeriodKind::kPlanYear ? period.year : 0;
    auto& by_year = groups[key];
    std::optional<std::size_t> match;
    for (const auto& [other_year, group] : by_year) {
      if (year != 0 && other_year != 0 && other_year != year) continue;
      const std::optional<std::size_t> i = earliest_differing(group, *b.value);
      if (i && (!match || *i < *match)) match = i;
    }
    if (match) out.push_back({&targets[*match], &b});
    Group& own = by_year[year];
    if (!own.members.empty() && !own.has_other && differs(own.members.front(), *b.value)) {
      own.other = j;
      own.has_other = true;
    }
    own.members.push_back(j);
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

}  // namespace plancheck::data
