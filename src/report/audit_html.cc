#include "report/audit_html.h"

#include "report/audit_matrix.h"

#include <algorithm>
#include <cstdio>
#include <istream>
#include <map>
#include <ostream>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace plancheck::report {
namespace {

constexpr std::string_view kStyle = R"(
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #ddd;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right}
tr.error td.sev{color:#b00020;font-weight:bold}tr.warning td.sev{color:#a15c00}tr.info td.sev{color:#555}
tr.weaker{background:#fde2e2}tr.weaker td.status{color:#b00020;font-weight:bold}
td.status{white-space:nowrap}tr.consistent td.status{color:#1b5e20}
.muted{color:#777}.sugg{color:#35568a}.place{color:#555;white-space:nowrap}
.bar{display:inline-block;height:12px;vertical-align:middle}
.lead{background:#3b6fb6}.coop{background:#9cc3e6}
.legend span{margin-right:16px}
table.matrix td.weaker{background:#fde2e2;color:#b00020;font-weight:bold}
table.matrix td.missing{background:#fff4d6;color:#a15c00}
svg.chart{display:block;margin:4px 0 14px;font-size:11px}svg.chart text{fill:#333}
svg.chart rect.bar{fill:#3b6fb6}svg.chart rect.coop{fill:#9cc3e6}svg.chart rect.weaker{fill:#d9534f}
svg.chart line.parent{stroke:#b00020;stroke-width:2;stroke-dasharray:4 3}
figure{margin:8px 0}figcaption{font-weight:bold;font-size:13px}
@media print{
@page{size:A4;margin:14mm 12mm}
body{margin:0;font-size:11px;color:#000}
h2{page-break-before:always;break-before:page}h2.first{page-break-before:avoid;break-before:avoid}
section.plan{page-break-before:always;break-before:page}
table,svg.chart,figure{page-break-inside:avoid;break-inside:avoid}
tr{page-break-inside:avoid;break-inside:avoid}
th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
td.weaker,td.missing,tr.weaker,svg.chart{-webkit-print-color-adjust:exact;print-color-adjust:exact}
table{font-size:10px}td,th{padding:2px 4px}
}
)";

std::string Td(std::string_view text, std::string_view cls = "") {
  std::string out = cls.empty() ? "<td>" : "<td class=\"" + std::string(cls) + "\">";
  return out + HtmlEscape(text) + "</td>";
}

// A location cell: "file:line[:column]" and, in a .docx, web page or PDF, the place a
// person finds it by on a second line (the extracted text's line numbers are nobody's).
std::string LocationTd(const std::string& location, const Place& place, bool english) {
  std::string out = "<td>" + HtmlEscape(location);
  if (!place.empty()) {
    out += "<br><span class=\"place\">" + HtmlEscape(PlaceLabel(place, english)) + "</span>";
  }
  return out + "</td>";
}

std::string StatusLabel(const std::string& status) {
  if (status == "consistent") return "一致 consistent";
  if (status == "weaker") return "弱于上级 weaker";
  return "不可比 not comparable";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

const std::vector<const AuditFinding*> kNoFindings;
const std::vector<const AuditUnitRow*> kNoUnits;

}  // namespace

void AuditCounts::Add(const std::string& file, const std::string& rule, const std::string& severity) {
  ++by_rule[rule][severity];
  ++by_severity[severity];
  std::array<int, 3>& of_file = by_file[file];
  if (severity == "error") ++of_file[0];
  if (severity == "warning") ++of_file[1];
  if (severity == "info") ++of_file[2];
  ++total;
}

std::string AuditFindingsHtml(const std::string& file,
                              const std::vector<const AuditFinding*>& findings, bool english) {
  std::string out = "<section class=\"plan\">\n<h3>" + HtmlEscape(file) + "</h3>\n";
  std::string rows;
  for (const AuditFinding* finding : findings) {
    const AuditFinding& f = *finding;
    rows += "<tr class=\"" + HtmlEscape(f.severity) + "\">" +
            LocationTd(f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column),
                       f.place, english) +
            Td(f.severity, "sev") + Td(f.rule_id) + Td(f.message) + Td(f.suggestion, "sugg") +
            "</tr>\n";
  }
  if (rows.empty()) return out + "<p class=\"muted\">无问题 (no findings)</p>\n</section>\n";
  return out +
         "<table class=\"findings\">\n<tr><th>位置 location</th><th>级别 severity</th>"
         "<th>规则 rule</th><th>说明 message</th><th>建议 suggestion</th></tr>\n" +
         rows + "</table>\n</section>\n";
}

namespace {

std::string Per100(int count, int tasks) {
  if (tasks <= 0) return "—";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", count * 100.0 / tasks);
  return buffer;
}

// Per plan: tasks, errors and warnings per 100 tasks, the share of its comparable targets
// consistent with the parent's.
void WritePlansSummary(std::ostream& out, const AuditReport& report, const AuditCounts& counts) {
  int tasks = 0;
  for (const AuditPlan& plan : report.plans) tasks += plan.tasks;
  out << "<table class=\"overview\">\n<tr><th>方案 plans</th><th>任务 tasks</th><th>error</th>"
         "<th>warning</th><th>info</th><th>合计 findings</th></tr>\n<tr><td class=\"num\">" +
             std::to_string(report.files.size()) + "</td><td class=\"num\">" +
             std::to_string(tasks) + "</td>";
  for (const char* s : {"error", "warning", "info"}) {
    const auto it = counts.by_severity.find(s);
    out << "<td class=\"num\">" + std::to_string(it == counts.by_severity.end() ? 0 : it->second) +
               "</td>";
  }
  out << "<td class=\"num\">" + std::to_string(counts.total) + "</td></tr>\n</table>\n";
  if (report.plans.empty()) return;
  std::map<std::string, std::pair<int, int>> consistent;  // file -> (consistent, comparable)
  for (const AuditTargetRow& t : report.targets) {
    if (t.status == "consistent") ++consistent[t.file].first;
    if (t.status == "consistent" || t.status == "weaker") ++consistent[t.file].second;
  }
  out << "<table class=\"plans\">\n<tr><th>方案 plan</th><th>地区 region</th><th>年度 year</th>"
         "<th>上级方案 parent</th><th>任务 tasks</th><th>error/100</th><th>warning/100</th>"
         "<th>与上级一致的目标 targets consistent</th></tr>\n";
  for (const AuditPlan& plan : report.plans) {
    const auto found = counts.by_file.find(plan.file);
    const std::array<int, 3> n = found == counts.by_file.end() ? std::array<int, 3>{} : found->second;
    const auto [same, comparable] = consistent[plan.file];
    const std::string share =
        comparable == 0 ? "—"
                        : std::to_string(same) + "/" + std::to_string(comparable) + " (" +
                              std::to_string(same * 100 / comparable) + "%)";
    out << "<tr>" + Td(plan.file) + Td(plan.region) +
               Td(plan.year > 0 ? std::to_string(plan.year) : "") +
               "<td>" + HtmlEscape(plan.parent.empty() ? "—" : plan.parent) +
               "<br><span class=\"muted\">" + HtmlEscape(plan.parent_reason) + "</span></td>" +
               "<td class=\"num\">" + std::to_string(plan.tasks) + "</td><td class=\"num\">" +
               Per100(n[0], plan.tasks) + "</td><td class=\"num\">" + Per100(n[1], plan.tasks) +
               "</td>" + Td(share, "num") + "</tr>\n";
  }
  out << "</table>\n";
}

void WriteMatrix(std::ostream& out, const AuditMatrix& matrix) {
  out << "<h2>目标矩阵 Target matrix</h2>\n";
  if (matrix.indicators.empty()) {
    out << "<p class=\"muted\">没有量化目标 (no targets extracted)</p>\n";
    return;
  }
  out << "<p class=\"muted\">每列一个方案，上级在前；红色为弱于上级，黄色为上级有而本级未提及 "
         "(weaker than the parent in red, stated by the parent but missing in yellow)</p>\n"
         "<table class=\"matrix\">\n<tr><th>指标 indicator</th>";
  for (const std::string& plan : matrix.plans) out << "<th>" + HtmlEscape(plan) + "</th>";
  out << "</tr>\n";
  for (std::size_t r = 0; r < matrix.indicators.size(); ++r) {
    out << "<tr>" + Td(matrix.indicators[r]);
    for (const MatrixCell& cell : matrix.cells[r]) {
      if (cell.missing) {
        out << "<td class=\"missing\">未提及 missing</td>";
      } else {
        out << Td(cell.text, cell.status == "weaker" ? "weaker" : "");
      }
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
}

}  // namespace

AuditCounts CountsOf(const AuditReport& report) {
  if (report.counts.total > 0 || report.findings.empty()) return report.counts;
  AuditCounts counts;
  for (const AuditFinding& f : report.findings) counts.Add(f.file, f.rule_id, f.severity);
  return counts;
}

void WriteAuditHtml(std::ostream& out, const AuditReport& report, std::istream* findings_html) {
  const bool english = report.language == "en";
  const AuditCounts counts = CountsOf(report);
  const AuditMatrix matrix = BuildMatrix(report);
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out << "<title>plancheck 审核报告</title>\n<style>";
  out << kStyle;
  out << "</style>\n</head>\n<body>\n<h1>plancheck 审核报告 (audit report)</h1>\n";
  out << "<p class=\"muted\">plancheck " + HtmlEscape(report.tool_version) + " · " +
         std::to_string(report.files.size()) + " 个文件 (plans) · " +
         std::to_string(counts.total) + " 条问题 (findings)</p>\n";

  out << "<h2 class=\"first\">汇总 Summary</h2>\n";
  WritePlansSummary(out, report, counts);
  // Counts by rule and severity.
  static const char* const kSeverities[] = {"error", "warning", "info"};
  out << "<table class=\"summary\">\n<tr><th>规则 rule</th>";
  for (const char* s : kSeverities) out << std::string("<th>") + s + "</th>";
  out << "<th>合计 total</th></tr>\n";
  for (const auto& [rule, by_severity] : counts.by_rule) {
    int total = 0;
    out << "<tr>" + Td(rule);
    for (const char* s : kSeverities) {
      auto it = by_severity.find(s);
      const int n = it == by_severity.end() ? 0 : it->second;
      total += n;
      out << "<td class=\"num\">" + std::to_string(n) + "</td>";
    }
    out << "<td class=\"num\">" + std::to_string(total) + "</td></tr>\n";
  }
  out << "<tr><th>合计 total</th>";
  for (const char* s : kSeverities) {
    const auto it = counts.by_severity.find(s);
    out << "<th>" + std::to_string(it == counts.by_severity.end() ? 0 : it->second) + "</th>";
  }
  out << "<th>" + std::to_string(counts.total) + "</th></tr>\n</table>\n";

  WriteMatrix(out, matrix);
  out << "<h2>图表 Charts</h2>\n";
  const std::string indicator_charts = IndicatorCharts(matrix);
  if (!indicator_charts.empty()) {
    out << "<h3>各方案的指标目标 Targets by plan (虚线为上级 the dashed line is the parent)</h3>\n"
        << indicator_charts;
  }
  out << "<h3>各规则问题数 Findings by rule</h3>\n" << FindingsByRuleChart(counts);

  // Coverage of the parent's tasks.
  out << "<h2>上级任务落实 Coverage of the parent's tasks</h2>\n";
  if (report.coverage.empty()) {
    out << "<p class=\"muted\">没有未落实的上级任务 (every parent task assigned below is taken "
           "up, or no plan has a parent decomposition)</p>\n";
  } else {
    out << "<table class=\"coverage\">\n<tr><th>方案 plan</th><th>说明 message</th></tr>\n";
    for (const AuditFinding& f : report.coverage) out << "<tr>" + Td(f.file) + Td(f.message) + "</tr>\n";
    out << "</table>\n";
  }

  out << "<h2>问题清单 Findings</h2>\n";
  if (findings_html != nullptr) {
    // An empty stream would set failbit on `out`.
    if (findings_html->peek() != std::char_traits<char>::eof()) out << findings_html->rdbuf();
  } else {
    // Grouped once: a scan of every finding per plan was quadratic.
    std::unordered_map<std::string_view, std::vector<const AuditFinding*>> findings_of;
    for (const AuditFinding& f : report.findings) findings_of[f.file].push_back(&f);
    for (const std::string& file : report.files) {
      const auto found = findings_of.find(file);
      out << AuditFindingsHtml(file, found == findings_of.end() ? kNoFindings : found->second,
                               english);
    }
  }

  // Targets against the parent plan.
  out << "<h2>目标对比 Targets vs parent plan</h2>\n";
  if (report.targets.empty()) {
    out << "<p class=\"muted\">没有可对比的目标 (no targets extracted)</p>\n";
  } else {
    out <<
        "<table class=\"targets\">\n<tr><th>文件 plan</th><th>指标 indicator</th>"
        "<th>本级 child</th><th>上级 parent</th><th>上级方案 parent plan</th>"
        "<th>结论 status</th><th>原因 reason</th></tr>\n";
    for (const AuditTargetRow& t : report.targets) {
      const std::string location = t.line > 0 ? t.file + ":" + std::to_string(t.line) : t.file;
      out << "<tr class=\"" + HtmlEscape(t.status) + "\">" +
             LocationTd(location, t.place, english) + Td(t.indicator) + Td(t.child_value) +
             Td(t.parent_value) + Td(t.parent_plan) + Td(StatusLabel(t.status), "status") +
             Td(t.reason, "muted") + "</tr>\n";
    }
    out << "</table>\n";
  }

  // Units: lead and cooperating task counts as CSS bars.
  out <<
      "<h2>单位任务分布 Tasks per unit</h2>\n<p class=\"legend\"><span><i class=\"bar lead\" "
      "style=\"width:12px\"></i> 牵头 lead</span><span><i class=\"bar coop\" "
      "style=\"width:12px\"></i> 配合 cooperate</span></p>\n";
  std::unordered_map<std::string_view, std::vector<const AuditUnitRow*>> units_of;
  for (const AuditUnitRow& u : report.units) units_of[u.file].push_back(&u);
  for (const std::string& file : report.files) {
    const auto found = units_of.find(file);
    const std::vector<const AuditUnitRow*>& units =
        found == units_of.end() ? kNoUnits : found->second;
    int most = 0;
    for (const AuditUnitRow* u : units) most = std::max(most, std::max(u->lead, u->cooperate));
    out << "<h3>" + HtmlEscape(file) + "</h3>\n";
    out << UnitsChart(units);
    if (most == 0) {
      out << "<p class=\"muted\">未识别到单位 (no units found)</p>\n";
      continue;
    }
    out <<
        "<table class=\"units\">\n<tr><th>单位 unit</th><th>牵头 lead</th><th>配合 "
        "cooperate</th><th>图 chart</th></tr>\n";
    for (const AuditUnitRow* unit : units) {
      const AuditUnitRow& u = *unit;
      const int lead_px = u.lead * 300 / most;
      const int coop_px = u.cooperate * 300 / most;
      out << "<tr>" + Td(u.unit) + "<td class=\"num\">" + std::to_string(u.lead) +
             "</td><td class=\"num\">" + std::to_string(u.cooperate) + "</td><td>" +
             "<i class=\"bar lead\" style=\"width:" + std::to_string(lead_px) + "px\"></i><br>" +
             "<i class=\"bar coop\" style=\"width:" + std::to_string(coop_px) + "px\"></i>" +
             "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "</body>\n</html>\n";
}

std::string AuditHtml(const AuditReport& report) {
  std::ostringstream out;
  WriteAuditHtml(out, report, nullptr);
  return out.str();
}

}  // namespace plancheck::report
