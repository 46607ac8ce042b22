// JUnit XML: validated against tests/data/junit.xsd (written from the Jenkins and GitLab
// documentation of the format) with libxml2, and its content checked element by element.
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <catch2/catch.hpp>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "test_util.h"

namespace plancheck::report {
namespace {

// Errors libxml2 reports while validating, one a line.
void CollectError(void* context, const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  *static_cast<std::string*>(context) += buffer;
}

void Ignore(void*, const char*, ...) {}

// "" when `xml` is well-formed and valid against tests/data/junit.xsd, else libxml2's errors.
std::string JunitSchemaErrors(const std::string& xml) {
  std::string errors;
  const std::string xsd = testing::TestDataPath("data/junit.xsd");
  std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
      xmlSchemaNewParserCtxt(xsd.c_str()), xmlSchemaFreeParserCtxt);
  REQUIRE(parser);
  std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema(xmlSchemaParse(parser.get()),
                                                              xmlSchemaFree);
  REQUIRE(schema);
  xmlSetGenericErrorFunc(nullptr, Ignore);  // a document that does not parse is an answer
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "report.xml", "UTF-8", XML_PARSE_NONET),
      xmlFreeDoc);
  if (!doc) return "not well-formed XML";
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
      xmlSchemaNewValidCtxt(schema.get()), xmlSchemaFreeValidCtxt);
  xmlSchemaSetValidErrors(validator.get(), CollectError, CollectError, &errors);
  const int status = xmlSchemaValidateDoc(validator.get(), doc.get());
  if (status != 0 && errors.empty()) errors = "invalid (status " + std::to_string(status) + ")";
  return errors;
}

std::vector<Diagnostic> Sample() {
  Diagnostic warning;
  warning.rule_id = "units.unknown";
  warning.severity = Severity::kWarning;
  warning.file = "notices/a&b.txt";
  warning.start = {137, 14};
  warning.end = {137, 19};
  warning.message = "单位名称“区经济信委”不在本地区单位名录中 <b>\x01";
  warning.suggestion = "是否应为“区经济信息委”？";
  warning.source_line = "责任单位：区经济信委\n";

  Diagnostic placed = warning;
  placed.rule_id = "task.lead-unit-required";
  placed.severity = Severity::kError;
  placed.file = "notices/b.docx";
  placed.origin.place = Place{.table = 1, .row = 3, .column = 2};
  placed.suggestion.reset();

  Diagnostic unreadable;
  unreadable.rule_id = "input.unreadable";
  unreadable.severity = Severity::kError;
  unreadable.file = "notices/c.pdf";
  unreadable.message = "PDF 文件已加密";
  return {warning, placed, unreadable};
}

std::string Junit(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files) {
  return FormatReport(OutputFormat::kJunit, diags, files, {}, ReportOptions{});
}

}  // namespace

TEST_CASE("JUnit output validates against the schema", "[report][junit]") {
  CHECK(JunitSchemaErrors(Junit(Sample(), {"clean.txt", "notices/a&b.txt"})) == "");
  CHECK(JunitSchemaErrors(Junit({}, {})) == "");
  CHECK(JunitSchemaErrors(Junit({}, {"only-clean.txt"})) == "");
}

TEST_CASE("the JUnit schema check rejects what CI systems would not read", "[report][junit]") {
  auto [xml, why] = GENERATE(table<std::string, std::string>({
      {"<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\">"
       "<testcase classname=\"a\"/></testsuite></testsuites>",
       "a test case without a name"},
      {"<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\">"
       "<testcase name=\"x\"/></testsuite></testsuites>",
       "a suite without its error count"},
      {"<testsuites><testsuite name=\"a\" tests=\"-1\" failures=\"0\" errors=\"0\"/></testsuites>",
       "a negative count"},
      {"<testsuites><testsuite name=\"a\"", "not well-formed"},
  }));
  CAPTURE(why);
  CHECK(JunitSchemaErrors(xml) != "");
}

TEST_CASE("JUnit has a suite per file and a failing case per finding", "[report][junit]") {
  const std::string xml = Junit(Sample(), {"clean.txt", "notices/a&b.txt"});
  // A file without findings is one passing test case.
  CHECK(xml.find("<testsuite name=\"clean.txt\" tests=\"1\" failures=\"0\" errors=\"0\" "
                 "skipped=\"0\" file=\"clean.txt\">\n"
                 "    <testcase name=\"plancheck\" classname=\"clean.txt\"/>\n") !=
        std::string::npos);
  CHECK(xml.find("<testsuite name=\"notices/a&amp;b.txt\" tests=\"1\" failures=\"1\" errors=\"0\"") !=
        std::string::npos);
  // The finding: rule and line:column name the case; the message is escaped, the control
  // character XML cannot hold is U+FFFD; the text block with the caret is the failure's text.
  CHECK(xml.find("<testcase name=\"units.unknown 137:14\" classname=\"notices/a&amp;b.txt\">\n"
                 "      <failure type=\"warning\" message=\"单位名称“区经济信委”不在本地区单位名录中 "
                 "&lt;b&gt;\xEF\xBF\xBD\">notices/a&amp;b.txt:137:14: warning:") != std::string::npos);
  CHECK(xml.find("  137 | 责任单位：区经济信委\n") != std::string::npos);
  CHECK(xml.find("  建议：是否应为“区经济信息委”？\n</failure>") != std::string::npos);
  // A .docx finding is named by its place; an unreadable file is an error, not a failure.
  CHECK(xml.find("<testcase name=\"task.lead-unit-required 表 1 第 3 行 第 2 列\"") !=
        std::string::npos);
  CHECK(xml.find("<testsuite name=\"notices/c.pdf\" tests=\"1\" failures=\"0\" errors=\"1\"") !=
        std::string::npos);
  CHECK(xml.find("<error type=\"error\" message=\"PDF 文件已加密\">") != std::string::npos);
  CHECK(xml.rfind("</testsuites>\n") == xml.size() - 14);
}

TEST_CASE("lint --format junit over the seeds validates and counts every finding",
          "[report][junit][cli]") {
  const auto junit = testing::RunCli(
      {"lint", testing::FixturePath("seeds"), "--format", "junit", "--fail-on", "warning"});
  CHECK(junit.exit_code == 1);
  CHECK(junit.err == "");
  CHECK(JunitSchemaErrors(junit.out) == "");
  const auto json = testing::RunCli({"lint", testing::FixturePath("seeds"), "--format", "json"});
  const nlohmann::json report = nlohmann::json::parse(json.out);
  std::size_t findings = 0;
  for (const auto& file : report["files"]) findings += file["diagnostics"].size();
  std::size_t failures = 0;
  for (std::size_t at = junit.out.find("<failure "); at != std::string::npos;
       at = junit.out.find("<failure ", at + 1)) {
    ++failures;
  }
  CHECK(findings > 0);
  CHECK(failures == findings);
  std::size_t suites = 0;
  for (std::size_t at = junit.out.find("<testsuite "); at != std::string::npos;
       at = junit.out.find("<testsuite ", at + 1)) {
    ++suites;
  }
  CHECK(suites == 5);
}

}  // namespace plancheck::report
