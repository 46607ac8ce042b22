// `plancheck parse` and `plancheck audit` over a .docx name the place a person finds a
// task, finding or target by. Expected places are read off fixtures/docx/001's
// word/document.xml: table 2 row 45 column 5 is "物流办" (written "区物流办" elsewhere),
// table 1 row 2 column 1 is "1、地区生产总值增长6.5%。", table 2 row 154 column 3 holds
// "…一级以上幼儿园占比达到40%。…覆盖面达60%。".
#include <catch2/catch.hpp>
#include <string>

#include "cli/app.h"
#include "test_util.h"

namespace plancheck {
namespace {

using testing::FixturePath;
using testing::ReadFile;
using testing::RunCli;

const std::string kDocx = "docx/001_8ef760ff784be5ac.docx";

// The CSV row (without its CRLF) that contains `needle`; "" when none does.
std::string RowWith(const std::string& csv, const std::string& needle) {
  const std::size_t at = csv.find(needle);
  if (at == std::string::npos) return "";
  const std::size_t begin = csv.rfind("\r\n", at);
  const std::size_t start = begin == std::string::npos ? 0 : begin + 2;
  return csv.substr(start, csv.find("\r\n", at) - start);
}

bool EndsWith(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

TEST_CASE("parse --format json names table cells, --lang en in English", "[cli][parse][place]") {
  const auto zh = RunCli({"parse", "--format", "json", FixturePath(kDocx)});
  INFO(zh.err);
  CHECK(zh.exit_code == cli::kExitOk);
  CHECK(zh.out.find("\"label\": \"表 2 第 45 行 第 3 列\"") != std::string::npos);
  const auto en = RunCli({"parse", "--format", "json", "--lang", "en", FixturePath(kDocx)});
  CHECK(en.exit_code == cli::kExitOk);
  CHECK(en.out.find("\"label\": \"table 2, row 45, column 3\"") != std::string::npos);
  CHECK(en.out.find("表 2") == std::string::npos);
}

TEST_CASE("audit of a .docx shows findings' and targets' places in CSV and HTML",
          "[cli][audit][place]") {
  const std::string dir = testing::MakeTempDir();
  const auto result = RunCli({"audit", FixturePath(kDocx), "--out", dir, "--fail-on", "never"});
  INFO(result.err);
  REQUIRE(result.exit_code == cli::kExitOk);

  const std::string findings = ReadFile(dir + "/findings.csv");
  CHECK(findings.rfind("\xEF\xBB\xBF"
                       "file,line,column,severity,rule,message,suggestion,place\r\n",
                       0) == 0);
  const std::string unit_row = RowWith(findings, "units.inconsistent-name");
  CHECK(unit_row.find("“物流办”") != std::string::npos);
  CHECK(EndsWith(unit_row, ",表 2 第 45 行 第 5 列"));
  const std::string target_row = RowWith(findings, "量化目标“达到40%”");
  CHECK(EndsWith(target_row, ",表 2 第 154 行 第 3 列"));

  const std::string targets = ReadFile(dir + "/targets.csv");
  CHECK(targets.rfind("\xEF\xBB\xBF"
                      "file,indicator,child_value,parent_value,parent_plan,status,"
                      "reason,line,place\r\n",
                      0) == 0);
  const std::string gdp = RowWith(targets, ",地区生产总值,增长6.5%,");
  CHECK(EndsWith(gdp, ",表 1 第 2 行 第 1 列"));

  const std::string html = ReadFile(dir + "/report.html");
  CHECK(html.find("<br><span class=\"place\">表 2 第 45 行 第 5 列</span></td>"
                  "<td class=\"sev\">warning</td><td>units.inconsistent-name</td>") !=
        std::string::npos);
  CHECK(html.find(
            "<br><span class=\"place\">表 1 第 2 行 第 1 列</span></td><td>地区生产总值</td>") !=
        std::string::npos);

  SECTION("in English with --lang en (a label with commas is quoted in CSV)") {
    const std::string en_dir = testing::MakeTempDir();
    const auto en = RunCli(
        {"audit", FixturePath(kDocx), "--out", en_dir, "--fail-on", "never", "--lang", "en"});
    REQUIRE(en.exit_code == cli::kExitOk);
    CHECK(EndsWith(RowWith(ReadFile(en_dir + "/findings.csv"), "units.inconsistent-name"),
                   ",\"table 2, row 45, column 5\""));
    CHECK(ReadFile(en_dir + "/report.html")
              .find("<span class=\"place\">table 2, row 45, column 5<") != std::string::npos);
  }
}

TEST_CASE("audit of plain text leaves the place columns empty", "[cli][audit][place]") {
  // The near miss: the text seed of the same notice.
  const std::string dir = testing::MakeTempDir();
  const auto result = RunCli(
      {"audit", FixturePath("seeds/001_8ef760ff784be5ac.txt"), "--out", dir, "--fail-on", "never"});
  REQUIRE(result.exit_code == cli::kExitOk);
  const std::string unit_row = RowWith(ReadFile(dir + "/findings.csv"), "units.inconsistent-name");
  CHECK(EndsWith(unit_row, "统一写作“区物流办”,"));
  const std::string gdp = RowWith(ReadFile(dir + "/targets.csv"), ",地区生产总值,增长6.5%,");
  CHECK_FALSE(gdp.empty());
  CHECK(EndsWith(gdp, ","));  // a line number, then an empty place
  CHECK(ReadFile(dir + "/report.html").find("<span class=\"place\">") == std::string::npos);
}

}  // namespace
}  // namespace plancheck
