// ExtractedText: what a reader of a container format (.docx, web page, PDF) hands on,
// the text in the shapes the parser reads plus, for each of its lines, the place in the
// file a person finds it at (Place: paragraph, table cell, page line).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/utf8.h"

namespace plancheck::ingest {

struct ExtractedText {
  std::string text;                // UTF-8, every line ended by '\n'
  std::vector<Place> line_places;  // one per line of `text`, in order

  // Appends `line` and a '\n', with `place` as its place. A line break inside `line`
  // ('\n', '\r') becomes a space, so that one call is always one line and the places
  // stay aligned with the lines.
  void AddLine(std::string_view line, const Place& place) {
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
};

}  // namespace plancheck::ingest
