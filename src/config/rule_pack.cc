#include "config/rule_pack.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include <re2/re2.h>

#include "data/yaml.h"
#include "base/read_file.h"
#include "checks/registry.h"
#include "rule/message.h"
#include "rule/node_ref.h"
#include "rule/params.h"
#include "config/yaml_params.h"

namespace plancheck::config {
namespace fs = std::filesystem;
namespace {

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Reads a scalar field of the rule mapping; adds an error when it has the wrong type.
std::string ScalarField(const YAML::Node& node, const char* key, const std::string& file,
                        ErrorList& errors) {
  const YAML::Node value = node[key];
  if (!value.IsDefined() || value.IsNull()) return "";
  if (!value.IsScalar()) {
    errors.Add(file, YamlPosition(value), std::string("'") + key + "' must be a string");
    return "";
  }
  return value.Scalar();
}

// The placeholders a message may use: the node's own plus what the check provides.
void ValidateTemplate(const std::string& text, const char* key, const YAML::Node& node,
                      const std::vector<std::string>& allowed, const std::string& file,
                      ErrorList& errors) {
  if (text.empty()) return;
  int column = 0;
  const Position where = YamlPosition(node[key]);
  const auto names = rule::TemplatePlaceholders(text, &column);
  if (!names) {
    errors.Add(file, where, std::string("malformed placeholder in '") + key + "'");
    return;
  }
  for (const std::string& name : *names) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string message = "unknown placeholder '{" + name + "}' in '" + key + "'";
    if (const std::string near = DidYouMean(name, allowed); !near.empty()) {
      message += " (did you mean '{" + near + "}'?)";
    }
    errors.Add(file, where, message);
  }
}

// `variants: {repeat: {message: …, message_en: …, suggest: …, suggest_en: …}}`: other
// wordings for kinds of finding the check tells apart.
void LoadVariants(const YAML::Node& node, const std::string& file,
                  const std::vector<std::string>& provided, const std::vector<std::string>& allowed,
                  rule::Rule& r, ErrorList& errors) {
  const YAML::Node variants = node["variants"];
  if (!variants.IsDefined() || variants.IsNull()) return;
  if (!variants.IsMap()) {
    errors.Add(file, YamlPosition(variants),
               "'variants' must map a kind of finding to its texts ('repeat: {message: …}')");
    return;
  }
  static const std::vector<std::string> kKeys = {"message", "message_en", "suggest", "suggest_en"};
  for (const auto& entry : variants) {
    const std::string name = entry.first.Scalar();
    if (std::find(provided.begin(), provided.end(), name) == provided.end()) {
      std::string message = "check '" + r.check_kind + "' has no variant '" + name + "'";
      if (provided.empty()) {
        message += " (it has none)";
      } else if (const std::string near = DidYouMean(name, provided); !near.empty()) {
        message += " (did you mean '" + near + "'?)";
      }
      errors.Add(file, YamlPosition(entry.first), message);
      continue;
    }
    const YAML::Node texts = entry.second;
    if (!texts.IsMap()) {
      errors.Add(file, YamlPosition(texts), "variant '" + name + "' must be a mapping of " +
                                                      "message, message_en, suggest, suggest_en");
      continue;
    }
    for (const auto& key : texts) {
      const std::string key_name = key.first.Scalar();
      if (std::find(kKeys.begin(), kKeys.end(), key_name) == kKeys.end()) {
        errors.Add(file, YamlPosition(key.first),
                   "unknown key '" + key_name + "' in variant '" + name +
                       "' (message, message_en, suggest, suggest_en)");
      }
    }
    rule::MessageVariant variant;
    variant.name = name;
    variant.message = ScalarField(texts, "message", file, errors);
    variant.message_en = ScalarField(texts, "message_en", file, errors);
    variant.suggest = ScalarField(texts, "suggest", file, errors);
    variant.suggest_en = ScalarField(texts, "suggest_en", file, errors);
    ValidateTemplate(variant.message, "message", texts, allowed, file, errors);
    ValidateTemplate(variant.message_en, "message_en", texts, allowed, file, errors);
    ValidateTemplate(variant.suggest, "suggest", texts, allowed, file, errors);
    ValidateTemplate(variant.suggest_en, "suggest_en", texts, allowed, file, errors);
    r.variants.push_back(std::move(variant));
  }
}

void LoadRule(const YAML::Node& node, const std::string& file,
              const std::vector<std::string>& allowed_roots, std::vector<rule::Rule>& rules,
              ErrorList& errors) {
  const std::size_t errors_before = errors.size();
  if (!node.IsMap()) {
    errors.Add(file, YamlPosition(node), "a rule must be a mapping with 'id', 'check', ...");
    return;
  }
  rule::Rule r;
  r.file = file;
  r.position = YamlPosition(node);
  r.id = ScalarField(node, "id", file, errors);
  static const RE2 kIdPattern("[a-z][a-z0-9]*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
  if (r.id.empty()) {
    errors.Add(file, r.position, "rule has no 'id'");
  } else if (!RE2::FullMatch(r.id, kIdPattern)) {
    errors.Add(file, YamlPosition(node["id"]),
               "rule id '" + r.id + "' must look like 'area.what-it-checks' (lower case, "
               "dotted, kebab case)");
  } else {
    for (const rule::Rule& existing : rules) {
      if (existing.id != r.id) continue;
      errors.Add(file, YamlPosition(node["id"]),
                 "duplicate rule id '" + r.id + "' (first defined at " + existing.file + ":" +
                     std::to_string(existing.position.line) + ")");
    }
  }
  r.title = ScalarField(node, "title", file, errors);
  r.title_en = ScalarField(node, "title_en", file, errors);
  r.message = ScalarField(node, "message", file, errors);
  r.message_en = ScalarField(node, "message_en", file, errors);
  r.suggest = ScalarField(node, "suggest", file, errors);
  r.suggest_en = ScalarField(node, "suggest_en", file, errors);
  r.description = ScalarField(node, "description", file, errors);
  r.example = ScalarField(node, "example", file, errors);
  if (r.title.empty()) errors.Add(file, r.position, "rule '" + r.id + "' has no 'title'");
  if (r.message.empty()) errors.Add(file, r.position, "rule '" + r.id + "' has no 'message'");

  const std::string severity = ScalarField(node, "severity", file, errors);
  if (severity.empty()) {
    errors.Add(file, r.position, "rule '" + r.id + "' has no 'severity' (error, warning or info)");
  } else if (auto parsed = ParseSeverity(severity)) {
    r.severity = *parsed;
  } else {
    errors.Add(file, YamlPosition(node["severity"]),
               "unknown severity '" + severity + "' (error, warning or info)");
  }
  const std::string scope = ScalarField(node, "scope", file, errors);
  if (scope.empty()) {
    errors.Add(file, r.position, "rule '" + r.id + "' has no 'scope'");
  } else if (auto parsed = rule::ParseScope(scope)) {
    r.scope = *parsed;
  } else {
    errors.Add(file, YamlPosition(node["scope"]),
               "unknown scope '" + scope + "' (document, part, section, task or unit)");
  }
  if (const YAML::Node enabled = node["enabled"]; enabled.IsDefined() && !enabled.IsNull()) {
    if (!enabled.IsScalar() || !YAML::convert<bool>::decode(enabled, r.enabled)) {
      errors.Add(file, YamlPosition(enabled), "'enabled' must be true or false");
    }
  }
  if (const YAML::Node tags = node["tags"]; tags.IsDefined() && !tags.IsNull()) {
    if (tags.IsSequence()) {
      for (const auto& tag : tags) {
        if (tag.IsScalar()) r.tags.push_back(tag.Scalar());
      }
    } else {
      errors.Add(file, YamlPosition(tags), "'tags' must be a list");
    }
  }

  const std::string fix = ScalarField(node, "fix", file, errors);
  if (fix == "certain") {
    r.fix = rule::FixPolicy::kCertain;
  } else if (fix == "numbering") {
    r.fix = rule::FixPolicy::kNumbering;
  } else if (!fix.empty() && fix != "none") {
    errors.Add(file, YamlPosition(node["fix"]),
               "unknown fix policy '" + fix + "' (certain, numbering or none)");
  }

  r.check_kind = ScalarField(node, "check", file, errors);
  const checks::CheckKind* kind = nullptr;
  if (r.check_kind.empty()) {
    errors.Add(file, r.position, "rule '" + r.id + "' has no 'check' (the check kind)");
  } else if (kind = checks::FindCheckKind(r.check_kind); kind == nullptr) {
    std::vector<std::string> names;
    for (const checks::CheckKind& k : checks::AllCheckKinds()) names.emplace_back(k.name);
    std::string message = "unknown check kind '" + r.check_kind + "'";
    if (const std::string near = DidYouMean(r.check_kind, names); !near.empty()) {
      message += " (did you mean '" + near + "'?)";
    }
    errors.Add(file, YamlPosition(node["check"]), message);
  }
  if (kind != nullptr && errors.size() == errors_before) {
    const rule::Params params = MakeParams(node, file, r.scope, allowed_roots);
    std::unique_ptr<rule::Check> check = kind->create(params, errors);
    const auto& common = rule::CommonRuleKeys();
    for (const std::string& key : params.UnreadKeys({common.begin(), common.end()})) {
      std::vector<std::string> known = params.ReadKeys();
      known.insert(known.end(), common.begin(), common.end());
      std::string message =
          "unknown parameter '" + key + "' for check '" + r.check_kind + "'";
      if (const std::string near = DidYouMean(key, known); !near.empty()) {
        message += " (did you mean '" + near + "'?)";
      }
      errors.Add(file, params.PositionOf(key), message);
    }
    if (check != nullptr) {
      std::vector<std::string> allowed;
      for (std::string_view name : rule::NodeRef::PlaceholderNames()) allowed.emplace_back(name);
      for (const std::string& name : check->ProvidedPlaceholders()) allowed.push_back(name);
      allowed.emplace_back("suggestion");
      ValidateTemplate(r.message, "message", node, allowed, file, errors);
      ValidateTemplate(r.message_en, "message_en", node, allowed, file, errors);
      ValidateTemplate(r.suggest, "suggest", node, allowed, file, errors);
      ValidateTemplate(r.suggest_en, "suggest_en", node, allowed, file, errors);
      LoadVariants(node, file, check->ProvidedVariants(), allowed, r, errors);
      r.check = std::move(check);
    }
  }
  if (errors.size() == errors_before && r.check != nullptr) rules.push_back(std::move(r));
}

void LoadNode(const YAML::Node& root, const std::string& file,
              const std::vector<std::string>& allowed_roots, std::vector<rule::Rule>& rules,
              ErrorList& errors) {
  if (!root.IsDefined() || root.IsNull()) return;  // an empty pack is allowed
  if (!root.IsSequence()) {
    errors.Add(file, YamlPosition(root), "a rule pack must be a list of rules ('- id: ...')");
    return;
  }
  for (const auto& node : root) LoadRule(node, file, allowed_roots, rules, errors);
}

}  // namespace

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

void LoadRulePackFromString(const std::string& yaml, const std::string& file,
                            std::vector<rule::Rule>& rules, ErrorList& errors,
                            const std::vector<std::string>& allowed_roots) {
  const std::optional<YAML::Node> loaded = data::LoadYaml(yaml, file, errors);
  if (!loaded) return;
  const YAML::Node& root = *loaded;
  try {
    LoadNode(root, file, allowed_roots, rules, errors);
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "invalid rule: " + e.msg);
  }
}

