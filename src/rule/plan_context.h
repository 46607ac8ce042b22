// PlanContext: what the target checks see beyond the node's own document — the indicator
// dictionary and the parent plan's targets (issue 5).
//
// The engine builds one per document from engine::LintOptions and points every NodeRef at
// it; checks that need neither ignore it. Everything is borrowed and outlives the run.
#pragma once

#include "model/target.h"
#include "data/indicators.h"

namespace plancheck::rule {

struct PlanContext {
  const data::IndicatorDictionary* indicators = nullptr;  // null: targets were not extracted
  const model::PlanTargets* parent = nullptr;              // null: no parent plan chosen
};

}  // namespace plancheck::rule
