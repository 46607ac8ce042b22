// Loading the rules a command runs with: the default pack plus --rules packs.
#pragma once

#include <vector>

#include "base/error_list.h"
#include "cli/commands.h"
#include "rule/rule.h"

namespace plancheck::cli {

// The default pack (unless sources.no_default_rules) followed by each --rules pack.
std::vector<rule::Rule> LoadRuleSources(const RuleSources& sources, ErrorList& errors);

}  // namespace plancheck::cli
