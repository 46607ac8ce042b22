#include "rule/message.h"

#include "base/utf8.h"

namespace plancheck::rule {
namespace {

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

int ColumnOf(std::string_view text, std::size_t offset) {
  return static_cast<int>(CodePointCount(text.substr(0, offset))) + 1;
}

}  // namespace

std::optional<std::vector<std::string>> TemplatePlaceholders(std::string_view text,
                                                             int* error_column) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '}') {
      if (error_column != nullptr) *error_column = ColumnOf(text, i);
      return std::nullopt;
    }
    if (c != '{') continue;
    std::size_t j = i + 1;
    while (j < text.size() && IsNameChar(text[j])) ++j;
    if (j == i + 1 || j >= text.size() || text[j] != '}') {
      if (error_column != nullptr) *error_column = ColumnOf(text, i);
      return std::nullopt;
    }
    names.emplace_back(text.substr(i + 1, j - i - 1));
    i = j;
  }
  return names;
}

std::string Interpolate(std::string_view text,
                        const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        if (auto value = lookup(name)) {
          out += *value;
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

}  // namespace plancheck::rule
