// Message templates: "第{number}项任务未明确牵头单位" with placeholders in braces.
//
// "{{" and "}}" stand for literal braces. A placeholder name is [a-z_]+.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck::rule {

// The placeholder names a template uses, in order of appearance; nullopt and
// `*error_column` (1-based, code points) set when a brace is unbalanced or a name is bad.
std::optional<std::vector<std::string>> TemplatePlaceholders(std::string_view text,
                                                             int* error_column = nullptr);

// Fills placeholders through `lookup`; a name `lookup` does not know is left as written.
std::string Interpolate(std::string_view text,
                        const std::function<std::optional<std::string>(std::string_view)>& lookup);

}  // namespace plancheck::rule
