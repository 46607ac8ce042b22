// Target extraction and the indicator dictionary (issue 5).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "config/plans.h"
#include "data/indicators.h"
#include "parse/targets.h"
#include "report/targets_report.h"
#include "test_util.h"

namespace plancheck {
namespace {

using testing::RulesPath;

const data::IndicatorDictionary& Dict() {
  static const data::IndicatorDictionary kDict = [] {
    ErrorList errors;
    data::IndicatorDictionary dict =
        data::LoadIndicatorDictionary(RulesPath("indicators.yaml"), errors);
    REQUIRE(errors.ToString() == "");
    return dict;
  }();
  return kDict;
}

// Every target of a sentence, one DescribeTarget line each, joined by " | ".
std::string Extract(const std::string& text, int plan_year = 2021) {
  parse::StatementContext context;
  context.plan_year = plan_year;
  std::string out;
  for (const model::Target& t : parse::ExtractFromText(text, Dict(), context)) {
    if (!out.empty()) out += " | ";
    out += model::DescribeTarget(t);
  }
  return out;
}

std::string IdOf(const std::string& name) {
  const data::Indicator* ind = Dict().FindByName(name);
  return ind == nullptr ? "" : ind->id;
}

TEST_CASE("the dictionary maps synonyms to one indicator", "[targets][dictionary]") {
  auto [name, id] = GENERATE(table<std::string, std::string>({
      {"地区生产总值", "gdp"},
      {"GDP", "gdp"},
      {"生产总值", "gdp"},
      {"国内生产总值", "gdp"},
      {"规上工业增加值", "industrial-value-added"},
      {"规模以上工业增加值", "industrial-value-added"},
      {"固投", "fixed-asset-investment"},
      {"社零总额", "retail-sales"},
      {"单位GDP能耗", "energy-intensity"},
      {"单位地区生产总值能耗", "energy-intensity"},
      {"城镇调查失业率", "surveyed-unemployment"},
      {"城镇登记失业率", "registered-unemployment"},  // a different indicator
      {"一产增加值", "primary-industry-value-added"},
      {"森林覆盖率", "forest-cover"},
      {"不是指标", ""},
  }));
  CHECK(IdOf(name) == id);
}

TEST_CASE("the dictionary knows which indicators compare between levels",
          "[targets][dictionary]") {
  auto [id, comparable, binding] = GENERATE(table<std::string, bool, bool>({
      {"gdp", true, false},
      {"industrial-value-added", true, false},
      {"surveyed-unemployment", true, false},
      {"cpi", true, false},
      {"energy-intensity", true, true},
      {"forest-cover", false, false},
      {"urbanisation-rate", false, false},
      {"rd-intensity", false, false},
      {"new-urban-jobs", false, false},
      {"industrial-output", false, false},
  }));
  const data::Indicator* ind = Dict().Find(id);
  REQUIRE(ind != nullptr);
  CHECK(ind->comparable == comparable);
  CHECK(ind->binding == binding);
  CHECK(ind->higher_is_better == (ind->kind != data::IndicatorKind::kCeiling));
}

TEST_CASE("the longest indicator name wins", "[targets][dictionary]") {
  const auto mentions = Dict().FindMentions("单位GDP能耗下降3.5%，GDP增长8%");
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].indicator->id == "energy-intensity");
  CHECK(mentions[1].indicator->id == "gdp");
}

TEST_CASE("dictionary mistakes are located errors", "[targets][dictionary]") {
  auto [yaml, expected] = GENERATE(table<std::string, std::string>({
      {"indicators:\n  - id: a\n    name: 甲\n    kind: speed\n",
       "d.yaml:4:11: error: unknown indicator kind 'speed' (expected growth, ceiling, reduction, "
       "level, share or count)\n"},
      {"indicators:\n  - id: a\n    name: 甲\n    kind: growth\n  - id: b\n    name: 甲\n"
       "    kind: level\n",
       "d.yaml:5:5: error: indicator name '甲' is already used by 'a'\n"},
      {"indicators:\n  - id: a\n    name: 甲\n    kind: growth\n    tolerence: 1\n",
       "d.yaml:5:5: error: unknown indicator key 'tolerence'\n"},
      {"indicators:\n  - id: a\n    name: 甲\n    kind: growth\n", ""},  // the near miss
  }));
  ErrorList errors;
  data::LoadIndicatorDictionaryFromString(yaml, "d.yaml", errors);
  CHECK(errors.ToString() == expected);
}

