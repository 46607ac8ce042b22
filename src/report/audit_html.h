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

// Writes the page to `out` as it goes: a run with many findings never holds it whole.
// With `findings_html` (the AuditFindingsHtml sections of every plan, written as the run
// went), that stream is copied in place of rendering report.findings.
void WriteAuditHtml(std::ostream& out, const AuditReport& report, std::istream* findings_html);
// One plan's findings section (<section class="plan">, a page of its own in print).
std::string AuditFindingsHtml(const std::string& file,
                              const std::vector<const AuditFinding*>& findings, bool english);
// report.counts, or counted from report.findings when the run kept them instead.
AuditCounts CountsOf(const AuditReport& report);
std::string AuditHtml(const AuditReport& report);

}  // namespace plancheck::report