void LoadRulePack(const std::string& path, std::vector<rule::Rule>& rules, ErrorList& errors,
                  const std::vector<std::string>& allowed_roots) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      const std::string ext = entry.path().extension().string();
      std::error_code type_ec;
      if (entry.is_directory(type_ec)) continue;  // packs are not read recursively
      if (ext == ".yaml" || ext == ".yml") files.push_back(entry.path());
    }
    if (ec) {
      errors.Add(path, {}, "cannot read rule directory: " + ec.message());
      return;
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) errors.Add(path, {}, "rule directory holds no *.yaml file");
    for (const fs::path& file : files) {
      LoadRulePack(file.generic_string(), rules, errors, allowed_roots);
    }
    return;
  }
  // A file in a pack directory may be a symlink: judged by where it leads.
  if (!PathIsInside(path, allowed_roots)) {
    errors.Add(path, {}, "rule pack leads outside the directory of the configuration that names it (" +
                             CanonicalPath(path) + ")");
    return;
  }
  const std::optional<std::string> text = ReadConfigFile(path, "rule pack", errors);
  if (!text) return;
  LoadRulePackFromString(*text, path, rules, errors, allowed_roots);
}

std::string RulesDir() {
  if (const char* env = std::getenv("PLANCHECK_RULES_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "plancheck" / "rules";
    if (fs::is_directory(installed / "default", ec)) return installed.generic_string();
  }
  return PLANCHECK_SOURCE_RULES_DIR;
}

std::string DefaultPackDir() { return RulesDir() + "/default"; }

}  // namespace plancheck::config
