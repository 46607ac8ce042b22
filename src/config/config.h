// Configuration: `.plancheck.yaml`, discovered from a document's directory upward or
// named with --config.
//
//   rules: [extra-pack.yaml, team-rules/]     # rule packs, relative to this file
//   disable: [punctuation.half-width-in-chinese, "style.*", "tag:style"]
//   enable: [style.quotes]
//   severity: {units.vague-lead: error}
//   fail_on: warning                          # error | warning | info | never
//   language: zh                              # zh | en
//   overrides:
//     - paths: ["drafts/**", "*.old.txt"]     # globs relative to this file
//       disable: [numbering.style-hierarchy]
//       severity: {task.lead-unit-required: warning}
//   plans:                                    # plan relations, for target checks
//     - {file: city.txt, level: province, region: 重庆市, year: 2024}
//     - {file: district.txt, level: district, region: 渝中区, year: 2024, parent: city.txt}
//
// Loading never throws: YAML and schema mistakes go to an ErrorList as
// `file:line:col: error: ...` and the loader keeps reading the rest. docs/config.md is
// the user-facing description; keep the two in step.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"
#include "rule/rule.h"

namespace plancheck::config {

inline constexpr const char* kConfigFileName = ".plancheck.yaml";

// Entries of `disable`, `enable` and the keys of `severity` are rule selectors: a rule
// id ("units.vague-lead"), a glob over ids ("units.*"), or "tag:NAME".
struct RuleSettings {
  std::vector<std::string> disable;           // selectors
  std::vector<std::string> enable;            // selectors re-enabled
  std::map<std::string, Severity> severity;   // selector -> severity
};

struct PathOverride {
  std::vector<std::string> globs;  // relative to Config::base_dir; '**' spans directories
  RuleSettings settings;
};

// A selector as written in the config file, with its position, so that selectors naming
// no rule can be reported once the rule packs are loaded (CheckRuleReferences).
struct RuleReference {
  std::string selector;
  Position position;
};

// Who chose a configuration file. A `.plancheck.yaml` found beside the documents comes
// with them (a repository of notices could ship one), so the files it names (rule packs,
// plan documents and sheets, and the unit registries those packs name) must lie inside the
// directory tree that holds it or in the installed rule directory (RulesDir()); a path
// leaving them is a located error, and a symlink is judged by where it leads. A file named
// with --config was chosen by the person running plancheck and may name files anywhere.
enum class ConfigSource { kDiscovered, kCommandLine };

struct Config {
  std::string file;      // the file it was read from; empty for the built-in default
  std::string base_dir;  // its directory ("." for a file in the working directory);
                         // globs, rule packs and plan files are relative to it
  std::vector<std::string> rule_packs;  // resolved paths of extra packs (files or dirs)
  RuleSettings settings;
  std::vector<PathOverride> overrides;
  std::optional<std::string> fail_on;   // "error" | "warning" | "info" | "never"
  std::optional<std::string> language;  // "zh" | "en"
  // Plan relations for target checks (issue: targets).
  struct PlanEntry {
    std::string file;    // resolved against base_dir, lexically normal, '/' separators
    std::string level;   // "national", "province" or "district"; empty if absent
    std::string region;  // as written; empty if absent
    std::string parent;  // a plan or targets sheet, resolved like `file`; empty if none
    std::optional<int> year;
    Position position;   // of the entry, for messages about it
  };
  std::vector<PlanEntry> plans;
  std::vector<RuleReference> rule_references;  // every selector, in file order
  // Where the files it names may be (canonical directories); empty: anywhere.
  std::vector<std::string> allowed_roots;
};

// Reads one config file. Errors (unreadable file, YAML syntax, unknown keys with a "did
// you mean", wrong types, unknown severity / fail_on / language values, missing rule
// packs) are added to `errors` with positions; what could be read is returned.
// Only a regular file of at most kMaxConfigFileBytes is read (a FIFO or /dev/zero is an
// error, not a hang or an exhausted memory).
Config LoadConfig(const std::string& path, ErrorList& errors,
                  ConfigSource source = ConfigSource::kDiscovered);
// The same from YAML text (tests); `path` names the file in errors and gives base_dir.
Config LoadConfigFromString(const std::string& yaml, const std::string& path,
                            ErrorList& errors, ConfigSource source = ConfigSource::kDiscovered);

// The nearest `.plancheck.yaml` in `directory` (or, given a file, its directory) or its
// ancestors up to the filesystem root; nullopt when none. The path is relative to the
// working directory when the file lies inside it, else absolute.
std::optional<std::string> DiscoverConfig(const std::string& directory);

// Reports selectors that name no rule in `rules`: an unknown id (with "did you mean"), a
// glob matching no id, a tag no rule carries. Call after loading the rule packs.
void CheckRuleReferences(const Config& config, const std::vector<rule::Rule>& rules,
                         ErrorList& errors);

// Whether `rule_id` (with `tags`) is enabled for `document_path` and at which severity,
// starting from the rule's own `enabled` and `severity`, then the top-level settings,
// then each matching override in file order (later overrides win). Within one level the
// most specific selector decides: an exact id beats a glob, a glob beats a tag, and at a
// tie `enable` beats `disable`. An override matches when one of its globs matches the
// document path relative to base_dir, or the path as given. Thread-safe.
struct Effective {
  bool enabled = true;
  Severity severity = Severity::kWarning;
};
Effective Resolve(const Config& config, const std::string& rule_id,
                  const std::vector<std::string>& tags, bool enabled, Severity severity,
                  const std::string& document_path);

// Whole-string glob match over '/'-separated paths, by code point: '*' any run within
// one segment, '?' one code point other than '/', '[abc]' / '[a-z]' / '[!a-z]' a class,
// '\x' a literal x, and a whole segment '**' zero or more segments. A '[' without its
// ']' is literal.
bool GlobMatch(std::string_view glob, std::string_view path);

}  // namespace plancheck::config
