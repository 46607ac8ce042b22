// ExtractedText: what a reader of a container format (.docx, web page, PDF) hands on,
// the text in the shapes the parser reads plus, for each of its lines, the place in the
// file a person finds it at (Place: paragraph, table cell, page line).
//
// A container can expand: a table cell spanning 63 columns becomes 63 lines, a vertically
// merged cell repeats the text above, `<td colspan=64>` (16 bytes) becomes 64 lines. So the
// text a reader may extract is bounded relative to the bytes it read (SetBudget): past the
// budget AddLine adds nothing and records where it stopped, and the reader refuses the file
// with a located error (ExpansionError) instead of holding gigabytes.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"
#include "base/utf8.h"

namespace plancheck::ingest {

// Extracted text may be at most this many times the markup it came from, plus
// kExpansionFloorBytes: text is always shorter than its markup unless repeated.
inline constexpr std::size_t kMaxTextPerMarkupByte = 2;
inline constexpr std::size_t kExpansionFloorBytes = 1u << 20;
// And at most one line per this many bytes of markup, plus kExpansionFloorLines: the
// shortest markup of a line of its own is a paragraph or cell (`<w:p/>`, `<td>`), and each
// line costs the pipeline about 60 bytes (place, line index, origin map, parse).
inline constexpr std::size_t kMarkupBytesPerLine = 16;
inline constexpr std::size_t kExpansionFloorLines = 64u * 1024u;
// Markup with more tags than this ('<' characters) is refused before it is parsed: a
// parsed element takes 50 (pugixml) to 150 (libxml2) bytes, so 4 million tags are already
// hundreds of MB, and no published notice comes near (a 5 MB document.xml has ~200,000).
inline constexpr std::size_t kMaxMarkupTags = 4u * 1000u * 1000u;

struct ExtractedText {
  std::string text;                // UTF-8, every line ended by '\n'
  std::vector<Place> line_places;  // one per line of `text`, in order

  // Bounds the text to what `markup_bytes` of input may expand to (see above).
  void SetBudget(std::size_t markup_bytes) {
    max_bytes_ = kExpansionFloorBytes + kMaxTextPerMarkupByte * markup_bytes;
    max_lines_ = kExpansionFloorLines + markup_bytes / kMarkupBytesPerLine;
  }
  // True once a line did not fit the budget; nothing is added after that.
  bool over_budget() const { return over_budget_; }
  // The place of the first line that did not fit.
  const Place& stopped_at() const { return stopped_at_; }

  // Appends `line` and a '\n', with `place` as its place. A line break inside `line`
  // ('\n', '\r') becomes a space, so that one call is always one line and the places
  // stay aligned with the lines.
  void AddLine(std::string_view line, const Place& place) {
    if (over_budget_ || text.size() + line.size() + 1 > max_bytes_ ||
        line_places.size() + 1 > max_lines_) {
      if (!over_budget_) stopped_at_ = place;
      over_budget_ = true;
      return;
    }
    for (char c : line) text += (c == '\n' || c == '\r') ? ' ' : c;
    text += '\n';
    line_places.push_back(place);
  }

  // Appends one table cell of a Word document (.docx, .doc) in the flattened-table shape of
  // fixtures/seeds/001_*.txt: its first paragraph as a tab-indented line, each further
  // non-empty paragraph after a blank line, untabbed (stacked leaders and lead units).
  // Empty trailing paragraphs are dropped so a cell is not padded with blank lines.
  void AddTableCell(std::vector<std::string> paragraphs, const Place& place) {
    while (paragraphs.size() > 1 && TrimSpace(paragraphs.back()).empty()) paragraphs.pop_back();
    AddLine("\t" + (paragraphs.empty() ? std::string() : paragraphs.front()), place);
    bool first_extra = true;
    for (std::size_t i = 1; i < paragraphs.size(); ++i) {
      if (TrimSpace(paragraphs[i]).empty()) continue;
      if (first_extra) AddLine("", place);
      first_extra = false;
      AddLine(paragraphs[i], place);
    }
  }

 private:
  std::size_t max_bytes_ = std::numeric_limits<std::size_t>::max();
  std::size_t max_lines_ = std::numeric_limits<std::size_t>::max();
  bool over_budget_ = false;
  Place stopped_at_;
};

// The error for a file whose text went over its budget: where it stopped, and the limit.
// `what` names the format ("Word 文档", "网页").
Error ExpansionError(const std::string& display_path, const ExtractedText& text,
                     std::string_view what, std::size_t markup_bytes);

// True when `markup` holds more than kMaxMarkupTags '<' characters.
bool TooManyTags(std::string_view markup);

}  // namespace plancheck::ingest
