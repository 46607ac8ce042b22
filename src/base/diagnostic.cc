#include "base/diagnostic.h"

#include <string>
#include <tuple>

namespace plancheck {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

std::string PlaceLabel(const Place& place, bool english) {
  auto number = [](int n) { return std::to_string(n); };
  std::string out;
  if (place.page > 0) {
    if (english) {
      out = "page " + number(place.page);
      if (place.line > 0) out += ", line " + number(place.line);
    } else {
      out = "第 " + number(place.page) + " 页";
      if (place.line > 0) out += " 第 " + number(place.line) + " 行";
    }
  } else if (place.table > 0) {
    if (english) {
      out = "table " + number(place.table);
      if (place.row > 0) out += ", row " + number(place.row);
      if (place.column > 0) out += ", column " + number(place.column);
    } else {
      out = "表 " + number(place.table);
      if (place.row > 0) out += " 第 " + number(place.row) + " 行";
      if (place.column > 0) out += " 第 " + number(place.column) + " 列";
    }
  } else if (place.paragraph > 0) {
    out = (english ? "paragraph " : "段落 ") + number(place.paragraph);
  }
  return out;
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.start, a.rule_id, a.message) <
         std::tie(b.file, b.start, b.rule_id, b.message);
}

}  // namespace plancheck
