#include "config/rule_pack.h"

#include <catch2/catch.hpp>

#include "test_util.h"

namespace plancheck::config {

namespace {

std::string LoadErrors(const std::string& yaml, std::size_t* loaded = nullptr) {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  LoadRulePackFromString(yaml, "pack.yaml", rules, errors);
  if (loaded != nullptr) *loaded = rules.size();
  return errors.ToString();
}

const char* kGoodRule = R"(- id: task.lead-unit-required
  title: 任务缺少牵头单位
  message: 第{number}项任务未明确牵头单位
  severity: error
  scope: task
  check: required
  field: lead_units
)";

}  // namespace

TEST_CASE("a well-formed rule loads", "[config][rule_pack]") {
  std::size_t loaded = 0;
  CHECK(LoadErrors(kGoodRule, &loaded).empty());
  CHECK(loaded == 1);
}

TEST_CASE("rule-pack mistakes are located like compiler errors", "[config][rule_pack]") {
  auto [from, to, error] = GENERATE(table<std::string, std::string, std::string>({
      {"check: required", "check: requird",
       "pack.yaml:6:10: error: unknown check kind 'requird' (did you mean 'required'?)"},
      {"check: required", "check: frobnicate", "pack.yaml:6:10: error: unknown check kind 'frobnicate'"},
      {"  field: lead_units\n", "", "pack.yaml:1:3: error: missing parameter 'field'"},
      {"field: lead_units", "field: leed_units",
       "pack.yaml:7:10: error: unknown field 'leed_units' for scope 'task' (fields: number, text, "
       "lead_units, cooperating_units, units, lead_leaders, deadline, category, assignment)"},
      {"severity: error", "severity: fatal",
       "pack.yaml:4:13: error: unknown severity 'fatal' (error, warning or info)"},
      {"scope: task", "scope: paragraph",
       "pack.yaml:5:10: error: unknown scope 'paragraph' (document, part, section, task or unit)"},
      {"id: task.lead-unit-required", "id: Task_Lead",
       "pack.yaml:1:7: error: rule id 'Task_Lead' must look like 'area.what-it-checks' (lower "
       "case, dotted, kebab case)"},
      {"{number}", "{numbr}",
       "pack.yaml:3:12: error: unknown placeholder '{numbr}' in 'message' (did you mean "
       "'{number}'?)"},
      {"{number}", "{number",
       "pack.yaml:3:12: error: malformed placeholder in 'message'"},
      {"  field: lead_units\n", "  field: lead_units\n  feild: x\n",
       "pack.yaml:8:10: error: unknown parameter 'feild' for check 'required' (did you mean "
       "'field'?)"},
      {"  title: 任务缺少牵头单位\n", "", "pack.yaml:1:3: error: rule 'task.lead-unit-required' has no 'title'"},
      {"scope: task", "scope: [task",
       "pack.yaml:6:8: error: YAML syntax error: end of sequence flow not found"},
      // Variants: only those the check tells apart, with known keys and placeholders.
      {"  field: lead_units\n", "  field: lead_units\n  variants: {empty-lable: {message: 甲}}\n",
       "pack.yaml:8:14: error: check 'required' has no variant 'empty-lable' (did you mean "
       "'empty-label'?)"},
      {"  field: lead_units\n", "  field: lead_units\n  variants: [empty-label]\n",
       "pack.yaml:8:13: error: 'variants' must map a kind of finding to its texts ('repeat: "
       "{message: …}')"},
      {"  field: lead_units\n", "  field: lead_units\n  variants: {empty-label: {mesage: 甲}}\n",
       "pack.yaml:8:28: error: unknown key 'mesage' in variant 'empty-label' (message, "
       "message_en, suggest, suggest_en)"},
      {"  field: lead_units\n", "  field: lead_units\n  variants: {empty-label: {suggest: '{lable}'}}\n",
       "pack.yaml:8:37: error: unknown placeholder '{lable}' in 'suggest' (did you mean "
       "'{label}'?)"},
  }));
  std::string yaml = kGoodRule;
  const std::size_t at = yaml.find(from);
  REQUIRE(at != std::string::npos);
  yaml.replace(at, from.size(), to);
  std::size_t loaded = 1;
  CHECK(LoadErrors(yaml, &loaded) == error + "\n");
  CHECK(loaded == 0);
}

TEST_CASE("a rule's variants load by name", "[config][rule_pack]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  LoadRulePackFromString(std::string(kGoodRule) +
                             "  variants:\n    empty-label:\n      suggest: 在“{label}：”后填写\n",
                         "pack.yaml", rules, errors);
  REQUIRE(errors.empty());
  REQUIRE(rules.size() == 1);
  const rule::MessageVariant* variant = rule::FindVariant(rules[0], "empty-label");
  REQUIRE(variant != nullptr);
  CHECK(variant->suggest == "在“{label}：”后填写");
  CHECK(variant->message.empty());
  CHECK(rule::FindVariant(rules[0], "") == nullptr);
}

TEST_CASE("duplicate rule ids are reported with the first definition", "[config][rule_pack]") {
  const std::string yaml = std::string(kGoodRule) + kGoodRule;
  std::size_t loaded = 0;
  CHECK(LoadErrors(yaml, &loaded) ==
        "pack.yaml:8:7: error: duplicate rule id 'task.lead-unit-required' (first defined at "
        "pack.yaml:1)\n");
  CHECK(loaded == 1);
}

TEST_CASE("a pack that is not a list is an error; an empty pack is not", "[config][rule_pack]") {
  CHECK(LoadErrors("id: x\n") ==
        "pack.yaml:1:1: error: a rule pack must be a list of rules ('- id: ...')\n");
  CHECK(LoadErrors("").empty());
  CHECK(LoadErrors("# only a comment\n").empty());
}

TEST_CASE("missing rule packs are reported by path", "[config][rule_pack]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  LoadRulePack("/nonexistent/pack.yaml", rules, errors);
  CHECK(errors.ToString() == "/nonexistent/pack.yaml: error: rule pack not found\n");
}

TEST_CASE("DidYouMean proposes only plausible typos", "[config][rule_pack]") {
  CHECK(DidYouMean("sequnce", {"sequence", "required"}) == "sequence");
  CHECK(DidYouMean("xyz", {"sequence", "required"}).empty());
}

}  // namespace plancheck::config
