#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "test_util.h"

namespace plancheck::report {
namespace {

using nlohmann::json;

// Validates `sarif` against the OASIS schema in tests/data (Draft 7). The copy there keeps
// the log's own constraints in definitions/Root with nothing at the top level pointing
// there, so as written it accepts any JSON at all (the negative test below caught this);
// ValidateJsonSchema checks such a schema against definitions/Root.
int ValidateSarif(const std::string& sarif) {
  const int status =
      testing::ValidateJsonSchema(testing::TestDataPath("data/sarif-schema-2.1.0.json"), sarif);
  if (status == -1) FAIL("python3-jsonschema is missing: run scripts/install-deps");
  return status;
}

std::vector<Diagnostic> SampleDiagnostics() {
  Diagnostic warning;
  warning.rule_id = "units.no-duplicates";
  warning.severity = Severity::kWarning;
  warning.file = "seeds/目录 一/000.txt";
  warning.start = {52, 17};
  warning.end = {52, 22};
  warning.message = "第52项任务的责任单位“区经济信委”";
  warning.suggestion = "是否应为“区经济信息委”？";
  warning.task = "52";
  warning.excerpt = "区经济信委";
  warning.related.push_back({"plans/city.txt", {8, 3}, "市级目标"});
  warning.related.push_back({"", {0, 0}, ""});

  Diagnostic info = warning;
  info.rule_id = "style.not-in-pack";
  info.severity = Severity::kInfo;
  info.start = {60, 1};
  info.end = {62, 4};
  info.suggestion.reset();
  info.related.clear();
  info.task.clear();

  Diagnostic unreadable;
  unreadable.rule_id = "input.unreadable";
  unreadable.severity = Severity::kError;
  unreadable.file = "/abs/missing.txt";
  unreadable.message = "无法读取";
  return {warning, info, unreadable};
}

std::vector<RuleInfo> SampleRules() {
  return {{"units.no-duplicates", "责任单位重复", Severity::kWarning, "删除重复的单位"},
          {"input.unreadable", "无法读取文件", Severity::kError, ""},
          {"units.no-duplicates", "duplicate id dropped", Severity::kError, ""}};
}

ReportOptions Options() {
  ReportOptions options;
  options.tool_version = "0.1.0";
  options.information_uri = "https://example.invalid/plancheck";
  return options;
}

}  // namespace

TEST_CASE("SARIF output validates against the 2.1.0 schema", "[report][sarif]") {
  const std::string sarif = FormatSarif(SampleDiagnostics(), {"seeds/目录 一/000.txt", "clean.txt"},
                                        SampleRules(), Options());
  CHECK(ValidateSarif(sarif) == 0);
}

TEST_CASE("an empty SARIF run validates", "[report][sarif]") {
  CHECK(ValidateSarif(FormatSarif({}, {}, {}, ReportOptions{})) == 0);
  CHECK(ValidateSarif(FormatSarif({}, {"a.txt", "b.txt"}, SampleRules(), Options())) == 0);
}

TEST_CASE("the SARIF validator rejects a broken document", "[report][sarif]") {
  auto root = json::parse(FormatSarif(SampleDiagnostics(), {}, SampleRules(), Options()));
  SECTION("unknown level") { root["runs"][0]["results"][0]["level"] = "fatal"; }
  SECTION("line 0") {
    root["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  }
  SECTION("unknown property") { root["runs"][0]["tool"]["driver"]["colour"] = "red"; }
  SECTION("not a log at all") { root = json{{"bogus", 1}}; }
  CHECK(ValidateSarif(root.dump()) == 1);
}

TEST_CASE("SARIF results carry rules, levels, locations and artifacts", "[report][sarif]") {
  const auto root = json::parse(FormatSarif(
      SampleDiagnostics(), {"seeds/目录 一/000.txt", "clean.txt"}, SampleRules(), Options()));
  CHECK(root["version"] == "2.1.0");
  REQUIRE(root["runs"].size() == 1);
  const auto& run = root["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");

  const auto& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "plancheck");
  CHECK(driver["version"] == "0.1.0");
  CHECK(driver["informationUri"] == "https://example.invalid/plancheck");
  const auto& rules = driver["rules"];
  REQUIRE(rules.size() == 3);  // two given (one duplicate dropped), one only a result names
  CHECK(rules[0]["id"] == "units.no-duplicates");
  CHECK(rules[0]["shortDescription"]["text"] == "责任单位重复");
  CHECK(rules[0]["fullDescription"]["text"] == "删除重复的单位");
  CHECK(rules[0]["help"]["text"] == "删除重复的单位");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[1]["id"] == "input.unreadable");
  CHECK_FALSE(rules[1].contains("help"));
  CHECK(rules[1]["defaultConfiguration"]["level"] == "error");
  CHECK(rules[2] == json{{"id", "style.not-in-pack"}});

  const auto& artifacts = run["artifacts"];
  REQUIRE(artifacts.size() == 4);
  CHECK(artifacts[0]["location"]["uri"] == "seeds/%E7%9B%AE%E5%BD%95%20%E4%B8%80/000.txt");
  CHECK(artifacts[0]["location"]["uriBaseId"] == "%SRCROOT%");
  CHECK(artifacts[1]["location"]["uri"] == "clean.txt");
  CHECK(artifacts[2]["location"]["uri"] == "file:///abs/missing.txt");
  CHECK_FALSE(artifacts[2]["location"].contains("uriBaseId"));
  CHECK(artifacts[3]["location"]["uri"] == "plans/city.txt");  // named by a related location

  const auto& results = run["results"];
  REQUIRE(results.size() == 3);
  const auto& first = results[0];
  CHECK(first["ruleId"] == "units.no-duplicates");
  CHECK(first["ruleIndex"] == 0);
  CHECK(first["level"] == "warning");
  CHECK(first["message"]["text"] ==
        "第52项任务的责任单位“区经济信委”\n建议：是否应为“区经济信息委”？");
  const auto& physical = first["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"]["index"] == 0);
  CHECK(physical["region"] == json{{"startLine", 52},
                                   {"startColumn", 17},
                                   {"endLine", 52},
                                   {"endColumn", 22},
                                   {"snippet", {{"text", "区经济信委"}}}});
  REQUIRE(first["relatedLocations"].size() == 2);
  CHECK(first["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["index"] == 3);
  CHECK(first["relatedLocations"][0]["message"]["text"] == "市级目标");
  CHECK(first["relatedLocations"][1]["physicalLocation"]["artifactLocation"]["index"] == 0);
  CHECK_FALSE(first["relatedLocations"][1]["physicalLocation"].contains("region"));
  CHECK(first["properties"]["task"] == "52");

  CHECK(results[1]["ruleIndex"] == 2);
  CHECK(results[1]["level"] == "note");
  CHECK(results[1]["locations"][0]["physicalLocation"]["region"]["endLine"] == 62);
  CHECK_FALSE(results[1].contains("properties"));

  CHECK(results[2]["ruleIndex"] == 1);
  CHECK(results[2]["level"] == "error");
  CHECK_FALSE(results[2]["locations"][0]["physicalLocation"].contains("region"));
}

TEST_CASE("SARIF omits an unset version and information URI", "[report][sarif]") {
  const auto root = json::parse(FormatSarif({}, {}, {}, ReportOptions{}));
  const auto& driver = root["runs"][0]["tool"]["driver"];
  CHECK(driver == json{{"name", "plancheck"}, {"rules", json::array()}});
}

TEST_CASE("paths become URI references", "[report][sarif]") {
  auto [path, uri] = GENERATE(table<std::string, std::string>({
      {"fixtures/seeds/000.txt", "fixtures/seeds/000.txt"},
      {"./a b.txt", "a%20b.txt"},
      {"././x.txt", "x.txt"},
      {"../up/x.txt", "../up/x.txt"},
      {"a#b?.txt", "a%23b%3F.txt"},
      {"100%.txt", "100%25.txt"},
      {"c:x.txt", "c%3Ax.txt"},  // not a scheme
      {"区/任务.txt", "%E5%8C%BA/%E4%BB%BB%E5%8A%A1.txt"},
      {"/home/u/a b.txt", "file:///home/u/a%20b.txt"},
      {"C:/work/x.txt", "file:///C:/work/x.txt"},
  }));
  CHECK(PathToUri(path) == uri);
}

TEST_CASE("SARIF names the place of a finding in a .docx or PDF", "[report][sarif]") {
  std::vector<Diagnostic> diags = SampleDiagnostics();
  diags[0].file = "notice.docx";
  diags[0].origin.place = Place{.table = 1, .row = 3, .column = 2};
  diags[1].file = "notice.pdf";
  diags[1].origin.place = Place{.page = 2, .line = 14};
  diags[0].related.push_back({"notice.docx", {7, 1}, "区经济信息委", Place{.paragraph = 7}});
  const std::string sarif = FormatSarif(diags, {}, SampleRules(), Options());
  CHECK(ValidateSarif(sarif) == 0);
  const auto root = json::parse(sarif);
  const auto& results = root["runs"][0]["results"];
  const auto& cell = results[0]["locations"][0];
  CHECK(cell["physicalLocation"]["region"]["snippet"]["text"] == "区经济信委");
  CHECK(cell["logicalLocations"] ==
        json::parse(R"([{"name":"表 1 第 3 行 第 2 列","kind":"element"}])"));
  CHECK(cell["properties"]["place"] ==
        json::parse(
            R"({"kind":"table","table":1,"row":3,"column":2,"label":"表 1 第 3 行 第 2 列"})"));
  const auto& line = results[1]["locations"][0];
  CHECK(line["logicalLocations"] == json::parse(R"([{"name":"第 2 页 第 14 行","kind":"text"}])"));
  CHECK(line["properties"]["place"]["page"] == 2);
  const auto& related = results[0]["relatedLocations"];
  REQUIRE(related.size() == 3);
  CHECK_FALSE(related[0].contains("logicalLocations"));
  CHECK(related[2]["logicalLocations"] == json::parse(R"([{"name":"段落 7","kind":"element"}])"));
  // Plain text: no logical location.
  CHECK_FALSE(results[2]["locations"][0].contains("logicalLocations"));
}
}  // namespace plancheck::report
