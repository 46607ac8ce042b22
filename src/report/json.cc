// The JSON format: our own stable shape for scripts (docs/json-output.md). Keys and their
// order are part of the contract; add keys only at the end of an object, never rename.
#include <map>
#include <nlohmann/json.hpp>

#include "report/place_json.h"
#include "report/report.h"

namespace plancheck::report {
namespace {

using nlohmann::ordered_json;

ordered_json OptionalString(const std::optional<std::string>& text) {
  return text ? ordered_json(*text) : ordered_json(nullptr);
}

ordered_json DiagnosticJson(const Diagnostic& diag, bool english) {
  ordered_json out;
  out["rule"] = diag.rule_id;
  out["severity"] = SeverityName(diag.severity);
  out["line"] = diag.start.line;
  out["column"] = diag.start.column;
  out["end_line"] = diag.end.line;
  out["end_column"] = diag.end.column;
  out["message"] = diag.message;
  out["task"] = diag.task.empty() ? ordered_json(nullptr) : ordered_json(diag.task);
  out["suggestion"] = OptionalString(diag.suggestion);
  ordered_json related = ordered_json::array();
  for (const Related& item : diag.related) {
    related.push_back(ordered_json{{"file", item.file.empty() ? diag.file : item.file},
                                   {"line", item.start.line},
                                   {"column", item.start.column},
                                   {"message", item.message}});
    // Added within version 1, as for the diagnostic: only in a .docx, web page or PDF.
    if (!item.place.empty()) related.back()["place"] = PlaceJson(item.place, english);
  }
  out["related"] = std::move(related);
  // Added within version 1, only for a .docx, web page or PDF, whose lines are the
  // reader's: where a person finds the finding, and the text it quotes.
  if (!diag.origin.place.empty()) {
    out["place"] = PlaceJson(diag.origin.place, english);
    out["place"]["text"] = diag.excerpt;
  }
  return out;
}

}  // namespace

std::string FormatJson(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
                       const ReportOptions& options) {
  const std::vector<std::string> paths = ReportFiles(diags, files);
  std::map<std::string, std::size_t> index;
  ordered_json file_list = ordered_json::array();
  for (const std::string& path : paths) {
    index[path] = file_list.size();
    file_list.push_back(ordered_json{{"path", path}, {"diagnostics", ordered_json::array()}});
  }
  for (const Diagnostic& diag : diags) {
    file_list[index.at(diag.file)]["diagnostics"].push_back(
        DiagnosticJson(diag, options.language == "en"));
  }
  const RunSummary summary = Summarize(diags, files);
  ordered_json root;
  root["version"] = 1;
  root["files"] = std::move(file_list);
  root["summary"] = ordered_json{{"error", summary.errors},
                                 {"warning", summary.warnings},
                                 {"info", summary.infos},
                                 {"files", summary.files}};
  // Invalid UTF-8 cannot reach here from a Document, but a message built from a file name
  // could carry it: replace rather than throw.
  return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace plancheck::report
