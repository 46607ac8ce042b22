#include "rule/rule.h"

namespace plancheck::rule {

const std::vector<std::string>& CommonRuleKeys() {
  static const std::vector<std::string> kKeys = {
      "id",      "title",      "title_en",    "message", "message_en", "severity",
      "scope",   "check",      "suggest",     "suggest_en", "tags",    "enabled",
      "description", "example", "variants", "fix",
  };
  return kKeys;
}

std::string_view FixPolicyName(FixPolicy policy) {
  switch (policy) {
    case FixPolicy::kCertain:
      return "certain";
    case FixPolicy::kNumbering:
      return "numbering";
    case FixPolicy::kNone:
      break;
  }
  return "none";
}

const MessageVariant* FindVariant(const Rule& rule, std::string_view name) {
  if (name.empty()) return nullptr;
  for (const MessageVariant& variant : rule.variants) {
    if (variant.name == name) return &variant;
  }
  return nullptr;
}

}  // namespace plancheck::rule
