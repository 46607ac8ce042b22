#include "config/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "data/yaml.h"
#include "base/read_file.h"
#include "base/utf8.h"
#include "config/rule_pack.h"
#include "config/yaml_params.h"
#include "rule/params.h"

namespace plancheck::config {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string> kTopLevelKeys = {"rules",    "disable", "enable",    "severity",
                                                "fail_on",  "language", "overrides", "plans"};
const std::vector<std::string> kOverrideKeys = {"paths", "disable", "enable", "severity"};
const std::vector<std::string> kPlanKeys = {"file", "level", "region", "year", "parent"};
const std::vector<std::string> kFailOnValues = {"error", "warning", "info", "never"};
const std::vector<std::string> kLanguages = {"zh", "en"};
// model::AdminLevelName values a plan can declare.
const std::vector<std::string> kLevels = {"national", "province", "district"};

// "a, b or c", for messages listing the allowed values.
std::string OrList(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

std::string WithSuggestion(std::string message, const std::string& word,
                           const std::vector<std::string>& candidates) {
  if (const std::string near = DidYouMean(word, candidates); !near.empty()) {
    message += " (did you mean '" + near + "'?)";
  }
  return message;
}

// `relative` joined to `base_dir` unless absolute; lexically normal, '/' separators.
std::string ResolvePath(const std::string& base_dir, const std::string& relative) {
  const fs::path path(relative);
  if (path.is_absolute() || base_dir.empty()) return path.lexically_normal().generic_string();
  return (fs::path(base_dir) / path).lexically_normal().generic_string();
}

bool IsGlobSelector(std::string_view selector) {
  return selector.find_first_of("*?[") != std::string_view::npos;
}

// Reads one config file's YAML tree into a Config, adding located errors as it goes.
class Loader {
 public:
  Loader(std::string file, Config& config, ErrorList& errors)
      : file_(std::move(file)), config_(config), errors_(errors) {}

  void LoadRoot(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull()) return;  // an empty config changes nothing
    if (!root.IsMap()) {
      Error(root, "a config file must be a mapping (keys: " + OrList(kTopLevelKeys) + ")");
      return;
    }
    for (const auto& [key, value] : Entries(root, kTopLevelKeys, "")) {
      if (key == "rules") {
        LoadRulePacks(value);
      } else if (key == "disable") {
        config_.settings.disable = Selectors(value, key);
      } else if (key == "enable") {
        config_.settings.enable = Selectors(value, key);
      } else if (key == "severity") {
        config_.settings.severity = SeverityMap(value);
      } else if (key == "fail_on") {
        config_.fail_on = Choice(value, key, "fail_on value", kFailOnValues);
      } else if (key == "language") {
        config_.language = Choice(value, key, "language", kLanguages);
      } else if (key == "overrides") {
        LoadOverrides(value);
      } else if (key == "plans") {
        LoadPlans(value);
      }
    }
  }

 private:
  void Error(const YAML::Node& node, std::string message) {
    errors_.Add(file_, YamlPosition(node), std::move(message));
  }

  // The known entries of a mapping, in file order. Unknown keys (with "did you mean"),
  // non-string keys and duplicates are reported and skipped. `where` names the
  // enclosing list in messages ("" at the top level).
  std::vector<std::pair<std::string, YAML::Node>> Entries(const YAML::Node& map,
                                                          const std::vector<std::string>& known,
                                                          const std::string& where) {
    std::vector<std::pair<std::string, YAML::Node>> out;
    std::set<std::string> seen;
    for (const auto& entry : map) {
      if (!entry.first.IsScalar()) {
        Error(entry.first, "keys must be strings");
        continue;
      }
      const std::string& key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string message = "unknown key '" + key + "'";
        if (!where.empty()) message += " in '" + where + "'";
        Error(entry.first, WithSuggestion(message, key, known));
        continue;
      }
      if (!seen.insert(key).second) {
        Error(entry.first, "duplicate key '" + key + "'");
        continue;
      }
      out.emplace_back(key, entry.second);
    }
    return out;
  }

