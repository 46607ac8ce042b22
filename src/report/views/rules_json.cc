#include "report/views/rules_json.h"

#include "rule/scope.h"

namespace plancheck::report {

nlohmann::ordered_json RulesToJson(const std::vector<rule::Rule>& rules) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const rule::Rule& r : rules) {
    list.push_back({{"id", r.id},
                    {"severity", SeverityName(r.severity)},
                    {"enabled", r.enabled},
                    {"scope", rule::ScopeName(r.scope)},
                    {"check", r.check_kind},
                    {"title", r.title},
                    {"title_en", r.title_en},
                    {"tags", r.tags},
                    {"file", r.file}});
  }
  return list;
}

nlohmann::ordered_json RuleExplanationJson(const rule::Rule& r, bool english) {
  auto pick = [english](const std::string& zh, const std::string& en) -> const std::string& {
    return english && !en.empty() ? en : zh;
  };
  return {{"id", r.id},
          {"title", pick(r.title, r.title_en)},
          {"severity", SeverityName(r.severity)},
          {"scope", rule::ScopeName(r.scope)},
          {"check", r.check_kind},
          {"tags", r.tags},
          {"description", r.description},
          {"message", pick(r.message, r.message_en)},
          {"suggestion", pick(r.suggest, r.suggest_en)},
          {"example", r.example},
          {"file", r.file},
          {"line", r.position.line}};
}

}  // namespace plancheck::report
