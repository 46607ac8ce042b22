// The text format: what a person reads in a terminal, laid out like a compiler's errors so
// that editors' "path:line:col:" matchers jump to the place.
#include <algorithm>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "report/report.h"

namespace plancheck::report {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kBlue = "\x1b[1;34m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";

// Wraps `text` in an ANSI style when colour is on.
class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  void Put(std::string& out, std::string_view style, std::string_view text) const {
    if (color_ && !text.empty()) {
      out += style;
      out += text;
      out += kReset;
    } else {
      out += text;
    }
  }

 private:
  bool color_;
};

bool IsEnglish(const ReportOptions& options) { return options.language == "en"; }

std::string_view SeverityStyle(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return kRed;
    case Severity::kWarning:
      return kMagenta;
    case Severity::kInfo:
      return kBlue;
  }
  return kBold;
}

// "path:line:col" with the parts that are known: line 0 means no position, column 0 no column.
std::string LocationPrefix(const std::string& file, const Position& pos) {
  std::string out = file;
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column > 0) out += ':' + std::to_string(pos.column);
  }
  return out;
}

// A .docx, web page or PDF is not read by lines, so there the place a person finds it by
// stands instead of line and column: "path:段落 12", "path:表 1 第 3 行 第 2 列",
// "path:第 2 页 第 14 行".
std::string LocationPrefix(const std::string& file, const Position& pos, const Place& place,
                           bool english) {
  if (!place.empty()) return file + ':' + PlaceLabel(place, english);
  return LocationPrefix(file, pos);
}

// One code point of the source line as printed: the text and the cells it takes. Tabs are
// kept (the caret line repeats them); other control characters (IsTerminalControl) would
// move the cursor, restyle the terminal or reorder the line, so they print as U+FFFD, one
// cell, keeping one code point per column.
struct Cell {
  std::string text;
  int display_width = 0;
  bool is_tab = false;
};

