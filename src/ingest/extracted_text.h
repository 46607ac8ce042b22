// ExtractedText: what a reader of a container format (.docx, web page, PDF) hands on,
// the text in the shapes the parser reads plus, for each of its lines, the place in the
// file a person finds it at (Place: paragraph, table cell, page line).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

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
};

}  // namespace plancheck::ingest
