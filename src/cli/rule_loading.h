// Loading the rules a command runs with: the default pack plus --rules packs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "cli/commands.h"
#include "config/plans.h"
#include "rule/rule.h"

namespace plancheck::cli {

// The default pack (unless sources.no_default_rules) followed by each --rules pack.
std::vector<rule::Rule> LoadRuleSources(const RuleSources& sources, ErrorList& errors);

// The target setup of a run (docs/targets.md): the `plans:` of `config_file` (else of the
// configuration nearest the current directory) and `parent` (--parent).
std::unique_ptr<config::TargetSetup> LoadRunTargetSetup(const std::optional<std::string>& config_file,
                                                        const std::optional<std::string>& parent,
                                                        ErrorList& errors);

}  // namespace plancheck::cli
