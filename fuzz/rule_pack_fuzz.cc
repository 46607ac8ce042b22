// Fuzz target: bytes as a rule-pack YAML file -> config::LoadRulePackFromString (yaml-cpp,
// check kinds' Create, RE2 patterns, message templates). Every mistake must become an
// Error with a message, never an exception or a crash; a loaded rule has an id.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/rule_pack.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePackFromString(yaml, "fuzz.yaml", rules, errors);
  for (const Error& error : errors.errors()) {
    fuzz::FuzzCheck(!error.message.empty(), "rule-pack error without a message");
  }
  for (const rule::Rule& rule : rules) fuzz::FuzzCheck(!rule.id.empty(), "rule without an id");
  return 0;
}
