// Rule packs: YAML files of rules, loaded into rule::Rule objects with configured checks.
//
// A pack is a YAML file holding a sequence of rule mappings, or a directory whose
// *.yaml files (sorted, not recursive) are packs. Every mistake is the user's to fix
// and is reported like a compiler error at its YAML position — unknown check kind (with
// "did you mean"), missing or invalid common field, bad id, duplicate id, unknown
// placeholder in a message, unknown parameter, bad parameter value — and loading goes
// on, so one run shows every problem.
#pragma once

#include <string>
#include <vector>

#include "base/error_list.h"
#include "rule/rule.h"

namespace plancheck::config {

// Loads one pack (file or directory) and appends its rules to `rules`. Rule ids already
// in `rules` are duplicates and are reported. Only regular files of at most
// kMaxConfigFileBytes are read. With `allowed_roots` (Config::allowed_roots of a
// discovered configuration), the pack's files and the unit registries its rules name must
// lie inside them.
void LoadRulePack(const std::string& path, std::vector<rule::Rule>& rules, ErrorList& errors,
                  const std::vector<std::string>& allowed_roots = {});

// Loads rules from YAML text (tests); `file` names it in errors.
void LoadRulePackFromString(const std::string& yaml, const std::string& file,
                            std::vector<rule::Rule>& rules, ErrorList& errors,
                            const std::vector<std::string>& allowed_roots = {});

// The directory of the built-in rule packs (holds default/, units/, plans/): the
// PLANCHECK_RULES_DIR environment variable, else <exe>/../share/plancheck/rules when it
// exists, else the source tree's rules/ (a build tree).
std::string RulesDir();
// RulesDir() + "/default".
std::string DefaultPackDir();

// The closest of `candidates` to `word` by edit distance, when close enough to be a
// plausible typo; empty otherwise.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace plancheck::config
