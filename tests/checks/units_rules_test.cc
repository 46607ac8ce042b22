// units.unknown (registered-unit) and units.inconsistent-name (consistent-unit-names), on
// snippets and on the seeds, through the rule pack and the engine.
//
// Documents are built here from their "责任单位：…；配合单位：…" lines rather than by the
// parser, so these tests pin the unit checks alone.
#include <catch2/catch.hpp>
#include <sstream>

#include "checks/consistent_unit_names.h"
#include "checks/registered_unit.h"
#include "config/rule_pack.h"
#include "engine/engine.h"
#include "ingest/ingest.h"
#include "test_util.h"

namespace plancheck::checks {
namespace {

using plancheck::testing::FixturePath;
using plancheck::testing::ReadFile;
using plancheck::testing::RulesPath;

// Appends the names of a "、"/"，"-separated list at text[begin, end) to `units`.
void AddUnits(const model::Document& doc, std::size_t begin, std::size_t end,
              std::vector<model::Located>& units) {
  const std::string_view text(doc.text);
  while (begin < end) {
    std::size_t stop = end;
    for (std::string_view separator : {"、", "，"}) {
      const std::size_t at = text.find(separator, begin);
      if (at < stop) stop = at;
    }
    std::size_t name_end = stop;
    if (text.substr(begin, name_end - begin).ends_with("。"))
      name_end -= std::string_view("。").size();
    if (name_end > begin) {
      units.push_back(
          {std::string(text.substr(begin, name_end - begin)), doc.Locate({begin, name_end})});
    }
    begin = stop == end ? end : stop + std::string_view("、").size();
  }
}

// A document whose tasks are its "责任单位：…" lines, with the given level and region.
model::Document UnitsDocument(const std::string& text, model::AdminLevel level,
                              const std::string& region, const std::string& name = "s.txt") {
  Result<model::Document> loaded = ingest::LoadDocumentFromString(text, name);
  REQUIRE(loaded.ok());
  model::Document doc = std::move(*loaded);
  doc.metadata.level = level;
  doc.metadata.region = region;
  model::Section section;
  section.implicit = true;
  const std::string_view all(doc.text);
  const std::string_view lead_label = "责任单位：";
  const std::string_view cooperating_label = "配合单位：";
  for (std::size_t line_begin = 0; line_begin < all.size();) {
    std::size_t line_end = all.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = all.size();
    const std::string_view line = all.substr(line_begin, line_end - line_begin);
    if (const std::size_t label = line.find(lead_label); label != std::string_view::npos) {
      model::Task task;
      task.ordinal = static_cast<int>(section.tasks.size()) + 1;
      task.number.text = std::to_string(task.ordinal) + ".";
      task.number.value = task.ordinal;
      task.number.style = model::NumberStyle::kArabicDot;
      task.loc = task.text_loc = doc.Locate({line_begin, line_end});
      const std::size_t lead_begin = line_begin + label + lead_label.size();
      const std::size_t cooperating = line.find(cooperating_label);
      if (cooperating == std::string_view::npos) {
        AddUnits(doc, lead_begin, line_end, task.lead_units);
      } else {
        const std::size_t lead_end = line_begin + cooperating - std::string_view("；").size();
        AddUnits(doc, lead_begin, lead_end, task.lead_units);
        AddUnits(doc, line_begin + cooperating + cooperating_label.size(), line_end,
                 task.cooperating_units);
      }
      section.tasks.push_back(std::move(task));
    }
    line_begin = line_end + 1;
  }
  model::Part part;
  part.implicit = true;
  part.sections.push_back(std::move(section));
  doc.parts.push_back(std::move(part));
  return doc;
}

// "line:column: message [rule-id] → suggestion", one line per diagnostic of `rule_id`.
std::string Lint(const model::Document& doc, const std::string& rule_id,
                 const std::string& pack = RulesPath("default/units-registry.yaml")) {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(pack, rules, errors);
  REQUIRE(errors.ToString() == "");
  std::vector<engine::ActiveRule> active;
  for (const engine::ActiveRule& rule : engine::AllEnabled(rules)) {
    if (rule.rule->id == rule_id) active.push_back(rule);
  }
  REQUIRE(active.size() == 1);
  std::ostringstream out;
  for (const Diagnostic& d : engine::LintDocument(doc, active, {})) {
    out << d.start.line << ":" << d.start.column << ": " << d.message << " [" << d.rule_id << "]";
    if (d.suggestion) out << " → " << *d.suggestion;
    out << "\n";
  }
  return out.str();
}

}  // namespace

TEST_CASE("units.misspelt reports a name one edit from a registered one, units.unknown the rest",
          "[units][checks]") {
  auto [text, misspelt, unknown] = GENERATE(table<std::string, std::string, std::string>({
      // One character dropped: certain, an error.
      {"责任单位：区经济信委；配合单位：区科技局。\n",
       "1:6: 单位名称“区经济信委”有误，应为本地区单位名录中的“区经济信息委” [units.misspelt] → "
       "改为“区经济信息委”\n",
       ""},
      // Two edits from 市大数据发展局 (fixtures/seeds/004): suggested, but only a warning.
      {"责任单位：区规划自然资源管理局。\n", "",
       "1:6: 单位名称“区规划自然资源管理局”不在本地区单位名录中 [units.unknown] → "
       "是否应为“区规划自然资源局”？\n"},
      {"责任单位：区经济信息委；配合单位：区科技局。\n", "", ""},  // the near miss
  }));
  CAPTURE(text);
  const model::Document doc = UnitsDocument(text, model::AdminLevel::kDistrict, "梁平区");
  CHECK(Lint(doc, "units.misspelt") == misspelt);
  CHECK(Lint(doc, "units.unknown") == unknown);
}

TEST_CASE("units.unknown reports names in no registry, with the likely name", "[units][checks]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"责任单位：区经济信息委；配合单位：区科技局。\n", ""},  // the near miss
      {"责任单位：区发改委、双桂新城管委会；配合单位：各乡镇（街道）、竹山镇。\n", ""},
      {"责任单位：区月球开发局。\n",  // unknown, nothing close: no suggestion
       "1:6: 单位名称“区月球开发局”不在本地区单位名录中 [units.unknown]\n"},
      {"责任单位：江津区规划自然资源局。\n",  // 江津's spelling, in a 梁平 plan
       "1:6: 单位名称“江津区规划自然资源局”不在本地区单位名录中 [units.unknown]\n"},
  }));
  CHECK(Lint(UnitsDocument(text, model::AdminLevel::kDistrict, "梁平区"), "units.unknown") ==
        expected);
}

