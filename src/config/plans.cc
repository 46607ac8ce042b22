#include "config/plans.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "data/yaml.h"
#include "base/read_file.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "parse/targets.h"

namespace plancheck::config {
namespace {

namespace fs = std::filesystem;

// A sheet or table: a regular file of bounded size (a FIFO or /dev/zero is refused).
std::optional<std::string> ReadText(const std::string& path) {
  ReadResult read = ReadRegularFile(path, kMaxConfigFileBytes);
  if (read.status != ReadStatus::kOk) return std::nullopt;
  return std::move(read.bytes);
}

std::string ScalarOr(const YAML::Node& node, const char* key, const std::string& file,
                     ErrorList& errors) {
  const YAML::Node value = node[key];
  if (!value.IsDefined() || value.IsNull()) return "";
  if (!value.IsScalar()) {
    errors.Add(file, data::YamlPosition(value), std::string("'") + key + "' must be a string");
    return "";
  }
  return value.Scalar();
}

bool IsSheetPath(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml";
}

void CheckKeys(const YAML::Node& node, const std::set<std::string>& keys,
               const std::string& what, const std::string& file, ErrorList& errors) {
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    if (!keys.contains(key)) {
      errors.Add(file, data::YamlPosition(item.first), "unknown " + what + " key '" + key + "'");
    }
  }
}

}  // namespace

std::optional<model::PlanTargets> LoadTargetsSheetFromString(const std::string& yaml,
                                                             const std::string& file,
                                                             const data::IndicatorDictionary& dict,
                                                             ErrorList& errors) {
  const std::optional<YAML::Node> loaded = data::LoadYaml(yaml, file, errors);
  if (!loaded) return std::nullopt;
  const YAML::Node& root = *loaded;
  try {
    if (!root.IsMap() || !root["plan"].IsMap()) {
      errors.Add(file, data::YamlPosition(root), "a targets sheet needs a 'plan:' mapping");
      return std::nullopt;
    }
    CheckKeys(root, {"plan", "targets"}, "sheet", file, errors);
    const YAML::Node plan = root["plan"];
    CheckKeys(plan, {"title", "level", "region", "year", "parent", "source"}, "plan", file,
              errors);
    model::PlanTargets out;
    out.info.file = file;
    out.info.title = ScalarOr(plan, "title", file, errors);
    out.info.level = ScalarOr(plan, "level", file, errors);
    static const std::set<std::string> kLevels = {"national", "province", "district"};
    if (!kLevels.contains(out.info.level)) {
      errors.Add(file, data::YamlPosition(plan["level"].IsDefined() ? plan["level"] : plan),
                 "'level' must be national, province or district");
    }
    out.info.region = ScalarOr(plan, "region", file, errors);
    int year = 0;
    if (const YAML::Node y = plan["year"];
        !y.IsDefined() || !y.IsScalar() || !YAML::convert<int>::decode(y, year) || year < 1900) {
      errors.Add(file, data::YamlPosition(y.IsDefined() ? y : plan), "'year' must be a year such as 2023");
    } else {
      out.info.year = year;
    }
    const std::string plan_source = ScalarOr(plan, "source", file, errors);
    const YAML::Node targets = root["targets"];
    if (!targets.IsDefined() || !targets.IsSequence()) {
      errors.Add(file, data::YamlPosition(root), "a targets sheet needs a 'targets:' list");
      return out;
    }
    for (const YAML::Node& entry : targets) {
      if (!entry.IsMap() || !entry["text"].IsScalar()) {
        errors.Add(file, data::YamlPosition(entry), "a target needs 'text:', e.g. 地区生产总值增长6%以上");
        continue;
      }
      CheckKeys(entry, {"text", "source", "note"}, "target", file, errors);
      const std::string text = entry["text"].Scalar();
      parse::StatementContext context;
      context.plan_year = year;
      std::vector<model::Target> found = parse::ExtractFromText(text, dict, context);
      const bool any_known = std::any_of(found.begin(), found.end(), [](const model::Target& t) {
        return !t.indicator_id.empty();
      });
      if (!any_known) {
        errors.Add(file, data::YamlPosition(entry["text"]),
                   "no known indicator in '" + text + "' (see rules/indicators.yaml)");
        continue;
      }
      for (model::Target& t : found) {
        if (t.indicator_id.empty()) continue;
        t.span = {};
        t.start = data::YamlPosition(entry["text"]);
        t.end = t.start;
        t.source = ScalarOr(entry, "source", file, errors);
        if (t.source.empty()) t.source = plan_source;
        t.note = ScalarOr(entry, "note", file, errors);
        out.targets.push_back(std::move(t));
      }
    }
    return out;
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "invalid targets sheet: " + e.msg);
    return std::nullopt;
  }
}

