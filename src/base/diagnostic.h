// Diagnostic: one finding, as checks produce it and reporters print it.
//
// Positions are 1-based; columns count Unicode code points (SARIF columnKind
// unicodeCodePoints). Byte spans are [begin, end) into a document's normalized UTF-8
// text; `origin` is the same place in the file as the user gave it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

enum class Severity { kInfo, kWarning, kError };

// "info" / "warning" / "error".
std::string_view SeverityName(Severity severity);
// Parses "info", "warning" or "error"; nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view name);

struct Position {
  int line = 0;    // 1-based; 0 means "no position"
  int column = 0;  // 1-based, in code points
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;  // exclusive
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// Where a line of a document's text was in a file that is not plain text, in the terms a
// person finds it by: a body paragraph of a .docx or web page, a cell of one of its
// tables, or a text line of a PDF page. Numbers are 1-based; 0 means "not this kind of
// place". All zero (plain text): line and column already say where.
struct Place {
  int paragraph = 0;  // body paragraph, tables not counted (docx: w:p; html: text block)
  int table = 0;      // table in document order
  int row = 0;        // row of `table`, a header row included
  int column = 0;     // column of `row`; a cell spanning columns counts all of them
  int page = 0;       // PDF page
  int line = 0;       // PDF: text line of `page`, empty lines not counted
  bool empty() const { return paragraph == 0 && table == 0 && page == 0; }
  friend bool operator==(const Place&, const Place&) = default;
};

// The place as a person reads it, Chinese by default: "段落 12", "表 1 第 3 行 第 2 列",
// "第 2 页 第 14 行"; in English "paragraph 12", "table 1, row 3, column 2", "page 2,
// line 14". Parts that are 0 are left out ("表 1 第 3 行", "第 2 页"); "" when empty().
std::string PlaceLabel(const Place& place, bool english);

// Where a person finds a place in the file as given: byte span of the source text
// plus the line/column of its start and end, and for .docx, web pages and PDF the
// paragraph, table cell or page line holding the start.
struct Origin {
  ByteSpan source_span;
  Position start;
  Position end;
  Place place;
};

// A replacement, offered only when the edit is certain. `span` is in the source text.
struct Fix {
  ByteSpan span;
  std::string replacement;
  // The engine fills the rest from the rule: `numbering` for a rule whose fixes change
  // numbers (applied only on request), and where `span` starts and ends in the source
  // (the end exclusive; a column one past the last character).
  bool numbering = false;
  Position start;
  Position end;
};

struct Related {
  std::string file;
  Position start;
  std::string message;
  // In the diagnostic's own .docx, web page or PDF: the place of `start` (the engine
  // fills it); empty otherwise.
  Place place = {};
};

struct Diagnostic {
  std::string rule_id;
  Severity severity = Severity::kWarning;
  std::string file;  // as the user named it, '/' separators
  Position start, end;
  ByteSpan span;  // in the normalized text
  Origin origin;
  std::string message;
  std::optional<std::string> suggestion;
  std::optional<Fix> fix;
  std::vector<Related> related;
  std::string task;  // task number ("52", or the ordinal when unnumbered); empty if none
  std::string excerpt;      // the text the span covers (at most a line), for baselines
  std::string source_line;  // the source line holding `start`, for the caret display
};

// Orders by file, line, column, rule id, message: the order every reporter prints.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace plancheck
