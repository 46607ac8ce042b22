// What changed between two versions of a plan (`plancheck diff OLD NEW`): tasks added,
// removed, renumbered, moved, re-worded (with a similarity score), lead or cooperating
// units changed, and targets changed. Tasks are paired by their text first (identical
// statements), then by key terms (checks/parent_coverage.h), best pairs first.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace plancheck::engine {

struct TaskRef {
  std::string number;   // as written: "12."; empty for an unnumbered task
  std::string text;     // the statement
  std::string heading;  // the part and section titles above it, "一、… / （二）…"
  int line = 0;
};

struct Change {
  // added, removed, renumbered, moved, reworded, lead-changed, cooperating-changed,
  // target-added, target-removed, target-changed
  std::string kind;
  TaskRef old_task;  // empty for added
  TaskRef new_task;  // empty for removed
  int score = 0;     // reworded: similarity in percent
  std::string from;  // what it was: units "区发改委、区财政局", a heading, a target as written
  std::string to;    // what it is now
  std::string indicator;  // target-*: the indicator's name
};

struct DiffResult {
  std::string old_file;
  std::string new_file;
  std::size_t old_tasks = 0;
  std::size_t new_tasks = 0;
  std::vector<Change> changes;  // in the order of the new version, removals where they were
};

// Both documents parsed, their targets extracted. `min_similarity` (percent) is the least
// key-term similarity for two different statements to count as one task re-worded.
DiffResult DiffPlans(const model::Document& old_doc, const model::Document& new_doc,
                     int min_similarity = 50);

}  // namespace plancheck::engine