std::vector<Cell> SplitCells(std::string_view line) {
  std::vector<Cell> cells;
  std::size_t offset = 0;
  while (offset < line.size()) {
    char32_t cp = DecodeUtf8(line, offset);
    Cell cell;
    if (cp == '\t') {
      cell.text = "\t";
      cell.is_tab = true;
      cells.push_back(std::move(cell));
      continue;
    }
    if (IsTerminalControl(cp)) cp = 0xFFFD;
    cell.text = ToUtf8(cp);
    cell.display_width = DisplayWidth(cp);
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::string_view StripLineEnd(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

std::string FormatSourceExcerpt(const Diagnostic& diag, bool color) {
  if (diag.start.line <= 0) return {};
  // The engine leaves out lines too long to show; a caret under nothing would mislead.
  if (diag.source_line.empty() && diag.start.column > 1) return {};
  const Painter paint(color);
  const std::vector<Cell> cells = SplitCells(StripLineEnd(diag.source_line));
  const int line_cps = static_cast<int>(cells.size());

  // The span on this line as 0-based code point indexes [first, last). A span running on
  // to later lines is underlined to the end of this one; an empty span gets one caret.
  const int first = std::clamp(diag.start.column - 1, 0, line_cps);
  int last = first;
  if (diag.end.line > diag.start.line) {
    last = line_cps;
  } else if (diag.end.line == diag.start.line) {
    last = std::clamp(diag.end.column - 1, first, line_cps);
  }

  // The gutter shows the line number of a text file; in a .docx, web page or PDF the
  // lines are the reader's, and the header already names the place, so it stays blank.
  const std::string number =
      diag.origin.place.empty() ? std::to_string(diag.start.line) : std::string();
  std::string out = "  " + number + " |";
  if (!cells.empty()) out += ' ';
  for (const Cell& cell : cells) out += cell.text;
  out += '\n';

  // Indentation under the text before the span: tabs copied so the terminal's tab stops
  // land the caret where they land the text, spaces for the rest, two per wide character.
  std::string caret;
  for (int i = 0; i < first; ++i) {
    caret += cells[i].is_tab ? std::string("\t") : std::string(cells[i].display_width, ' ');
  }
  const bool has_visible =
      std::any_of(cells.begin() + first, cells.begin() + last,
                  [](const Cell& c) { return !c.is_tab && c.display_width > 0; });
  std::string underline;
  if (!has_visible) {
    underline = "^";
  } else {
    bool started = false;
    for (int i = first; i < last; ++i) {
      if (cells[i].is_tab) {
        underline += '\t';
        continue;
      }
      for (int k = 0; k < cells[i].display_width; ++k) {
        underline += started ? '~' : '^';
        started = true;
      }
    }
    while (underline.back() == '\t') underline.pop_back();
  }
  out += "  " + std::string(number.size(), ' ') + " | " + caret;
  paint.Put(out, kGreen, underline);
  out += '\n';
  return out;
}

namespace {

// One Diagnostic's block: header, source excerpt, suggestion, related notes.
// Every field that comes from a document, a file name or a rule pack goes through
// EscapeControls: a unit name holding ESC sequences must not restyle the terminal, and a
// file name holding a newline must not forge a "x.txt:1:1: error:" line.
void AppendDiagnostic(std::string& out, const Diagnostic& diag, const ReportOptions& options) {
  const Painter paint(options.color);
  const bool english = IsEnglish(options);
  const std::string file = EscapeControls(diag.file);
  paint.Put(out, kBold, LocationPrefix(file, diag.start, diag.origin.place, english) + ":");
  out += ' ';
  paint.Put(out, SeverityStyle(diag.severity), std::string(SeverityName(diag.severity)) + ":");
  out += ' ';
  paint.Put(out, kBold, EscapeControls(diag.message));
  if (!diag.rule_id.empty()) out += " [" + EscapeControls(diag.rule_id) + "]";
  out += '\n';
  out += FormatSourceExcerpt(diag, options.color);
  if (diag.suggestion && !diag.suggestion->empty()) {
    out += "  ";
    paint.Put(out, kGreen, english ? "suggestion:" : "建议：");
    if (english) out += ' ';
    out += EscapeControls(*diag.suggestion);
    out += '\n';
  }
  for (const Related& related : diag.related) {
    const std::string related_file = related.file.empty() ? file : EscapeControls(related.file);
    paint.Put(out, kBold, LocationPrefix(related_file, related.start, related.place, english) + ":");
    out += ' ';
    paint.Put(out, kCyan, "note:");
    out += ' ';
    if (!related.message.empty()) {
      out += EscapeControls(related.message);
    } else {
      out += english ? "related location" : "相关位置";
    }
    out += '\n';
  }
}

// "共 3 个文件：2 个错误，5 个警告，1 个提示" and its newline.
void AppendSummary(std::string& out, const RunSummary& summary, const ReportOptions& options) {
  const bool none = summary.errors + summary.warnings + summary.infos == 0;
  std::string line;
  if (IsEnglish(options)) {
    auto count = [](int n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    line = count(summary.files, "file", "files") + ": ";
    if (none) {
      line += "no problems found";
    } else {
      line += count(summary.errors, "error", "errors") + ", " +
              count(summary.warnings, "warning", "warnings") + ", " +
              count(summary.infos, "info", "info");
    }
  } else {
    line = "共 " + std::to_string(summary.files) + " 个文件：";
    if (none) {
      line += "未发现问题";
    } else {
      line += std::to_string(summary.errors) + " 个错误，" + std::to_string(summary.warnings) +
              " 个警告，" + std::to_string(summary.infos) + " 个提示";
    }
  }
  Painter(options.color).Put(out, kBold, line);
  out += '\n';
}

class TextWriter final : public ReportWriter {
 public:
  TextWriter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}

  void AddFile(const std::string& path, const std::vector<Diagnostic>& diags) override {
    Count(path, diags);
    std::string text;
    for (const Diagnostic& diag : diags) AppendDiagnostic(text, diag, options_);
    out_ << text;
  }

  void Finish() override {
    std::string text;
    AppendSummary(text, summary(), options_);
    out_ << text;
  }

 private:
  std::ostream& out_;
  ReportOptions options_;
};

}  // namespace

std::string FormatDiagnosticBlock(const Diagnostic& diag, const ReportOptions& options) {
  std::string out;
  AppendDiagnostic(out, diag, options);
  return out;
}

std::string FormatText(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
                       const ReportOptions& options) {
  std::string out;
  for (const Diagnostic& diag : diags) AppendDiagnostic(out, diag, options);
  AppendSummary(out, Summarize(diags, files), options);
  return out;
}

std::unique_ptr<ReportWriter> MakeTextWriter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace plancheck::report
