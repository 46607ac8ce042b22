#include "report/audit_matrix.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

#include "report/csv.h"
#include "report/audit_html.h"

namespace plancheck::report {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string Px(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// A horizontal bar chart: one row per (label, value), the longest bar `width` pixels.
struct Bar {
  std::string label;
  double value = 0;
  std::string cls;  // extra class of the bar
};

constexpr int kLabelWidth = 260;
constexpr int kBarWidth = 380;
constexpr int kRowHeight = 18;

std::string BarRows(const std::vector<Bar>& bars, double most, double line_value, bool line,
                    const std::string& svg_class, const std::string& data) {
  const int height = static_cast<int>(bars.size()) * kRowHeight + 8;
  const int width = kLabelWidth + kBarWidth + 60;
  std::string out = "<svg class=\"chart " + svg_class + "\"" + data + " width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height) +
                    "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\">\n";
  const double scale = most > 0 ? kBarWidth / most : 0;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const int y = static_cast<int>(i) * kRowHeight + 4;
    out += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + std::to_string(y + 12) +
           "\" text-anchor=\"end\">" + HtmlEscape(bar.label) + "</text>";
    out += "<rect class=\"bar " + bar.cls + "\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
           std::to_string(y + 2) + "\" width=\"" + Px(std::max(0.0, bar.value) * scale) +
           "\" height=\"" + std::to_string(kRowHeight - 5) + "\" data-label=\"" +
           HtmlEscape(bar.label) + "\" data-value=\"" + Number(bar.value) + "\"><title>" +
           HtmlEscape(bar.label) + ": " + Number(bar.value) + "</title></rect>";
    out += "<text x=\"" + Px(kLabelWidth + std::max(0.0, bar.value) * scale + 4) + "\" y=\"" +
           std::to_string(y + 12) + "\">" + Number(bar.value) + "</text>\n";
  }
  if (line) {
    const std::string x = Px(kLabelWidth + line_value * scale);
    out += "<line class=\"parent\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"0\" y2=\"" +
           std::to_string(height) + "\" data-value=\"" + Number(line_value) + "\"><title>上级 parent: " +
           Number(line_value) + "</title></line>\n";
  }
  return out + "</svg>\n";
}

}  // namespace

AuditMatrix BuildMatrix(const AuditReport& report) {
  AuditMatrix matrix;
  // Columns in tree order.
  std::map<std::string, const AuditPlan*> plan_of;
  for (const AuditPlan& plan : report.plans) plan_of[plan.file] = &plan;
  auto parent_in_run = [&](const std::string& file) -> std::string {
    auto it = plan_of.find(file);
    if (it == plan_of.end()) return "";
    const std::string& parent = it->second->parent;
    return plan_of.count(parent) != 0 && parent != file ? parent : "";
  };
  std::function<void(const std::string&, int)> add = [&](const std::string& file, int parent) {
    if (std::find(matrix.plans.begin(), matrix.plans.end(), file) != matrix.plans.end()) return;
    matrix.plans.push_back(file);
    matrix.parent.push_back(parent);
    const int column = static_cast<int>(matrix.plans.size()) - 1;
    for (const std::string& child : report.files) {
      if (parent_in_run(child) == file) add(child, column);
    }
  };
  for (const std::string& file : report.files) {
    if (parent_in_run(file).empty()) add(file, -1);
  }
  for (const std::string& file : report.files) add(file, -1);  // cycles: never dropped
  std::map<std::string, std::size_t> column_of;
  for (std::size_t c = 0; c < matrix.plans.size(); ++c) column_of[matrix.plans[c]] = c;

  std::map<std::string, std::size_t> row_of;
  for (const AuditTargetRow& t : report.targets) {
    const auto column = column_of.find(t.file);
    if (column == column_of.end()) continue;
    auto [row, added] = row_of.emplace(t.indicator, matrix.indicators.size());
    if (added) {
      matrix.indicators.push_back(t.indicator);
      matrix.cells.emplace_back(matrix.plans.size());
    }
    MatrixCell& cell = matrix.cells[row->second][column->second];
    if (!cell.text.empty()) continue;  // the first target of the indicator in the plan
    cell.text = t.child_value;
    cell.value = t.value;
    cell.status = t.status;
  }
  for (auto& row : matrix.cells) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      const int parent = matrix.parent[c];
      row[c].missing = row[c].text.empty() && parent >= 0 &&
                       !row[static_cast<std::size_t>(parent)].text.empty();
    }
  }
  return matrix;
}

