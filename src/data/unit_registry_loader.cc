#include "data/unit_registry_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "base/line_index.h"
#include "base/read_file.h"

namespace plancheck::data {
namespace fs = std::filesystem;
namespace {

// Adds each error of `local` to `errors` unless an identical one is there already: two
// rules naming the same registries must not repeat every mistake in them.
void AppendNew(const ErrorList& local, ErrorList& errors) {
  for (const Error& error : local.errors()) {
    const bool seen =
        std::any_of(errors.errors().begin(), errors.errors().end(), [&](const Error& e) {
          return e.file == error.file && e.position == error.position && e.message == error.message;
        });
    if (!seen) errors.Add(error);
  }
}

// What the two readers of this file share: the file's name and lines (errors are located
// in code points), and reading lists and scalars with located errors.
class YamlReader {
 public:
  YamlReader(std::string file, const std::string& text, ErrorList& errors)
      : file_(std::move(file)), lines_(text), errors_(errors) {}

 protected:
  void Fail(const YAML::Node& node, std::string message) {
    errors_.Add(file_, Where(node), std::move(message));
  }

  // yaml-cpp marks count bytes; our columns count code points (registries are Chinese).
  Position Where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.pos < 0) return {};
    return lines_.PositionOf(static_cast<std::size_t>(mark.pos));
  }

  std::string Scalar(const YAML::Node& map, const char* key) {
    const YAML::Node value = map[key];
    if (!value.IsDefined() || value.IsNull()) return "";
    if (!value.IsScalar()) {
      Fail(value, std::string("'") + key + "' must be a string");
      return "";
    }
    return value.Scalar();
  }

  std::vector<std::string> List(const YAML::Node& map, const char* key) {
    const YAML::Node value = map[key];
    std::vector<std::string> out;
    if (!value.IsDefined() || value.IsNull()) return out;
    if (!value.IsSequence()) {
      Fail(value, std::string("'") + key + "' must be a list of strings");
      return out;
    }
    for (const YAML::Node& item : value) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        Fail(item, std::string("items of '") + key + "' must be non-empty strings");
        continue;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  // Records `spelling` at `node` in `seen`; false (and an error naming the first place)
  // when it is there already.
  bool Claim(std::map<std::string, Position>& seen, const std::string& what,
             const std::string& spelling, const YAML::Node& node) {
    auto [it, inserted] = seen.emplace(spelling, Where(node));
    if (!inserted) {
      Fail(node, what + "'" + spelling + "' is listed twice (first at line " +
                     std::to_string(it->second.line) + ")");
    }
    return inserted;
  }

  std::string file_;

 private:
  LineIndex lines_;
  ErrorList& errors_;
};

class RegistryReader : public YamlReader {
 public:
  using YamlReader::YamlReader;

  std::shared_ptr<const UnitRegistry> Read(const YAML::Node& root) {
    if (!root.IsMap()) {
      Fail(root, "a unit registry must be a mapping with 'registry', 'level', 'units', ...");
      return nullptr;
    }
    static const std::set<std::string> kKeys = {
        "registry", "description",      "level",
        "regions",  "omissible_prefix", "units",
        "patterns", "collectives",      "collective_patterns"};
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      if (kKeys.count(key) == 0) Fail(entry.first, "unknown key '" + key + "' in unit registry");
    }
    auto registry = std::make_shared<UnitRegistry>();
    registry->file = file_;
    registry->id = Scalar(root, "registry");
    if (registry->id.empty()) Fail(root, "unit registry has no 'registry' id");
    registry->description = Scalar(root, "description");
    registry->level = Scalar(root, "level");
    if (registry->level.empty()) {
      Fail(root, "unit registry has no 'level' (national, province, district or any)");
      registry->level = "any";
    } else if (registry->level != "national" && registry->level != "province" &&
               registry->level != "district" && registry->level != "any") {
      Fail(root["level"],
           "unknown level '" + registry->level + "' (national, province, district or any)");
      registry->level = "any";
    }
    registry->regions = List(root, "regions");
    registry->omissible_prefix = Scalar(root, "omissible_prefix");
    registry->patterns = List(root, "patterns");
    registry->collectives = List(root, "collectives");
    registry->collective_patterns = List(root, "collective_patterns");
    for (const std::string& pattern : registry->patterns) {
      if (pattern.find('*') == std::string::npos) {
        Fail(root["patterns"], "pattern '" + pattern + "' has no '*': list the name under 'units'");
      }
    }
    ReadUnits(root["units"], *registry);
    if (registry->units.empty() && registry->collectives.empty() &&
        registry->collective_patterns.empty() && registry->patterns.empty()) {
      Fail(root, "unit registry '" + registry->id + "' lists no units, patterns or collectives");
    }
    return registry;
  }

