// Reporters: a run's Diagnostics -> the bytes plancheck prints, in six formats.
//
//   text         compiler-style lines, the source line with a caret under the span, a summary
//   json         our own stable shape (docs/json-output.md)
//   sarif        SARIF 2.1.0, one run, columnKind unicodeCodePoints
//   github       GitHub Actions workflow commands (::error file=...::message)
//   junit        JUnit XML: a test suite per file, a failing test case per finding
//   codequality  GitLab Code Quality (Code Climate issues), a JSON array
//
// Reporters never read documents: everything they print is in Diagnostic (source_line
// included). Diagnostics arrive sorted (DiagnosticLess) and are printed in that order.
// `files` lists every file linted, in input order, so that JSON and SARIF also show the
// files without findings; a file named only by a Diagnostic is appended after them.
// Every function here is pure: no I/O, no global state, thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/diagnostic.h"

namespace plancheck::report {

enum class OutputFormat { kText, kJson, kSarif, kGithub, kJunit, kCodeQuality };

// "text", "json", "sarif", "github", "junit" or "codequality"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
// The name ParseOutputFormat accepts.
std::string_view OutputFormatName(OutputFormat format);

struct ReportOptions {
  bool color = false;           // ANSI colour in the text format; ignored by the others
  std::string language = "zh";  // "zh" or "en": labels and summary (messages come translated)
  std::string tool_version;     // SARIF tool.driver.version; omitted when empty
  std::string information_uri;  // SARIF tool.driver.informationUri; omitted when empty
};

// What SARIF says about a rule; filled by the caller from the rule pack so that report/
// does not depend on rule/.
struct RuleInfo {
  std::string id;     // "units.no-duplicates"
  std::string title;  // one line, selected language
  Severity default_severity = Severity::kWarning;
  std::string help;  // longer text (suggestion, description); may be empty
};

// Counts over one run.
struct RunSummary {
  int files = 0;  // size of ReportFiles(diags, files)
  int errors = 0;
  int warnings = 0;
  int infos = 0;
};
RunSummary Summarize(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files);

// `files` (duplicates dropped, order kept) followed by any Diagnostic file missing from it,
// in Diagnostic order: the files a report lists.
std::vector<std::string> ReportFiles(const std::vector<Diagnostic>& diags,
                                     const std::vector<std::string>& files);

// Compiler-style text, one block per Diagnostic, then a one-line summary:
//   a.txt:52:1: warning: message [rule.id]
//     52 | 52.加快……
//        | ^~~~
//     建议：……
//   b.txt:3:1: note: related message
//   共 3 个文件：2 个错误，5 个警告，1 个提示
// The `severity:` token stays English (error / warning / info) for tools; positions are
// code points, the caret is aligned in display cells (CJK takes two).
std::string FormatText(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
                       const ReportOptions& options);

// One Diagnostic as FormatText prints it (header, source excerpt, suggestion, related
// notes), without the run's summary.
std::string FormatDiagnosticBlock(const Diagnostic& diag, const ReportOptions& options);

// The source-line and caret lines of one Diagnostic (no header, no suggestion), each
// ending in '\n'; empty when the Diagnostic has no line. Exposed for tests.
std::string FormatSourceExcerpt(const Diagnostic& diag, bool color);

// Our JSON (docs/json-output.md), two-space indented, ending in '\n'.
std::string FormatJson(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
                       const ReportOptions& options);

// A SARIF 2.1.0 log with one run. Every rule in `rules` is listed (duplicate ids dropped),
// plus a bare entry for any rule id a Diagnostic names that `rules` lacks, so each result's
// ruleIndex is valid. Relative paths become %-encoded URIs under uriBaseId %SRCROOT%;
// absolute ones become file:// URIs.
std::string FormatSarif(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
                        const std::vector<RuleInfo>& rules, const ReportOptions& options);

// A path as a SARIF artifact URI: '/'-separated relative paths are %-encoded (every byte
// but A-Z a-z 0-9 - . _ ~ /), a leading "./" dropped; absolute paths become "file://" URIs.
std::string PathToUri(std::string_view path);

// GitHub Actions workflow commands, one a line: error -> ::error, warning -> ::warning,
// info -> ::notice; the suggestion and related notes follow the message on new lines.
std::string FormatGithub(const std::vector<Diagnostic>& diags, const ReportOptions& options);

// Escaping for workflow commands: the message (% CR LF) and a property value (also : ,).
std::string EscapeGithubData(std::string_view text);
std::string EscapeGithubProperty(std::string_view text);

// A report written file by file while a run goes on, so that lint over a large corpus
// holds one file's diagnostics at a time. It prints what FormatReport prints for the same
// diagnostics when files are added in the order of ReportFiles (for text, when that is
// also the diagnostics' order). SARIF lists every artifact before the results, so its
// writer keeps the diagnostics until Finish.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // One file's diagnostics, sorted (DiagnosticLess); every file once, those without
  // findings too.
  virtual void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) = 0;
  // The summary and the closing; once, after the last file.
  virtual void Finish() = 0;

 protected:
  // Writers call this from AddFile: the summary counts files and severities.
  void Count(const std::string& path, const std::vector<Diagnostic>& diags);
  const RunSummary& summary() const { return summary_; }

 private:
  RunSummary summary_;
  std::unordered_set<std::string> seen_;
};
std::unique_ptr<ReportWriter> MakeTextWriter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportWriter> MakeJsonWriter(std::ostream& out, const ReportOptions& options);
// JUnit XML (junit.cc): a <testsuite> per file, each finding a failing <testcase> (input.*
// an <error>), a file without findings one passing <testcase>. Written as files come.
std::unique_ptr<ReportWriter> MakeJunitWriter(std::ostream& out, const ReportOptions& options);
// GitLab Code Quality (codequality.cc): a JSON array of Code Climate issues, each with a
// fingerprint that does not depend on the finding's line. Written as files come.
std::unique_ptr<ReportWriter> MakeCodeQualityWriter(std::ostream& out,
                                                    const ReportOptions& options);
// Any format.
std::unique_ptr<ReportWriter> MakeReportWriter(OutputFormat format, std::ostream& out,
                                               const std::vector<RuleInfo>& rules,
                                               const ReportOptions& options);
// Calls `visit` for each of ReportFiles(diags, files) with the diagnostics of that file,
// in their order.
void ForEachReportFile(
    const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
    const std::function<void(const std::string&, const std::vector<Diagnostic>&)>& visit);

// Any format, for the CLI.
std::string FormatReport(OutputFormat format, const std::vector<Diagnostic>& diags,
                         const std::vector<std::string>& files, const std::vector<RuleInfo>& rules,
                         const ReportOptions& options);

}  // namespace plancheck::report
