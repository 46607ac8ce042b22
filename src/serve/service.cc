#include "serve/service.h"

#include <algorithm>
#include <filesystem>

#include "config/rule_pack.h"
#include "engine/engine.h"
#include "engine/setup.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "parse/targets.h"
#include "report/audit.h"
#include "report/audit_csv.h"

namespace plancheck::serve {
namespace fs = std::filesystem;
namespace {

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

// A document read from memory and parsed, as lint reads and parses a file; its targets
// are extracted when `indicators` is given.
Result<model::Document> ReadDocument(Upload upload, const data::IndicatorDictionary* indicators) {
  return engine::ReadDocumentFromString(std::move(upload.bytes), upload.name, indicators);
}

}  // namespace

std::unique_ptr<LintService> LintService::Load(const ServiceOptions& options, ErrorList& errors) {
  std::unique_ptr<LintService> service(new LintService());
  // As lint: --config, else the configuration nearest the working directory.
  const std::string config_file =
      options.config ? *options.config : config::DiscoverConfig(".").value_or("");
  if (!config_file.empty()) {
    if (!fs::is_regular_file(config_file)) {
      errors.Add(config_file, {}, "configuration file not found");
      return service;
    }
    service->config_ = config::LoadConfig(config_file, errors);
  }
  if (!options.no_default_rules) {
    config::LoadRulePack(config::DefaultPackDir(), service->rules_, errors);
  }
  for (const std::string& pack : options.rule_packs) {
    config::LoadRulePack(pack, service->rules_, errors);
  }
  for (const std::string& pack : service->config_.rule_packs) {
    config::LoadRulePack(pack, service->rules_, errors);
  }
  if (!config_file.empty()) config::CheckRuleReferences(service->config_, service->rules_, errors);
  service->default_language_ = service->config_.language.value_or("zh");

  const std::string rules_dir = config::RulesDir();
  service->targets_ =
      config::LoadTargetSetup(rules_dir, std::nullopt, service->config_.plans, errors);
  const std::string sheet_dir = rules_dir + "/plans/";
  for (const auto& plan : service->targets_->plans.plans()) {
    if (!StartsWith(plan->info.file, sheet_dir)) continue;
    service->sheets_.push_back({fs::path(plan->info.file).stem().string(), plan.get()});
  }
  return service;
}

const rule::Rule* LintService::FindRule(const std::string& id) const {
  for (const rule::Rule& r : rules_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Result<CheckResult> LintService::Check(CheckRequest request) const {
  CheckResult result;
  result.path = request.document.name;
  result.language = request.language.empty() ? default_language_ : request.language;
  const bool english = result.language == "en";

  // The parent is settled first: a request naming one that cannot be had is refused
  // before any work on the document.
  const ParentRequest::Kind parent_kind = request.parent.kind;
  const model::PlanTargets* fixed_parent = nullptr;
  std::optional<model::PlanTargets> uploaded_parent;
  if (parent_kind == ParentRequest::Kind::kSheet) {
    for (const SheetInfo& sheet : sheets_) {
      if (sheet.id == request.parent.sheet) fixed_parent = sheet.plan;
    }
    if (fixed_parent == nullptr) {
      return Error{request.parent.sheet, {},
                   english ? "no built-in targets sheet has this name" : "没有这个内置目标表"};
    }
  } else if (parent_kind == ParentRequest::Kind::kDocument) {
    Result<model::Document> parent =
        ReadDocument(std::move(request.parent.document), &targets_->indicators);
    if (!parent) {
      Error error = parent.error();
      error.message = (english ? "the parent plan cannot be read: " : "上级文件无法读取：") +
                      error.message;
      return error;
    }
    uploaded_parent = config::PlanOfDocument(*parent);
    fixed_parent = &*uploaded_parent;
  }

  std::vector<engine::ActiveRule> active;
  for (const rule::Rule& r : rules_) {
    const config::Effective effective =
        config::Resolve(config_, r.id, r.tags, r.enabled, r.severity, result.path);
    if (effective.enabled) active.push_back({&r, effective.severity});
  }
  // Targets are extracted when a rule reads them, as lint extracts them.
  const bool needs_targets = std::any_of(active.begin(), active.end(), [](const engine::ActiveRule& a) {
    return a.rule->check->NeedsTargets();
  });
  Result<model::Document> doc = ReadDocument(std::move(request.document),
                                             needs_targets ? &targets_->indicators : nullptr);
  if (!doc) {
    result.readable = false;
    result.diagnostics.push_back(engine::InputErrorDiagnostic(doc.error()));
    return result;
  }
  targets_->regions.Resolve(doc->metadata);  // as lint does (engine::LintOptions::regions)

  engine::LintOptions options;
  options.language = result.language;
  options.indicators = &targets_->indicators;
  options.parent_of = [&](const model::Document& d) -> const model::PlanTargets* {
    if (parent_kind == ParentRequest::Kind::kAuto) return targets_->ParentOf(d).parent;
    return fixed_parent;
  };
  options.source_lines = request.source_lines;
  result.diagnostics = engine::LintDocument(*doc, active, options);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), DiagnosticLess);
  if (request.keep_document) result.document = std::move(*doc);
  return result;
}

std::vector<report::RuleInfo> LintService::RuleInfos(const std::string& language) const {
  const bool english = language == "en";
  std::vector<report::RuleInfo> infos;
  infos.reserve(rules_.size());
  for (const rule::Rule& r : rules_) {
    infos.push_back({r.id, english && !r.title_en.empty() ? r.title_en : r.title, r.severity,
                     r.description});
  }
  return infos;
}

std::string LintService::Format(const CheckResult& result, report::OutputFormat format) const {
  report::ReportOptions options;
  options.language = result.language;
  options.tool_version = PLANCHECK_VERSION;
  return report::FormatReport(format, result.diagnostics, {result.path}, RuleInfos(result.language),
                              options);
}

std::string LintService::FormatCsv(const CheckResult& result) const {
  report::AuditReport audit;
  audit.language = result.language;
  audit.files = {result.path};
  for (const Diagnostic& d : result.diagnostics) audit.findings.push_back(report::AuditFindingOf(result.path, d));
  return report::AuditFindingsCsv(audit);
}

}  // namespace plancheck::serve
