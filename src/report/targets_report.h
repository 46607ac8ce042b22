// The `plancheck targets` output: extracted targets and their comparison with the parent
// plan, as text, JSON or CSV, so a person can check what the extractor read.
//
// Pure functions over model::PlanTargets and data::ParentMatch (no I/O); the future
// `plancheck audit` report reuses TargetsToJson. JSON keys (stable): file, plan {level,
// region, year, parent, parent_reason}, targets[] {line, column, task, indicator,
// indicator_text, kind, comparable, binding, qualitative, change, comparator,
// comparator_text, value, unit, period {kind, year, plan, text}, aspirational, sub_area,
// text, parent {file, line, text, verdict, reason}}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/target.h"
#include "data/indicators.h"
#include "data/target_compare.h"

namespace plancheck::report {

// One document (or sheet) with its parent choice.
struct TargetListing {
  model::PlanTargets plan;
  const model::PlanTargets* parent = nullptr;  // borrowed; may be null
  std::string parent_reason;
};

nlohmann::ordered_json TargetsToJson(const TargetListing& listing,
                                     const data::IndicatorDictionary& dict);
// One line per target: "file:line:col  task  indicator  change comparator value unit
// period  [verdict vs parent]  text".
std::string TargetsToText(const TargetListing& listing, const data::IndicatorDictionary& dict);
// RFC 4180 rows; `header` adds the column names first.
std::string TargetsToCsv(const TargetListing& listing, const data::IndicatorDictionary& dict,
                         bool header);

}  // namespace plancheck::report
