#include "model/target.h"

namespace plancheck::model {

const char* ComparatorName(Comparator comparator) {
  switch (comparator) {
    case Comparator::kNone:
      return "none";
    case Comparator::kExact:
      return "exact";
    case Comparator::kAtLeast:
      return "at-least";
    case Comparator::kAbout:
      return "about";
    case Comparator::kAtMost:
      return "at-most";
    case Comparator::kRange:
      return "range";
  }
  return "none";
}

const char* ChangeName(Change change) {
  switch (change) {
    case Change::kLevel:
      return "level";
    case Change::kIncrease:
      return "increase";
    case Change::kDecrease:
      return "decrease";
  }
  return "level";
}

const char* PeriodKindName(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kPlanYear:
      return "plan-year";
    case PeriodKind::kYear:
      return "year";
    case PeriodKind::kAnnualAverage:
      return "annual-average";
    case PeriodKind::kPlanEnd:
      return "plan-end";
  }
  return "plan-year";
}

bool Period::SameAs(const Period& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case PeriodKind::kPlanYear:
      return year == 0 || other.year == 0 || year == other.year;
    case PeriodKind::kYear:
      return year == other.year;
    case PeriodKind::kAnnualAverage:
    case PeriodKind::kPlanEnd:
      return plan == other.plan;
  }
  return false;
}

std::string Period::Describe() const {
  switch (kind) {
    case PeriodKind::kPlanYear:
      return year > 0 ? std::to_string(year) + "年" : "本年度";
    case PeriodKind::kYear:
      return std::to_string(year) + "年";
    case PeriodKind::kAnnualAverage:
      return (plan.empty() ? std::string("规划期") : "“" + plan + "”") + "年均";
    case PeriodKind::kPlanEnd:
      return (plan.empty() ? std::string("规划期") : "“" + plan + "”") + "末";
  }
  return "";
}

std::string DescribeTarget(const Target& target) {
  std::string out = target.text + " [" +
                    (target.indicator_id.empty() ? std::string("?") : target.indicator_id) + ", ";
  if (target.qualitative) {
    out += "qualitative";
  } else {
    out += std::string(ChangeName(target.change)) + ", " + ComparatorName(target.comparator) +
           " " + target.value_text +
           (target.value_max ? "—" + target.value_max_text : std::string()) + " " + target.unit;
  }
  out += ", " + target.period.Describe() + "]";
  return out;
}

}  // namespace plancheck::model
