// `plancheck units PATH...`: every unit name a corpus uses, how often, and which registry
// entry it matched; `--suggest-registry` drafts a registry for a region from the corpus.
#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>

#include "base/utf8.h"
#include "data/unit_registry_loader.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "config/rule_pack.h"
#include "engine/setup.h"
#include "ingest/ingest.h"
#include "data/unit_registry.h"
#include "parse/parser.h"

namespace plancheck::cli {
namespace {

// One distinct spelling across the corpus.
struct NameUse {
  std::string name;  // cleaned (data::CleanUnitName)
  int count = 0;
  data::UnitMatch match;  // against the registries of the first document using it
  std::vector<std::string> suggestions;
  std::set<std::string> files;
  std::set<std::string> regions;  // metadata.region of the documents using it
  std::set<std::string> levels;
};

std::string Pad(const std::string& text, int cells) {
  const int width = DisplayWidth(text);
  return text + std::string(static_cast<std::size_t>(std::max(0, cells - width)), ' ');
}

// Draft YAML for the names no registry knows (well-formed ones included: a new region's
// registry lists them): the most used spelling of each group of likely slips becomes the
// name, the others are listed for a person to judge.
void WriteDraftRegistry(const std::vector<NameUse>& uses, std::ostream& out) {
  std::vector<const NameUse*> unknown;
  std::set<std::string> regions;
  std::set<std::string> levels;
  std::size_t with_district_prefix = 0;
  for (const NameUse& use : uses) {
    if (use.match.known() && use.match.kind != data::UnitMatchKind::kWellFormed) continue;
    unknown.push_back(&use);
    regions.insert(use.regions.begin(), use.regions.end());
    levels.insert(use.levels.begin(), use.levels.end());
    if (use.name.rfind("区", 0) == 0) ++with_district_prefix;
  }
  // Most used first, so a group's head is its majority spelling.
  std::stable_sort(unknown.begin(), unknown.end(),
                   [](const NameUse* a, const NameUse* b) { return a->count > b->count; });
  std::vector<bool> taken(unknown.size(), false);
  out << "# Draft unit registry written by `plancheck units --suggest-registry` from the names\n"
         "# no registry knows. Review every entry: keep real units under their usual short name,\n"
         "# turn other spellings into aliases or delete them as slips, then save the file as\n"
         "# rules/units/<region>.yaml.\n";
  out << "registry: draft\n";
  out << "description: 待审核的单位名录草稿\n";
  levels.erase("unknown");
  out << "level: " << (levels.size() == 1 ? *levels.begin() : std::string("any")) << '\n';
  regions.erase("");
  out << "regions: [";
  bool first = true;
  for (const std::string& region : regions) {
    out << (first ? "" : ", ") << region;
    first = false;
  }
  out << "]\n";
  if (with_district_prefix * 2 > unknown.size()) out << "omissible_prefix: 区\n";
  out << "units:\n";
  for (std::size_t i = 0; i < unknown.size(); ++i) {
    if (taken[i]) continue;
    taken[i] = true;
    std::string others;
    for (std::size_t j = i + 1; j < unknown.size(); ++j) {
      if (taken[j] || !data::IsLikelySlip(unknown[i]->name, unknown[j]->name)) continue;
      taken[j] = true;
      others += (others.empty() ? "" : ", ") + unknown[j]->name + " (" +
                std::to_string(unknown[j]->count) + ")";
    }
    out << "  - {name: " << unknown[i]->name << "}  # " << unknown[i]->count;
    if (!others.empty()) out << "; also written " << others << ": alias or slip?";
    out << '\n';
  }
}

}  // namespace

int RunUnits(const UnitsCommand& command, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  const std::string registry_path =
      command.registries ? *command.registries : config::RulesDir() + "/units";
  // The department stems beside the registries (rules/units/patterns/departments.yaml),
  // when there are any: names they recognize are listed as well-formed.
  const std::string stems_path = registry_path + "/patterns/departments.yaml";
  std::error_code ec;
  std::shared_ptr<const data::DepartmentStems> stems;
  if (std::filesystem::is_regular_file(stems_path, ec)) {
    stems = data::LoadDepartmentStems(stems_path, errors);
  }
  const data::UnitRegistrySet registries(data::LoadUnitRegistries(registry_path, errors),
                                           stems);
  if (!errors.empty()) {
    err << errors.ToString();
    return kExitError;
  }
  const std::vector<ingest::InputFile> inputs = ingest::CollectInputs(command.paths, errors);
  std::map<std::string, NameUse> by_name;
  for (const ingest::InputFile& input : inputs) {
    Result<model::Document> doc = engine::ReadDocument(input, nullptr);
    if (!doc) {
      errors.Add(doc.error());
      continue;
    }
    const auto directory = registries.For(doc->metadata);
    for (const model::Task* task : doc->AllTasks()) {
      for (const auto* units : {&task->lead_units, &task->cooperating_units}) {
        for (const model::Located& unit : *units) {
          const std::string name = data::CleanUnitName(unit.text);
          if (name.empty()) continue;
          NameUse& use = by_name[name];
          if (use.count++ == 0) {
            use.name = name;
            use.match = directory->Lookup(name);
            if (!use.match.known()) use.suggestions = directory->Suggest(name);
          }
          use.files.insert(doc->path);
          use.regions.insert(doc->metadata.region);
          use.levels.insert(model::AdminLevelName(doc->metadata.level));
        }
      }
    }
  }
  std::vector<NameUse> uses;
  for (auto& [name, use] : by_name) uses.push_back(std::move(use));
  std::stable_sort(uses.begin(), uses.end(), [](const NameUse& a, const NameUse& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });

  if (command.suggest_registry) {
    WriteDraftRegistry(uses, out);
  } else if (command.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const NameUse& use : uses) {
      list.push_back({{"name", use.name},
                      {"count", use.count},
                      {"match", data::UnitMatchKindName(use.match.kind)},
                      {"canonical", use.match.canonical},
                      {"registry", use.match.registry},
                      {"suggestions", use.suggestions},
                      {"files", use.files}});
    }
    out << list.dump(2) << '\n';
  } else {
    int name_cells = 4;
    for (const NameUse& use : uses) name_cells = std::max(name_cells, DisplayWidth(use.name));
    std::size_t unknown = 0;
    for (const NameUse& use : uses) {
      std::ostringstream line;
      line << (use.count < 10     ? "   "
               : use.count < 100  ? "  "
               : use.count < 1000 ? " "
                                  : "")
           << use.count << "  " << Pad(use.name, name_cells) << "  "
           << Pad(data::UnitMatchKindName(use.match.kind), 14);
      if (use.match.known()) {
        line << use.match.registry;
        if (use.match.canonical != use.name) line << "  → " << use.match.canonical;
      } else {
        ++unknown;
        if (!use.suggestions.empty()) line << "是否应为“" << use.suggestions.front() << "”？";
      }
      out << line.str() << '\n';
    }
    out << uses.size() << " names, " << unknown << " in no registry ("
        << registries.registries().size() << " registries, " << registries.All()->unit_count()
        << " units)\n";
  }
  err << errors.ToString();
  return errors.empty() ? kExitOk : kExitError;
}

}  // namespace plancheck::cli
