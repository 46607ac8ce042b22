// One CSV field, for every table plancheck writes (audit CSVs, `targets --format csv`).
#pragma once

#include <string>
#include <string_view>

namespace plancheck::report {

// One RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
// A field that a spreadsheet would run as a formula (OWASP, CSV injection: it starts with
// '=', '+', '-', '@', a tab or a CR) is neutralised by a leading apostrophe, which Excel
// and WPS show as text; a plain number ("-3", "+2.5%") is left as it is. Unit names and
// task text come from documents, so a cell such as `=cmd|' /C calc'!A0` must not run.
std::string CsvField(std::string_view text);

}  // namespace plancheck::report
