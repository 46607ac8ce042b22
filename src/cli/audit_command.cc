// `plancheck audit PATH... [--out DIR]`: the auditor report (issue 5). Everything comes
// from one lint run (RunLint with hooks, so rules, configuration, severities and exit codes
// are lint's): findings through a ReportWriter, targets and units from each parsed
// document as lint holds it.
// report/ renders plain structs; only this file reads documents.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <filesystem>
#include <map>
#include <mutex>
#include <ostream>

#include "base/atomic_file.h"
#include "base/diagnostic.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "config/config.h"
#include "config/plans.h"
#include "config/rule_pack.h"
#include "data/target_compare.h"
#include "report/audit_csv.h"
#include "report/audit_html.h"
#include "report/audit_matrix.h"
#include "report/report.h"

namespace plancheck::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kAuditFiles[] = {"report.html", "findings.csv", "targets.csv", "units.csv",
                                       "matrix.csv"};

// Lint's findings, file by file as the run reports them: counted, and written at once to
// the findings table and the findings section of the page (two files beside the report,
// so an audit holds no finding in memory: corpus (a)'s 1.6 million took 313 MB).
class FindingsWriter final : public report::ReportWriter {
 public:
  FindingsWriter(report::AuditReport& audit, std::ostream& csv, std::ostream& html)
      : audit_(audit), csv_(csv), html_(html) {
    csv_ << report::AuditFindingsCsvHeader();
  }
  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    const bool english = audit_.language == "en";
    audit_.files.push_back(path);
    std::vector<report::AuditFinding> rows;
    rows.reserve(diags.size());
    for (const Diagnostic& d : diags) {
      report::AuditFinding f = report::AuditFindingOf(path, d);
      audit_.counts.Add(f.file, f.rule_id, f.severity);
      csv_ << report::AuditFindingsCsvRow(f, english);
      if (f.rule_id == "coverage.parent-task-missing") audit_.coverage.push_back(f);
      rows.push_back(std::move(f));
    }
    std::vector<const report::AuditFinding*> pointers;
    for (const report::AuditFinding& f : rows) pointers.push_back(&f);
    html_ << report::AuditFindingsHtml(path, pointers, english);
  }
  void Finish() override { finished_ = true; }
  bool finished() const { return finished_; }

 private:
  report::AuditReport& audit_;
  std::ostream& csv_;
  std::ostream& html_;
  bool finished_ = false;
};

void AddTargets(const model::Document& doc, const config::TargetSetup& setup,
                report::AuditReport& audit) {
  const config::ParentChoice choice = setup.ParentOf(doc);
  std::map<const model::Target*, const data::ParentMatch*> match_of;
  std::vector<data::ParentMatch> matches;
  if (choice.parent != nullptr) {
    matches = data::MatchWithParent(doc.targets, choice.parent->targets, setup.indicators);
    for (const data::ParentMatch& m : matches) match_of[m.child] = &m;
  }
  const std::string parent_plan =
      choice.parent == nullptr ? ""
                               : (choice.parent->info.title.empty() ? choice.parent->info.file
                                                                    : choice.parent->info.title);
  for (const model::Target& t : doc.targets) {
    if (t.indicator_id.empty() || !t.value) continue;  // qualitative or unknown: nothing to show
    const data::Indicator* indicator = setup.indicators.Find(t.indicator_id);
    report::AuditTargetRow row;
    row.file = doc.path;
    row.indicator = indicator != nullptr ? indicator->name : t.indicator_text;
    row.child_value = data::FormatValue(t);
    row.parent_plan = parent_plan;
    row.line = t.start.line;
    row.value = t.value.value_or(0);
    row.place = doc.PlaceOfLine(t.start.line);
    auto it = match_of.find(&t);
    if (it != match_of.end()) {
      row.parent_value = data::FormatValue(*it->second->parent);
      row.status = data::VerdictName(it->second->comparison.verdict);
      row.reason = it->second->comparison.reason;
    } else {
      row.status = data::VerdictName(data::Verdict::kNotComparable);
      row.reason = choice.parent == nullptr ? choice.reason : "no parent target for it";
    }
    audit.targets.push_back(std::move(row));
  }
}

report::AuditPlan PlanOf(const model::Document& doc, const config::TargetSetup& setup) {
  report::AuditPlan plan;
  const model::PlanInfo info = setup.InfoOf(doc);
  plan.file = doc.path;
  plan.region = info.region;
  plan.year = info.year.value_or(0);
  const config::ParentChoice choice = setup.ParentOf(doc);
  if (choice.parent != nullptr) plan.parent = choice.parent->info.file;
  plan.parent_reason = choice.reason;
  for (const model::Part& part : doc.parts) {
    for (const model::Section& section : part.sections) {
      plan.tasks += static_cast<int>(section.tasks.size());
    }
  }
  return plan;
}

void AddUnits(const model::Document& doc, report::AuditReport& audit) {
  std::map<std::string, std::pair<int, int>> counts;  // unit -> (lead, cooperate)
  for (const model::Part& part : doc.parts) {
    for (const model::Section& section : part.sections) {
      for (const model::Task& task : section.tasks) {
        for (const model::Located& u : task.lead_units) ++counts[u.text].first;
        for (const model::Located& u : task.cooperating_units) ++counts[u.text].second;
      }
    }
  }
  std::vector<report::AuditUnitRow> rows;
  for (const auto& [unit, n] : counts) rows.push_back({doc.path, unit, n.first, n.second});
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.lead + a.cooperate > b.lead + b.cooperate;
  });
  audit.units.insert(audit.units.end(), rows.begin(), rows.end());
}

