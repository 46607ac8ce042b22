#include "report/audit_html.h"

#include <algorithm>
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

void WriteAuditHtml(std::ostream& out, const AuditReport& report) {
  const bool english = report.language == "en";
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out << "<title>plancheck 审核报告</title>\n<style>";
  out << kStyle;
  out << "</style>\n</head>\n<body>\n<h1>plancheck 审核报告 (audit report)</h1>\n";
  out << "<p class=\"muted\">plancheck " + HtmlEscape(report.tool_version) + " · " +
         std::to_string(report.files.size()) + " 个文件 (plans) · " +
         std::to_string(report.findings.size()) + " 条问题 (findings)</p>\n";

  // Summary: counts by rule and severity.
  std::map<std::string, std::map<std::string, int>> by_rule;
  std::map<std::string, int> by_severity;
  for (const AuditFinding& f : report.findings) {
    ++by_rule[f.rule_id][f.severity];
    ++by_severity[f.severity];
  }
  static const char* const kSeverities[] = {"error", "warning", "info"};
  out << "<h2>汇总 Summary</h2>\n<table class=\"summary\">\n<tr><th>规则 rule</th>";
  for (const char* s : kSeverities) out << std::string("<th>") + s + "</th>";
  out << "<th>合计 total</th></tr>\n";
  for (const auto& [rule, counts] : by_rule) {
    int total = 0;
    out << "<tr>" + Td(rule);
    for (const char* s : kSeverities) {
      auto it = counts.find(s);
      const int n = it == counts.end() ? 0 : it->second;
      total += n;
      out << "<td class=\"num\">" + std::to_string(n) + "</td>";
    }
    out << "<td class=\"num\">" + std::to_string(total) + "</td></tr>\n";
  }
  out << "<tr><th>合计 total</th>";
  for (const char* s : kSeverities) out << "<th>" + std::to_string(by_severity[s]) + "</th>";
  out << "<th>" + std::to_string(report.findings.size()) + "</th></tr>\n</table>\n";

  // Findings per plan. Grouped once: a scan of every finding per plan was quadratic, and
  // most of an audit's time on 1,800 plans.
  std::unordered_map<std::string_view, std::vector<const AuditFinding*>> findings_of;
  for (const AuditFinding& f : report.findings) findings_of[f.file].push_back(&f);
  out << "<h2>问题清单 Findings</h2>\n";
  for (const std::string& file : report.files) {
    out << "<h3>" + HtmlEscape(file) + "</h3>\n";
    std::string rows;
    const auto found = findings_of.find(file);
    for (const AuditFinding* finding : found == findings_of.end() ? kNoFindings : found->second) {
      const AuditFinding& f = *finding;
      rows += "<tr class=\"" + HtmlEscape(f.severity) + "\">" +
              LocationTd(f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column),
                         f.place, english) +
              Td(f.severity, "sev") + Td(f.rule_id) + Td(f.message) + Td(f.suggestion, "sugg") +
              "</tr>\n";
    }
    if (rows.empty()) {
      out << "<p class=\"muted\">无问题 (no findings)</p>\n";
      continue;
    }
    out <<
        "<table class=\"findings\">\n<tr><th>位置 location</th><th>级别 severity</th>"
        "<th>规则 rule</th><th>说明 message</th><th>建议 suggestion</th></tr>\n" +
        rows + "</table>\n";
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
  WriteAuditHtml(out, report);
  return out.str();
}

}  // namespace plancheck::report
