// ReportWriter: a report written file by file must be byte for byte what FormatReport
// prints for the same run (lint streams through it; goldens and scripts rely on either).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/report.h"

namespace plancheck::report {
namespace {

Diagnostic Make(const std::string& file, int line, Severity severity, const std::string& message) {
  Diagnostic diag;
  diag.rule_id = "units.unknown";
  diag.severity = severity;
  diag.file = file;
  diag.start = {line, 3};
  diag.end = {line, 8};
  diag.message = message;
  diag.source_line = "1.推进“区经济信委”工作";
  diag.suggestion = "是否应为“区经济信息委”？";
  diag.related.push_back({"", {line + 1, 1}, "另一处"});
  return diag;
}

// Diagnostics sorted (DiagnosticLess), with a file without findings among the files and
// one named only by a diagnostic (a path that could not be collected).
struct Run {
  std::vector<Diagnostic> diags;
  std::vector<std::string> files;
};

Run Sample() {
  Run run;
  run.files = {"a.txt", "b.txt", "c.txt"};
  run.diags = {Make("a.txt", 3, Severity::kError, "甲"), Make("a.txt", 9, Severity::kInfo, "乙"),
               Make("c.txt", 1, Severity::kWarning, "丙"),
               Make("missing.txt", 1, Severity::kError, "文件不存在")};
  return run;
}

std::string Streamed(OutputFormat format, const Run& run, const ReportOptions& options) {
  std::ostringstream out;
  const std::unique_ptr<ReportWriter> writer = MakeReportWriter(format, out, {}, options);
  ForEachReportFile(run.diags, run.files, [&](const std::string& path, const std::vector<Diagnostic>& own) {
    writer->AddFile(path, own);
  });
  writer->Finish();
  return out.str();
}

}  // namespace

TEST_CASE("a report written file by file is FormatReport's", "[report][writer]") {
  const OutputFormat format = GENERATE(OutputFormat::kText, OutputFormat::kJson,
                                       OutputFormat::kSarif, OutputFormat::kGithub);
  const std::string language = GENERATE(std::string("zh"), std::string("en"));
  ReportOptions options;
  options.language = language;
  options.color = language == "en";  // colour codes too must come out the same
  const Run run = Sample();
  INFO(OutputFormatName(format) << " " << language);
  const std::string whole = FormatReport(format, run.diags, run.files, {}, options);
  CHECK(Streamed(format, run, options) == whole);
  // A run with no files at all.
  CHECK(Streamed(format, Run{}, options) == FormatReport(format, {}, {}, {}, options));
  // Files but no findings.
  const Run clean{{}, {"a.txt", "b.txt"}};
  CHECK(Streamed(format, clean, options) == FormatReport(format, {}, clean.files, {}, options));
}

TEST_CASE("the JSON writer prints what nlohmann's dump(2) prints", "[report][writer]") {
  // The writer frames files and diagnostics itself; re-dumping its output as one tree
  // must give the same bytes.
  const Run run = Sample();
  for (const Run& r : {run, Run{}, Run{{}, {"a.txt"}}}) {
    const std::string streamed = Streamed(OutputFormat::kJson, r, ReportOptions{});
    CHECK(nlohmann::ordered_json::parse(streamed).dump(2) + "\n" == streamed);
  }
}

TEST_CASE("the JSON writer counts each file once", "[report][writer]") {
  std::ostringstream out;
  const std::unique_ptr<ReportWriter> writer = MakeJsonWriter(out, ReportOptions{});
  writer->AddFile("a.txt", {Make("a.txt", 1, Severity::kWarning, "甲")});
  writer->AddFile("b.txt", {});
  writer->Finish();
  CHECK(out.str().find("\"summary\": {\n    \"error\": 0,\n    \"warning\": 1,\n    \"info\": 0,\n"
                       "    \"files\": 2\n  }\n}\n") != std::string::npos);
}

}  // namespace plancheck::report
