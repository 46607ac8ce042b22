#include "report/report.h"

#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace plancheck::report {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "sarif") return OutputFormat::kSarif;
  if (name == "github") return OutputFormat::kGithub;
  if (name == "junit") return OutputFormat::kJunit;
  if (name == "codequality") return OutputFormat::kCodeQuality;
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
    case OutputFormat::kJunit:
      return "junit";
    case OutputFormat::kCodeQuality:
      return "codequality";
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

namespace {

void CountSeverities(const std::vector<Diagnostic>& diags, RunSummary& summary) {
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
}

}  // namespace

RunSummary Summarize(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files) {
  RunSummary summary;
  summary.files = static_cast<int>(ReportFiles(diags, files).size());
  CountSeverities(diags, summary);
  return summary;
}

void ReportWriter::Count(const std::string& path, const std::vector<Diagnostic>& diags) {
  if (seen_.insert(path).second) ++summary_.files;
  CountSeverities(diags, summary_);
}

void ForEachReportFile(
    const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
    const std::function<void(const std::string&, const std::vector<Diagnostic>&)>& visit) {
  const std::vector<std::string> paths = ReportFiles(diags, files);
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < paths.size(); ++i) index.emplace(paths[i], i);
  std::vector<std::vector<Diagnostic>> grouped(paths.size());
  for (const Diagnostic& diag : diags) grouped[index.at(diag.file)].push_back(diag);
  for (std::size_t i = 0; i < paths.size(); ++i) visit(paths[i], grouped[i]);
}

namespace {

// GitHub workflow commands are one per Diagnostic: each file's are printed as they come.
class GithubWriter final : public ReportWriter {
 public:
  GithubWriter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}
  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    Count(path, diags);
    out_ << FormatGithub(diags, options_);
  }
  void Finish() override {}

 private:
  std::ostream& out_;
  ReportOptions options_;
};

// SARIF lists artifacts and rules before results: the log is written whole at Finish.
class SarifWriter final : public ReportWriter {
 public:
  SarifWriter(std::ostream& out, std::vector<RuleInfo> rules, const ReportOptions& options)
      : out_(out), rules_(std::move(rules)), options_(options) {}
  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    Count(path, diags);
    files_.push_back(path);
    diags_.insert(diags_.end(), diags.begin(), diags.end());
  }
  void Finish() override { out_ << FormatSarif(diags_, files_, rules_, options_); }

 private:
  std::ostream& out_;
  std::vector<RuleInfo> rules_;
  ReportOptions options_;
  std::vector<std::string> files_;
  std::vector<Diagnostic> diags_;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeReportWriter(OutputFormat format, std::ostream& out,
                                               const std::vector<RuleInfo>& rules,
                                               const ReportOptions& options) {
  switch (format) {
    case OutputFormat::kText:
      return MakeTextWriter(out, options);
    case OutputFormat::kJson:
      return MakeJsonWriter(out, options);
    case OutputFormat::kSarif:
      return std::make_unique<SarifWriter>(out, rules, options);
    case OutputFormat::kGithub:
      return std::make_unique<GithubWriter>(out, options);
    case OutputFormat::kJunit:
      return MakeJunitWriter(out, options);
    case OutputFormat::kCodeQuality:
      return MakeCodeQualityWriter(out, options);
  }
  return MakeTextWriter(out, options);
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
    case OutputFormat::kJunit:
    case OutputFormat::kCodeQuality: {
      std::ostringstream out;
      const std::unique_ptr<ReportWriter> writer = MakeReportWriter(format, out, rules, options);
      ForEachReportFile(diags, files, [&](const std::string& path, const std::vector<Diagnostic>& own) {
        writer->AddFile(path, own);
      });
      writer->Finish();
      return out.str();
    }
  }
  return FormatText(diags, files, options);
}

}  // namespace plancheck::report
