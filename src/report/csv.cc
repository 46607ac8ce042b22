#include "report/csv.h"

namespace plancheck::report {
namespace {

// "-3", "+2.5", "12%", "-0.5%": a number a spreadsheet reads as a number, not a formula.
bool IsPlainNumber(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  const std::size_t digits_from = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits_from) return false;
  if (i < text.size() && text[i] == '.') {
    const std::size_t fraction_from = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == fraction_from) return false;
  }
  if (i < text.size() && text[i] == '%') ++i;
  return i == text.size();
}

bool StartsFormula(std::string_view text) {
  if (text.empty() || IsPlainNumber(text)) return false;
  const char first = text.front();
  return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
         first == '\r';
}

}  // namespace

std::string CsvField(std::string_view text) {
  std::string field = StartsFormula(text) ? "'" + std::string(text) : std::string(text);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace plancheck::report