  // A string or a list of strings, each with its node (for positions).
  std::vector<std::pair<std::string, YAML::Node>> StringList(const YAML::Node& value,
                                                             const std::string& key,
                                                             const std::string& what) {
    std::vector<std::pair<std::string, YAML::Node>> out;
    if (value.IsNull()) return out;
    if (value.IsScalar()) {
      out.emplace_back(value.Scalar(), value);
      return out;
    }
    if (!value.IsSequence()) {
      Error(value, "'" + key + "' must be a list of " + what);
      return out;
    }
    for (const auto& item : value) {
      if (!item.IsScalar()) {
        Error(item, "items of '" + key + "' must be strings");
        continue;
      }
      out.emplace_back(item.Scalar(), item);
    }
    return out;
  }

  // Checks a selector's shape and remembers it for CheckRuleReferences.
  bool Selector(const std::string& selector, const YAML::Node& node) {
    if (selector.empty()) {
      Error(node, "empty rule selector (use a rule id, a glob such as 'units.*', or 'tag:NAME')");
      return false;
    }
    if (selector == "tag:") {
      Error(node, "'tag:' needs a tag name, as in 'tag:units'");
      return false;
    }
    config_.rule_references.push_back({selector, YamlPosition(node)});
    return true;
  }

  std::vector<std::string> Selectors(const YAML::Node& value, const std::string& key) {
    std::vector<std::string> out;
    for (auto& [selector, node] : StringList(value, key, "rule ids")) {
      if (Selector(selector, node)) out.push_back(std::move(selector));
    }
    return out;
  }

  std::map<std::string, Severity> SeverityMap(const YAML::Node& value) {
    std::map<std::string, Severity> out;
    if (value.IsNull()) return out;
    if (!value.IsMap()) {
      Error(value, "'severity' must be a mapping from rule id to severity");
      return out;
    }
    for (const auto& entry : value) {
      if (!entry.first.IsScalar()) {
        Error(entry.first, "keys of 'severity' must be rule ids");
        continue;
      }
      const std::string& selector = entry.first.Scalar();
      if (out.count(selector) != 0) {
        Error(entry.first, "duplicate key '" + selector + "'");
        continue;
      }
      if (!entry.second.IsScalar()) {
        Error(entry.second, "the severity of '" + selector + "' must be error, warning or info");
        continue;
      }
      const std::string& name = entry.second.Scalar();
      const std::optional<Severity> severity = ParseSeverity(name);
      if (!severity) {
        std::string message = "unknown severity '" + name + "' (error, warning or info";
        message += name == "off" ? "; use 'disable' to turn a rule off)" : ")";
        Error(entry.second, message);
        continue;
      }
      if (Selector(selector, entry.first)) out.emplace(selector, *severity);
    }
    return out;
  }

