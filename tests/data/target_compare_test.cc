// Comparator semantics: a child's target against its parent's (issue 5).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "data/indicators.h"
#include "data/target_compare.h"
#include "parse/targets.h"
#include "test_util.h"

namespace plancheck {
namespace {

const data::IndicatorDictionary& Dict() {
  static const data::IndicatorDictionary kDict = [] {
    ErrorList errors;
    return data::LoadIndicatorDictionary(testing::RulesPath("indicators.yaml"), errors);
  }();
  return kDict;
}

model::Target One(const std::string& text) {
  parse::StatementContext context;
  context.plan_year = 2021;
  std::vector<model::Target> targets = parse::ExtractFromText(text, Dict(), context);
  REQUIRE(targets.size() == 1);
  return targets[0];
}

// The verdict of `child` under `parent`, "" when no parent target matches.
std::string Verdict(const std::string& child, const std::string& parent) {
  const std::vector<model::Target> c = {One(child)};
  const std::vector<model::Target> p = {One(parent)};
  const auto matches = data::MatchWithParent(c, p, Dict());
  return matches.empty() ? "" : data::VerdictName(matches[0].comparison.verdict);
}

TEST_CASE("comparisons honour the comparator", "[targets][compare]") {
  auto [child, parent, expected] = GENERATE(table<std::string, std::string, std::string>({
      // Floors of growth rates.
      {"GDP增长6.5%", "地区生产总值增长6%以上", "consistent"},
      {"GDP增长8%以上", "地区生产总值增长6%以上", "consistent"},
      {"GDP增长6%", "地区生产总值增长6%以上", "consistent"},
      {"GDP增长6%左右", "地区生产总值增长6%以上", "consistent"},
      {"GDP增长5.9%", "地区生产总值增长6%以上", "weaker"},
      {"GDP增长5%以上", "地区生产总值增长6%", "weaker"},
      {"规上工业增加值增长7.5%", "规模以上工业增加值增长8%", "weaker"},
      // Ceilings.
      {"城镇调查失业率控制在5.5%以内", "城镇调查失业率5.5%左右", "consistent"},
      {"城镇调查失业率5.5%左右", "城镇调查失业率控制在5.5%以内", "consistent"},
      {"城镇调查失业率控制在5%以内", "城镇调查失业率5.5%左右", "consistent"},
      {"城镇调查失业率控制在6%以内", "城镇调查失业率5.5%左右", "weaker"},
      {"居民消费价格涨幅控制在3.5%以内", "居民消费价格涨幅控制在3.2%以内", "weaker"},
      // Reductions: a larger fall is better.
      {"单位GDP能耗下降3.5%", "单位地区生产总值能耗下降3%左右", "consistent"},
      {"单位GDP能耗下降2.5%", "单位地区生产总值能耗下降3%左右", "weaker"},
      // Never compared: levels and shares, or different indicators.
      {"森林覆盖率提高到50%", "森林覆盖率达到57%", "not-comparable"},
      {"城镇新增就业7000人以上", "城镇新增就业60万人以上", "not-comparable"},
      {"城镇登记失业率控制在4%以内", "城镇调查失业率5.5%左右", ""},
      // A wrong-side bound states nothing to compare.
      {"城镇调查失业率6%以上", "城镇调查失业率5.5%左右", "not-comparable"},
  }));
  CHECK(Verdict(child, parent) == expected);
}

TEST_CASE("左右 allows the dictionary's tolerance", "[targets][compare]") {
  data::Indicator gdp = *Dict().Find("gdp");
  const model::Target child = One("GDP增长5.8%左右");
  const model::Target parent = One("地区生产总值增长6%以上");
  CHECK(data::CompareTargets(child, parent, gdp).verdict == data::Verdict::kWeaker);
  gdp.tolerance = 0.2;
  CHECK(data::CompareTargets(child, parent, gdp).verdict == data::Verdict::kConsistent);
  const model::Target exact = One("GDP增长5.8%");
  CHECK(data::CompareTargets(exact, parent, gdp).verdict == data::Verdict::kWeaker);
}

TEST_CASE("periods must match", "[targets][compare]") {
  parse::StatementContext context;
  context.plan_year = 2021;
  const auto child = parse::ExtractFromText("“十四五”期间固投年均增长5%。", Dict(), context);
  const auto parent = parse::ExtractFromText("固定资产投资增长6%。", Dict(), context);
  CHECK(data::MatchWithParent(child, parent, Dict()).empty());
}

TEST_CASE("internal conflicts need the same indicator and period", "[targets][compare]") {
  parse::StatementContext context;
  context.plan_year = 2021;
  auto [text, conflicts] = GENERATE(table<std::string, int>({
      {"GDP增长8%以上。全年地区生产总值增长7%。", 1},
      {"GDP增长8%以上。地区生产总值增长8%。", 0},
      {"固定资产投资增长12%。“十四五”期间固投年均增长10%。", 0},
      {"提质建设高新区，规上工业产值增长6%。提速建设临港经济区，规上工业产值增长43%。", 0},
  }));
  const auto targets = parse::ExtractFromText(text, Dict(), context);
  CHECK(static_cast<int>(data::InternalConflicts(targets).size()) == conflicts);
}

// The pairwise definition InternalConflicts must agree with: each later target paired with
// the first earlier one of the same indicator, period, change and unit whose value differs.
std::vector<std::pair<std::size_t, std::size_t>> PairwiseConflicts(
    const std::vector<model::Target>& targets) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t j = 0; j < targets.size(); ++j) {
    const model::Target& b = targets[j];
    if (!data::IsComparableTarget(b)) continue;
    for (std::size_t i = 0; i < j; ++i) {
      const model::Target& a = targets[i];
      if (!data::IsComparableTarget(a) || a.indicator_id != b.indicator_id) continue;
      if (!a.period.SameAs(b.period) || a.change != b.change || a.unit != b.unit) continue;
      if (*a.value == *b.value) continue;
      out.emplace_back(i, j);
      break;
    }
  }
  return out;
}

TEST_CASE("internal conflicts agree with the pairwise definition", "[targets][compare]") {
  // Deterministic pseudo-random targets over few indicators, values, years and periods,
  // so that groups, plan-year wildcards (year 0) and repeated values all occur.
  std::uint32_t state = GENERATE(1u, 7u, 42u, 2024u);
  auto next = [&](std::uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 16) % n;
  };
  std::vector<model::Target> targets(400);
  for (model::Target& t : targets) {
    t.indicator_id = std::string("ind") + static_cast<char>('a' + next(3));
    t.value = 5.0 + next(3) * 0.5;
    t.unit = next(5) == 0 ? "亿元" : "%";
    t.change = next(4) == 0 ? model::Change::kLevel : model::Change::kIncrease;
    t.qualitative = next(20) == 0;
    switch (next(4)) {
      case 0:
        t.period.kind = model::PeriodKind::kYear;
        t.period.year = 2025 + static_cast<int>(next(2));
        break;
      case 1:
        t.period.kind = model::PeriodKind::kAnnualAverage;
        t.period.plan = next(2) == 0 ? "十四五" : "";
        break;
      default:
        t.period.kind = model::PeriodKind::kPlanYear;
        t.period.year = next(3) == 0 ? 0 : 2024 + static_cast<int>(next(2));
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> got;
  for (const data::Conflict& c : data::InternalConflicts(targets)) {
    got.emplace_back(c.first - targets.data(), c.second - targets.data());
  }
  const auto expected = PairwiseConflicts(targets);
  CHECK(!expected.empty());
  CHECK(got == expected);
}

}  // namespace
}  // namespace plancheck