std::string AuditMatrixCsv(const AuditMatrix& matrix) {
  std::string out(kBom);
  out += "indicator";
  for (const std::string& plan : matrix.plans) out += "," + CsvField(plan);
  out += "\r\n";
  for (std::size_t r = 0; r < matrix.indicators.size(); ++r) {
    out += CsvField(matrix.indicators[r]);
    for (const MatrixCell& cell : matrix.cells[r]) {
      std::string text = cell.text;
      if (cell.status == "weaker") text += " [weaker]";
      if (cell.missing) text = "[missing]";
      out += "," + CsvField(text);
    }
    out += "\r\n";
  }
  return out;
}

std::string IndicatorCharts(const AuditMatrix& matrix) {
  std::string out;
  for (std::size_t r = 0; r < matrix.indicators.size(); ++r) {
    std::vector<Bar> bars;
    double most = 0;
    for (std::size_t c = 0; c < matrix.plans.size(); ++c) {
      const MatrixCell& cell = matrix.cells[r][c];
      if (cell.text.empty()) continue;
      bars.push_back({matrix.plans[c], cell.value, cell.status == "weaker" ? "weaker" : ""});
      most = std::max(most, cell.value);
    }
    if (bars.size() < 3) continue;
    // The parent's value: the first column with a value that is a parent of another.
    bool line = false;
    double line_value = 0;
    for (std::size_t c = 0; c < matrix.plans.size() && !line; ++c) {
      const bool is_parent = std::find(matrix.parent.begin(), matrix.parent.end(),
                                       static_cast<int>(c)) != matrix.parent.end();
      if (is_parent && !matrix.cells[r][c].text.empty()) {
        line = true;
        line_value = matrix.cells[r][c].value;
      }
    }
    out += "<figure><figcaption>" + HtmlEscape(matrix.indicators[r]) + "</figcaption>\n" +
           BarRows(bars, most, line_value, line, "indicator",
                   " data-indicator=\"" + HtmlEscape(matrix.indicators[r]) + "\"") +
           "</figure>\n";
  }
  return out;
}

std::string FindingsByRuleChart(const AuditCounts& counts) {
  std::vector<Bar> bars;
  double most = 0;
  for (const auto& [rule, by_severity] : counts.by_rule) {
    int n = 0;
    for (const auto& [severity, count] : by_severity) n += count;
    bars.push_back({rule, static_cast<double>(n), ""});
    most = std::max(most, static_cast<double>(n));
  }
  if (bars.empty()) return "";
  return BarRows(bars, most, 0, false, "findings-by-rule", "");
}

std::string UnitsChart(const std::vector<const AuditUnitRow*>& units) {
  std::vector<Bar> bars;
  double most = 0;
  for (std::size_t i = 0; i < units.size() && i < 20; ++i) {
    bars.push_back({units[i]->unit + " 牵头", static_cast<double>(units[i]->lead), "lead"});
    bars.push_back({units[i]->unit + " 配合", static_cast<double>(units[i]->cooperate), "coop"});
    most = std::max(most, static_cast<double>(std::max(units[i]->lead, units[i]->cooperate)));
  }
  if (bars.empty()) return "";
  return BarRows(bars, most, 0, false, "units",
                 " data-file=\"" + HtmlEscape(units.front()->file) + "\"");
}

}  // namespace plancheck::report
