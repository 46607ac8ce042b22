// The rules as JSON: the list `plancheck rules --format json` prints and `GET /api/rules`
// returns, and one rule's explanation (`GET /api/explain/{id}`), the fields `plancheck
// explain` prints as text.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "rule/rule.h"

namespace plancheck::report {

// One object per rule, in the order given: id, severity, enabled, scope, check, title,
// title_en, tags, file.
nlohmann::ordered_json RulesToJson(const std::vector<rule::Rule>& rules);

// id, title, severity, scope, check, tags, description, message, suggestion, example,
// file, line; texts in English when `english` and the rule has them, else Chinese.
nlohmann::ordered_json RuleExplanationJson(const rule::Rule& rule, bool english);

}  // namespace plancheck::report
