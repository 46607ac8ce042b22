// `plancheck audit PATH... [--out DIR]`: the auditor report (issue 5). Findings come from
// the lint run itself (RunLint, JSON format, so rules, configuration, baseline-free
// severities and exit codes are lint's); targets and units come from the parsed documents.
// report/ renders plain structs; only this file reads documents.
#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/rule_loading.h"
#include "config/config.h"
#include "config/plans.h"
#include "config/rule_pack.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "parse/target_compare.h"
#include "parse/targets.h"
#include "report/audit_csv.h"
#include "report/audit_html.h"

namespace plancheck::cli {
namespace fs = std::filesystem;
namespace {

void AddFindings(const std::string& lint_json, report::AuditReport& audit) {
  const nlohmann::json root = nlohmann::json::parse(lint_json, nullptr, false);
  if (root.is_discarded() || !root.contains("files")) return;
  for (const nlohmann::json& file : root["files"]) {
    const std::string path = file.value("path", "");
    audit.files.push_back(path);
    for (const nlohmann::json& d : file["diagnostics"]) {
      report::AuditFinding f;
      f.file = path;
      f.line = d.value("line", 0);
      f.column = d.value("column", 0);
      f.severity = d.value("severity", "");
      f.rule_id = d.value("rule", "");
      f.message = d.value("message", "");
      if (d.contains("suggestion") && d["suggestion"].is_string()) {
        f.suggestion = d["suggestion"].get<std::string>();
      }
      audit.findings.push_back(std::move(f));
    }
  }
}

void AddTargets(const model::Document& doc, const config::TargetSetup& setup,
                report::AuditReport& audit) {
  const config::ParentChoice choice = setup.ParentOf(doc);
  std::map<const model::Target*, const parse::ParentMatch*> match_of;
  std::vector<parse::ParentMatch> matches;
  if (choice.parent != nullptr) {
    matches = parse::MatchWithParent(doc.targets, choice.parent->targets, setup.indicators);
    for (const parse::ParentMatch& m : matches) match_of[m.child] = &m;
  }
  const std::string parent_plan =
      choice.parent == nullptr ? ""
                               : (choice.parent->info.title.empty() ? choice.parent->info.file
                                                                    : choice.parent->info.title);
  for (const model::Target& t : doc.targets) {
    if (t.indicator_id.empty() || !t.value) continue;  // qualitative or unknown: nothing to show
    const parse::Indicator* indicator = setup.indicators.Find(t.indicator_id);
    report::AuditTargetRow row;
    row.file = doc.path;
    row.indicator = indicator != nullptr ? indicator->name : t.indicator_text;
    row.child_value = parse::FormatValue(t);
    row.parent_plan = parent_plan;
    auto it = match_of.find(&t);
    if (it != match_of.end()) {
      row.parent_value = parse::FormatValue(*it->second->parent);
      row.status = parse::VerdictName(it->second->comparison.verdict);
      row.reason = it->second->comparison.reason;
    } else {
      row.status = parse::VerdictName(parse::Verdict::kNotComparable);
      row.reason = choice.parent == nullptr ? choice.reason : "no parent target for it";
    }
    audit.targets.push_back(std::move(row));
  }
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

}  // namespace

int RunAudit(const AuditCommand& command, std::ostream& out, std::ostream& err) {
  LintCommand lint;
  lint.paths = command.paths;
  lint.sources = command.sources;
  lint.format = "json";
  lint.config = command.config;
  lint.parent = command.parent;
  lint.fail_on = command.fail_on;
  lint.language = command.language;
  lint.color = "never";
  std::ostringstream lint_json;
  const int exit_code = RunLint(lint, false, lint_json, err);
  if (exit_code == kExitError && lint_json.str().empty()) return exit_code;

  report::AuditReport audit;
  audit.tool_version = PLANCHECK_VERSION;
  AddFindings(lint_json.str(), audit);

  // The same target setup as lint's (docs/targets.md); lint has already reported its errors.
  ErrorList errors;
  const std::unique_ptr<config::TargetSetup> setup =
      LoadRunTargetSetup(command.config, command.parent, errors);
  for (const ingest::InputFile& input : ingest::CollectInputs(command.paths, errors)) {
    Result<model::Document> doc = ingest::LoadDocument(input);
    if (!doc) continue;  // lint reported it as input.*
    parse::ParseDocument(*doc);
    if (setup) {
      parse::ExtractTargets(*doc, setup->indicators);
      AddTargets(*doc, *setup, audit);
    }
    AddUnits(*doc, audit);
  }

  std::error_code ec;
  fs::create_directories(command.out, ec);
  if (ec) {
    err << "plancheck: error: cannot create " << command.out << ": " << ec.message() << "\n";
    return kExitError;
  }
  const fs::path dir(command.out);
  const std::pair<const char*, std::string> files[] = {
      {"report.html", report::AuditHtml(audit)},
      {"findings.csv", report::AuditFindingsCsv(audit)},
      {"targets.csv", report::AuditTargetsCsv(audit)},
      {"units.csv", report::AuditUnitsCsv(audit)},
  };
  for (const auto& [name, content] : files) {
    if (!WriteFileAtomically((dir / name).string(), content, err)) return kExitError;
  }
  out << (dir / "report.html").string() << '\n';
  return exit_code;
}

}  // namespace plancheck::cli