// The language lint will use (--lang, else --config's or the nearest configuration's
// `language:`, else Chinese), for the place labels the renderers write. A broken
// configuration is left to lint, which reports it and stops the run.
std::string AuditLanguage(const AuditCommand& command) {
  if (command.language) return *command.language;
  const std::optional<std::string> file =
      command.config ? command.config : config::DiscoverConfig(".");
  if (!file || !fs::is_regular_file(*file)) return "zh";
  ErrorList ignored;
  return config::LoadConfig(*file, ignored).language.value_or("zh");
}

}  // namespace

int RunAudit(const AuditCommand& command, std::ostream& out, std::ostream& err) {
  LintCommand lint;
  lint.paths = command.paths;
  lint.sources = command.sources;
  lint.config = command.config;
  lint.parent = command.parent;
  lint.fail_on = command.fail_on;
  lint.language = command.language;

  // One pass: lint's run reads, parses and lints each document once; the findings arrive
  // through the writer, targets and units through the document hook (worker threads, so
  // rows are kept per file and put in input order afterwards).
  report::AuditReport audit;
  audit.tool_version = PLANCHECK_VERSION;
  audit.language = AuditLanguage(command);
  // The findings go to two scratch files as the run goes (the table and the page's
  // findings section), copied into the report set at the end.
  static std::atomic<int> run_counter{0};
  const fs::path scratch = fs::temp_directory_path() /
                           ("plancheck-audit-" + std::to_string(::getpid()) + "-" +
                            std::to_string(run_counter++));
  const fs::path csv_part = scratch.string() + ".findings.csv";
  const fs::path html_part = scratch.string() + ".findings.html";
  struct RemoveParts {
    std::vector<fs::path> paths;
    ~RemoveParts() {
      std::error_code ignored;
      for (const fs::path& path : paths) fs::remove(path, ignored);
    }
  } remove_parts{{csv_part, html_part}};
  std::ofstream csv_out(csv_part, std::ios::binary);
  std::ofstream html_out(html_part, std::ios::binary);
  if (!csv_out || !html_out) {
    err << "plancheck: error: cannot write scratch files in " << fs::temp_directory_path().string()
        << "\n";
    return kExitError;
  }
  FindingsWriter findings(audit, csv_out, html_out);
  std::mutex mutex;
  std::map<std::string, report::AuditReport> per_file;  // targets and units of each file
  LintHooks hooks;
  hooks.writer = &findings;
  for (const char* name : kAuditFiles) {
    hooks.outputs.push_back({"--out", (fs::path(command.out) / name).string()});
  }
  hooks.document = [&](const model::Document& doc, const config::TargetSetup& setup) {
    report::AuditReport rows;
    AddTargets(doc, setup, rows);
    AddUnits(doc, rows);
    rows.plans.push_back(PlanOf(doc, setup));
    const std::lock_guard<std::mutex> lock(mutex);
    per_file[doc.path] = std::move(rows);
  };
  const int exit_code = RunLint(lint, false, out, err, hooks);
  if (!findings.finished()) return exit_code;  // setup error: lint has said why
  for (const std::string& file : audit.files) {
    auto it = per_file.find(file);
    if (it == per_file.end()) continue;  // unreadable: lint reported it as input.*
    audit.targets.insert(audit.targets.end(), it->second.targets.begin(), it->second.targets.end());
    audit.units.insert(audit.units.end(), it->second.units.begin(), it->second.units.end());
    audit.plans.insert(audit.plans.end(), it->second.plans.begin(), it->second.plans.end());
  }
  csv_out.close();
  html_out.close();
  if (!csv_out || !html_out) {
    err << "plancheck: error: cannot write scratch files in " << fs::temp_directory_path().string()
        << "\n";
    return kExitError;
  }
  std::ifstream csv_in(csv_part, std::ios::binary);
  std::ifstream html_in(html_part, std::ios::binary);

  // The four files are replaced as a set: a failure leaves the previous set whole. The page
  // is streamed to its file (over 100 MB for 1,800 plans); the tables are rendered and
  // written one at a time.
  const fs::path dir(command.out);
  auto table = [&](std::string (*render)(const report::AuditReport&)) {
    return [&audit, render](std::ostream& file) { file << render(audit); };
  };
  const std::optional<std::string> failure = ReplaceFileSet(
      command.out,
      {{"report.html", [&](std::ostream& page) { report::WriteAuditHtml(page, audit, &html_in); }},
       {"findings.csv", [&](std::ostream& file) { file << csv_in.rdbuf(); }},
       {"targets.csv", table(&report::AuditTargetsCsv)},
       {"units.csv", table(&report::AuditUnitsCsv)},
       {"matrix.csv", [&](std::ostream& file) {
          file << report::AuditMatrixCsv(report::BuildMatrix(audit));
        }}});
  if (failure) {
    err << "plancheck: error: " << (audit.language == "en" ? "cannot write the audit report " : "无法写入审计报告 ")
        << command.out << (audit.language == "en" ? " (the previous report is unchanged): " : "（原有报告未改动）：")
        << *failure << "\n";
    return kExitError;
  }
  out << (dir / "report.html").string() << '\n';
  return exit_code;
}

}  // namespace plancheck::cli
