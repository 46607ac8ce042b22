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
#include <set>

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

// The scratch files the run writes as it goes, copied into the report set at the end: the
// findings, targets and units tables and the page's sections for them. An audit then holds
// no finding and no row beyond what the matrix and summary need (corpus (a)'s findings took
// 313 MB, its 48,000 target and 171,000 unit rows another 200 MB).
struct AuditScratch {
  std::ofstream findings_csv, findings_html, coverage_html, targets_csv, targets_html, units_csv,
      units_html;
  std::vector<std::ofstream*> all() {
    return {&findings_csv, &findings_html, &coverage_html, &targets_csv,
            &targets_html, &units_csv,     &units_html};
  }
};

// Lint's findings, file by file in input order as the run reports them: counted and
// written at once; the same file's targets and units, which the document hook left in
// `per_file` (the hook runs before a file's findings are reported), are written beside
// them and dropped, keeping the plan and the first target of each indicator.
class FindingsWriter final : public report::ReportWriter {
 public:
  FindingsWriter(report::AuditReport& audit, AuditScratch& scratch, std::mutex& mutex,
                 std::map<std::string, report::AuditReport>& per_file)
      : audit_(audit), scratch_(scratch), mutex_(mutex), per_file_(per_file) {
    scratch_.findings_csv << report::AuditFindingsCsvHeader();
    scratch_.targets_csv << report::AuditTargetsCsvHeader();
    scratch_.units_csv << report::AuditUnitsCsvHeader();
  }
  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    const bool english = audit_.language == "en";
    audit_.files.push_back(path);
    std::vector<report::AuditFinding> rows;
    rows.reserve(diags.size());
    for (const Diagnostic& d : diags) {
      report::AuditFinding f = report::AuditFindingOf(path, d);
      audit_.counts.Add(f.file, f.rule_id, f.severity);
      scratch_.findings_csv << report::AuditFindingsCsvRow(f, english);
      if (f.rule_id == "coverage.parent-task-missing") {
        scratch_.coverage_html << report::AuditCoverageRowHtml(f);
      }
      rows.push_back(std::move(f));
    }
    std::vector<const report::AuditFinding*> pointers;
    for (const report::AuditFinding& f : rows) pointers.push_back(&f);
    scratch_.findings_html << report::AuditFindingsHtml(path, pointers, english);

    report::AuditReport file;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      auto it = per_file_.find(path);
      if (it == per_file_.end()) return;  // unreadable: lint reported it as input.*
      file = std::move(it->second);
      per_file_.erase(it);
    }
    scratch_.targets_csv << report::AuditTargetsCsvRows(file.targets, english);
    scratch_.targets_html << report::AuditTargetRowsHtml(file.targets, english);
    scratch_.units_csv << report::AuditUnitsCsvRows(file.units);
    std::vector<const report::AuditUnitRow*> units;
    for (const report::AuditUnitRow& u : file.units) units.push_back(&u);
    scratch_.units_html << report::AuditUnitsHtml(path, units);
    // What the matrix reads of the first target of each indicator: file, indicator, the
    // target as written, its number and status.
    std::set<std::string> indicators;
    for (report::AuditTargetRow& t : file.targets) {
      if (!indicators.insert(t.indicator).second) continue;
      audit_.targets.push_back({});
      report::AuditTargetRow& kept = audit_.targets.back();
      kept.file = std::move(t.file);
      kept.indicator = std::move(t.indicator);
      kept.child_value = std::move(t.child_value);
      kept.status = std::move(t.status);
      kept.value = t.value;
    }
    audit_.plans.insert(audit_.plans.end(), file.plans.begin(), file.plans.end());
  }
  void Finish() override { finished_ = true; }
  bool finished() const { return finished_; }

 private:
  report::AuditReport& audit_;
  AuditScratch& scratch_;
  std::mutex& mutex_;
  std::map<std::string, report::AuditReport>& per_file_;
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
  // The tables and the page's long sections go to scratch files as the run goes, copied
  // into the report set at the end.
  static std::atomic<int> run_counter{0};
  const std::string scratch_base = (fs::temp_directory_path() /
                                    ("plancheck-audit-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(run_counter++)))
                                       .string();
  const std::vector<fs::path> parts = {
      scratch_base + ".findings.csv", scratch_base + ".findings.html",
      scratch_base + ".coverage.html", scratch_base + ".targets.csv",
      scratch_base + ".targets.html", scratch_base + ".units.csv",
      scratch_base + ".units.html"};
  struct RemoveParts {
    const std::vector<fs::path>& paths;
    ~RemoveParts() {
      std::error_code ignored;
      for (const fs::path& path : paths) fs::remove(path, ignored);
    }
  } remove_parts{parts};
  AuditScratch scratch;
  bool opened = true;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    scratch.all()[i]->open(parts[i], std::ios::binary);
    opened = opened && static_cast<bool>(*scratch.all()[i]);
  }
  if (!opened) {
    err << "plancheck: error: cannot write scratch files in " << fs::temp_directory_path().string()
        << "\n";
    return kExitError;
  }
  std::mutex mutex;
  std::map<std::string, report::AuditReport> per_file;  // targets and units not yet reported
  FindingsWriter findings(audit, scratch, mutex, per_file);
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
    for (const report::AuditTargetRow& t : rows.targets) {
      rows.plans.back().targets_consistent += t.status == "consistent";
      rows.plans.back().targets_comparable += t.status == "consistent" || t.status == "weaker";
    }
    const std::lock_guard<std::mutex> lock(mutex);
    per_file[doc.path] = std::move(rows);
  };
  const int exit_code = RunLint(lint, false, out, err, hooks);
  if (!findings.finished()) return exit_code;  // setup error: lint has said why
  bool written = true;
  for (std::ofstream* part : scratch.all()) {
    part->close();
    written = written && static_cast<bool>(*part);
  }
  if (!written) {
    err << "plancheck: error: cannot write scratch files in " << fs::temp_directory_path().string()
        << "\n";
    return kExitError;
  }
  std::ifstream findings_csv(parts[0], std::ios::binary), findings_html(parts[1], std::ios::binary),
      coverage_html(parts[2], std::ios::binary), targets_csv(parts[3], std::ios::binary),
      targets_html(parts[4], std::ios::binary), units_csv(parts[5], std::ios::binary),
      units_html(parts[6], std::ios::binary);
  const report::AuditStreamedSections sections{&findings_html, &coverage_html, &targets_html,
                                               &units_html};

  // The five files are replaced as a set: a failure leaves the previous set whole. The page
  // is streamed to its file (over 100 MB for 1,800 plans), the tables copied from scratch.
  const fs::path dir(command.out);
  auto copy = [](std::ifstream& part) {
    return [&part](std::ostream& file) {
      if (part.peek() != std::char_traits<char>::eof()) file << part.rdbuf();
    };
  };
  const std::optional<std::string> failure = ReplaceFileSet(
      command.out,
      {{"report.html", [&](std::ostream& page) { report::WriteAuditHtml(page, audit, sections); }},
       {"findings.csv", copy(findings_csv)},
       {"targets.csv", copy(targets_csv)},
       {"units.csv", copy(units_csv)},
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