TEST_CASE("targets are extracted with comparator, value, unit and period", "[targets]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"GDP增长8%以上。", "GDP增长8%以上 [gdp, increase, at-least 8 %, 2021年]"},
      {"地区生产总值增长6%以上。",
       "地区生产总值增长6%以上 [gdp, increase, at-least 6 %, 2021年]"},
      {"规上工业增加值增长8.5%。",
       "规上工业增加值增长8.5% [industrial-value-added, increase, exact 8.5 %, 2021年]"},
      {"城镇调查失业率控制在5.5%以内。",
       "城镇调查失业率控制在5.5%以内 [surveyed-unemployment, level, at-most 5.5 %, 2021年]"},
      {"城镇登记失业率控制在4%以内。",
       "城镇登记失业率控制在4%以内 [registered-unemployment, level, at-most 4 %, 2021年]"},
      {"城镇调查失业率5.5%左右。",
       "城镇调查失业率5.5%左右 [surveyed-unemployment, level, about 5.5 %, 2021年]"},
      {"单位GDP能耗下降3.5%。",
       "单位GDP能耗下降3.5% [energy-intensity, decrease, exact 3.5 %, 2021年]"},
      {"森林覆盖率提高到50%。", "森林覆盖率提高到50% [forest-cover, level, at-least 50 %, 2021年]"},
      {"“十四五”期间固投年均增长10%。",
       "固投年均增长10% [fixed-asset-investment, increase, exact 10 %, “十四五”年均]"},
      {"“十四五”期间一产增加值年均增长5%左右。",
       "一产增加值年均增长5%左右 [primary-industry-value-added, increase, about 5 %, "
       "“十四五”年均]"},
      {"“十四五”末森林覆盖率提高到55%。",
       "森林覆盖率提高到55% [forest-cover, level, at-least 55 %, “十四五”末]"},
      {"工业总产值突破500亿元，工业投资增长10%。",
       "工业总产值突破500亿元 [industrial-output, level, at-least 500 亿元, 2021年] | "
       "工业投资增长10% [industrial-investment, increase, exact 10 %, 2021年]"},
      {"城镇新增就业7000人以上。",
       "城镇新增就业7000人以上 [new-urban-jobs, level, at-least 7000 人, 2021年]"},
      {"城区空气质量优良天数达345天以上。",
       "空气质量优良天数达345天以上 [good-air-days, level, at-least 345 天, 2021年]"},
      {"到2027年，常住人口城镇化率超过60%。",
       "常住人口城镇化率超过60% [urbanisation-rate, level, at-least 60 %, 2027年]"},
      {"居民消费价格涨幅控制在3.2%以内。",
       "居民消费价格涨幅控制在3.2%以内 [cpi, level, at-most 3.2 %, 2021年]"},
      {"粮食产量稳定在108亿公斤。",
       "粮食产量稳定在108亿公斤 [grain-output, level, exact 108 亿公斤, 2021年]"},
      // Shared values and increments.
      {"力争基础设施投资、民间投资均增长12%以上。",
       "基础设施投资、民间投资均增长12%以上 [infrastructure-investment, increase, at-least 12 "
       "%, 2021年] | 民间投资均增长12%以上 [private-investment, increase, at-least 12 %, 2021年]"},
      {"新增高新技术企业30户以上。",
       "高新技术企业30户以上 [high-tech-enterprises, increase, at-least 30 户, 2021年]"},
      // Qualitative: recorded, never given a number.
      {"居民收入增长与经济增长基本同步。",
       "居民收入增长与经济增长基本同步 [resident-income, qualitative, 2021年]"},
      {"居民收入增长和经济增长同步。",
       "居民收入增长和经济增长同步 [resident-income, qualitative, 2021年]"},
      {"城镇居民人均可支配收入增长6%。",
       "城镇居民人均可支配收入增长6% [urban-resident-income, increase, exact 6 %, 2021年]"},
      {"地区生产总值（GDP）增长7.5%左右。",
       "地区生产总值（GDP）增长7.5%左右 [gdp, increase, about 7.5 %, 2021年]"},
      // Per-capita GDP is its own indicator, never GDP.
      {"人均地区生产总值增长6%左右。",
       "人均地区生产总值增长6%左右 [per-capita-gdp, increase, about 6 %, 2021年]"},
      {"城乡（常住）居民人均可支配收入增长7%。",
       "城乡（常住）居民人均可支配收入增长7% [resident-income, increase, exact 7 %, 2021年]"},
      {"万元GDP能耗下降3%。", "万元GDP能耗下降3% [energy-intensity, decrease, exact 3 %, 2021年]"},
      {"粮食生产、节能减排降碳完成市里下达任务。",
       "粮食生产、节能减排降碳完成市里下达任务 [grain-output, qualitative, 2021年] | "
       "节能减排降碳完成市里下达任务 [energy-saving, qualitative, 2021年]"},
      // A clear target with an unknown indicator is kept, unclassified.
      {"银河贷款余额增长10%以上。", "增长10%以上 [?, increase, at-least 10 %, 2021年]"},
      // Near misses: no target.
      {"建成川渝东北地区重要的粮食生产供应基地。", ""},
      {"实施2个百亿级重大项目，建党100周年。", ""},
      {"数字经济增加值占GDP比重。", ""},
  }));
  CHECK(Extract(text) == expected);
}

