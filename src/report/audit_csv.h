// CSV tables of the auditor report (findings.csv, targets.csv, units.csv): UTF-8 with a
// byte-order mark so Excel and WPS read the Chinese text, CRLF rows, RFC 4180 quoting and
// formulas neutralised (report/csv.h).
#pragma once

#include <string>
#include <string_view>

#include "report/audit.h"

namespace plancheck::report {

// findings.csv written as a run goes: the BOM and header, then one row per finding.
std::string AuditFindingsCsvHeader();
std::string AuditFindingsCsvRow(const AuditFinding& finding, bool english);

// Each returns the whole file, starting with the UTF-8 BOM and a header row.
std::string AuditFindingsCsv(const AuditReport& report);
std::string AuditTargetsCsv(const AuditReport& report);
std::string AuditUnitsCsv(const AuditReport& report);

}  // namespace plancheck::report