std::optional<model::PlanTargets> LoadTargetsSheet(const std::string& path,
                                                   const data::IndicatorDictionary& dict,
                                                   ErrorList& errors) {
  const std::optional<std::string> text = ReadText(path);
  if (!text) {
    errors.Add(path, {}, "cannot read the targets sheet");
    return std::nullopt;
  }
  return LoadTargetsSheetFromString(*text, path, dict, errors);
}

std::vector<model::PlanTask> TasksOf(const model::Document& doc) {
  std::vector<model::PlanTask> tasks;
  for (const model::Part& part : doc.parts) {
    for (const model::Section& section : part.sections) {
      for (const model::Task& task : section.tasks) {
        model::PlanTask t;
        t.number = task.number.value ? std::to_string(*task.number.value) : task.number.text;
        t.text = task.text;
        t.start = task.text_loc.start;
        for (const model::Located& u : task.lead_units) t.units.push_back(u.text);
        for (const model::Located& u : task.cooperating_units) t.units.push_back(u.text);
        tasks.push_back(std::move(t));
      }
    }
  }
  return tasks;
}

model::PlanTargets PlanOfDocument(const model::Document& doc) {
  model::PlanTargets plan;
  plan.info = parse::PlanInfoOf(doc);
  plan.targets = doc.targets;
  plan.tasks = TasksOf(doc);
  return plan;
}

std::optional<model::PlanTargets> LoadPlanFile(const std::string& path,
                                               const std::string& display_path,
                                               const data::IndicatorDictionary& dict,
                                               ErrorList& errors) {
  if (IsSheetPath(path)) {
    std::optional<model::PlanTargets> plan = LoadTargetsSheet(path, dict, errors);
    if (plan) plan->info.file = display_path;
    return plan;
  }
  Result<model::Document> doc = ingest::LoadDocument({path, display_path});
  if (!doc) {
    errors.Add(doc.error());
    return std::nullopt;
  }
  parse::ParseDocument(*doc);
  parse::ExtractTargets(*doc, dict);
  return PlanOfDocument(*doc);
}

const model::PlanTargets* PlanSet::Add(model::PlanTargets plan) {
  plans_.push_back(std::make_unique<model::PlanTargets>(std::move(plan)));
  return plans_.back().get();
}

void PlanSet::AddSheets(const std::string& directory, const data::IndicatorDictionary& dict,
                        ErrorList& errors) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) return;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.is_regular_file() && IsSheetPath(entry.path().string())) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    if (std::optional<model::PlanTargets> plan = LoadTargetsSheet(file, dict, errors)) {
      Add(std::move(*plan));
    }
  }
}

const model::PlanTargets* PlanSet::FindFile(const std::string& file) const {
  for (const auto& plan : plans_) {
    if (plan->info.file == file) return plan.get();
  }
  return nullptr;
}