TEST_CASE("values after 分别 are one target each", "[targets]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // 成都市 2019: 城乡 names the 城镇 indicator, then the 农村 one.
      {"城乡居民人均可支配收入分别增长7.5%、8%。",
       "城乡居民人均可支配收入分别增长7.5% [urban-resident-income, increase, exact 7.5 %, 2021年]"
       " | 8% [rural-resident-income, increase, exact 8 %, 2021年]"},
      // As many indicators as values: paired in order.
      {"规上工业增加值、固定资产投资分别增长8%、10%。",
       "规上工业增加值、固定资产投资分别增长8% [industrial-value-added, increase, exact 8 %, 2021年] | "
       "10% [fixed-asset-investment, increase, exact 10 %, 2021年]"},
      // 000 task 37: the tail 占GDP比重 is shared by the name listed before it.
      {"“十四五”末文化产业增加值、旅游产业增加值占GDP比重分别达到3.5%、5.5%。",
       "文化产业增加值、旅游产业增加值占GDP比重分别达到3.5% [culture-industry-share, level, "
       "at-least 3.5 %, “十四五”末] | 5.5% [tourism-industry-share, level, at-least 5.5 %, "
       "“十四五”末]"},
      // Near miss: a listed name that makes no indicator with the tail; left unclassified,
      // never paired wrongly.
      {"数字产业增加值、旅游产业增加值占GDP比重分别达到3.5%、5.5%。",
       "旅游产业增加值占GDP比重分别达到3.5% [?, level, at-least 3.5 %, 2021年] | "
       "5.5% [?, level, at-least 5.5 %, 2021年]"},
  }));
  CAPTURE(text);
  CHECK(Extract(text) == expected);
}

TEST_CASE("a range is one target with both bounds; a bound word may follow the verb",
          "[targets]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"地区生产总值增长6%—6.5%。", "地区生产总值增长6%—6.5% [gdp, increase, range 6—6.5 %, 2021年]"},
      {"规上工业增加值增长7.5%-8%。",
       "规上工业增加值增长7.5%-8% [industrial-value-added, increase, range 7.5—8 %, 2021年]"},
      {"地区生产总值增长6至6.5%。", "地区生产总值增长6至6.5% [gdp, increase, range 6—6.5 %, 2021年]"},
      {"固定资产投资增长不低于8%。",
       "固定资产投资增长不低于8% [fixed-asset-investment, increase, at-least 8 %, 2021年]"},
      // Near misses: a period, a single value.
      {"2021-2025年地区生产总值增长6%。", "地区生产总值增长6% [gdp, increase, exact 6 %, 2021年]"},
      {"地区生产总值增长6%左右。", "地区生产总值增长6%左右 [gdp, increase, about 6 %, 2021年]"},
  }));
  CAPTURE(text);
  CHECK(Extract(text) == expected);
}

