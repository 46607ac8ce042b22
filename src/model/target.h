// Target: one quantitative (or explicitly qualitative) target stated in a plan, such as
// "GDP增长8%以上" or "城镇调查失业率控制在5.5%以内", and PlanTargets, the targets of one
// whole plan (a parsed decomposition document or a YAML targets sheet).
//
// Targets are filled by parse::ExtractTargets (parse/targets.h) after the outline is
// parsed; the comparison semantics live in data/target_compare.h. Values are stored as
// written (the number and its unit); nothing is converted between units.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace plancheck::model {

// How the value is bounded, from the words around the number.
enum class Comparator {
  kNone,     // qualitative: no number
  kExact,    // a bare value: "增长8%", "稳定在108亿公斤"
  kAtLeast,  // 以上 / 不低于 / 超过 / 突破 / 达到 / 达: a floor
  kAbout,    // 左右: the value within the indicator's tolerance
  kAtMost,   // 以内 / 以下 / 控制在 / 不超过 / 低于: a ceiling
  kRange,    // "6%—6.5%", "7.5%-8%": value is the low bound, value_max the high one
};
// "none", "exact", "at-least", "about", "at-most", "range".
const char* ComparatorName(Comparator comparator);

// What the number measures relative to the base year.
enum class Change {
  kLevel,     // the value itself: "森林覆盖率提高到50%", "工业总产值突破500亿元"
  kIncrease,  // a rise by the value: "增长8%", "增加10%"
  kDecrease,  // a fall by the value: "能耗下降3.5%", "降低3%"
};
// "level", "increase", "decrease".
const char* ChangeName(Change change);

// Which period a target is for.
enum class PeriodKind {
  kPlanYear,       // the plan's own year (the default)
  kYear,           // an explicit other year: "到2027年", "2025年"
  kAnnualAverage,  // 年均 over a five-year plan ("“十四五”期间年均增长10%")
  kPlanEnd,        // the end of a five-year plan ("“十四五”末")
};
// "plan-year", "year", "annual-average", "plan-end".
const char* PeriodKindName(PeriodKind kind);

struct Period {
  PeriodKind kind = PeriodKind::kPlanYear;
  int year = 0;          // kYear: the year; kPlanYear: the plan year when known, else 0
  std::string plan;      // kAnnualAverage / kPlanEnd: "十四五" (empty when not named)
  std::string text;      // the words that set it ("“十四五”期间", "到2027年"); may be empty
  // Same period: kind, and year or plan (a plan year of 0 matches any plan year).
  bool SameAs(const Period& other) const;
  // "2021年", "十四五年均", "十四五末", "2027年".
  std::string Describe() const;
};

struct Target {
  std::string indicator_id;    // canonical id from the dictionary; empty when unknown
  std::string indicator_text;  // the indicator as written ("规上工业增加值", "GDP")
  Comparator comparator = Comparator::kNone;
  std::string comparator_text;  // the words as written: "以上", "控制在…以内", ""
  Change change = Change::kLevel;
  std::string verb;  // "增长", "提高到", "控制在", ... as written
  std::optional<double> value;  // absent for qualitative targets
  std::string value_text;       // "8.5" as written
  std::optional<double> value_max;  // kRange: the high bound ("6.5" of "6%—6.5%")
  std::string value_max_text;       // kRange: as written
  std::string unit;             // "%", "亿元", "人", ...
  Period period;
  bool qualitative = false;   // "与经济增长基本同步", "完成市上任务": no number, never invented
  bool aspirational = false;  // preceded by 力争 / 争取
  // The part of the region the target is for, when its sentence names one before it
  // ("临港经济区", "高新区"); such targets are not the whole plan's and are not compared.
  std::string sub_area;
  std::string text;           // the whole phrase, e.g. "GDP增长8%以上"
  int task_ordinal = 0;       // 1-based task among the document's tasks; 0 outside tasks
  std::string task_number;    // the task's number as written ("47."), may be empty
  ByteSpan span;              // of `text` in Document::text (sheets: empty)
  Position start;             // in the source (sheets: the YAML line and column)
  Position end;
  std::string source;  // sheets: where the figure was published (an address)
  std::string note;    // sheets: e.g. "English only" when only an English report was found
};

// A short human form: "GDP增长8%以上 [gdp, increase, at-least 8 %, 2021年]".
std::string DescribeTarget(const Target& target);

// Where a plan sits: level, region and year, as declared or inferred.
struct PlanInfo {
  std::string file;    // display path of the document or sheet
  std::string title;   // "2021年重庆市政府工作报告目标任务分解" ...
  std::string level;   // "national", "province", "district" (AdminLevelName)
  std::string region;  // "重庆市", "梁平区"
  std::string within;  // the region `region` is named within ("沈阳市" for 和平区); may be empty
  std::optional<int> year;
};

// A task of a plan kept with its targets when the plan is a parent, for the coverage of
// its tasks by the plans below (coverage.parent-task-missing).
struct PlanTask {
  std::string number;              // "12" (the value), or as written when it has none
  std::string text;                // the task statement
  std::vector<std::string> units;  // lead and cooperating units as written
  Position start;                  // of the statement
};

// The targets of a whole plan, borrowed by target checks as a child's parent context.
struct PlanTargets {
  PlanInfo info;
  std::vector<Target> targets;
  std::vector<PlanTask> tasks;  // empty for a sheet
};

}  // namespace plancheck::model