 private:
  void ReadUnits(const YAML::Node& units, UnitRegistry& registry) {
    if (!units.IsDefined() || units.IsNull()) return;
    if (!units.IsSequence()) {
      Fail(units, "'units' must be a list of {name, aliases, full_name} mappings");
      return;
    }
    std::map<std::string, Position> spellings;  // every name and alias seen, where
    auto claim = [&](const std::string& spelling, const YAML::Node& node) {
      return Claim(spellings, "", spelling, node);
    };
    for (const YAML::Node& item : units) {
      if (!item.IsMap()) {
        Fail(item, "a unit must be a mapping: {name: 区发展改革委, aliases: [区发改委]}");
        continue;
      }
      for (const auto& entry : item) {
        const std::string key = entry.first.Scalar();
        if (key != "name" && key != "aliases" && key != "full_name") {
          Fail(entry.first, "unknown key '" + key + "' in unit (name, aliases, full_name)");
        }
      }
      UnitEntry unit;
      unit.position = Where(item);
      unit.name = Scalar(item, "name");
      if (unit.name.empty()) {
        Fail(item, "unit has no 'name'");
        continue;
      }
      if (!claim(unit.name, item["name"])) continue;
      unit.full_name = Scalar(item, "full_name");
      const YAML::Node aliases = item["aliases"];
      for (const std::string& alias : List(item, "aliases")) {
        if (alias == unit.name) {
          Fail(aliases, "alias '" + alias + "' is the unit's own name");
          continue;
        }
        if (claim(alias, aliases)) unit.aliases.push_back(alias);
      }
      registry.units.push_back(std::move(unit));
    }
  }
};

std::string Generic(const fs::path& path) { return path.generic_string(); }

// The YAML document of `yaml`, or nullopt with a located "invalid YAML" error.
std::optional<YAML::Node> ParseYaml(const std::string& yaml, const std::string& file,
                                    ErrorList& errors) {
  try {
    return YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    const Position where = e.mark.pos < 0
                               ? Position{}
                               : LineIndex(yaml).PositionOf(static_cast<std::size_t>(e.mark.pos));
    errors.Add(file, where, "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace

std::shared_ptr<const UnitRegistry> LoadUnitRegistryFromString(const std::string& yaml,
                                                                      const std::string& file,
                                                                      ErrorList& errors) {
  const std::optional<YAML::Node> root = ParseYaml(yaml, file, errors);
  if (!root) return nullptr;
  return RegistryReader(file, yaml, errors).Read(*root);
}

namespace {

// A registry parsed from the same file and text earlier in this process. A rule pack names
// the same registries from several rules (rules/default: three times); parsing them is
// most of a small run's start-up. Only registries that loaded without an error are kept,
// so every rule naming a broken one still reports it.
std::shared_ptr<const UnitRegistry> CachedRegistry(const std::string& text,
                                                         const std::string& file,
                                                         ErrorList& errors) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>, std::shared_ptr<const UnitRegistry>>
      cache;
  std::pair<std::string, std::string> key{file, text};
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  const std::size_t before = errors.size();
  std::shared_ptr<const UnitRegistry> registry =
      LoadUnitRegistryFromString(text, file, errors);
  if (registry != nullptr && errors.size() == before) {
    const std::lock_guard<std::mutex> lock(mutex);
    cache.emplace(std::move(key), registry);
  }
  return registry;
}

}  // namespace

RegistryList LoadUnitRegistries(const std::string& path, ErrorList& errors,
                                const std::string& from_file, Position where,
                                const std::vector<std::string>& allowed_roots) {
  ErrorList local;
  RegistryList out;
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) local.Add(from_file, where, "no unit registry (*.yaml) in '" + path + "'");
  } else if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    local.Add(from_file, where, "unit registry '" + path + "' not found");
  }
  std::map<std::string, std::string> ids;  // id -> file
  for (const fs::path& file : files) {
    if (!PathIsInside(file.string(), allowed_roots)) {
      local.Add(Generic(file), {},
                "unit registry leads outside the directory of the configuration that names its "
                "rule pack (" + CanonicalPath(file.string()) + ")");
      continue;
    }
    const std::optional<std::string> text = ReadConfigFile(Generic(file), "unit registry", local);
    if (!text) continue;
    auto registry = CachedRegistry(*text, Generic(file), local);
    if (registry == nullptr) continue;
    auto [it, inserted] = ids.emplace(registry->id, Generic(file));
    if (!inserted) {
      local.Add(Generic(file), {},
                "duplicate unit registry id '" + registry->id + "' (also in " + it->second + ")");
      continue;
    }
    out.push_back(std::move(registry));
  }
  AppendNew(local, errors);
  return out;
}

