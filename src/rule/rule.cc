#include "rule/rule.h"

namespace plancheck::rule {

const std::vector<std::string>& CommonRuleKeys() {
  static const std::vector<std::string> kKeys = {
      "id",      "title",      "title_en",    "message", "message_en", "severity",
      "scope",   "check",      "suggest",     "suggest_en", "tags",    "enabled",
      "description", "example",
  };
  return kKeys;
}

}  // namespace plancheck::rule
