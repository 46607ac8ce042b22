#include "cli/rule_loading.h"

#include "config/config.h"
#include "config/rule_pack.h"

namespace plancheck::cli {

std::vector<rule::Rule> LoadRuleSources(const RuleSources& sources, ErrorList& errors) {
  std::vector<rule::Rule> rules;
  if (!sources.no_default_rules) config::LoadRulePack(config::DefaultPackDir(), rules, errors);
  for (const std::string& pack : sources.packs) config::LoadRulePack(pack, rules, errors);
  return rules;
}

std::unique_ptr<config::TargetSetup> LoadRunTargetSetup(const std::optional<std::string>& config_file,
                                                        const std::optional<std::string>& parent,
                                                        ErrorList& errors) {
  config::Config config;
  const std::string file = config_file ? *config_file : config::DiscoverConfig(".").value_or("");
  if (!file.empty()) {
    config = config::LoadConfig(file, errors,
                                config_file ? config::ConfigSource::kCommandLine
                                            : config::ConfigSource::kDiscovered);
  }
  return config::LoadTargetSetup(config::RulesDir(), parent, config.plans, errors);
}

}  // namespace plancheck::cli
