// The targets.* rules on the seeds: 000 under 004, 001 and 003 under the Chongqing 2023
// sheet, and edited copies with weaker targets (issue 5).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "config/plans.h"
#include "config/rule_pack.h"
#include "engine/engine.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "parse/targets.h"
#include "test_util.h"

namespace plancheck {
namespace {

using testing::FixturePath;
using testing::RulesPath;

const data::IndicatorDictionary& Dict() {
  static const data::IndicatorDictionary kDict = [] {
    ErrorList errors;
    return data::LoadIndicatorDictionary(RulesPath("indicators.yaml"), errors);
  }();
  return kDict;
}

const std::vector<rule::Rule>& Rules() {
  static const std::vector<rule::Rule> kRules = [] {
    std::vector<rule::Rule> rules;
    ErrorList errors;
    config::LoadRulePack(RulesPath("default/targets.yaml"), rules, errors);
    REQUIRE(errors.ToString() == "");
    return rules;
  }();
  return kRules;
}

const model::PlanTargets& Parent(const std::string& path, const std::string& display) {
  ErrorList errors;
  std::optional<model::PlanTargets> plan = config::LoadPlanFile(path, display, Dict(), errors);
  REQUIRE(errors.ToString() == "");
  REQUIRE(plan);
  static std::vector<std::unique_ptr<model::PlanTargets>> keep;
  keep.push_back(std::make_unique<model::PlanTargets>(std::move(*plan)));
  return *keep.back();
}

const model::PlanTargets& Chongqing2021() {
  static const model::PlanTargets& kPlan =
      Parent(FixturePath("seeds/004_2bfd8bfabc103b07.txt"), "004.txt");
  return kPlan;
}

const model::PlanTargets& Chongqing2023() {
  static const model::PlanTargets& kPlan =
      Parent(RulesPath("plans/chongqing-2023.yaml"), "chongqing-2023.yaml");
  return kPlan;
}

// "line:col rule-id: message" for each targets.* finding (unparsed-number left out unless
// asked for), one per line.
std::string Lint(const std::string& text, const model::PlanTargets* parent,
                 bool with_unparsed = false) {
  Result<model::Document> doc = ingest::LoadDocumentFromString(text, "child.txt");
  REQUIRE(doc.ok());
  parse::ParseDocument(*doc);
  parse::ExtractTargets(*doc, Dict());
  engine::LintOptions options;
  options.indicators = &Dict();
  options.parent_of = [parent](const model::Document&) { return parent; };
  std::string out;
  for (const Diagnostic& d : engine::LintDocument(*doc, engine::AllEnabled(Rules()), options)) {
    if (!with_unparsed && d.rule_id == "targets.unparsed-number") continue;
    if (d.rule_id.rfind("targets.", 0) != 0) continue;
    out += std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + " " + d.rule_id +
           ": " + d.message + "\n";
  }
  return out;
}

std::string Seed(const std::string& name) { return testing::ReadFile(FixturePath("seeds/" + name)); }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("000 under 004 gives no target finding", "[targets][lint]") {
  CHECK(Lint(Seed("000_d5b961fa901fa4dc.txt"), &Chongqing2021()) == "");
}

TEST_CASE("001 and 003 under the Chongqing 2023 sheet give no target finding",
          "[targets][lint]") {
  auto seed = GENERATE(as<std::string>{}, "001_8ef760ff784be5ac.txt", "003_9f57034e87119ac9.txt");
  CHECK(Lint(Seed(seed), &Chongqing2023()) == "");
}

TEST_CASE("weakened copies of 000 are caught", "[targets][lint]") {
  auto [from, to, expected] = GENERATE(table<std::string, std::string, std::string>({
      {"47.GDP增长8%以上", "47.GDP增长5.5%以上",
       "124:4 targets.weaker-than-parent: 地区生产总值目标“GDP增长5.5%以上”弱于上级目标“地区生产"
       "总值增长6%以上”（004.txt:181）\n"},
      {"49.固定资产投资增长12%", "49.固定资产投资增长5%",
       "128:4 targets.weaker-than-parent: 固定资产投资目标“固定资产投资增长5%”弱于上级目标“固定"
       "资产投资增长6%”（004.txt:184）\n"},
      {"单位GDP能耗下降3.5%", "单位GDP能耗下降2%",
       "275:38 targets.weaker-than-parent: 单位地区生产总值能耗目标“单位GDP能耗下降2%”弱于上级目"
       "标“单位地区生产总值能耗下降3%左右”（004.txt:200）\n"},
      {"城镇登记失业率控制在4%以内", "城镇调查失业率控制在6%以内",
       "307:19 targets.weaker-than-parent: 城镇调查失业率目标“城镇调查失业率控制在6%以内”弱于上级"
       "目标“城镇调查失业率5.5%左右”（004.txt:194）\n"},
      // Not comparable: a share, so no finding however low.
      {"森林覆盖率提高到50%", "森林覆盖率提高到20%", ""},
  }));
  CHECK(Lint(Replace(Seed("000_d5b961fa901fa4dc.txt"), from, to), &Chongqing2021()) == expected);
}

TEST_CASE("a weakened copy of 003 is caught under the 2023 sheet", "[targets][lint]") {
  const std::string text =
      Replace(Seed("003_9f57034e87119ac9.txt"), "规上工业增加值增长8.5%", "规上工业增加值增长7%");
  CHECK(Lint(text, &Chongqing2023()) ==
        "36:3 targets.weaker-than-parent: 规模以上工业增加值目标“规上工业增加值增长7%”弱于上级目标"
        "“规模以上工业增加值增长8%”（chongqing-2023.yaml:12）\n");
}

TEST_CASE("a binding parent indicator the child never mentions is reported",
          "[targets][lint]") {
  std::string text = Seed("000_d5b961fa901fa4dc.txt");
  text = Replace(text, "单位GDP能耗下降3.5%", "能源消费下降3.5%");
  const std::string out = Lint(text, &Chongqing2021());
  CHECK(out.find("targets.missing-binding: 上级方案的约束性指标“单位地区生产总值能耗”") !=
        std::string::npos);
}

TEST_CASE("one indicator stated twice with different values is reported", "[targets][lint]") {
  const std::string text =
      Replace(Seed("000_d5b961fa901fa4dc.txt"), "53.工业总产值突破500亿元", "53.GDP增长7%，工业总产值突破500亿元");
  CHECK(Lint(text, nullptr) ==
        "138:4 targets.internal-conflict: 地区生产总值（2021年）目标“GDP增长7%”与第124行的“GDP增长8%"
        "以上”不一致\n");
}

TEST_CASE("unparsed numbers show dictionary gaps", "[targets][lint]") {
  const std::string out = Lint("2021年区政府工作报告目标任务分解方案\n1.银河贷款余额增长10%以上。\n",
                               nullptr, true);
  CHECK(out == "2:9 targets.unparsed-number: 量化目标“增长10%以上”的指标未能识别，未参与目标比对\n");
}

TEST_CASE("without a parent plan nothing is compared", "[targets][lint]") {
  CHECK(Lint(Replace(Seed("000_d5b961fa901fa4dc.txt"), "47.GDP增长8%以上", "47.GDP增长5%以上"),
             nullptr) == "");
}

}  // namespace
}  // namespace plancheck
