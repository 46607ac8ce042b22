// `parse`, `rules`, `explain` and `list-kinds`: commands that print what plancheck knows.
#include <nlohmann/json.hpp>

#include <ostream>

#include "checks/registry.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/rule_loading.h"
#include "config/config.h"
#include "config/plans.h"
#include "config/rule_pack.h"
#include "engine/setup.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "report/model_json.h"
#include "report/views/rules_json.h"

namespace plancheck::cli {

int RunParse(const ParseCommand& command, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  std::vector<config::Config::PlanEntry> plan_entries;
  std::optional<std::string> config_language;
  if (const std::optional<std::string> config_file = config::DiscoverConfig(".")) {
    config::Config config = config::LoadConfig(*config_file, errors);
    plan_entries = std::move(config.plans);
    config_language = config.language;
  }
  // As in lint: --lang, else the configuration's `language:`, else Chinese.
  const bool english = command.language.value_or(config_language.value_or("zh")) == "en";
  const std::unique_ptr<config::TargetSetup> targets =
      config::LoadTargetSetup(config::RulesDir(), std::nullopt, plan_entries, errors);
  const std::vector<ingest::InputFile> inputs = ingest::CollectInputs(command.paths, errors);
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const ingest::InputFile& input : inputs) {
    Result<model::Document> doc = engine::ReadDocument(input, nullptr);
    if (!doc) {
      errors.Add(doc.error());
      continue;
    }
    targets->regions.Resolve(doc->metadata);
    // The parent plan the targets.* rules would use, and why (docs/targets.md).
    const config::ParentChoice parent = targets->ParentOf(*doc);
    const std::string parent_file = parent.parent != nullptr ? parent.parent->info.file : "";
    if (command.format == "json") {
      nlohmann::ordered_json json = report::DocumentToJson(*doc, english);
      json["parent"] = {{"file", parent_file}, {"reason", parent.reason}};
      all.push_back(std::move(json));
    } else {
      out << report::DocumentToText(*doc);
      out << "parent: " << (parent_file.empty() ? "(none)" : parent_file) << " (" << parent.reason
          << ")\n";
    }
  }
  if (command.format == "json") out << all.dump(2) << '\n';
  err << errors.ToString();
  return errors.empty() ? kExitOk : kExitError;
}

int RunRules(const RuleSources& sources, const std::string& format, std::ostream& out,
             std::ostream& err) {
  ErrorList errors;
  const std::vector<rule::Rule> rules = LoadRuleSources(sources, errors);
  if (!errors.empty()) {
    err << errors.ToString();
    return kExitError;
  }
  if (format == "json") {
    out << report::RulesToJson(rules).dump(2) << '\n';
    return kExitOk;
  }
  std::size_t id_width = 0;
  for (const rule::Rule& r : rules) id_width = std::max(id_width, r.id.size());
  for (const rule::Rule& r : rules) {
    std::string severity(SeverityName(r.severity));
    out << r.id << std::string(id_width + 2 - r.id.size(), ' ') << severity
        << std::string(9 - severity.size(), ' ') << r.title << (r.enabled ? "" : "（默认关闭）")
        << (r.fix == rule::FixPolicy::kCertain     ? "  [--fix]"
            : r.fix == rule::FixPolicy::kNumbering ? "  [--fix=numbering]"
                                                   : "")
        << '\n';
  }
  return kExitOk;
}

int RunExplain(const ExplainCommand& command, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  const std::vector<rule::Rule> rules = LoadRuleSources(command.sources, errors);
  if (!errors.empty()) {
    err << errors.ToString();
    return kExitError;
  }
  const bool english = command.language == "en";
  for (const rule::Rule& r : rules) {
    if (r.id != command.rule_id) continue;
    const std::string& title = english && !r.title_en.empty() ? r.title_en : r.title;
    out << r.id << ": " << title << "\n\n";
    out << (english ? "severity: " : "严重级别：") << SeverityName(r.severity) << "    "
        << (english ? "scope: " : "范围：") << rule::ScopeName(r.scope) << "    "
        << (english ? "check: " : "检查类型：") << r.check_kind << "\n";
    if (!r.tags.empty()) {
      out << (english ? "tags: " : "标签：");
      for (std::size_t i = 0; i < r.tags.size(); ++i) out << (i ? ", " : "") << r.tags[i];
      out << "\n";
    }
    if (!r.description.empty()) out << "\n" << r.description << "\n";
    out << "\n" << (english ? "message: " : "提示信息：")
        << (english && !r.message_en.empty() ? r.message_en : r.message) << "\n";
    const std::string& suggest = english && !r.suggest_en.empty() ? r.suggest_en : r.suggest;
    if (!suggest.empty()) out << (english ? "suggestion: " : "修改建议：") << suggest << "\n";
    if (!r.example.empty()) {
      out << "\n" << (english ? "example:" : "示例：") << "\n";
      std::string example = r.example;
      if (!example.empty() && example.back() != '\n') example += '\n';
      std::size_t start = 0;
      while (start < example.size()) {
        const std::size_t end = example.find('\n', start);
        out << "    " << example.substr(start, end - start) << "\n";
        start = end + 1;
      }
    }
    out << "\n" << (english ? "defined in: " : "定义位置：") << r.file << ":" << r.position.line
        << "\n";
    return kExitOk;
  }
  std::vector<std::string> ids;
  for (const rule::Rule& r : rules) ids.push_back(r.id);
  std::string message = "plancheck: error: unknown rule '" + command.rule_id + "'";
  if (const std::string near = config::DidYouMean(command.rule_id, ids); !near.empty()) {
    message += " (did you mean '" + near + "'?)";
  }
  err << message << "\n";
  return kExitError;
}

int RunListKinds(std::ostream& out) {
  for (const checks::CheckKind& kind : checks::AllCheckKinds()) {
    out << kind.name << std::string(kind.name.size() < 18 ? 18 - kind.name.size() : 1, ' ')
        << kind.summary << '\n';
  }
  return kExitOk;
}

}  // namespace plancheck::cli
