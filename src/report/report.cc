#include "report/report.h"

#include <unordered_set>

namespace plancheck::report {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "sarif") return OutputFormat::kSarif;
  if (name == "github") return OutputFormat::kGithub;
  return std::nullopt;
}

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kText:
      return "text";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kSarif:
      return "sarif";
    case OutputFormat::kGithub:
      return "github";
  }
  return "text";
}

std::vector<std::string> ReportFiles(const std::vector<Diagnostic>& diags,
                                     const std::vector<std::string>& files) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const std::string& file : files) {
    if (seen.insert(file).second) out.push_back(file);
  }
  for (const Diagnostic& diag : diags) {
    if (seen.insert(diag.file).second) out.push_back(diag.file);
  }
  return out;
}

RunSummary Summarize(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files) {
  RunSummary summary;
  summary.files = static_cast<int>(ReportFiles(diags, files).size());
  for (const Diagnostic& diag : diags) {
    switch (diag.severity) {
      case Severity::kError:
        ++summary.errors;
        break;
      case Severity::kWarning:
        ++summary.warnings;
        break;
      case Severity::kInfo:
        ++summary.infos;
        break;
    }
  }
  return summary;
}

std::string FormatReport(OutputFormat format, const std::vector<Diagnostic>& diags,
                         const std::vector<std::string>& files, const std::vector<RuleInfo>& rules,
                         const ReportOptions& options) {
  switch (format) {
    case OutputFormat::kText:
      return FormatText(diags, files, options);
    case OutputFormat::kJson:
      return FormatJson(diags, files, options);
    case OutputFormat::kSarif:
      return FormatSarif(diags, files, rules, options);
    case OutputFormat::kGithub:
      return FormatGithub(diags, options);
  }
  return FormatText(diags, files, options);
}

}  // namespace plancheck::report