TEST_CASE("units.inconsistent-name reports the minority spelling of a unit", "[units][checks]") {
  auto [region, text, expected] = GENERATE(table<std::string, std::string, std::string>({
      {"梁平区", "责任单位：双桂新城管委会。\n责任单位：新城管委会。\n责任单位：双桂新城管委会。\n",
       "2:6: 同一单位写法不一致：“新城管委会”，文中另有2处写作“双桂新城管委会” "
       "[units.inconsistent-name] → 统一写作“双桂新城管委会”\n"},
      {"江津区",
       "责任单位：江津区规划自然资源局。\n责任单位：区规划自然资源局；配合单位：江津区规划自然资源"
       "局。\n",
       "2:6: 同一单位写法不一致：“区规划自然资源局”，文中另有2处写作“江津区规划自然资源局” "
       "[units.inconsistent-name] → 统一写作“江津区规划自然资源局”\n"},
      {"涪陵区", "责任单位：农业农村委。\n责任单位：区农业农村委。\n",  // tie: canonical
       "1:6: 同一单位写法不一致：“农业农村委”，文中另有1处写作“区农业农村委” "
       "[units.inconsistent-name] → 统一写作“区农业农村委”\n"},
      // The 区 written once serves the list (fixtures/seeds/001): not another spelling.
      {"涪陵区", "责任单位：区农业农村委；配合单位：区人力社保局、农业农村委。\n", ""},
      // Near misses: one spelling throughout; a second designation in parentheses.
      {"梁平区", "责任单位：双桂新城管委会。\n责任单位：双桂新城管委会。\n", ""},
      {"江津区", "责任单位：区农业农村委（区乡村振兴局）。\n责任单位：区农业农村委。\n", ""},
      // A slip of a registered name is units.unknown's, not a second spelling.
      {"梁平区", "责任单位：区经济信息委。\n责任单位：区经济信委。\n", ""},
  }));
  CHECK(Lint(UnitsDocument(text, model::AdminLevel::kDistrict, region),
             "units.inconsistent-name") == expected);
}

TEST_CASE("units.inconsistent-name groups slips when no registry knows the names",
          "[units][checks]") {
  const std::string text =
      "责任单位：县经济信息委。\n责任单位：县经济信息委。\n责任单位：县经济信委。\n"
      "责任单位：县文化委。\n责任单位：县文化旅游委。\n";
  CHECK(Lint(UnitsDocument(text, model::AdminLevel::kDistrict, "城口县"),
             "units.inconsistent-name") ==
        "3:6: 同一单位写法不一致：“县经济信委”，文中另有2处写作“县经济信息委” "
        "[units.inconsistent-name] → 统一写作“县经济信息委”\n");
}

TEST_CASE("units.inconsistent-name knows one department's spellings without a registry",
          "[units][checks]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // liaoning-shenhe-2024: the prefix dropped from one unit.
      {"责任单位：区发改局。\n责任单位：发改局。\n责任单位：区发改局。\n",
       "2:6: 同一单位写法不一致：“发改局”，文中另有2处写作“区发改局” [units.inconsistent-name] → "
       "统一写作“区发改局”\n"},
      // Two variants of one department under one prefix.
      {"责任单位：区发改局。\n责任单位：区发展改革局。\n责任单位：区发改局。\n",
       "2:6: 同一单位写法不一致：“区发展改革局”，文中另有2处写作“区发改局” "
       "[units.inconsistent-name] → 统一写作“区发改局”\n"},
      // Near misses: a prefix written once serves the list; two levels are two units.
      {"责任单位：区发改局、财政局。\n责任单位：区财政局。\n", ""},
      {"责任单位：区发改局。\n责任单位：市发改局。\n", ""},
  }));
  CAPTURE(text);
  // 沈河区 (辽宁): no registry covers it.
  CHECK(Lint(UnitsDocument(text, model::AdminLevel::kDistrict, "沈河区"),
             "units.inconsistent-name") == expected);
  CHECK(Lint(UnitsDocument(text, model::AdminLevel::kDistrict, "沈河区"), "units.unknown") == "");
}

