#include "report/audit_csv.h"

#include <initializer_list>

#include "report/csv.h"

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

AuditFinding AuditFindingOf(const std::string& file, const Diagnostic& diag) {
  AuditFinding f;
  f.file = file;
  f.line = diag.start.line;
  f.column = diag.start.column;
  f.severity = SeverityName(diag.severity);
  f.rule_id = diag.rule_id;
  f.message = diag.message;
  f.suggestion = diag.suggestion.value_or("");
  f.place = diag.origin.place;
  return f;
}

// The place columns come last so that scripts reading the earlier columns by position
// keep working; they are empty for plain text.
std::string AuditFindingsCsvHeader() {
  std::string out(kBom);
  AppendRow(out, {"file", "line", "column", "severity", "rule", "message", "suggestion", "place"});
  return out;
}

std::string AuditFindingsCsvRow(const AuditFinding& f, bool english) {
  std::string out;
  AppendRow(out, {f.file, std::to_string(f.line), std::to_string(f.column), f.severity, f.rule_id,
                  f.message, f.suggestion, PlaceLabel(f.place, english)});
  return out;
}

std::string AuditFindingsCsv(const AuditReport& report) {
  const bool english = report.language == "en";
  std::string out = AuditFindingsCsvHeader();
  for (const AuditFinding& f : report.findings) out += AuditFindingsCsvRow(f, english);
  return out;
}

std::string AuditTargetsCsv(const AuditReport& report) {
  const bool english = report.language == "en";
  std::string out(kBom);
  AppendRow(out, {"file", "indicator", "child_value", "parent_value", "parent_plan", "status",
                  "reason", "line", "place"});
  for (const AuditTargetRow& t : report.targets) {
    AppendRow(
        out, {t.file, t.indicator, t.child_value, t.parent_value, t.parent_plan, t.status, t.reason,
              t.line > 0 ? std::to_string(t.line) : "", PlaceLabel(t.place, english)});
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
