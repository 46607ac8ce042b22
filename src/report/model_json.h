// The `plancheck parse` output: a Document's model as JSON or as an indented outline.
//
// JSON keys are stable (docs/parse-json.md): path, metadata, declared_task_count,
// outline.parts[].sections[].tasks[], and per task number, line, column, text,
// lead_units, cooperating_units, ...; for a .docx, web page or PDF each located node also
// has a "place" (report/place_json.h), as lint's JSON does.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/document.h"

namespace plancheck::report {

// `english` selects the language of each place's "label" (Chinese when false); a plain-text
// document has no places, so its output is the same either way.
nlohmann::ordered_json DocumentToJson(const model::Document& doc, bool english = false);
// A human-readable outline, one node a line.
std::string DocumentToText(const model::Document& doc);

}  // namespace plancheck::report
