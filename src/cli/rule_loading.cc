#include "cli/rule_loading.h"

#include "config/rule_pack.h"

namespace plancheck::cli {

std::vector<rule::Rule> LoadRuleSources(const RuleSources& sources, ErrorList& errors) {
  std::vector<rule::Rule> rules;
  if (!sources.no_default_rules) config::LoadRulePack(config::DefaultPackDir(), rules, errors);
  for (const std::string& pack : sources.packs) config::LoadRulePack(pack, rules, errors);
  return rules;
}

}  // namespace plancheck::cli
