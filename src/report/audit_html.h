// report.html of the auditor report: one self-contained page (inline CSS, no scripts, no
// external resources, lang="zh-CN"): a summary (plans, tasks, findings by severity, per
// plan the findings per 100 tasks and the targets consistent with the parent), the target
// matrix, inline SVG charts (report/audit_matrix.h), the coverage of the parent's tasks,
// findings per plan, the parent-vs-child targets table and each plan's units; a print
// stylesheet lays it out on A4 with a page per plan.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>
#include <istream>

#include "report/audit.h"

namespace plancheck::report {

// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

// Sections of the page written as the run went, one plan at a time, so that a run over
// thousands of plans holds none of their rows: each stream, when set, is copied in place of
// rendering that section from `report`.
struct AuditStreamedSections {
  std::istream* findings = nullptr;  // AuditFindingsHtml of every plan, for report.findings
  std::istream* coverage = nullptr;  // AuditCoverageRowHtml of coverage.parent-task-missing
                                     // findings, before those of report.coverage
  std::istream* targets = nullptr;   // AuditTargetRowsHtml of every plan, for report.targets
  std::istream* units = nullptr;     // AuditUnitsHtml of every plan, for report.units
};

// Writes the page to `out` as it goes: a run with many findings never holds it whole.
// With streamed.targets, report.targets need only hold what the matrix shows (the first
// target of each indicator in each plan); the summary reads AuditPlan's target counts.
void WriteAuditHtml(std::ostream& out, const AuditReport& report,
                    const AuditStreamedSections& streamed);
// One plan's findings section (<section class="plan">, a page of its own in print).
std::string AuditFindingsHtml(const std::string& file,
                              const std::vector<const AuditFinding*>& findings, bool english);
// One row of the coverage table (a coverage.parent-task-missing finding).
std::string AuditCoverageRowHtml(const AuditFinding& finding);
// The rows of one plan in the targets table (<tr> elements).
std::string AuditTargetRowsHtml(const std::vector<AuditTargetRow>& rows, bool english);
// One plan's units: its heading, chart and table.
std::string AuditUnitsHtml(const std::string& file, const std::vector<const AuditUnitRow*>& units);
// report.counts, or counted from report.findings when the run kept them instead.
AuditCounts CountsOf(const AuditReport& report);
std::string AuditHtml(const AuditReport& report);

}  // namespace plancheck::report
