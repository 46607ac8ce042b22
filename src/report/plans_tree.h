// `plancheck plans`: the tree of plans a run's documents form, as text and JSON.
#pragma once

#include <string>
#include <vector>

namespace plancheck::report {

struct PlanNode {
  std::string file;    // display path
  std::string region;  // 梁平区; empty when not read
  std::string within;  // 重庆市 when named with it
  std::string level;   // national, province, city, county, district; empty when unknown
  int year = 0;        // 0 when not read
  std::string region_from;  // where the region was read (issuer, notice-title, ...)
  std::string year_from;
  bool readable = true;
  // The parent among the nodes (index), -1 when the parent is outside the run (a sheet)
  // or there is none; `parent_file` names a sheet parent; `reason` says why, either way.
  int parent = -1;
  std::string parent_file;
  std::string reason;
};

// Roots (plans whose parent is not among the nodes) with their children indented below,
// in input order; then the plans with no parent at all and why.
std::string PlansToText(const std::vector<PlanNode>& nodes, const std::string& language);
std::string PlansToJson(const std::vector<PlanNode>& nodes);

}  // namespace plancheck::report
