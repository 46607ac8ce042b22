// GitLab Code Quality: the subset of the Code Climate issue format that GitLab reads from
// a job's artifacts:reports:codequality file and shows in merge requests
// (docs.gitlab.com, "Code Quality", section "Code Quality report format"). A JSON array,
// one object per finding, with the fields GitLab documents: description, check_name,
// fingerprint, severity and location (path and lines.begin). Validity is tested against
// tests/data/codequality.schema.json, written from that page.
//
// GitLab compares the fingerprints of a merge request's report with its target branch's,
// so a fingerprint must survive edits above the finding: it hashes the rule, the file and
// the baseline's fingerprint of the finding (its task number, else its text; never its
// line), plus a count among equal ones so that every fingerprint in a report is unique.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <tuple>

#include "config/baseline.h"
#include "report/report.h"

namespace plancheck::report {
namespace {

using nlohmann::ordered_json;

// Code Climate severities are info, minor, major, critical and blocker. A finding that
// fails the default run (an error) is major; as ESLint's and other linters' GitLab
// formatters do, a warning is minor.
std::string_view CodeQualitySeverity(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "major";
    case Severity::kWarning:
      return "minor";
    case Severity::kInfo:
      return "info";
  }
  return "minor";
}

// 128 bits as 32 hex digits from two FNV-1a 64 passes with different offsets: stable across
// platforms and runs (std::hash is neither), and only an identity, not a security measure.
std::string Fingerprint(std::string_view text) {
  auto fnv = [&](std::uint64_t hash) {
    for (char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    return hash;
  };
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint64_t part : {fnv(0xcbf29ce484222325ULL), fnv(0x84222325cbf29ce4ULL)}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(part >> shift) & 0xF];
  }
  return out;
}

class CodeQualityWriter final : public ReportWriter {
 public:
  CodeQualityWriter(std::ostream& out, const ReportOptions& options)
      : out_(out), options_(options) {}

  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    Count(path, diags);
    const bool english = options_.language == "en";
    // Equal identities (the same rule twice on one task) get their ordinal: 0, 1, ...
    std::map<std::string, int> seen;
    for (const Diagnostic& diag : diags) {
      std::string identity = diag.rule_id;
      identity += '\0';
      identity += diag.file;
      identity += '\0';
      identity += config::Baseline::Fingerprint(diag);
      identity += '\0';
      identity += std::to_string(seen[identity]++);

      std::string description = diag.message;
      // A .docx, web page or PDF: the line is one of the extracted text, so the place a
      // person finds it by leads the description ("段落 12：…").
      if (!diag.origin.place.empty()) {
        description =
            PlaceLabel(diag.origin.place, english) + (english ? ": " : "：") + description;
      }
      if (diag.suggestion && !diag.suggestion->empty()) {
        description += english ? " Suggestion: " : "（建议：" ;
        description += *diag.suggestion;
        if (!english) description += "）";
      }
      ordered_json issue;
      issue["type"] = "issue";
      issue["description"] = description;
      issue["check_name"] = diag.rule_id.empty() ? "plancheck" : diag.rule_id;
      issue["fingerprint"] = Fingerprint(identity);
      issue["severity"] = CodeQualitySeverity(diag.severity);
      std::string_view file = diag.file;
      while (file.rfind("./", 0) == 0) file.remove_prefix(2);  // GitLab wants repository paths
      issue["location"] = {{"path", file},
                           {"lines", {{"begin", diag.start.line > 0 ? diag.start.line : 1}}}};
      out_ << (any_ ? ",\n  " : "[\n  ")
           << issue.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
      any_ = true;
    }
  }

  void Finish() override { out_ << (any_ ? "\n]\n" : "[]\n"); }

 private:
  std::ostream& out_;
  ReportOptions options_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeCodeQualityWriter(std::ostream& out,
                                                    const ReportOptions& options) {
  return std::make_unique<CodeQualityWriter>(out, options);
}

}  // namespace plancheck::report