TEST_CASE("a target relative to the level above is qualitative", "[targets]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"城镇居民人均可支配收入增速高于全市平均水平。",
       "城镇居民人均可支配收入增速高于全市平均水平 [urban-resident-income, qualitative, 2021年]"},
      {"一般公共预算收入与全市基本同步。",
       "一般公共预算收入与全市基本同步 [public-budget-revenue, qualitative, 2021年]"},
      {"规上工业增加值增长快于全省平均。",
       "规上工业增加值增长快于全省平均 [industrial-value-added, qualitative, 2021年]"},
      // Near miss: a number after 高于 is a quantitative floor.
      {"地区生产总值增长高于7%。", "地区生产总值增长高于7% [gdp, increase, at-least 7 %, 2021年]"},
  }));
  CAPTURE(text);
  CHECK(Extract(text) == expected);
}

TEST_CASE("targets for a sub-area are marked", "[targets]") {
  const auto targets = parse::ExtractFromText(
      "提速建设临港经济区，积极推进改扩建，规上工业产值增长43%。", Dict(), {});
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].sub_area == "临港经济区");
}

TEST_CASE("a part of the region written before an indicator scopes its target", "[targets]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // 002 task 29: two parts' rates, neither the district's.
      {"城区、乡镇污水处理率均达100%，农村污水处理率达42%。", "城区、乡镇|农村|"},
      {"农村生活垃圾无害化处理率达到90%。", "农村|"},
      // Near misses: the indicator's own name, and a scope word not next to it.
      {"城市污水处理率达到95%。", "|"},
      {"城区空气质量优良天数达345天以上。", "|"},  // 000 task 118: the urban core is the measure
      {"推进农村改厕，污水处理率达到95%。", "|"},
  }));
  std::string areas;
  for (const auto& target : parse::ExtractFromText(text, Dict(), {})) {
    areas += target.sub_area + "|";
  }
  CAPTURE(text);
  CHECK(areas == expected);
}

TEST_CASE("力争 marks a target aspirational", "[targets]") {
  const auto targets = parse::ExtractFromText("力争工业投资增长12%以上。", Dict(), {});
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].aspirational);
}

// Every main target of 000 (part 二, tasks 47-51) and 004 (part 二, tasks 117-125), as
// reviewed by hand against the documents.
TEST_CASE("the main targets of seeds 000 and 004 are extracted", "[targets][seeds]") {
  auto [seed, expected] = GENERATE(table<std::string, std::vector<std::string>>({
      {"seeds/000_d5b961fa901fa4dc.txt",
       {"124: GDP增长8%以上 [gdp, increase, at-least 8 %, 2021年]",
        "126: 规上工业增加值增长8% [industrial-value-added, increase, exact 8 %, 2021年]",
        "128: 固定资产投资增长12% [fixed-asset-investment, increase, exact 12 %, 2021年]",
        "130: 社会消费品零售总额增长10%以上 [retail-sales, increase, at-least 10 %, 2021年]",
        "132: 居民收入增长与经济增长基本同步 [resident-income, qualitative, 2021年]"}},
      {"seeds/004_2bfd8bfabc103b07.txt",
       {"181: 地区生产总值增长6%以上 [gdp, increase, at-least 6 %, 2021年]",
        "184: 固定资产投资增长6% [fixed-asset-investment, increase, exact 6 %, 2021年]",
        "187: 社会消费品零售总额增长7% [retail-sales, increase, exact 7 %, 2021年]",
        "189: 进出口总值增长5% [foreign-trade, increase, exact 5 %, 2021年]",
        "192: 全体居民人均可支配收入增长7% [resident-income, increase, exact 7 %, 2021年]",
        "194: 城镇调查失业率5.5%左右 [surveyed-unemployment, level, about 5.5 %, 2021年]",
        "196: 居民消费价格涨幅控制在3.2%以内 [cpi, level, at-most 3.2 %, 2021年]",
        "198: 粮食产量稳定在108亿公斤 [grain-output, level, exact 108 亿公斤, 2021年]",
        "200: 单位地区生产总值能耗下降3%左右 [energy-intensity, decrease, about 3 %, 2021年]"}},
  }));
  model::Document doc = testing::ParseFixture(seed);
  parse::ExtractTargets(doc, Dict());
  std::vector<std::string> main;
  const int first = seed.find("000") != std::string::npos ? 124 : 181;
  const int last = seed.find("000") != std::string::npos ? 133 : 201;
  for (const model::Target& t : doc.targets) {
    if (t.start.line >= first && t.start.line <= last) {
      main.push_back(std::to_string(t.start.line) + ": " + model::DescribeTarget(t));
    }
  }
  CHECK(main == expected);
}