  std::optional<std::string> Choice(const YAML::Node& value, const std::string& key,
                                    const std::string& what,
                                    const std::vector<std::string>& allowed) {
    if (value.IsNull()) return std::nullopt;
    if (!value.IsScalar()) {
      Error(value, "'" + key + "' must be one of " + OrList(allowed));
      return std::nullopt;
    }
    const std::string& text = value.Scalar();
    if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
      Error(value, "unknown " + what + " '" + text + "' (" + OrList(allowed) + ")");
      return std::nullopt;
    }
    return text;
  }

  // False, after a located error, when `path` (named as `relative`) leaves the places a
  // discovered configuration may name (ConfigSource).
  bool Contained(const YAML::Node& node, const std::string& what, const std::string& relative,
                 const std::string& path) {
    if (PathIsInside(path, config_.allowed_roots)) return true;
    Error(node, what + " '" + relative + "' (" + CanonicalPath(path) +
                    ") lies outside the directory of this configuration and the installed rules; "
                    "a .plancheck.yaml found beside the documents may only name files inside its "
                    "own directory tree (name others with --config or --rules)");
    return false;
  }

  void LoadRulePacks(const YAML::Node& value) {
    for (const auto& [relative, node] : StringList(value, "rules", "rule-pack paths")) {
      const std::string path = ResolvePath(config_.base_dir, relative);
      if (!Contained(node, "rule pack", relative, path)) continue;
      std::error_code ec;
      if (!fs::exists(path, ec)) {
        Error(node, "rule pack '" + relative + "' not found (looked for '" + path + "')");
        continue;
      }
      config_.rule_packs.push_back(path);
    }
  }

  RuleSettings Settings(const std::vector<std::pair<std::string, YAML::Node>>& entries) {
    RuleSettings settings;
    for (const auto& [key, value] : entries) {
      if (key == "disable") settings.disable = Selectors(value, key);
      if (key == "enable") settings.enable = Selectors(value, key);
      if (key == "severity") settings.severity = SeverityMap(value);
    }
    return settings;
  }

  void LoadOverrides(const YAML::Node& value) {
    if (value.IsNull()) return;
    if (!value.IsSequence()) {
      Error(value, "'overrides' must be a list of mappings, each with 'paths'");
      return;
    }
    for (const auto& item : value) {
      if (!item.IsMap()) {
        Error(item, "an override must be a mapping with 'paths' and 'disable', 'enable' or "
                    "'severity'");
        continue;
      }
      const auto entries = Entries(item, kOverrideKeys, "overrides");
      PathOverride override_entry;
      for (const auto& [key, entry_value] : entries) {
        if (key != "paths") continue;
        for (auto& [glob, node] : StringList(entry_value, key, "path globs")) {
          if (glob.empty()) {
            Error(node, "empty path glob");
            continue;
          }
          override_entry.globs.push_back(std::move(glob));
        }
      }
      const bool has_paths = std::any_of(entries.begin(), entries.end(),
                                         [](const auto& entry) { return entry.first == "paths"; });
      if (!has_paths) Error(item, "override has no 'paths'");
      override_entry.settings = Settings(entries);
      if (!override_entry.globs.empty()) config_.overrides.push_back(std::move(override_entry));
    }
  }

  void LoadPlans(const YAML::Node& value) {
    if (value.IsNull()) return;
    if (!value.IsSequence()) {
      Error(value, "'plans' must be a list of mappings, each with 'file'");
      return;
    }
    std::vector<std::pair<std::size_t, YAML::Node>> parents;  // plan index, parent node
    for (const auto& item : value) {
      if (!item.IsMap()) {
        Error(item, "a plan must be a mapping with 'file' and optionally 'level', 'region', "
                    "'year', 'parent'");
        continue;
      }
      Config::PlanEntry plan;
      plan.position = YamlPosition(item);
      const std::size_t errors_before_plan = errors_.size();
      YAML::Node parent_node;
      for (const auto& [key, entry_value] : Entries(item, kPlanKeys, "plans")) {
        if (key == "year") {
          int year = 0;
          if (!entry_value.IsScalar() || !YAML::convert<int>::decode(entry_value, year)) {
            Error(entry_value, "'year' must be an integer, as in 2024");
          } else {
            plan.year = year;
          }
          continue;
        }
        if (!entry_value.IsScalar()) {
          Error(entry_value, "'" + key + "' must be a string");
          continue;
        }
        const std::string& text = entry_value.Scalar();
        if (key == "file") {
          plan.file = text.empty() ? "" : ResolvePath(config_.base_dir, text);
          if (!plan.file.empty() && !Contained(entry_value, "plan file", text, plan.file)) {
            plan.file.clear();
            continue;
          }
        }
        if (key == "level") {
          if (std::find(kLevels.begin(), kLevels.end(), text) == kLevels.end()) {
            Error(entry_value, "unknown level '" + text + "' (" + OrList(kLevels) + ")");
            continue;
          }
          plan.level = text;
        }
        if (key == "region") plan.region = text;
        if (key == "parent" && !text.empty()) {
          plan.parent = ResolvePath(config_.base_dir, text);
          parent_node = entry_value;
          if (!Contained(entry_value, "parent plan", text, plan.parent)) plan.parent.clear();
        }
      }
      if (plan.file.empty()) {
        if (errors_before_plan == errors_.size()) Error(item, "plan has no 'file'");
        continue;
      }
      if (parent_node.IsDefined()) parents.emplace_back(config_.plans.size(), parent_node);
      config_.plans.push_back(std::move(plan));
    }
    // A parent may be another entry or a targets sheet anywhere (src/config/plans.h), so
    // only the one certain mistake is reported here.
    for (const auto& [index, node] : parents) {
      if (config_.plans[index].parent == config_.plans[index].file) {
        Error(node, "a plan cannot be its own parent");
      }
    }
  }

  std::string file_;
  Config& config_;
  ErrorList& errors_;
};