namespace {

class StemsReader : public YamlReader {
 public:
  using YamlReader::YamlReader;

  std::shared_ptr<const DepartmentStems> Read(const YAML::Node& root) {
    if (!root.IsMap()) {
      Fail(root, "department stems must be a mapping with 'prefixes', 'departments', 'suffixes'");
      return nullptr;
    }
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      if (key != "prefixes" && key != "departments" && key != "suffixes") {
        Fail(entry.first, "unknown key '" + key + "' in department stems");
      }
    }
    auto stems = std::make_shared<DepartmentStems>();
    stems->file = file_;
    stems->prefixes = List(root, "prefixes");
    stems->suffixes = List(root, "suffixes");
    ReadDepartments(root["departments"], *stems);
    if (stems->prefixes.empty()) Fail(root, "department stems list no 'prefixes'");
    if (stems->departments.empty()) Fail(root, "department stems list no 'departments'");
    stems->Index();
    return stems;
  }

 private:
  void ReadDepartments(const YAML::Node& list, DepartmentStems& stems) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
      Fail(list, "'departments' must be a list of {name, variants} mappings");
      return;
    }
    std::map<std::string, Position> seen;  // every stem and variant, where
    for (const YAML::Node& item : list) {
      const bool named = item.IsMap() && item["name"].IsDefined() && item["name"].IsScalar() &&
                         !item["name"].Scalar().empty();
      if (!named) {
        Fail(item, "a department must be a mapping with a 'name': {name: 财政局, variants: [财政厅]}");
        continue;
      }
      for (const auto& entry : item) {
        const std::string key = entry.first.Scalar();
        if (key != "name" && key != "variants") {
          Fail(entry.first, "unknown key '" + key + "' in department (name, variants)");
        }
      }
      DepartmentStems::Department department;
      department.name = item["name"].Scalar();
      if (!Claim(seen, "stem ", department.name, item["name"])) continue;
      for (std::string& variant : List(item, "variants")) {
        if (Claim(seen, "stem ", variant, item["variants"])) {
          department.variants.push_back(std::move(variant));
        }
      }
      stems.departments.push_back(std::move(department));
    }
  }
};

}  // namespace

std::shared_ptr<const DepartmentStems> LoadDepartmentStemsFromString(
    const std::string& yaml, const std::string& file, ErrorList& errors) {
  const std::optional<YAML::Node> root = ParseYaml(yaml, file, errors);
  if (!root) return nullptr;
  return StemsReader(file, yaml, errors).Read(*root);
}

std::shared_ptr<const DepartmentStems> LoadDepartmentStems(const std::string& path,
                                                                 ErrorList& errors,
                                                                 const std::string& from_file,
                                                                 Position where) {
  // Loaded once per process and path: several rules name the same file.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const DepartmentStems>> cache;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(path); it != cache.end()) return it->second;
  }
  const ReadResult read = ReadRegularFile(path, kMaxConfigFileBytes);
  if (read.status != ReadStatus::kOk) {
    const bool missing = read.status == ReadStatus::kSystemError && read.error == ENOENT;
    errors.Add(from_file, where,
               missing ? "department stems '" + path + "' not found"
                       : "cannot read department stems '" + path +
                             "': " + DescribeReadFailure(read, kMaxConfigFileBytes));
    return nullptr;
  }
  ErrorList local;
  auto stems = LoadDepartmentStemsFromString(read.bytes, path, local);
  AppendNew(local, errors);
  if (stems != nullptr && local.size() == 0) {
    const std::lock_guard<std::mutex> lock(mutex);
    cache.emplace(path, stems);
  }
  return stems;
}

bool UnitRegistrySet::Covers(const model::Metadata& metadata) const {
  return std::any_of(registries_.begin(), registries_.end(),
                     [&](const auto& registry) { return registry->Covers(metadata); });
}

std::shared_ptr<const UnitDirectory> UnitRegistrySet::For(
    const model::Metadata& metadata) const {
  const std::string key =
      std::string(model::AdminLevelName(metadata.level)) + "/" + metadata.region;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  RegistryList applying;
  for (const auto& registry : registries_) {
    if (registry->AppliesTo(metadata)) applying.push_back(registry);
  }
  auto directory = std::make_shared<const UnitDirectory>(std::move(applying), stems_);
  cache_.emplace(key, directory);
  return directory;
}

std::shared_ptr<const UnitDirectory> UnitRegistrySet::All() const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = cache_.find("*");
  if (it != cache_.end()) return it->second;
  auto directory = std::make_shared<const UnitDirectory>(registries_, stems_);
  cache_.emplace("*", directory);
  return directory;
}

}  // namespace plancheck::data
