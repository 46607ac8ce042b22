// The auditor report's data: plain structs the CLI fills (src/cli/audit_command.cc), so
// the HTML and CSV renderers never read documents. All text is UTF-8 as written in the
// documents; renderers escape it.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace plancheck::report {

struct AuditFinding {
  std::string file;      // display path
  int line = 0;          // 1-based
  int column = 0;        // 1-based, code points
  std::string severity;  // "error", "warning", "info"
  std::string rule_id;
  std::string message;
  std::string suggestion;  // empty when none
  // In a .docx, web page or PDF: the paragraph, table cell or page line of `line`
  // (Diagnostic::origin.place); empty for plain text.
  Place place = {};
};

// The row of a finding in the file reported as `file`.
AuditFinding AuditFindingOf(const std::string& file, const Diagnostic& diag);

// One child target beside its parent plan's target of the same indicator and period.
struct AuditTargetRow {
  std::string file;          // the child plan's display path
  std::string indicator;     // indicator name ("地区生产总值")
  std::string child_value;   // "8%以上", as written
  std::string parent_value;  // empty when the parent states none
  std::string parent_plan;   // the parent's title or file; empty when there is no parent
  std::string status;        // "consistent", "weaker" or "not-comparable"
  std::string reason;        // why, one line (English)
  int line = 0;              // 1-based line of the child's target phrase; 0 if unknown
  Place place = {};          // in a .docx, web page or PDF: where `line` is; else empty
};

// How many tasks one unit leads and cooperates on in one plan.
struct AuditUnitRow {
  std::string file;
  std::string unit;
  int lead = 0;
  int cooperate = 0;
};

struct AuditReport {
  std::string tool_version;
  std::string language = "zh";         // "zh" or "en": place labels (messages come translated)
  std::vector<std::string> files;      // every plan audited, in input order
  std::vector<AuditFinding> findings;  // sorted by file, line, column, rule
  std::vector<AuditTargetRow> targets;
  std::vector<AuditUnitRow> units;  // per file, most tasks first
};

}  // namespace plancheck::report
