#include "report/diff_report.h"

#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

#include "report/audit_html.h"

namespace plancheck::report {
namespace {

// The label of a change kind: Chinese, English.
std::pair<std::string, std::string> KindLabel(const std::string& kind) {
  static const std::map<std::string, std::pair<std::string, std::string>> kLabels = {
      {"added", {"新增任务", "task added"}},
      {"removed", {"删除任务", "task removed"}},
      {"renumbered", {"重新编号", "renumbered"}},
      {"moved", {"移动", "moved"}},
      {"reworded", {"改写", "re-worded"}},
      {"lead-changed", {"牵头单位变更", "lead units changed"}},
      {"cooperating-changed", {"配合单位变更", "cooperating units changed"}},
      {"target-added", {"新增目标", "target added"}},
      {"target-removed", {"删除目标", "target removed"}},
      {"target-changed", {"目标变更", "target changed"}},
  };
  const auto it = kLabels.find(kind);
  return it == kLabels.end() ? std::pair<std::string, std::string>{"变更", "changed"} : it->second;
}

std::string Short(const std::string& text, std::size_t max_bytes = 90) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "……";
}

// "第12项（OLD:34）"
std::string TaskName(const engine::TaskRef& ref, const std::string& file, bool english) {
  std::string number = ref.number;
  while (!number.empty() && (number.back() == '.' || number.back() == ' ')) number.pop_back();
  std::string name = number.empty() ? (english ? "task" : "任务")
                                    : (english ? "task " + number : "第" + number + "项");
  return name + " (" + file + ":" + std::to_string(ref.line) + ")";
}

std::string Describe(const engine::Change& c, const engine::DiffResult& diff, bool english) {
  const std::string old_name = TaskName(c.old_task, diff.old_file, english);
  const std::string new_name = TaskName(c.new_task, diff.new_file, english);
  const std::string arrow = " → ";
  if (c.kind == "added") return new_name + " “" + Short(c.new_task.text) + "”";
  if (c.kind == "removed") return old_name + " “" + Short(c.old_task.text) + "”";
  if (c.kind == "reworded") {
    return old_name + arrow + new_name + (english ? ", similarity " : "，相似度 ") +
           std::to_string(c.score) + "%: “" + Short(c.from) + "”" + arrow + "“" + Short(c.to) + "”";
  }
  if (c.kind == "renumbered") return old_name + arrow + new_name;
  if (c.kind.rfind("target-", 0) == 0) {
    return c.indicator + ": " + (c.from.empty() ? "—" : c.from) + arrow + (c.to.empty() ? "—" : c.to);
  }
  // moved, lead-changed, cooperating-changed
  return new_name + ": " + (c.from.empty() ? "—" : c.from) + arrow + (c.to.empty() ? "—" : c.to);
}

std::map<std::string, int> Summary(const engine::DiffResult& diff) {
  std::map<std::string, int> counts;
  for (const engine::Change& c : diff.changes) ++counts[c.kind];
  return counts;
}

nlohmann::ordered_json TaskJson(const engine::TaskRef& ref) {
  if (ref.line == 0 && ref.text.empty()) return nullptr;
  return {{"number", ref.number}, {"text", ref.text}, {"heading", ref.heading}, {"line", ref.line}};
}

}  // namespace

std::string DiffToText(const engine::DiffResult& diff, const std::string& language) {
  const bool english = language == "en";
  std::ostringstream out;
  out << diff.old_file << " (" << diff.old_tasks << (english ? " tasks" : " 项任务") << ") → "
      << diff.new_file << " (" << diff.new_tasks << (english ? " tasks" : " 项任务") << ")\n";
  for (const engine::Change& c : diff.changes) {
    const auto [zh, en] = KindLabel(c.kind);
    out << "  " << (english ? en : zh) << ": " << Describe(c, diff, english) << '\n';
  }
  if (diff.changes.empty()) {
    out << (english ? "  no change\n" : "  没有变化\n");
  } else {
    out << (english ? "summary:" : "合计：");
    for (const auto& [kind, n] : Summary(diff)) {
      const auto [zh, en] = KindLabel(kind);
      out << ' ' << (english ? en : zh) << ' ' << n;
    }
    out << '\n';
  }
  return out.str();
}

