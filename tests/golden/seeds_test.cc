// The seeds' lint output in every format, reviewed by hand and compared byte for byte:
// tests/golden/seeds/<seed>.{txt,json,sarif}.
#include <catch2/catch.hpp>

#include <filesystem>

#include "config/rule_pack.h"
#include "engine/engine.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "report/report.h"
#include "test_util.h"

namespace plancheck::testing {
namespace fs = std::filesystem;

TEST_CASE("seed lint output matches the reviewed goldens", "[golden][seeds]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(RulesPath("default"), rules, errors);
  REQUIRE(errors.ToString() == "");
  std::vector<report::RuleInfo> infos;
  for (const rule::Rule& r : rules) infos.push_back({r.id, r.title, r.severity, r.description});
  const std::vector<engine::ActiveRule> active = engine::AllEnabled(rules);

  std::vector<fs::path> seeds;
  for (const auto& entry : fs::directory_iterator(FixturePath("seeds"))) {
    if (entry.path().extension() == ".txt") seeds.push_back(entry.path());
  }
  std::sort(seeds.begin(), seeds.end());
  REQUIRE(seeds.size() == 5);
  for (const fs::path& seed : seeds) {
    const std::string display = "fixtures/seeds/" + seed.filename().string();
    DYNAMIC_SECTION(display) {
      Result<model::Document> doc = ingest::LoadDocument({seed.string(), display});
      REQUIRE(doc.ok());
      parse::ParseDocument(*doc);
      const std::vector<Diagnostic> diagnostics = engine::LintDocument(*doc, active, {});
      const std::string stem = TestDataPath("golden/seeds/" + seed.stem().string());
      report::ReportOptions options;
      options.tool_version = "test";
      CHECK(CompareGolden(stem + ".txt", report::FormatText(diagnostics, {display}, options)) == "");
      CHECK(CompareGolden(stem + ".json", report::FormatJson(diagnostics, {display}, options)) == "");
      CHECK(CompareGolden(stem + ".sarif",
                          report::FormatSarif(diagnostics, {display}, infos, options)) == "");
    }
  }
}

}  // namespace plancheck::testing
