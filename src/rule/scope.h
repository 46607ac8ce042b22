// Scope: which nodes of a Document a rule runs on.
#pragma once

#include <optional>
#include <string_view>

namespace plancheck::rule {

enum class Scope { kDocument, kPart, kSection, kTask, kUnit };

// "document", "part", "section", "task", "unit".
std::string_view ScopeName(Scope scope);
std::optional<Scope> ParseScope(std::string_view name);

}  // namespace plancheck::rule