// Specificity of `selector` for a rule: 0 when it does not select it.
enum Specificity { kNoMatch = 0, kTagMatch = 1, kGlobMatch = 2, kExactMatch = 3 };

Specificity SelectorMatch(const std::string& selector, const std::string& rule_id,
                          const std::vector<std::string>& tags) {
  if (selector.rfind("tag:", 0) == 0) {
    const std::string_view tag = std::string_view(selector).substr(4);
    return std::find(tags.begin(), tags.end(), tag) != tags.end() ? kTagMatch : kNoMatch;
  }
  if (IsGlobSelector(selector)) return GlobMatch(selector, rule_id) ? kGlobMatch : kNoMatch;
  return selector == rule_id ? kExactMatch : kNoMatch;
}

int BestMatch(const std::vector<std::string>& selectors, const std::string& rule_id,
              const std::vector<std::string>& tags) {
  int best = kNoMatch;
  for (const std::string& selector : selectors) {
    best = std::max<int>(best, SelectorMatch(selector, rule_id, tags));
  }
  return best;
}

void Apply(const RuleSettings& settings, const std::string& rule_id,
           const std::vector<std::string>& tags, Effective& effective) {
  const int disabled = BestMatch(settings.disable, rule_id, tags);
  const int enabled = BestMatch(settings.enable, rule_id, tags);
  if (enabled != kNoMatch && enabled >= disabled) {
    effective.enabled = true;
  } else if (disabled != kNoMatch) {
    effective.enabled = false;
  }
  // Most specific selector wins; between two globs, the longer (more literal) one.
  std::pair<int, std::size_t> best = {kNoMatch, 0};
  for (const auto& [selector, severity] : settings.severity) {
    const int match = SelectorMatch(selector, rule_id, tags);
    if (match == kNoMatch) continue;
    const std::pair<int, std::size_t> rank = {match, selector.size()};
    if (rank >= best) {
      best = rank;
      effective.severity = severity;
    }
  }
}

// "./a/b" -> "a/b"; a trailing '/' means everything below.
std::string NormalizeGlob(std::string glob) {
  while (glob.rfind("./", 0) == 0) glob.erase(0, 2);
  if (!glob.empty() && glob.back() == '/') glob += "**";
  return glob;
}

// The forms of a document path that override globs are tried against.
std::vector<std::string> CandidatePaths(const Config& config, const std::string& document_path) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!config.base_dir.empty()) {
    const fs::path base = fs::absolute(config.base_dir, ec).lexically_normal();
    const fs::path doc = fs::absolute(document_path, ec).lexically_normal();
    if (!ec) {
      const fs::path relative = doc.lexically_relative(base);
      if (!relative.empty() && *relative.begin() != "..") out.push_back(relative.generic_string());
    }
  }
  std::string given = fs::path(document_path).generic_string();
  while (given.rfind("./", 0) == 0) given.erase(0, 2);
  if (std::find(out.begin(), out.end(), given) == out.end()) out.push_back(given);
  return out;
}

// --- glob matching, by code point -----------------------------------------------------

struct GlobToken {
  enum Kind { kLiteral, kAny, kStar, kClass } kind = kLiteral;
  char32_t literal = 0;
  bool negated = false;
  std::vector<std::pair<char32_t, char32_t>> ranges;  // inclusive
};

std::u32string Decode(std::string_view text) {
  std::u32string out;
  for (std::size_t offset = 0; offset < text.size();) out.push_back(DecodeUtf8(text, offset));
  return out;
}

std::vector<std::u32string> SplitSegments(const std::u32string& text) {
  std::vector<std::u32string> out(1);
  for (char32_t cp : text) {
    if (cp == U'/') {
      out.emplace_back();
    } else {
      out.back().push_back(cp);
    }
  }
  return out;
}