TEST_CASE("two registered units are never one unit misspelt", "[units][checks]") {
  // 区文化委 and 区文化旅游委 share words but both are registered: distinct units.
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/units/u.yaml",
                     "registry: u\nlevel: any\nunits: [{name: 区文化委}, {name: 区文化旅游委}]\n");
  testing::WriteFile(dir + "/default/r.yaml", ReadFile(RulesPath("default/units-registry.yaml")));
  testing::WriteFile(dir + "/units/patterns/departments.yaml",
                     ReadFile(RulesPath("units/patterns/departments.yaml")));
  const std::string text =
      "责任单位：区文化委。\n责任单位：区文化旅游委。\n责任单位：区文化旅游委。\n";
  const model::Document doc = UnitsDocument(text, model::AdminLevel::kDistrict, "梁平区");
  CHECK(Lint(doc, "units.unknown", dir + "/default/r.yaml") == "");
  CHECK(Lint(doc, "units.misspelt", dir + "/default/r.yaml") == "");
  CHECK(Lint(doc, "units.inconsistent-name", dir + "/default/r.yaml") == "");
}

TEST_CASE("the unit rules find the slips in the seeds and nothing else", "[units][checks][seeds]") {
  auto [seed, region, rule_id, expected] =
      GENERATE(table<std::string, std::string, std::string, std::string>({
          {"000_d5b961fa901fa4dc.txt", "梁平区", "units.misspelt",
           "137:14: 单位名称“区经济信委”有误，应为本地区单位名录中的“区经济信息委” "
           "[units.misspelt] → 改为“区经济信息委”\n"
           "204:23: 单位名称“双桂新城管委”有误，应为本地区单位名录中的“双桂新城管委会” "
           "[units.misspelt] → 改为“双桂新城管委会”\n"},
          {"000_d5b961fa901fa4dc.txt", "梁平区", "units.unknown", ""},
          {"000_d5b961fa901fa4dc.txt", "梁平区", "units.inconsistent-name",
           "208:31: 同一单位写法不一致：“新城管委会”，文中另有5处写作“双桂新城管委会” "
           "[units.inconsistent-name] → 统一写作“双桂新城管委会”\n"},
          {"003_9f57034e87119ac9.txt", "江津区", "units.unknown", ""},
          {"003_9f57034e87119ac9.txt", "江津区", "units.misspelt", ""},
          {"003_9f57034e87119ac9.txt", "江津区", "units.inconsistent-name", ""},
      }));
  INFO(seed << " " << rule_id);
  const model::Document doc = UnitsDocument(ReadFile(FixturePath("seeds/" + seed)),
                                            model::AdminLevel::kDistrict, region, seed);
  CHECK(Lint(doc, rule_id) == expected);
}

TEST_CASE("the unit rules on the parsed seeds", "[units][checks][seeds]") {
  auto [seed, expected] = GENERATE(table<std::string, std::string>({
      {"000_d5b961fa901fa4dc.txt",
       "137:14: 单位名称“区经济信委”有误，应为本地区单位名录中的“区经济信息委” "
       "[units.misspelt] → 改为“区经济信息委”\n"
       "204:23: 单位名称“双桂新城管委”有误，应为本地区单位名录中的“双桂新城管委会” "
       "[units.misspelt] → 改为“双桂新城管委会”\n"
       "208:31: 同一单位写法不一致：“新城管委会”，文中另有5处写作“双桂新城管委会” "
       "[units.inconsistent-name] → 统一写作“双桂新城管委会”\n"},
      {"001_8ef760ff784be5ac.txt",
       "488:2: 同一单位写法不一致：“物流办”，文中另有2处写作“区物流办” "
       "[units.inconsistent-name] → 统一写作“区物流办”\n"},
      {"002_e9c6d1be0a07cf1f.txt", ""},
      {"003_9f57034e87119ac9.txt", ""},
      {"004_2bfd8bfabc103b07.txt",
       "107:49: 单位名称“市金融管理局”不在本地区单位名录中 [units.unknown] → "
       "是否应为“市金融监管局”？\n"
       "222:43: 单位名称“市大数据管理局”不在本地区单位名录中 [units.unknown] → "
       "是否应为“市大数据发展局”？\n"
       "400:53: 单位名称“市规划自然资源管理局”不在本地区单位名录中 [units.unknown] → "
       "是否应为“市规划自然资源局”？\n"},
  }));
  INFO(seed);
  const model::Document doc = testing::ParseFixture("seeds/" + seed);
  CHECK(Lint(doc, "units.misspelt") + Lint(doc, "units.unknown") +
            Lint(doc, "units.inconsistent-name") ==
        expected);
}

}  // namespace plancheck::checks
