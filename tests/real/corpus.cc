#include "real/corpus.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/utf8.h"
#include "cli/app.h"

namespace plancheck::real {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Where(const std::string& file, const YAML::Node& node) {
  return file + ":" + std::to_string(node.Mark().line + 1);
}

std::vector<std::string> Strings(const YAML::Node& node, const std::string& file,
                                 std::vector<std::string>& errors) {
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (!node.IsSequence()) {
    errors.push_back(Where(file, node) + ": expected a list of names");
    return out;
  }
  for (const YAML::Node& item : node) out.push_back(item.as<std::string>());
  return out;
}

std::optional<Notice> LoadNotice(const fs::path& folder, std::vector<std::string>& errors) {
  const std::string file = (folder / "expected.yaml").string();
  const std::size_t before = errors.size();
  Notice notice;
  notice.name = folder.filename().string();
  notice.path = (folder / "notice.txt").string();
  if (!fs::exists(notice.path)) {
    errors.push_back(notice.path + ": missing");
    return std::nullopt;
  }
  try {
    const YAML::Node root = YAML::LoadFile(file);
    if (!root["task_count"]) errors.push_back(file + ":1: missing task_count");
    if (!root.IsMap()) {
      errors.push_back(file + ":1: expected a mapping");
      return std::nullopt;
    }
    notice.task_count = root["task_count"] ? root["task_count"].as<std::int64_t>() : 0;
    if (root["declared_count"] && !root["declared_count"].IsNull()) {
      notice.declared_count = root["declared_count"].as<std::int64_t>();
    }
    if (root["numbering_scope"] && !root["numbering_scope"].IsNull()) {
      notice.numbering_scope = root["numbering_scope"].as<std::string>();
    }
    for (const YAML::Node& task : root["tasks"]) {
      ExpectedTask t;
      if (task["number"] && !task["number"].IsNull()) t.number = task["number"].as<std::int64_t>();
      if (!task["line"]) {
        errors.push_back(Where(file, task) + ": a task needs its line");
        continue;
      }
      t.line = task["line"].as<int>();
      t.lead = Strings(task["lead"], file, errors);
      if (task["cooperating"]) t.cooperating = Strings(task["cooperating"], file, errors);
      if (task["leaders"]) t.leaders = Strings(task["leaders"], file, errors);
      notice.tasks.push_back(std::move(t));
    }
    for (const char* key : {"findings", "cut_findings"}) {
      const bool cut = std::string_view(key) == "cut_findings";
      for (const YAML::Node& finding : root[key]) {
        ExpectedFinding f;
        if (!finding["line"]) {
          errors.push_back(Where(file, finding) + ": a finding needs its line");
          continue;
        }
        f.line = finding["line"].as<int>();
        if (finding["what"]) f.what = finding["what"].as<std::string>();
        if (finding["rule"] && !finding["rule"].IsNull()) {
          f.rule = finding["rule"].as<std::string>();
        }
        if (cut && f.rule.empty()) {
          errors.push_back(Where(file, finding) + ": a cut finding needs its rule");
          continue;
        }
        (cut ? notice.cut_findings : notice.findings).push_back(std::move(f));
      }
    }
  } catch (const YAML::Exception& e) {
    errors.push_back(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    return std::nullopt;
  }
  if (errors.size() != before) return std::nullopt;
  return notice;
}

// Every task object of one `plancheck parse --format json` file, in document order.
std::vector<const json*> ParsedTasks(const json& file) {
  std::vector<const json*> tasks;
  for (const json& part : file["outline"]["parts"]) {
    for (const json& section : part["sections"]) {
      for (const json& task : section["tasks"]) tasks.push_back(&task);
    }
  }
  return tasks;
}

std::vector<std::string> Folded(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& name : names) out.push_back(FoldWidth(name));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> JsonNames(const json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const json& item : list) out.push_back(item.get<std::string>());
  return out;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : "、") + name;
  return "[" + out + "]";
}

// Runs the CLI in process and parses its JSON output; "" error on success.
json RunJson(const std::vector<std::string>& args, std::string& error) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::Run(args, out, err);
  if (code == cli::kExitError && out.str().empty()) {
    error = "plancheck " + args[1] + " failed: " + err.str();
    return json();
  }
  try {
    return json::parse(out.str());
  } catch (const json::exception& e) {
    error = "plancheck " + args[1] + " printed no JSON: " + e.what();
    return json();
  }
}

