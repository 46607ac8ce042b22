// The target setup `plancheck lint` has with no configuration and no --parent (the default
// indicators, regions and plan sheets), loaded once for the golden runners.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "config/plans.h"
#include "engine/setup.h"
#include "test_util.h"

namespace plancheck::testing {

inline const config::TargetSetup& DefaultTargetSetup() {
  static const std::unique_ptr<config::TargetSetup> kSetup = [] {
    ErrorList errors;
    auto setup = engine::LoadTargetSetup(config::Config{}, std::nullopt, errors);
    if (!errors.empty()) throw std::runtime_error(errors.ToString());
    return setup;
  }();
  return *kSetup;
}

// `text` with the absolute path of the repository's rules/ (where a parent plan sheet is
// named) written "rules/", so goldens read the same on every machine.
inline std::string WithRelativeRules(std::string text) {
  const std::string absolute = RulesPath("");
  for (std::size_t at = text.find(absolute); at != std::string::npos; at = text.find(absolute, at)) {
    text.replace(at, absolute.size(), "rules/");
  }
  return text;
}

}  // namespace plancheck::testing
