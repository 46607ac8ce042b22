#include "report/audit_csv.h"

#include <initializer_list>

namespace plancheck::report {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

void AppendRow(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    out += CsvField(field);
  }
  out += "\r\n";
}

}  // namespace

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string AuditFindingsCsv(const AuditReport& report) {
  std::string out(kBom);
  AppendRow(out, {"file", "line", "column", "severity", "rule", "message", "suggestion"});
  for (const AuditFinding& f : report.findings) {
    AppendRow(out, {f.file, std::to_string(f.line), std::to_string(f.column), f.severity, f.rule_id,
                    f.message, f.suggestion});
  }
  return out;
}

std::string AuditTargetsCsv(const AuditReport& report) {
  std::string out(kBom);
  AppendRow(
      out, {"file", "indicator", "child_value", "parent_value", "parent_plan", "status", "reason"});
  for (const AuditTargetRow& t : report.targets) {
    AppendRow(out, {t.file, t.indicator, t.child_value, t.parent_value, t.parent_plan, t.status,
                    t.reason});
  }
  return out;
}

std::string AuditUnitsCsv(const AuditReport& report) {
  std::string out(kBom);
  AppendRow(out, {"file", "unit", "lead", "cooperate"});
  for (const AuditUnitRow& u : report.units) {
    AppendRow(out, {u.file, u.unit, std::to_string(u.lead), std::to_string(u.cooperate)});
  }
  return out;
}

}  // namespace plancheck::report
