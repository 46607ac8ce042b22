// The `plancheck parse` output: a Document's model as JSON or as an indented outline.
//
// JSON keys are stable (docs/parse-json.md): path, metadata, declared_task_count,
// outline.parts[].sections[].tasks[], and per task number, line, column, text,
// lead_units, cooperating_units, ...
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/document.h"

namespace plancheck::report {

nlohmann::ordered_json DocumentToJson(const model::Document& doc);
// A human-readable outline, one node a line.
std::string DocumentToText(const model::Document& doc);

}  // namespace plancheck::report