std::string DiffToJson(const engine::DiffResult& diff) {
  nlohmann::ordered_json j;
  j["old"] = diff.old_file;
  j["new"] = diff.new_file;
  j["old_tasks"] = diff.old_tasks;
  j["new_tasks"] = diff.new_tasks;
  j["summary"] = nlohmann::ordered_json::object();
  for (const auto& [kind, n] : Summary(diff)) j["summary"][kind] = n;
  j["changes"] = nlohmann::ordered_json::array();
  for (const engine::Change& c : diff.changes) {
    nlohmann::ordered_json change;
    change["kind"] = c.kind;
    change["old"] = TaskJson(c.old_task);
    change["new"] = TaskJson(c.new_task);
    if (c.kind == "reworded") change["similarity"] = c.score;
    if (!c.indicator.empty()) change["indicator"] = c.indicator;
    if (c.kind != "added" && c.kind != "removed") {
      change["from"] = c.from;
      change["to"] = c.to;
    }
    j["changes"].push_back(std::move(change));
  }
  return j.dump(2) + "\n";
}

std::string DiffToHtml(const engine::DiffResult& diff) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<title>plancheck 版本比较</title>\n<style>"
         "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:24px;color:#222}"
         "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px;"
         "text-align:left;vertical-align:top}th{background:#f0f0f0}"
         "tr.added td.kind{color:#1b5e20}tr.removed td.kind{color:#b00020}del{color:#b00020}"
         "ins{color:#1b5e20;text-decoration:none}.muted{color:#777}"
         "@media print{@page{size:A4;margin:14mm}body{margin:0}tr{break-inside:avoid}}"
         "</style>\n</head>\n<body>\n<h1>版本比较 (what changed)</h1>\n<p class=\"muted\">"
      << HtmlEscape(diff.old_file) << "（" << diff.old_tasks << " 项任务）→ "
      << HtmlEscape(diff.new_file) << "（" << diff.new_tasks << " 项任务）</p>\n";
  out << "<table class=\"summary\">\n<tr><th>变化 change</th><th>数量 count</th></tr>\n";
  for (const auto& [kind, n] : Summary(diff)) {
    const auto [zh, en] = KindLabel(kind);
    out << "<tr><td>" << zh << " " << en << "</td><td>" << n << "</td></tr>\n";
  }
  out << "</table>\n<table class=\"changes\">\n<tr><th>变化 change</th><th>原 old</th><th>新 new</th>"
         "<th>说明 detail</th></tr>\n";
  for (const engine::Change& c : diff.changes) {
    const auto [zh, en] = KindLabel(c.kind);
    auto cell = [](const engine::TaskRef& ref) {
      if (ref.line == 0) return std::string("<td></td>");
      return "<td>" + HtmlEscape(ref.number) + " <span class=\"muted\">:" +
             std::to_string(ref.line) + "</span><br>" + HtmlEscape(Short(ref.text)) + "</td>";
    };
    std::string detail;
    if (c.kind == "reworded") detail = "相似度 similarity " + std::to_string(c.score) + "%";
    if (!c.indicator.empty()) detail = HtmlEscape(c.indicator) + "：";
    if (!c.from.empty() || !c.to.empty()) {
      if (c.kind != "reworded") {
        detail += "<del>" + HtmlEscape(c.from) + "</del> → <ins>" + HtmlEscape(c.to) + "</ins>";
      }
    }
    out << "<tr class=\"" << c.kind << "\"><td class=\"kind\">" << zh << "<br>" << en << "</td>"
        << cell(c.old_task) << cell(c.new_task) << "<td>" << detail << "</td></tr>\n";
  }
  out << "</table>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace plancheck::report
