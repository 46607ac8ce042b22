// GitLab Code Quality: validated against tests/data/codequality.schema.json (written from
// GitLab's documentation of the report) and its fingerprints checked for what GitLab needs
// of them: unique within a report, unchanged when lines move.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "report/report.h"
#include "test_util.h"

namespace plancheck::report {
namespace {

using nlohmann::json;

int Validate(const std::string& report) {
  const int status =
      testing::ValidateJsonSchema(testing::TestDataPath("data/codequality.schema.json"), report);
  if (status == -1) FAIL("python3-jsonschema is missing: run scripts/install-deps");
  return status;
}

std::vector<Diagnostic> Sample() {
  Diagnostic twice;
  twice.rule_id = "units.no-duplicates";
  twice.severity = Severity::kWarning;
  twice.file = "./notices/a.txt";
  twice.start = {52, 17};
  twice.message = "责任单位重复";
  twice.suggestion = "删除重复的单位";
  twice.task = "52";
  Diagnostic again = twice;  // the same finding on the same task: a second, distinct issue
  again.start = {52, 30};
  Diagnostic placed = twice;
  placed.rule_id = "task.lead-unit-required";
  placed.severity = Severity::kError;
  placed.file = "notices/b.docx";
  placed.origin.place = Place{.paragraph = 12};
  placed.suggestion.reset();
  Diagnostic unreadable;
  unreadable.rule_id = "input.unreadable";
  unreadable.severity = Severity::kError;
  unreadable.file = "notices/c.pdf";
  unreadable.message = "PDF 文件已加密";
  Diagnostic note = twice;
  note.severity = Severity::kInfo;
  note.rule_id = "style.note";
  return {twice, again, placed, unreadable, note};
}

std::string CodeQuality(const std::vector<Diagnostic>& diags) {
  return FormatReport(OutputFormat::kCodeQuality, diags, {"clean.txt"}, {}, ReportOptions{});
}

}  // namespace

TEST_CASE("Code Quality output validates against GitLab's documented fields",
          "[report][codequality]") {
  CHECK(Validate(CodeQuality(Sample())) == 0);
  CHECK(CodeQuality({}) == "[]\n");
  CHECK(Validate(CodeQuality({})) == 0);
}

TEST_CASE("the Code Quality schema check rejects what GitLab would not read",
          "[report][codequality]") {
  json report = json::parse(CodeQuality(Sample()));
  SECTION("unknown severity") { report[0]["severity"] = "warning"; }
  SECTION("no fingerprint") { report[0].erase("fingerprint"); }
  SECTION("line 0") { report[0]["location"]["lines"]["begin"] = 0; }
  SECTION("no lines") { report[0]["location"].erase("lines"); }
  SECTION("not an array") { report = report[0]; }
  CHECK(Validate(report.dump()) == 1);
}

TEST_CASE("Code Quality issues carry rule, severity, place and path", "[report][codequality]") {
  const json report = json::parse(CodeQuality(Sample()));
  REQUIRE(report.size() == 5);
  // File by file as the report lists them (notices/a.txt's three, then b.docx, c.pdf).
  CHECK(report[0]["check_name"] == "units.no-duplicates");
  CHECK(report[0]["severity"] == "minor");
  CHECK(report[0]["description"] == "责任单位重复（建议：删除重复的单位）");
  CHECK(report[0]["location"] == json({{"path", "notices/a.txt"}, {"lines", {{"begin", 52}}}}));
  CHECK(report[2]["check_name"] == "style.note");
  CHECK(report[2]["severity"] == "info");
  CHECK(report[3]["severity"] == "major");
  CHECK(report[3]["description"] == "段落 12：责任单位重复");
  CHECK(report[4]["check_name"] == "input.unreadable");
  CHECK(report[4]["location"]["lines"]["begin"] == 1);  // no line: the file's first
  std::set<std::string> fingerprints;
  for (const auto& issue : report) fingerprints.insert(issue["fingerprint"].get<std::string>());
  CHECK(fingerprints.size() == report.size());
}

TEST_CASE("Code Quality fingerprints do not move with the line", "[report][codequality][cli]") {
  const std::string dir = testing::MakeTempDir();
  const std::string seed = testing::ReadFile(testing::FixturePath("seeds/000_d5b961fa901fa4dc.txt"));
  auto fingerprints = [&](const std::string& text) {
    testing::WriteFile(dir + "/notice.txt", text);
    const auto run = testing::RunCli({"lint", dir + "/notice.txt", "--format", "codequality"});
    REQUIRE(run.err == "");
    CHECK(Validate(run.out) == 0);
    std::vector<std::string> out;
    std::vector<int> lines;
    for (const auto& issue : json::parse(run.out)) {
      out.push_back(issue["fingerprint"]);
      lines.push_back(issue["location"]["lines"]["begin"]);
    }
    return std::make_pair(out, lines);
  };
  const auto [a, a_lines] = fingerprints(seed);
  const auto [b, b_lines] = fingerprints("\n\n\n" + seed);  // every finding three lines down
  REQUIRE(!a.empty());
  CHECK(std::set<std::string>(a.begin(), a.end()).size() == a.size());
  CHECK(std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end()));
  CHECK(a_lines != b_lines);
}

}  // namespace plancheck::report
