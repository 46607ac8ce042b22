// Configuration: `.plancheck.yaml`, discovered from a document's directory upward or
// named with --config.
//
//   rules: [extra-pack.yaml, team-rules/]     # rule packs, relative to this file
//   disable: [punctuation.half-width-in-chinese]
//   severity: {units.vague-lead: error}
//   fail_on: warning                          # error | warning | info | never
//   language: zh                              # zh | en
//   overrides:
//     - paths: ["drafts/**", "*.old.txt"]     # globs relative to this file
//       disable: [numbering.style-hierarchy]
//       severity: {task.lead-unit-required: warning}
//
// Loading never throws: YAML and schema mistakes go to an ErrorList as
// `file:line:col: error: ...` and the loader keeps reading the rest.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"

namespace plancheck::config {

inline constexpr const char* kConfigFileName = ".plancheck.yaml";

struct RuleSettings {
  std::vector<std::string> disable;            // rule ids (or tag:NAME)
  std::vector<std::string> enable;             // rule ids re-enabled (or tag:NAME)
  std::map<std::string, Severity> severity;   // rule id -> severity
};

struct PathOverride {
  std::vector<std::string> globs;  // relative to Config::base_dir; '**' spans directories
  RuleSettings settings;
};

struct Config {
  std::string file;      // the file it was read from; empty for the built-in default
  std::string base_dir;  // its directory; globs and rule packs are relative to it
  std::vector<std::string> rule_packs;  // resolved paths of extra packs (files or dirs)
  RuleSettings settings;
  std::vector<PathOverride> overrides;
  std::optional<std::string> fail_on;   // "error" | "warning" | "info" | "never"
  std::optional<std::string> language;  // "zh" | "en"
  // Plan relations for target checks (issue: targets). Entries as written.
  struct PlanEntry {
    std::string file;  // resolved path
    std::string level, region, parent;
    std::optional<int> year;
  };
  std::vector<PlanEntry> plans;
};

// Reads one config file. Errors (YAML syntax, unknown keys, wrong types, unknown
// severity) are added to `errors` with positions; what could be read is returned.
Config LoadConfig(const std::string& path, ErrorList& errors);

// The nearest `.plancheck.yaml` in `directory` or its ancestors; nullopt when none.
std::optional<std::string> DiscoverConfig(const std::string& directory);

// Whether `rule_id` (with `tags`) is enabled for `document_path` and at which severity,
// starting from the rule's own `enabled` and `severity`, then the top-level settings,
// then each matching override in order.
struct Effective {
  bool enabled = true;
  Severity severity = Severity::kWarning;
};
Effective Resolve(const Config& config, const std::string& rule_id,
                  const std::vector<std::string>& tags, bool enabled, Severity severity,
                  const std::string& document_path);

// Glob match with '*' (no '/'), '?', and '**' (any number of path segments).
bool GlobMatch(std::string_view glob, std::string_view path);

}  // namespace plancheck::config
