// report.html of the auditor report: one self-contained page (inline CSS, no scripts, no
// external resources, lang="zh-CN") with summary counts, findings per plan, the
// parent-vs-child targets table and a CSS bar chart of each plan's units.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "report/audit.h"

namespace plancheck::report {

// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

// Writes the page to `out` as it goes: a run with many findings never holds it whole.
void WriteAuditHtml(std::ostream& out, const AuditReport& report);
std::string AuditHtml(const AuditReport& report);

}  // namespace plancheck::report