void Compare(const Notice& notice, const json* parsed, const json* linted, NoticeResult& r) {
  r.name = notice.name;
  r.expected_tasks = notice.task_count;
  r.reviewed = notice.tasks.size();
  r.expected_scope = notice.numbering_scope;
  if (parsed == nullptr || linted == nullptr) {
    if (r.error.empty()) r.error = "no output for " + notice.path;
    for (const ExpectedTask& task : notice.tasks) r.misses.push_back({task, false, {}});
    return;
  }
  r.parsed_tasks = (*parsed)["task_count"].get<std::int64_t>();
  if (parsed->contains("numbering_scope") && (*parsed)["numbering_scope"].is_string()) {
    r.parsed_scope = (*parsed)["numbering_scope"].get<std::string>();
  }
  const std::vector<const json*> tasks = ParsedTasks(*parsed);
  for (const ExpectedTask& want : notice.tasks) {
    const json* match = nullptr;
    for (const json* task : tasks) {
      if ((*task)["line"].get<int>() != want.line) continue;
      // A task the notice leaves unnumbered (an empty 序号 cell) is matched by its line;
      // the review numbers it by its place.
      const json& value = (*task)["value"];
      if (want.number && value.is_number_integer() && value.get<std::int64_t>() != *want.number) {
        continue;
      }
      match = task;
      break;
    }
    if (match == nullptr) {
      r.misses.push_back({want, false, {}});
      continue;
    }
    const std::vector<std::string> lead = JsonNames((*match)["lead_units"]);
    if (Folded(lead) == Folded(want.lead)) {
      ++r.right_lead;
    } else {
      r.misses.push_back({want, true, lead});
    }
  }
  std::set<int> finding_lines;
  for (const ExpectedFinding& finding : notice.findings) finding_lines.insert(finding.line);
  std::set<std::pair<int, std::string>> reported;
  for (const json& d : (*linted)["diagnostics"]) {
    const int line = d["line"].get<int>();
    const std::string rule = d["rule"].get<std::string>();
    const std::string severity = d["severity"].get<std::string>();
    reported.insert({line, rule});
    if (severity == "info" || finding_lines.count(line) != 0) continue;
    const bool cut = std::any_of(
        notice.cut_findings.begin(), notice.cut_findings.end(),
        [&](const ExpectedFinding& f) { return f.line == line && f.rule == rule; });
    (cut ? r.cut : r.false_alarms).push_back(
        {line, d["column"].get<int>(), severity, rule, d["message"].get<std::string>()});
  }
  for (const ExpectedFinding& finding : notice.findings) {
    if (!finding.rule.empty() && reported.count({finding.line, finding.rule}) == 0) {
      r.missed_findings.push_back(finding);
    }
  }
}

std::string Percent(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

}  // namespace

std::string FoldWidth(const std::string& name) {
  std::string out;
  for (std::size_t offset = 0; offset < name.size();) {
    char32_t cp = DecodeUtf8(name, offset);
    if (cp == U'\u3000' || cp == ' ') continue;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp = cp - 0xFF01 + 0x21;
    AppendUtf8(out, cp);
  }
  return out;
}

std::vector<Notice> LoadCorpus(const std::string& dir, std::vector<std::string>& errors) {
  std::vector<fs::path> folders;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "expected.yaml")) {
      folders.push_back(entry.path());
    }
  }
  if (ec) errors.push_back(dir + ": " + ec.message());
  std::sort(folders.begin(), folders.end());
  std::vector<Notice> notices;
  for (const fs::path& folder : folders) {
    if (std::optional<Notice> notice = LoadNotice(folder, errors)) {
      notices.push_back(std::move(*notice));
    }
  }
  return notices;
}

double CorpusResult::RightLeadPercent() const {
  return reviewed == 0 ? 100.0 : 100.0 * static_cast<double>(right_lead) / reviewed;
}

double CorpusResult::FalseAlarmsPer100Tasks() const {
  return tasks <= 0 ? 0.0 : 100.0 * static_cast<double>(false_alarms) / tasks;
}

