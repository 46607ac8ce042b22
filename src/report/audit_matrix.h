// The target matrix of the auditor report: one row per indicator, one column per plan
// (parents before their children), each cell the plan's target as written, marked when
// weaker than the parent's or missing where the parent states one; and the inline SVG
// charts drawn from it and from the counts (no script, no external library).
#pragma once

#include <string>
#include <vector>

#include "report/audit.h"

namespace plancheck::report {

struct MatrixCell {
  std::string text;    // as written: "增长8%以上"; empty when the plan states none
  double value = 0;    // its number, when `text` is not empty
  std::string status;  // against the plan's parent: consistent, weaker, not-comparable
  bool missing = false;  // empty, while the plan's parent (a column) states one
};

struct AuditMatrix {
  std::vector<std::string> plans;  // columns: every plan of the run, parents first
  std::vector<int> parent;         // per column: the parent's column, -1 when none
  std::vector<std::string> indicators;         // rows, in the order first met
  std::vector<std::vector<MatrixCell>> cells;  // [row][column]
};

// The first target of each indicator in each plan (report.targets), columns in tree order:
// each plan whose parent is not among the plans, then its children, depth first.
AuditMatrix BuildMatrix(const AuditReport& report);

// matrix.csv: BOM, header "indicator,<plan>,<plan>…", one row per indicator, a weaker
// cell as "增长5%以上 [weaker]", a missing one as "[missing]".
std::string AuditMatrixCsv(const AuditMatrix& matrix);

// The charts, each an <svg class="chart …"> whose bars carry data-label and data-value
// (the numbers of matrix.csv, findings.csv and units.csv) and a <title> for the reader:
// per indicator stated by at least three plans, a bar per plan and the parent's value as
// a line; findings per rule; tasks led and co-operated per unit of each plan (20 most).
std::string IndicatorCharts(const AuditMatrix& matrix);
std::string FindingsByRuleChart(const AuditCounts& counts);
std::string UnitsChart(const std::vector<const AuditUnitRow*>& units);

}  // namespace plancheck::report
