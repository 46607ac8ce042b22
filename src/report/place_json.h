// The JSON object for a Place, shared by the JSON and SARIF reporters
// (docs/json-output.md, "place"): what kind of place, its numbers, and its label.
#pragma once

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"

namespace plancheck::report {

// {"kind": "paragraph", "paragraph": 12, "label": "段落 12"}   (plus "text" in JSON output)
// {"kind": "table", "table": 1, "row": 3, "column": 2, "label": "表 1 第 3 行 第 2 列"}
// {"kind": "page", "page": 2, "line": 14, "label": "第 2 页 第 14 行"}
// null for an empty place (plain text). Numbers that do not apply are 0.
inline nlohmann::ordered_json PlaceJson(const Place& place, bool english) {
  using nlohmann::ordered_json;
  if (place.empty()) return ordered_json(nullptr);
  ordered_json out;
  if (place.page > 0) {
    out["kind"] = "page";
    out["page"] = place.page;
    out["line"] = place.line;
  } else if (place.table > 0) {
    out["kind"] = "table";
    out["table"] = place.table;
    out["row"] = place.row;
    out["column"] = place.column;
  } else {
    out["kind"] = "paragraph";
    out["paragraph"] = place.paragraph;
  }
  out["label"] = PlaceLabel(place, english);
  return out;
}

}  // namespace plancheck::report
