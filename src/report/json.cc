// The JSON format: our own stable shape for scripts (docs/json-output.md). Keys and their
// order are part of the contract; add keys only at the end of an object, never rename.
#include <map>
#include <sstream>
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
  // Added within version 1, only when the rule vouches for a fix (`plancheck rules`): the
  // text `lint --fix` writes in place of the source between the two positions.
  if (diag.fix) {
    out["fix"] = ordered_json{{"line", diag.fix->start.line},
                              {"column", diag.fix->start.column},
                              {"end_line", diag.fix->end.line},
                              {"end_column", diag.fix->end.column},
                              {"replacement", diag.fix->replacement},
                              {"numbering", diag.fix->numbering}};
  }
  return out;
}

}  // namespace

namespace {

// Invalid UTF-8 cannot reach here from a Document, but a message built from a file name
// could carry it: replace rather than throw.
std::string Dump(const ordered_json& value) {
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

// `text` (a dump at indent 2) moved right by `spaces`, as if dumped inside its parents.
std::string Indent(const std::string& text, std::size_t spaces) {
  const std::string pad(spaces, ' ');
  std::string out = pad;
  out.reserve(text.size() + text.size() / 4);
  // Line by line (dumped strings escape their newlines, so every '\n' is a line end).
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t newline = text.find('\n', begin);
    if (newline == std::string::npos) {
      out.append(text, begin, std::string::npos);
      break;
    }
    out.append(text, begin, newline + 1 - begin);
    out += pad;
    begin = newline + 1;
  }
  return out;
}

// Writes the document nlohmann's dump(2) gives for {"version", "files", "summary"}, one
// file object at a time.
class JsonWriter final : public ReportWriter {
 public:
  JsonWriter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}

  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    Count(path, diags);
    // Written a diagnostic at a time: a file with tens of thousands of findings never
    // exists as one JSON tree.
    out_ << (any_file_ ? ",\n" : "{\n  \"version\": 1,\n  \"files\": [\n") << "    {\n      \"path\": "
         << Dump(ordered_json(path)) << ",\n      \"diagnostics\": ";
    any_file_ = true;
    if (diags.empty()) {
      out_ << "[]\n    }";
      return;
    }
    out_ << "[\n";
    for (std::size_t i = 0; i < diags.size(); ++i) {
      if (i > 0) out_ << ",\n";
      out_ << Indent(Dump(DiagnosticJson(diags[i], options_.language == "en")), 8);
    }
    out_ << "\n      ]\n    }";
  }

  void Finish() override {
    out_ << (any_file_ ? "\n  ],\n" : "{\n  \"version\": 1,\n  \"files\": [],\n");
    const RunSummary& s = summary();
    const ordered_json counts{
        {"error", s.errors}, {"warning", s.warnings}, {"info", s.infos}, {"files", s.files}};
    out_ << "  \"summary\": " << Indent(Dump(counts), 2).substr(2) << "\n}\n";
  }

 private:
  std::ostream& out_;
  ReportOptions options_;
  bool any_file_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeJsonWriter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<JsonWriter>(out, options);
}

std::string FormatJson(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
                       const ReportOptions& options) {
  std::ostringstream out;
  const std::unique_ptr<ReportWriter> writer = MakeJsonWriter(out, options);
  ForEachReportFile(diags, files, [&](const std::string& path, const std::vector<Diagnostic>& own) {
    writer->AddFile(path, own);
  });
  writer->Finish();
  return out.str();
}

}  // namespace plancheck::report
