// Rule: one YAML-defined check with its common fields and its configured Check.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "rule/check.h"
#include "rule/scope.h"

namespace plancheck::rule {

struct Rule {
  std::string id;  // "task.lead-unit-required"
  std::string title;
  std::string title_en;
  std::string message;  // template, Chinese
  std::string message_en;
  std::string suggest;  // optional advice, Chinese
  std::string suggest_en;
  std::string description;  // longer text for `plancheck explain`
  std::string example;      // a snippet that triggers the rule, for `explain`
  Severity severity = Severity::kWarning;
  Scope scope = Scope::kTask;
  std::string check_kind;  // "required"
  std::vector<std::string> tags;
  bool enabled = true;
  std::string file;   // where it was defined
  Position position;  // of its `- id:` mapping
  std::shared_ptr<const Check> check;
};

// The YAML keys every rule may have; all other keys are the check kind's parameters.
const std::vector<std::string>& CommonRuleKeys();

}  // namespace plancheck::rule
