#include "engine/setup.h"

#include "config/rule_pack.h"

namespace plancheck::engine {

std::string RunLanguage(const std::optional<std::string>& flag, const config::Config& config) {
  return flag.value_or(config.language.value_or("zh"));
}

config::Config LoadRunConfig(const std::optional<std::string>& explicit_file, ErrorList& errors) {
  const std::string file =
      explicit_file ? *explicit_file : config::DiscoverConfig(".").value_or("");
  if (file.empty()) return {};
  // --config names a file the person running plancheck chose; a discovered configuration
  // may name files only inside its own tree.
  return config::LoadConfig(file, errors,
                            explicit_file ? config::ConfigSource::kCommandLine
                                          : config::ConfigSource::kDiscovered);
}

std::unique_ptr<config::TargetSetup> LoadTargetSetup(const config::Config& config,
                                                     const std::optional<std::string>& parent,
                                                     ErrorList& errors) {
  return config::LoadTargetSetup(config::RulesDir(), parent, config.plans, errors);
}

LintOptions TargetLintOptions(const config::TargetSetup& setup, const std::string& language) {
  LintOptions options;
  options.language = language;
  options.indicators = &setup.indicators;
  options.regions = &setup.regions;
  options.parent_of = [&setup](const model::Document& doc) { return setup.ParentOf(doc).parent; };
  return options;
}

}  // namespace plancheck::engine
