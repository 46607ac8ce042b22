// Plans of one run as a system: where each plan sits (region, level, year) and which
// documents of the run are the parents of others, so that a folder holding 重庆市 2021 and
// 梁平区 2021 links them by itself (lint, audit and `plancheck plans` share this).
#pragma once

#include <string>
#include <vector>

#include "base/error_list.h"
#include "config/plans.h"
#include "ingest/ingest.h"
#include "model/target.h"

namespace plancheck::engine {

// Where one input of the run sits, read from its head only (parse::ParseHead) and completed
// by the region table (TargetSetup::InfoOf).
struct RunPlan {
  model::PlanInfo info;  // info.file is the display path
  bool ok = true;        // false when the file could not be read (lint reports it)
  std::string region_from;  // where the region and year were read (Metadata::region_from)
  std::string year_from;
};

// Reads the head of every input on `jobs` threads (0 = all cores), in input order.
std::vector<RunPlan> ReadRunPlans(const std::vector<ingest::InputFile>& inputs,
                                  const config::TargetSetup& setup, unsigned jobs);

// Adds to setup.plans, parsed whole with their targets, the inputs whose region contains
// another input's region in the same year (the parents found among the documents of the
// run). Returns how many were added; a file that cannot be read again is skipped (lint
// reports it).
std::size_t AddRunParents(const std::vector<ingest::InputFile>& inputs,
                          const std::vector<RunPlan>& plans, config::TargetSetup& setup);

}  // namespace plancheck::engine
