// Plans and parents: targets sheets, the region table, and choosing a document's parent
// plan for the target checks (targets.weaker-than-parent, targets.missing-binding).
//
// A parent is a decomposition document (seed 004 is the parent of 000) or a targets
// sheet: a small YAML file for a work report that is not itself a decomposition
// (rules/plans/*.yaml, format in rules/plans/README.md). The parent of a document is, in
// order: the --parent file; the `parent:` of its `plans:` entry in .plancheck.yaml; or
// inferred: the same year, the nearest region containing the document's region
// (rules/regions.yaml), a document of the run before a sheet. Every choice carries its reason, for `plancheck parse` and
// `plancheck targets`.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "config/config.h"
#include "data/regions.h"
#include "model/document.h"
#include "model/target.h"
#include "data/indicators.h"

namespace plancheck::config {

// Reads a targets sheet; each `targets:` entry's text goes through the extractor, so a
// sheet says "地区生产总值增长6%以上" exactly as a document would. Errors are located in
// the YAML; nullopt when the file cannot be read or has no `plan:` mapping.
std::optional<model::PlanTargets> LoadTargetsSheet(const std::string& path,
                                                   const data::IndicatorDictionary& dict,
                                                   ErrorList& errors);
std::optional<model::PlanTargets> LoadTargetsSheetFromString(const std::string& yaml,
                                                             const std::string& file,
                                                             const data::IndicatorDictionary& dict,
                                                             ErrorList& errors);

// A plan from a file: a sheet when it ends in .yaml / .yml, else a document read, parsed
// and extracted. `display_path` names it in findings.
std::optional<model::PlanTargets> LoadPlanFile(const std::string& path,
                                               const std::string& display_path,
                                               const data::IndicatorDictionary& dict,
                                               ErrorList& errors);

// The targets, tasks and plan facts of a parsed document whose targets are extracted.
model::PlanTargets PlanOfDocument(const model::Document& doc);
// Every task of a parsed document, in order, as a parent plan keeps them.
std::vector<model::PlanTask> TasksOf(const model::Document& doc);

struct ParentChoice {
  const model::PlanTargets* parent = nullptr;  // borrowed from the PlanSet
  std::string reason;  // "--parent", ".plancheck.yaml", "inferred: …", or why there is none
};

// The plans a run knows: sheets, --parent files, config entries. Owns them.
class PlanSet {
 public:
  // Adds a plan; returns it (stable address).
  const model::PlanTargets* Add(model::PlanTargets plan);
  // Loads every *.yaml sheet in `directory` (sorted); a missing directory is no error.
  void AddSheets(const std::string& directory, const data::IndicatorDictionary& dict,
                 ErrorList& errors);
  // The plan whose file is `file` (as added); nullptr when none.
  const model::PlanTargets* FindFile(const std::string& file) const;
  const std::vector<std::unique_ptr<model::PlanTargets>>& plans() const { return plans_; }

  // The inferred parent of a plan: the same year, the region directly containing the
  // plan's (the first of data::RegionTable::Ancestors). A document (of the run, --parent,
  // a `plans:` entry) is preferred over a sheet, then the first added.
  ParentChoice Infer(const model::PlanInfo& child, const data::RegionTable& regions) const;

 private:
  std::vector<std::unique_ptr<model::PlanTargets>> plans_;
};

// Everything the target checks need for one run: the dictionary, the region table and
// the plans that may be parents (sheets in <rules>/plans/, the --parent file, the parents
// named by `plans:` entries). Read-only once loaded, so ParentOf is safe on worker threads.
struct TargetSetup {
  data::IndicatorDictionary indicators;
  data::RegionTable regions;
  PlanSet plans;
  const model::PlanTargets* explicit_parent = nullptr;  // from --parent
  std::vector<Config::PlanEntry> entries;               // .plancheck.yaml `plans:`

  // The parent of a document whose targets are extracted, with the reason: --parent,
  // else its `plans:` entry's parent, else inferred (the entry's level, region and year
  // override what the document says).
  ParentChoice ParentOf(const model::Document& doc) const;
  // The plan facts of a document as the region table completes them: the level the
  // table gives its region, the region its document number names when the text names none.
  model::PlanInfo InfoOf(const model::Document& doc) const;
  ParentChoice ParentOf(model::PlanInfo info, const std::string& path) const;
};

// Loads <rules_dir>/indicators.yaml, <rules_dir>/regions.yaml, the sheets in
// <rules_dir>/plans/, `parent_file` and every parent of `entries`. Errors are located;
// what loaded is kept.
std::unique_ptr<TargetSetup> LoadTargetSetup(const std::string& rules_dir,
                                             const std::optional<std::string>& parent_file,
                                             const std::vector<Config::PlanEntry>& entries,
                                             ErrorList& errors);

}  // namespace plancheck::config
