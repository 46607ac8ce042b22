#include "config/plans.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/read_file.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "parse/targets.h"

namespace plancheck::config {
namespace {

namespace fs = std::filesystem;

Position MarkOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

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
    errors.Add(file, MarkOf(value), std::string("'") + key + "' must be a string");
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
      errors.Add(file, MarkOf(item.first), "unknown " + what + " key '" + key + "'");
    }
  }
}

}  // namespace

std::optional<model::PlanTargets> LoadTargetsSheetFromString(const std::string& yaml,
                                                             const std::string& file,
                                                             const data::IndicatorDictionary& dict,
                                                             ErrorList& errors) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
  try {
    if (!root.IsMap() || !root["plan"].IsMap()) {
      errors.Add(file, MarkOf(root), "a targets sheet needs a 'plan:' mapping");
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
      errors.Add(file, MarkOf(plan["level"].IsDefined() ? plan["level"] : plan),
                 "'level' must be national, province or district");
    }
    out.info.region = ScalarOr(plan, "region", file, errors);
    int year = 0;
    if (const YAML::Node y = plan["year"];
        !y.IsDefined() || !y.IsScalar() || !YAML::convert<int>::decode(y, year) || year < 1900) {
      errors.Add(file, MarkOf(y.IsDefined() ? y : plan), "'year' must be a year such as 2023");
    } else {
      out.info.year = year;
    }
    const std::string plan_source = ScalarOr(plan, "source", file, errors);
    const YAML::Node targets = root["targets"];
    if (!targets.IsDefined() || !targets.IsSequence()) {
      errors.Add(file, MarkOf(root), "a targets sheet needs a 'targets:' list");
      return out;
    }
    for (const YAML::Node& entry : targets) {
      if (!entry.IsMap() || !entry["text"].IsScalar()) {
        errors.Add(file, MarkOf(entry), "a target needs 'text:', e.g. 地区生产总值增长6%以上");
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
        errors.Add(file, MarkOf(entry["text"]),
                   "no known indicator in '" + text + "' (see rules/indicators.yaml)");
        continue;
      }
      for (model::Target& t : found) {
        if (t.indicator_id.empty()) continue;
        t.span = {};
        t.start = MarkOf(entry["text"]);
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

model::PlanTargets PlanOfDocument(const model::Document& doc) {
  model::PlanTargets plan;
  plan.info = parse::PlanInfoOf(doc);
  plan.targets = doc.targets;
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

std::string RegionTable::ParentOf(const std::string& region) const {
  auto it = parent_.find(region);
  return it == parent_.end() ? "" : it->second;
}

bool RegionTable::Contains(const std::string& outer, const std::string& inner) const {
  if (outer.empty() || inner.empty()) return false;
  if (outer == "全国") return inner != "全国";
  std::string current = inner;
  for (int depth = 0; depth < 8; ++depth) {
    current = ParentOf(current);
    if (current.empty()) return false;
    if (current == outer) return true;
  }
  return false;
}

RegionTable LoadRegionsFromString(const std::string& yaml, const std::string& file,
                                  ErrorList& errors) {
  RegionTable table;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg);
    return table;
  }
  try {
    const YAML::Node list = root.IsMap() ? root["regions"] : YAML::Node();
    if (!list.IsDefined() || !list.IsSequence()) {
      errors.Add(file, MarkOf(root), "expected a mapping with a 'regions:' list");
      return table;
    }
    for (const YAML::Node& entry : list) {
      if (!entry.IsMap() || !entry["name"].IsScalar()) {
        errors.Add(file, MarkOf(entry), "a region needs 'name:'");
        continue;
      }
      CheckKeys(entry, {"name", "level", "parent", "contains"}, "region", file, errors);
      const std::string name = entry["name"].Scalar();
      if (const std::string parent = ScalarOr(entry, "parent", file, errors); !parent.empty()) {
        table.Add(name, parent);
      }
      if (const YAML::Node contains = entry["contains"]; contains.IsDefined()) {
        if (!contains.IsSequence()) {
          errors.Add(file, MarkOf(contains), "'contains' must be a list of region names");
          continue;
        }
        for (const YAML::Node& child : contains) {
          if (child.IsScalar()) table.Add(child.Scalar(), name);
        }
      }
    }
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "invalid region table: " + e.msg);
  }
  return table;
}

RegionTable LoadRegions(const std::string& path, ErrorList& errors) {
  const std::optional<std::string> text = ReadText(path);
  if (!text) {
    errors.Add(path, {}, "cannot read the region table");
    return {};
  }
  return LoadRegionsFromString(*text, path, errors);
}

std::string LevelAbove(const std::string& level) {
  if (level == "district") return "province";
  if (level == "province") return "national";
  return "";
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

ParentChoice PlanSet::Infer(const model::PlanInfo& child, const RegionTable& regions) const {
  if (!child.year) return {nullptr, "no parent: the plan year is unknown"};
  const std::string level = LevelAbove(child.level);
  if (level.empty()) return {nullptr, "no parent: the administrative level is unknown"};
  const model::PlanTargets* best = nullptr;
  for (const auto& plan : plans_) {
    if (plan->info.file == child.file) continue;
    if (plan->info.year != child.year || plan->info.level != level) continue;
    if (!regions.Contains(plan->info.region, child.region)) continue;
    const bool is_sheet = IsSheetPath(plan->info.file);
    if (best == nullptr || (IsSheetPath(best->info.file) && !is_sheet)) best = plan.get();
  }
  if (best == nullptr) {
    return {nullptr, "no parent: no " + level + " plan for " + std::to_string(*child.year) +
                         " containing " + (child.region.empty() ? "?" : child.region)};
  }
  return {best, "inferred: same year " + std::to_string(*child.year) + ", " + best->info.region +
                    " (" + level + ") contains " + child.region};
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

ParentChoice TargetSetup::ParentOf(const model::Document& doc) const {
  return ParentOf(parse::PlanInfoOf(doc), doc.path);
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
  setup->regions = LoadRegions(rules_dir + "/regions.yaml", errors);
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
