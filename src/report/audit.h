// The auditor report's data: plain structs the CLI fills (src/cli/audit_command.cc), so
// the HTML and CSV renderers never read documents. All text is UTF-8 as written in the
// documents; renderers escape it.
#pragma once

#include <array>
#include <map>
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
  double value = 0;          // the child's number ("8" of "8%以上")
};

// One plan of the audit: where it sits, its parent, its size.
struct AuditPlan {
  std::string file;           // display path
  std::string region;         // 梁平区; empty when not read
  int year = 0;               // 0 when not read
  std::string parent;         // the parent plan's file (a document of the run or a sheet)
  std::string parent_reason;  // why that parent, or why none
  int tasks = 0;
};

// Findings counted by rule and by plan, so the summary needs no finding kept in memory.
struct AuditCounts {
  std::map<std::string, std::map<std::string, int>> by_rule;  // rule -> severity -> n
  std::map<std::string, std::array<int, 3>> by_file;          // error, warning, info
  std::map<std::string, int> by_severity;
  std::size_t total = 0;
  void Add(const std::string& file, const std::string& rule, const std::string& severity);
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
  // Every finding, sorted by file, line, column, rule; or empty when the run streamed them
  // (AuditFindingsHtml / AuditFindingsCsvRow as they came) and kept only `counts`.
  std::vector<AuditFinding> findings;
  AuditCounts counts;                  // filled from `findings` when left empty
  std::vector<AuditPlan> plans;        // per file, in input order; may be empty
  std::vector<AuditFinding> coverage;  // the coverage.parent-task-missing findings
  std::vector<AuditTargetRow> targets;
  std::vector<AuditUnitRow> units;  // per file, most tasks first
};

}  // namespace plancheck::report
