// JUnit XML, the test-report format GitLab (artifacts:reports:junit), Jenkins (the JUnit
// plugin) and Azure Pipelines (PublishTestResults, JUnit) show as tests. Each file linted is
// a <testsuite> named by its path; each finding is a <testcase> holding a <failure> (an
// input.* finding, a file that could not be read, an <error>); a file without findings is
// one passing <testcase>, so CI shows it as checked. The failure's text is the finding as
// the text format prints it (source line and caret included). Findings of every severity
// fail their test case, whatever --fail-on says: the exit code, not this report, decides
// whether the job fails. Validity is tested against tests/data/junit.xsd.
#include <ostream>

#include "base/utf8.h"
#include "report/audit_html.h"
#include "report/report.h"

namespace plancheck::report {
namespace {

// Text as XML 1.0 character data or an attribute value: markup escaped as in HTML, line
// breaks and tabs in attributes as character references (a parser would fold them into
// spaces), and what XML 1.0 cannot carry at all (C0 controls but tab, line feed and
// carriage return; U+FFFE, U+FFFF; surrogates and invalid UTF-8) as U+FFFD.
std::string XmlEscape(std::string_view text, bool attribute) {
  const std::string escaped = HtmlEscape(text);
  std::string out;
  out.reserve(escaped.size());
  std::size_t i = 0;
  while (i < escaped.size()) {
    const auto c = static_cast<unsigned char>(escaped[i]);
    if (c < 0x80) {
      if (c == '\t' || c == '\n' || c == '\r') {
        out += attribute || c == '\r' ? "&#" + std::to_string(c) + ";" : std::string(1, escaped[i]);
      } else {
        out += c < 0x20 ? std::string("\xEF\xBF\xBD") : std::string(1, escaped[i]);
      }
      ++i;
      continue;
    }
    char32_t cp = DecodeUtf8(escaped, i);
    if (cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    AppendUtf8(out, cp);
  }
  return out;
}

bool IsInputError(const Diagnostic& diag) { return diag.rule_id.rfind("input.", 0) == 0; }

class JunitWriter final : public ReportWriter {
 public:
  JunitWriter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plancheck\">\n";
  }

  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    Count(path, diags);
    const bool english = options_.language == "en";
    int errors = 0;
    for (const Diagnostic& diag : diags) errors += IsInputError(diag) ? 1 : 0;
    const std::string file = XmlEscape(path, true);
    const std::size_t tests = diags.empty() ? 1 : diags.size();
    out_ << "  <testsuite name=\"" << file << "\" tests=\"" << tests << "\" failures=\""
         << diags.size() - errors << "\" errors=\"" << errors << "\" skipped=\"0\" file=\""
         << file << "\">\n";
    if (diags.empty()) {
      out_ << "    <testcase name=\"plancheck\" classname=\"" << file << "\"/>\n";
    }
    for (const Diagnostic& diag : diags) {
      // "units.unknown 137:14", "units.unknown 段落 12": the rule and where, as people say it.
      std::string where;
      if (!diag.origin.place.empty()) {
        where = PlaceLabel(diag.origin.place, english);
      } else if (diag.start.line > 0) {
        where = std::to_string(diag.start.line);
        if (diag.start.column > 0) where += ":" + std::to_string(diag.start.column);
      }
      const std::string name = diag.rule_id + (where.empty() ? "" : " " + where);
      const char* element = IsInputError(diag) ? "error" : "failure";
      ReportOptions plain = options_;
      plain.color = false;
      out_ << "    <testcase name=\"" << XmlEscape(name, true) << "\" classname=\"" << file
           << "\">\n      <" << element << " type=\"" << SeverityName(diag.severity)
           << "\" message=\"" << XmlEscape(diag.message, true) << "\">"
           << XmlEscape(FormatDiagnosticBlock(diag, plain), false) << "</" << element
           << ">\n    </testcase>\n";
    }
    out_ << "  </testsuite>\n";
  }

  void Finish() override { out_ << "</testsuites>\n"; }

 private:
  std::ostream& out_;
  ReportOptions options_;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeJunitWriter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<JunitWriter>(out, options);
}

}  // namespace plancheck::report