std::vector<GlobToken> Tokenize(const std::u32string& segment) {
  std::vector<GlobToken> tokens;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    const char32_t cp = segment[i];
    GlobToken token;
    if (cp == U'*') {
      token.kind = GlobToken::kStar;
      if (!tokens.empty() && tokens.back().kind == GlobToken::kStar) continue;
    } else if (cp == U'?') {
      token.kind = GlobToken::kAny;
    } else if (cp == U'\\' && i + 1 < segment.size()) {
      token.literal = segment[++i];
    } else if (cp == U'[') {
      // Find the closing ']' (a ']' right after '[' or '[!' is a member).
      std::size_t j = i + 1;
      if (j < segment.size() && (segment[j] == U'!' || segment[j] == U'^')) ++j;
      if (j < segment.size() && segment[j] == U']') ++j;
      while (j < segment.size() && segment[j] != U']') ++j;
      if (j >= segment.size()) {
        token.literal = cp;  // unterminated: a literal '['
      } else {
        token.kind = GlobToken::kClass;
        std::size_t k = i + 1;
        if (segment[k] == U'!' || segment[k] == U'^') {
          token.negated = true;
          ++k;
        }
        for (; k < j; ++k) {
          const char32_t lo = segment[k];
          if (k + 2 < j && segment[k + 1] == U'-') {
            token.ranges.emplace_back(lo, segment[k + 2]);
            k += 2;
          } else {
            token.ranges.emplace_back(lo, lo);
          }
        }
        i = j;
      }
    } else {
      token.literal = cp;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool TokenMatches(const GlobToken& token, char32_t cp) {
  switch (token.kind) {
    case GlobToken::kLiteral:
      return token.literal == cp;
    case GlobToken::kAny:
      return true;
    case GlobToken::kClass: {
      const bool in = std::any_of(token.ranges.begin(), token.ranges.end(),
                                  [cp](const auto& r) { return r.first <= cp && cp <= r.second; });
      return in != token.negated;
    }
    case GlobToken::kStar:
      break;
  }
  return false;
}

// One segment: every token but '*' takes exactly one code point, so the classic
// single-backtrack-point algorithm is exact.
bool MatchSegment(const std::vector<GlobToken>& tokens, const std::u32string& text) {
  std::size_t t = 0;
  std::size_t s = 0;
  std::size_t star = std::u32string::npos;
  std::size_t star_s = 0;
  while (s < text.size()) {
    if (t < tokens.size() && tokens[t].kind == GlobToken::kStar) {
      star = t++;
      star_s = s;
    } else if (t < tokens.size() && TokenMatches(tokens[t], text[s])) {
      ++t;
      ++s;
    } else if (star != std::u32string::npos) {
      t = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (t < tokens.size() && tokens[t].kind == GlobToken::kStar) ++t;
  return t == tokens.size();
}

}  // namespace

bool GlobMatch(std::string_view glob, std::string_view path) {
  const std::vector<std::u32string> glob_segments = SplitSegments(Decode(glob));
  const std::vector<std::u32string> path_segments = SplitSegments(Decode(path));
  std::vector<std::vector<GlobToken>> tokens;
  std::vector<bool> globstar;
  for (const std::u32string& segment : glob_segments) {
    globstar.push_back(segment == U"**");
    tokens.push_back(Tokenize(segment));
  }
  const std::size_t g_count = glob_segments.size();
  const std::size_t p_count = path_segments.size();
  // memo[g][p]: 0 unknown, 1 match, 2 no match; '**' makes naive recursion exponential.
  std::vector<unsigned char> memo((g_count + 1) * (p_count + 1), 0);
  auto match = [&](auto& self, std::size_t g, std::size_t p) -> bool {
    unsigned char& cell = memo[g * (p_count + 1) + p];
    if (cell != 0) return cell == 1;
    bool result = false;
    if (g == g_count) {
      result = p == p_count;
    } else if (globstar[g]) {
      result = self(self, g + 1, p) || (p < p_count && self(self, g, p + 1));
    } else {
      result = p < p_count && MatchSegment(tokens[g], path_segments[p]) && self(self, g + 1, p + 1);
    }
    cell = result ? 1 : 2;
    return result;
  };
  return match(match, 0, 0);
}

Config LoadConfigFromString(const std::string& yaml, const std::string& path,
                            ErrorList& errors, ConfigSource source) {
  Config config;
  config.file = path;
  const std::string parent = fs::path(path).parent_path().generic_string();
  config.base_dir = parent.empty() ? "." : parent;
  if (source == ConfigSource::kDiscovered) {
    config.allowed_roots = {CanonicalPath(config.base_dir), CanonicalPath(RulesDir())};
  }
  const std::optional<YAML::Node> loaded = data::LoadYaml(yaml, path, errors);
  if (!loaded) return config;
  const YAML::Node& root = *loaded;
  try {
    Loader(path, config, errors).LoadRoot(root);
  } catch (const YAML::Exception& e) {
    errors.Add(path, {e.mark.line + 1, e.mark.column + 1}, "invalid config: " + e.msg);
  }
  return config;
}

Config LoadConfig(const std::string& path, ErrorList& errors, ConfigSource source) {
  const std::optional<std::string> text = ReadConfigFile(path, "config file", errors);
  if (!text) return Config{};
  return LoadConfigFromString(*text, path, errors, source);
}

std::optional<std::string> DiscoverConfig(const std::string& directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(directory, ec).lexically_normal();
  if (ec) return std::nullopt;
  if (fs::is_regular_file(dir, ec)) dir = dir.parent_path();
  if (dir.has_filename() == false && dir.has_parent_path() && dir != dir.root_path()) {
    dir = dir.parent_path();  // "a/b/" normalizes to "a/b/" with an empty filename
  }
  const fs::path cwd = fs::current_path(ec);
  for (;;) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) {
      if (!cwd.empty()) {
        const fs::path relative = candidate.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
      }
      return candidate.generic_string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

void CheckRuleReferences(const Config& config, const std::vector<rule::Rule>& rules,
                         ErrorList& errors) {
  std::vector<std::string> ids;
  std::set<std::string> tags;
  for (const rule::Rule& r : rules) {
    ids.push_back(r.id);
    tags.insert(r.tags.begin(), r.tags.end());
  }
  for (const RuleReference& reference : config.rule_references) {
    const std::string& selector = reference.selector;
    if (selector.rfind("tag:", 0) == 0) {
      const std::string tag = selector.substr(4);
      if (tags.count(tag) != 0) continue;
      errors.Add(config.file, reference.position,
                 WithSuggestion("no rule has tag '" + tag + "'", tag, {tags.begin(), tags.end()}));
    } else if (IsGlobSelector(selector)) {
      if (std::any_of(ids.begin(), ids.end(),
                      [&](const std::string& id) { return GlobMatch(selector, id); })) {
        continue;
      }
      errors.Add(config.file, reference.position, "'" + selector + "' matches no rule");
    } else if (std::find(ids.begin(), ids.end(), selector) == ids.end()) {
      errors.Add(config.file, reference.position,
                 WithSuggestion("unknown rule '" + selector + "'", selector, ids));
    }
  }
}

Effective Resolve(const Config& config, const std::string& rule_id,
                  const std::vector<std::string>& tags, bool enabled, Severity severity,
                  const std::string& document_path) {
  Effective effective{enabled, severity};
  Apply(config.settings, rule_id, tags, effective);
  if (config.overrides.empty()) return effective;
  const std::vector<std::string> paths = CandidatePaths(config, document_path);
  for (const PathOverride& override_entry : config.overrides) {
    const bool matches = std::any_of(
        override_entry.globs.begin(), override_entry.globs.end(), [&](const std::string& glob) {
          const std::string normalized = NormalizeGlob(glob);
          return std::any_of(paths.begin(), paths.end(),
                             [&](const std::string& path) { return GlobMatch(normalized, path); });
        });
    if (matches) Apply(override_entry.settings, rule_id, tags, effective);
  }
  return effective;
}

}  // namespace plancheck::config
