#include "rule/scope.h"

namespace plancheck::rule {

std::string_view ScopeName(Scope scope) {
  switch (scope) {
    case Scope::kDocument:
      return "document";
    case Scope::kPart:
      return "part";
    case Scope::kSection:
      return "section";
    case Scope::kTask:
      return "task";
    case Scope::kUnit:
      return "unit";
  }
  return "document";
}

std::optional<Scope> ParseScope(std::string_view name) {
  for (Scope scope : {Scope::kDocument, Scope::kPart, Scope::kSection, Scope::kTask,
                      Scope::kUnit}) {
    if (ScopeName(scope) == name) return scope;
  }
  return std::nullopt;
}

}  // namespace plancheck::rule