ParentChoice PlanSet::Infer(const model::PlanInfo& child, const data::RegionTable& regions) const {
  if (!child.year) return {nullptr, "no parent: the plan year is unknown"};
  if (child.region.empty()) return {nullptr, "no parent: the region is unknown"};
  if (child.region == "全国") return {nullptr, "no parent: a national plan has none"};
  // The region directly containing the plan's: a district's city (or municipality), a
  // city's province, a province's 全国. A plan further up is no parent: a district's GDP
  // growth below the national figure is no defect.
  const std::vector<std::string> chain = regions.Ancestors(child.region, child.within);
  if (chain.empty()) return {nullptr, "no parent: the region containing " + child.region + " is unknown"};
  const std::string& region = chain.front();
  for (const bool sheets : {false, true}) {
    for (const auto& plan : plans_) {
      if (plan->info.file == child.file || IsSheetPath(plan->info.file) != sheets) continue;
      if (plan->info.year != child.year || plan->info.region != region) continue;
      return {plan.get(), "inferred: same year " + std::to_string(*child.year) + ", " + region +
                              " (" + model::AdminLevelName(regions.LevelOf(region, "")) +
                              ") contains " + child.region};
    }
  }
  return {nullptr, "no parent: no plan for " + std::to_string(*child.year) + " of " + region +
                       ", the region containing " + child.region};
}

namespace {

// Two paths name the same file (symlinks and "./" resolved when the files exist).
bool SamePath(const std::string& a, const std::string& b) {
  std::error_code ec;
  const fs::path pa = fs::weakly_canonical(fs::absolute(a), ec);
  const fs::path pb = fs::weakly_canonical(fs::absolute(b), ec);
  return pa == pb;
}

}  // namespace

model::PlanInfo TargetSetup::InfoOf(const model::Document& doc) const {
  model::PlanInfo info = parse::PlanInfoOf(doc);
  model::Metadata metadata = doc.metadata;
  if (metadata.region.empty()) metadata.region = info.region;
  regions.Resolve(metadata);
  info.region = metadata.region;
  if (metadata.level != model::AdminLevel::kUnknown) {
    info.level = model::AdminLevelName(metadata.level);
  }
  return info;
}

ParentChoice TargetSetup::ParentOf(const model::Document& doc) const {
  return ParentOf(InfoOf(doc), doc.path);
}

ParentChoice TargetSetup::ParentOf(model::PlanInfo info, const std::string& path) const {
  if (explicit_parent != nullptr) {
    return {explicit_parent, "--parent " + explicit_parent->info.file};
  }
  for (const Config::PlanEntry& entry : entries) {
    if (!SamePath(entry.file, path)) continue;
    if (!entry.level.empty()) info.level = entry.level;
    if (!entry.region.empty()) info.region = entry.region;
    if (entry.year) info.year = entry.year;
    if (!entry.parent.empty()) {
      for (const auto& plan : plans.plans()) {
        if (SamePath(plan->info.file, entry.parent)) {
          return {plan.get(), ".plancheck.yaml: parent " + plan->info.file};
        }
      }
      return {nullptr, ".plancheck.yaml: parent " + entry.parent + " could not be read"};
    }
    break;
  }
  return plans.Infer(info, regions);
}

std::unique_ptr<TargetSetup> LoadTargetSetup(const std::string& rules_dir,
                                             const std::optional<std::string>& parent_file,
                                             const std::vector<Config::PlanEntry>& entries,
                                             ErrorList& errors) {
  auto setup = std::make_unique<TargetSetup>();
  setup->indicators = data::LoadIndicatorDictionary(rules_dir + "/indicators.yaml", errors);
  setup->regions = data::LoadRegions(rules_dir + "/regions.yaml", errors);
  setup->plans.AddSheets(rules_dir + "/plans", setup->indicators, errors);
  setup->entries = entries;
  if (parent_file) {
    if (auto plan = LoadPlanFile(*parent_file, *parent_file, setup->indicators, errors)) {
      setup->explicit_parent = setup->plans.Add(std::move(*plan));
    }
  }
  for (const Config::PlanEntry& entry : entries) {
    if (entry.parent.empty()) continue;
    bool known = false;
    for (const auto& plan : setup->plans.plans()) known = known || SamePath(plan->info.file, entry.parent);
    if (known) continue;
    if (auto plan = LoadPlanFile(entry.parent, entry.parent, setup->indicators, errors)) {
      setup->plans.Add(std::move(*plan));
    }
  }
  return setup;
}

}  // namespace plancheck::config
