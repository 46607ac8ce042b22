#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace plancheck::report {
namespace {

using nlohmann::json;

std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

Diagnostic Sample() {
  Diagnostic diag;
  diag.rule_id = "units.no-duplicates";
  diag.severity = Severity::kWarning;
  diag.file = "seeds/000.txt";
  diag.start = {52, 17};
  diag.end = {52, 22};
  diag.message = "第52项任务的责任单位“区经济信委”";
  diag.suggestion = "是否应为“区经济信息委”？";
  diag.task = "52";
  diag.related.push_back({"plans/city.txt", {8, 3}, "市级目标"});
  return diag;
}

}  // namespace

TEST_CASE("JSON output has the documented shape and key order", "[report][json]") {
  Diagnostic error = Sample();
  error.severity = Severity::kError;
  error.start = {60, 1};
  error.end = {61, 4};
  error.suggestion.reset();
  error.task.clear();
  error.related.clear();
  const std::string text =
      FormatJson({Sample(), error}, {"seeds/000.txt", "seeds/clean.txt"}, ReportOptions{});
  REQUIRE(text.back() == '\n');
  const auto root = nlohmann::ordered_json::parse(text);

  CHECK(Keys(root) == std::vector<std::string>{"version", "files", "summary"});
  CHECK(root["version"] == 1);
  REQUIRE(root["files"].is_array());
  REQUIRE(root["files"].size() == 2);
  CHECK(Keys(root["files"][0]) == std::vector<std::string>{"path", "diagnostics"});
  CHECK(root["files"][0]["path"] == "seeds/000.txt");
  CHECK(root["files"][1]["path"] == "seeds/clean.txt");
  CHECK(root["files"][1]["diagnostics"] == json::array());

  const auto& diags = root["files"][0]["diagnostics"];
  REQUIRE(diags.size() == 2);
  const auto& first = diags[0];
  CHECK(Keys(first) == std::vector<std::string>{"rule", "severity", "line", "column", "end_line",
                                                "end_column", "message", "task", "suggestion",
                                                "related"});
  CHECK(first["rule"] == "units.no-duplicates");
  CHECK(first["severity"] == "warning");
  CHECK(first["line"] == 52);
  CHECK(first["column"] == 17);
  CHECK(first["end_line"] == 52);
  CHECK(first["end_column"] == 22);
  CHECK(first["message"] == "第52项任务的责任单位“区经济信委”");
  CHECK(first["task"] == "52");
  CHECK(first["suggestion"] == "是否应为“区经济信息委”？");
  REQUIRE(first["related"].size() == 1);
  CHECK(Keys(first["related"][0]) == std::vector<std::string>{"file", "line", "column", "message"});
  CHECK(first["related"][0]["file"] == "plans/city.txt");
  CHECK(first["related"][0]["line"] == 8);

  const auto& second = diags[1];
  CHECK(second["severity"] == "error");
  CHECK(second["task"].is_null());
  CHECK(second["suggestion"].is_null());
  CHECK(second["related"] == json::array());
  CHECK(second["end_line"] == 61);

  CHECK(Keys(root["summary"]) == std::vector<std::string>{"error", "warning", "info", "files"});
  CHECK(root["summary"]["error"] == 1);
  CHECK(root["summary"]["warning"] == 1);
  CHECK(root["summary"]["info"] == 0);
  CHECK(root["summary"]["files"] == 2);
}

TEST_CASE("JSON output escapes quotes, backslashes and control characters", "[report][json]") {
  Diagnostic diag = Sample();
  diag.message = "say \"hi\"\nnext\\line\ttab\x01";
  diag.file = "dir/\"odd\".txt";
  const std::string text = FormatJson({diag}, {}, ReportOptions{});
  CHECK(text.find(R"("say \"hi\"\nnext\\line\ttab\u0001")") != std::string::npos);
  CHECK(text.find("区经济信息委") != std::string::npos);  // UTF-8 as is, not \u escapes
  const auto root = json::parse(text);
  CHECK(root["files"][0]["path"] == "dir/\"odd\".txt");
  CHECK(root["files"][0]["diagnostics"][0]["message"] == diag.message);
}

TEST_CASE("JSON output with nothing to report", "[report][json]") {
  const auto root = json::parse(FormatJson({}, {}, ReportOptions{}));
  CHECK(root["files"] == json::array());
  CHECK(root["summary"] == json{{"error", 0}, {"warning", 0}, {"info", 0}, {"files", 0}});

  const auto one = json::parse(FormatJson({}, {"a.txt", "a.txt"}, ReportOptions{}));
  REQUIRE(one["files"].size() == 1);
  CHECK(one["files"][0]["diagnostics"] == json::array());
  CHECK(one["summary"]["files"] == 1);
}

TEST_CASE("JSON output replaces invalid UTF-8 instead of throwing", "[report][json]") {
  Diagnostic diag = Sample();
  diag.message = "bad \xFF byte";
  std::string text;
  REQUIRE_NOTHROW(text = FormatJson({diag}, {}, ReportOptions{}));
  CHECK(json::parse(text)["files"][0]["diagnostics"][0]["message"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("JSON adds the place of a finding in a .docx, web page or PDF", "[report][json]") {
  Diagnostic cell = Sample();
  cell.file = "notice.docx";
  cell.excerpt = "区经济信委";
  cell.origin.place = Place{.table = 1, .row = 3, .column = 2};
  Diagnostic page = cell;
  page.start = {60, 1};
  page.origin.place = Place{.page = 2, .line = 14};
  cell.related.push_back({"notice.docx", {7, 1}, "区经济信息委", Place{.paragraph = 7}});
  Diagnostic paragraph = cell;
  paragraph.related.clear();
  paragraph.start = {70, 1};
  paragraph.origin.place = Place{.paragraph = 12};
  ReportOptions english;
  english.language = "en";
  const auto zh = nlohmann::ordered_json::parse(
      FormatJson({cell, page, paragraph, Sample()}, {}, ReportOptions{}));
  const auto en = nlohmann::ordered_json::parse(FormatJson({cell}, {}, english));

  const auto& diags = zh["files"][0]["diagnostics"];
  REQUIRE(diags.size() == 3);
  // Added at the end, after the version-1 keys, which stay as they were.
  CHECK(Keys(diags[0]) == std::vector<std::string>{"rule", "severity", "line", "column", "end_line",
                                                   "end_column", "message", "task", "suggestion",
                                                   "related", "place"});
  CHECK(diags[0]["place"].dump() ==
        R"({"kind":"table","table":1,"row":3,"column":2,"label":"表 1 第 3 行 第 2 列",)"
        R"("text":"区经济信委"})");
  CHECK(diags[1]["place"].dump() ==
        R"({"kind":"page","page":2,"line":14,"label":"第 2 页 第 14 行","text":"区经济信委"})");
  CHECK(diags[2]["place"].dump() ==
        R"({"kind":"paragraph","paragraph":12,"label":"段落 12","text":"区经济信委"})");
  CHECK(en["files"][0]["diagnostics"][0]["place"]["label"] == "table 1, row 3, column 2");
  // Related places: Sample()'s own related item (another file) has none.
  REQUIRE(diags[0]["related"].size() == 2);
  CHECK_FALSE(diags[0]["related"][0].contains("place"));
  CHECK(diags[0]["related"][1]["place"].dump() ==
        R"({"kind":"paragraph","paragraph":7,"label":"段落 7"})");
  // Plain text has no place key at all.
  CHECK_FALSE(zh["files"][1]["diagnostics"][0].contains("place"));
}
}  // namespace plancheck::report
