// The GitHub Actions format: workflow commands that the runner turns into annotations on
// the pull request's diff (docs.github.com, "Workflow commands for GitHub Actions").
#include "base/utf8.h"
#include "report/report.h"

namespace plancheck::report {
namespace {

std::string_view CommandName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "warning";
}

// Percent-escapes what the runner unescapes; other controls (ESC sequences, which the log
// view renders) are written as EscapeControls does.
std::string Escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\r' && c != '\n') || byte == 0x7F) {
      out += EscapeControls(std::string_view(&c, 1));
      continue;
    }
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string EscapeGithubData(std::string_view text) { return Escape(text, false); }
std::string EscapeGithubProperty(std::string_view text) { return Escape(text, true); }

std::string FormatGithub(const std::vector<Diagnostic>& diags, const ReportOptions& options) {
  const bool english = options.language == "en";
  std::string out;
  for (const Diagnostic& diag : diags) {
    out += "::";
    out += CommandName(diag.severity);
    out += " file=" + EscapeGithubProperty(diag.file);
    if (diag.start.line > 0) {
      out += ",line=" + std::to_string(diag.start.line);
      if (diag.start.column > 0) out += ",col=" + std::to_string(diag.start.column);
      if (diag.end.line >= diag.start.line) {
        out += ",endLine=" + std::to_string(diag.end.line);
        if (diag.start.column > 0 && diag.end.column > 0) {
          out += ",endColumn=" + std::to_string(diag.end.column);
        }
      }
    }
    if (!diag.rule_id.empty()) out += ",title=" + EscapeGithubProperty(diag.rule_id);
    // A .docx, web page or PDF has no lines of its own that a diff could show: the place a
    // person finds the finding by leads the message ("段落 12：…").
    std::string message = diag.message;
    if (!diag.origin.place.empty()) {
      message = PlaceLabel(diag.origin.place, english) + (english ? ": " : "：") + message;
    }
    if (diag.suggestion && !diag.suggestion->empty()) {
      message += english ? "\nSuggestion: " : "\n建议：";
      message += *diag.suggestion;
    }
    for (const Related& related : diag.related) {
      message += "\n";
      message += related.file.empty() ? diag.file : related.file;
      if (!related.place.empty()) {
        message += ":" + PlaceLabel(related.place, english);
      } else if (related.start.line > 0) {
        message += ":" + std::to_string(related.start.line);
        if (related.start.column > 0) message += ":" + std::to_string(related.start.column);
      }
      message += ": note: " + related.message;
    }
    out += "::" + EscapeGithubData(message) + "\n";
  }
  return out;
}

}  // namespace plancheck::report