TEST_CASE("the five-year part of 000 gives five-year periods", "[targets][seeds]") {
  model::Document doc = testing::ParseFixture("seeds/000_d5b961fa901fa4dc.txt");
  parse::ExtractTargets(doc, Dict());
  int five_year = 0;
  for (const model::Target& t : doc.targets) {
    if (t.start.line < 123) {
      CHECK(t.period.kind != model::PeriodKind::kPlanYear);
      CHECK(t.period.plan == "十四五");
      ++five_year;
    }
  }
  CHECK(five_year == 11);  // task 37 lists two values after 分别
}

TEST_CASE("plan facts are read from the seeds", "[targets][seeds]") {
  auto [seed, level, region, year] = GENERATE(table<std::string, std::string, std::string, int>({
      {"seeds/000_d5b961fa901fa4dc.txt", "district", "梁平区", 2021},
      {"seeds/001_8ef760ff784be5ac.txt", "district", "涪陵区", 2023},
      {"seeds/003_9f57034e87119ac9.txt", "district", "江津区", 2023},
      {"seeds/004_2bfd8bfabc103b07.txt", "province", "重庆市", 2021},
  }));
  model::Document doc = testing::ParseFixture(seed);
  const model::PlanInfo info = parse::PlanInfoOf(doc);
  CHECK(info.level == level);
  CHECK(info.region == region);
  CHECK(info.year == year);
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

// Every target of every seed, with its parent's comparison, as `plancheck targets` prints
// it: tests/golden/targets/<seed>.txt, reviewed by hand.
TEST_CASE("extraction over all seeds matches the golden listings", "[targets][seeds][golden]") {
  auto [seed, parent] = GENERATE(table<std::string, std::string>({
      {"000_d5b961fa901fa4dc", "seeds/004_2bfd8bfabc103b07.txt"},
      {"001_8ef760ff784be5ac", "rules/plans/chongqing-2023.yaml"},
      {"002_e9c6d1be0a07cf1f", ""},
      {"003_9f57034e87119ac9", "rules/plans/chongqing-2023.yaml"},
      {"004_2bfd8bfabc103b07", "rules/plans/national-2021.yaml"},
  }));
  model::Document doc = testing::ParseFixture("seeds/" + seed + ".txt");
  parse::ExtractTargets(doc, Dict());
  report::TargetListing listing;
  listing.plan = config::PlanOfDocument(doc);
  std::optional<model::PlanTargets> parent_plan;
  if (!parent.empty()) {
    ErrorList errors;
    const std::string path = parent.starts_with("rules/")
                                 ? testing::RulesPath(parent.substr(6))
                                 : testing::FixturePath(parent);
    parent_plan = config::LoadPlanFile(path, parent, Dict(), errors);
    REQUIRE(errors.ToString() == "");
    listing.parent = &*parent_plan;
    listing.parent_reason = "test";
  }
  const std::string text = report::TargetsToText(listing, Dict());
  CHECK(testing::CompareGolden(testing::TestDataPath("golden/targets/" + seed + ".txt"), text) == "");
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

TEST_CASE("extraction stays linear on a hostile single line", "[targets]") {
  const int repeats = 20000 / testing::kSanitizerScaleDown;
  std::string text;
  for (int i = 0; i < repeats; ++i) text += "GDP增长8%以上、规上工业增加值增长";
  const auto targets = parse::ExtractFromText(text, Dict(), {});
  CHECK(targets.size() >= static_cast<std::size_t>(repeats));
}

}  // namespace
}  // namespace plancheck