CorpusResult Evaluate(const std::vector<Notice>& notices) {
  CorpusResult result;
  if (notices.empty()) return result;
  std::vector<std::string> parse_args = {"plancheck", "parse", "--format", "json"};
  std::vector<std::string> lint_args = {"plancheck", "lint", "--format", "json", "--fail-on",
                                        "never"};
  for (const Notice& notice : notices) {
    parse_args.push_back(notice.path);
    lint_args.push_back(notice.path);
  }
  std::string error;
  const json parsed = RunJson(parse_args, error);
  const json linted = RunJson(lint_args, error);
  std::map<std::string, const json*> parsed_by_path;
  if (parsed.is_array()) {
    for (const json& file : parsed) parsed_by_path[file["path"].get<std::string>()] = &file;
  }
  std::map<std::string, const json*> linted_by_path;
  if (linted.is_object()) {
    for (const json& file : linted["files"]) linted_by_path[file["path"].get<std::string>()] = &file;
  }
  for (const Notice& notice : notices) {
    NoticeResult r;
    r.error = error;
    const auto p = parsed_by_path.find(notice.path);
    const auto l = linted_by_path.find(notice.path);
    Compare(notice, p == parsed_by_path.end() ? nullptr : p->second,
            l == linted_by_path.end() ? nullptr : l->second, r);
    result.reviewed += r.reviewed;
    result.right_lead += r.right_lead;
    result.tasks += r.expected_tasks;
    result.false_alarms += r.false_alarms.size();
    result.cut += r.cut.size();
    if (r.error.empty() && r.parsed_tasks == r.expected_tasks) ++result.task_counts_right;
    result.notices.push_back(std::move(r));
  }
  return result;
}

void PrintReport(const CorpusResult& result, std::ostream& out) {
  out << "real corpus: " << result.notices.size() << " notices, " << result.tasks << " tasks, "
      << result.reviewed << " reviewed\n";
  out << "right lead:   " << result.right_lead << " / " << result.reviewed << " reviewed tasks = "
      << Percent(result.RightLeadPercent()) << "%\n";
  out << "false alarms: " << result.false_alarms << " errors/warnings on lines the review calls "
      << "correct = " << Percent(result.FalseAlarmsPer100Tasks()) << " per 100 tasks";
  if (result.cut > 0) out << " (" << result.cut << " more caused by an excerpt's cut, not judged)";
  out << "\n";
  out << "task counts:  " << result.task_counts_right << " / " << result.notices.size()
      << " notices right\n";
  for (const NoticeResult& r : result.notices) {
    out << "\n" << r.name << ": tasks " << r.parsed_tasks << "/" << r.expected_tasks << ", leads "
        << r.right_lead << "/" << r.reviewed << ", false alarms " << r.false_alarms.size();
    if (!r.expected_scope.empty() || !r.parsed_scope.empty()) {
      out << ", numbering " << (r.parsed_scope.empty() ? "?" : r.parsed_scope) << " (review: "
          << (r.expected_scope.empty() ? "?" : r.expected_scope) << ")";
    }
    out << "\n";
    if (!r.error.empty()) out << "  error: " << r.error << "\n";
    for (const TaskMiss& miss : r.misses) {
      out << "  line " << miss.expected.line << " task "
          << (miss.expected.number ? std::to_string(*miss.expected.number) : "-") << ": ";
      if (miss.found) {
        out << "lead " << Join(miss.lead) << ", review " << Join(miss.expected.lead) << "\n";
      } else {
        out << "not found (review: lead " << Join(miss.expected.lead) << ")\n";
      }
    }
    for (const FalseAlarm& alarm : r.false_alarms) {
      out << "  false alarm " << alarm.line << ":" << alarm.column << " " << alarm.severity << " "
          << alarm.rule << ": " << alarm.message << "\n";
    }
    for (const FalseAlarm& alarm : r.cut) {
      out << "  cut " << alarm.line << ":" << alarm.column << " " << alarm.severity << " "
          << alarm.rule << ": " << alarm.message << "\n";
    }
    for (const ExpectedFinding& finding : r.missed_findings) {
      out << "  not reported " << finding.line << " " << finding.rule << ": " << finding.what
          << "\n";
    }
  }
}

Bars LoadBars(const std::string& file, std::vector<std::string>& errors) {
  Bars bars;
  try {
    const YAML::Node root = YAML::LoadFile(file);
    if (root["right_lead_percent_min"]) {
      bars.right_lead_percent_min = root["right_lead_percent_min"].as<double>();
    }
    if (root["false_alarms_per_100_max"]) {
      bars.false_alarms_per_100_max = root["false_alarms_per_100_max"].as<double>();
    }
    bars.task_count_pending = Strings(root["task_count_pending"], file, errors);
  } catch (const YAML::Exception& e) {
    errors.push_back(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return bars;
}

}  // namespace plancheck::real
