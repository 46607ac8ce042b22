// The auditor report's renderers: HTML escaping, CSV quoting and BOM, tables present.
#include <catch2/catch.hpp>
#include <string>

#include "report/audit_csv.h"
#include "report/audit_html.h"
#include "report/csv.h"

namespace plancheck::report {
namespace {

AuditReport Sample() {
  AuditReport r;
  r.tool_version = "test";
  r.files = {"a<b>.txt", "clean.txt"};
  r.findings = {{"a<b>.txt", 3, 5, "error", "task.lead-unit-required",
                 "第3项任务未明确牵头单位 <script>alert(1)</script>", "补充“牵头单位”, \"即可\""}};
  r.targets = {{"a<b>.txt", "地区生产总值", "7%", "8%以上", "重庆市", "weaker", "7 < 8"},
               {"a<b>.txt", "城镇调查失业率", "5.5%以内", "5.5%左右", "重庆市", "consistent", ""}};
  r.units = {{"a<b>.txt", "区发展改革委", 4, 2}, {"a<b>.txt", "区财政局", 1, 6}};
  return r;
}

TEST_CASE("HtmlEscape escapes the five markup characters", "[report][audit]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"<a href=\"x\">&'", "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"},
      {"区发展改革委", "区发展改革委"},  // the near miss: Chinese text passes through
  }));
  CHECK(HtmlEscape(text) == expected);
}

TEST_CASE("CsvField quotes only when RFC 4180 needs it", "[report][audit]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""},
      {"牵头单位：区财政局", "牵头单位：区财政局"},
  }));
  CHECK(CsvField(text) == expected);
}

// OWASP CSV injection: a unit name or task text from a document must not become a formula
// in Excel or WPS (tests/robustness: units.csv from a whole audit).
TEST_CASE("CsvField neutralises cells a spreadsheet would run as formulas", "[report][audit]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      {"+SUM(1+1)*cmd|' /C calc'!A0", "'+SUM(1+1)*cmd|' /C calc'!A0"},
      {"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
      {"@SUM(1+1)", "'@SUM(1+1)"},
      {"\t=1+1", "'\t=1+1"},
      {"\r=1+1", "\"'\r=1+1\""},
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      // The near misses: numbers stay numbers, and a formula character later is harmless.
      {"-3", "-3"},
      {"+2.5%", "+2.5%"},
      {"-0.5", "-0.5"},
      {"区财政局=1", "区财政局=1"},
      {"", ""},
      {"-", "'-"},
      {"-3-3", "'-3-3"},
  }));
  CHECK(CsvField(text) == expected);
}

TEST_CASE("audit CSV files start with a BOM and a header, rows end in CRLF", "[report][audit]") {
  const AuditReport r = Sample();
  const std::string bom = "\xEF\xBB\xBF";
  const std::string findings = AuditFindingsCsv(r);
  CHECK(findings.rfind(bom + "file,line,column,severity,rule,message,suggestion,place\r\n", 0) ==
        0);
  CHECK(findings.find("a<b>.txt,3,5,error,task.lead-unit-required,") != std::string::npos);
  CHECK(findings.find(",\"补充“牵头单位”, \"\"即可\"\"\",\r\n") != std::string::npos);  // no place
  const std::string targets = AuditTargetsCsv(r);
  CHECK(targets.rfind(bom + "file,indicator,child_value,parent_value,parent_plan,status,", 0) == 0);
  CHECK(targets.find("地区生产总值,7%,8%以上,重庆市,weaker") != std::string::npos);
  const std::string units = AuditUnitsCsv(r);
  CHECK(units == bom +
                     "file,unit,lead,cooperate\r\na<b>.txt,区发展改革委,4,2\r\n"
                     "a<b>.txt,区财政局,1,6\r\n");
}

TEST_CASE("audit HTML is self-contained, escaped and has every table", "[report][audit]") {
  const std::string html = AuditHtml(Sample());
  CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("a&lt;b&gt;.txt:3:5") != std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // no external resources
  CHECK(html.find("<table class=\"summary\">") != std::string::npos);
  CHECK(html.find("<table class=\"findings\">") != std::string::npos);
  CHECK(html.find("<table class=\"targets\">") != std::string::npos);
  CHECK(html.find("<tr class=\"weaker\">") != std::string::npos);
  CHECK(html.find("<table class=\"units\">") != std::string::npos);
  // The largest count (6) gets the full 300px bar; 4 of 6 gets 200px.
  CHECK(html.find("width:300px") != std::string::npos);
  CHECK(html.find("width:200px") != std::string::npos);
  CHECK(html.find("无问题 (no findings)") != std::string::npos);  // clean.txt
}

}  // namespace
}  // namespace plancheck::report
