// Rule: one YAML-defined check with its common fields and its configured Check.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "rule/check.h"
#include "rule/scope.h"

namespace plancheck::rule {

// Another wording of a rule's message for one kind of finding its check tells apart (the
// sequence check's `repeat`: "序号重复" rather than "序号不连续"). Empty texts fall back to
// the rule's own.
struct MessageVariant {
  std::string name;  // as the check names it (Check::ProvidedVariants)
  std::string message;
  std::string message_en;
  std::string suggest;
  std::string suggest_en;
};

// Whether `plancheck lint --fix` applies the fixes a rule's check offers (YAML `fix:`). A
// rule that declares none has its findings' fixes dropped: a fix shown or applied is one
// its rule vouches for.
enum class FixPolicy {
  kNone,       // no `fix:`: never applied, not shown
  kCertain,    // `fix: certain`: applied by --fix
  kNumbering,  // `fix: numbering`: changes numbers; applied only by --fix=numbering
};
// "none", "certain", "numbering".
std::string_view FixPolicyName(FixPolicy policy);

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
  std::vector<MessageVariant> variants;  // `variants:` in YAML, by name
  Severity severity = Severity::kWarning;
  Scope scope = Scope::kTask;
  std::string check_kind;  // "required"
  FixPolicy fix = FixPolicy::kNone;
  std::vector<std::string> tags;
  bool enabled = true;
  std::string file;   // where it was defined
  Position position;  // of its `- id:` mapping
  std::shared_ptr<const Check> check;
};

// The YAML keys every rule may have; all other keys are the check kind's parameters.
const std::vector<std::string>& CommonRuleKeys();

// The variant of `rule` named `name`, or nullptr (also for an empty name).
const MessageVariant* FindVariant(const Rule& rule, std::string_view name);

}  // namespace plancheck::rule
