#include "data/regions.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "data/yaml.h"
#include "base/utf8.h"

namespace plancheck::data {
namespace {

constexpr std::string_view kCountry = "全国";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<model::AdminLevel> ParseLevel(const std::string& text) {
  static const model::AdminLevel kLevels[] = {model::AdminLevel::kNational,
                                              model::AdminLevel::kProvince,
                                              model::AdminLevel::kCity,
                                              model::AdminLevel::kCounty,
                                              model::AdminLevel::kDistrict};
  for (model::AdminLevel level : kLevels) {
    if (text == model::AdminLevelName(level)) return level;
  }
  return std::nullopt;
}

}  // namespace

model::AdminLevel LevelOfName(std::string_view name, model::AdminLevel outer) {
  using model::AdminLevel;
  if (name == kCountry) return AdminLevel::kNational;
  if (EndsWith(name, "省") || EndsWith(name, "自治区")) return AdminLevel::kProvince;
  if (EndsWith(name, "县") || EndsWith(name, "旗") || EndsWith(name, "林区")) {
    return AdminLevel::kCounty;
  }
  // 大兴安岭地区, 阿里地区: prefecture-level, like a 盟 or an autonomous 州.
  if (EndsWith(name, "地区") || EndsWith(name, "盟") || EndsWith(name, "州")) {
    return AdminLevel::kCity;
  }
  if (EndsWith(name, "区")) return AdminLevel::kDistrict;
  if (EndsWith(name, "市")) {
    return outer == AdminLevel::kCity || outer == AdminLevel::kCounty ? AdminLevel::kCounty
                                                                      : AdminLevel::kCity;
  }
  return AdminLevel::kUnknown;
}

int RegionTable::Add(const std::string& name, int parent) {
  for (std::size_t i = 0; i < places_.size(); ++i) {
    if (places_[i].name == name && places_[i].parent == parent) return static_cast<int>(i);
  }
  Place place;
  place.name = name;
  place.parent = parent;
  place.level = LevelOfName(name, parent < 0 ? model::AdminLevel::kUnknown : this->place(parent).level);
  places_.push_back(std::move(place));
  return static_cast<int>(places_.size() - 1);
}

std::vector<int> RegionTable::Find(std::string_view name) const {
  std::vector<int> found;
  for (std::size_t i = 0; i < places_.size(); ++i) {
    if (places_[i].name == name) found.push_back(static_cast<int>(i));
  }
  return found;
}

std::vector<int> RegionTable::Locate(std::string_view name, std::string_view within) const {
  std::vector<int> found = Find(name);
  if (within.empty() || found.empty()) return found;
  std::vector<int> inside;
  for (int index : found) {
    for (int up = place(index).parent; up >= 0; up = place(up).parent) {
      if (place(up).name == within) {
        inside.push_back(index);
        break;
      }
    }
  }
  // "宁波市江北区" is not the listed 江北区 of 重庆市: the name given with it rules.
  return inside;
}

std::vector<std::string> RegionTable::Ancestors(std::string_view name,
                                                std::string_view within) const {
  std::vector<std::string> chain;
  if (name == kCountry) return chain;
  auto add = [&chain](const std::string& region) {
    if (std::find(chain.begin(), chain.end(), region) == chain.end()) chain.push_back(region);
  };
  const std::vector<int> places = Locate(name, within);
  if (places.empty() && !within.empty() && within != name) {
    // The general rule: a region lies inside the one it is named with.
    add(std::string(within));
    for (const std::string& up : Ancestors(within, "")) add(up);
  }
  for (int index : places) {
    for (int up = place(index).parent; up >= 0; up = place(up).parent) add(place(up).name);
  }
  add(std::string(kCountry));
  return chain;
}

bool RegionTable::Contains(std::string_view outer, std::string_view inner,
                           std::string_view within) const {
  if (outer.empty() || inner.empty() || outer == inner) return false;
  const std::vector<std::string> chain = Ancestors(inner, within);
  return std::find(chain.begin(), chain.end(), outer) != chain.end();
}

model::AdminLevel RegionTable::LevelOf(std::string_view name, std::string_view within) const {
  const std::vector<int> places = Locate(name, within);
  if (!places.empty()) {
    const model::AdminLevel level = place(places.front()).level;
    const bool same = std::all_of(places.begin(), places.end(),
                                  [&](int index) { return place(index).level == level; });
    if (same) return level;
  }
  model::AdminLevel outer = model::AdminLevel::kUnknown;
  if (!within.empty()) outer = LevelOf(within, "");
  model::AdminLevel level = LevelOfName(name, outer);
  // Every prefecture-level city is listed: a 市 that is not is a county-level city.
  if (places.empty() && level == model::AdminLevel::kCity && EndsWith(name, "市") &&
      Find(name).empty()) {
    level = model::AdminLevel::kCounty;
  }
  return level;
}

std::string RegionTable::RegionOfDocumentNumber(std::string_view number) const {
  for (const Place& p : places_) {
    for (const std::string& abbreviation : p.abbreviations) {
      if (number.substr(0, abbreviation.size()) != abbreviation) continue;
      std::size_t offset = abbreviation.size();
      if (offset >= number.size()) continue;
      const char32_t next = DecodeUtf8(number, offset);
      if (next == U'政' || next == U'府' || next == U'办' || next == U'发' || next == U'函') {
        return p.name;
      }
    }
  }
  return "";
}

void RegionTable::Resolve(model::Metadata& metadata) const {
  if (metadata.region.empty() && !metadata.document_number.empty()) {
    const std::string region = RegionOfDocumentNumber(metadata.document_number);
    const model::AdminLevel level = region.empty() ? model::AdminLevel::kUnknown : LevelOf(region, "");
    // A nameless "县人民政府办公室" with a province's number is not that province's plan.
    if (!region.empty() &&
        (metadata.level == model::AdminLevel::kUnknown || metadata.level == level)) {
      metadata.region = region;
      metadata.region_from = "document-number";
    }
  }
  if (metadata.region.empty()) return;
  const model::AdminLevel level = LevelOf(metadata.region, metadata.region_within);
  if (level != model::AdminLevel::kUnknown) metadata.level = level;
}

RegionTable LoadRegionsFromString(const std::string& yaml, const std::string& file,
                                  ErrorList& errors) {
  RegionTable table;
  const std::optional<YAML::Node> loaded = LoadYaml(yaml, file, errors);
  if (!loaded) return table;
  const YAML::Node& root = *loaded;
  // The one place named `name` (under a place named `parent` when given); -1 with an error
  // when there is none or several.
  auto resolve = [&](const std::string& name, const YAML::Node& at) {
    const std::vector<int> found = table.Find(name);
    if (found.size() == 1) return found.front();
    errors.Add(file, YamlPosition(at),
               found.empty() ? "region '" + name + "' is not listed (list it before it is used)"
                             : "region '" + name + "' names several places: give 'parent:'");
    return -1;
  };
  try {
    const YAML::Node list = root.IsMap() ? root["regions"] : YAML::Node();
    if (!list.IsDefined() || !list.IsSequence()) {
      errors.Add(file, YamlPosition(root), "expected a mapping with a 'regions:' list");
      return table;
    }
    static const std::set<std::string> kKeys = {"name", "level", "parent", "contains",
                                                "abbreviation"};
    for (const YAML::Node& entry : list) {
      if (!entry.IsMap() || !entry["name"].IsScalar()) {
        errors.Add(file, YamlPosition(entry), "a region needs 'name:'");
        continue;
      }
      for (const auto& item : entry) {
        if (!kKeys.contains(item.first.Scalar())) {
          errors.Add(file, YamlPosition(item.first), "unknown region key '" + item.first.Scalar() + "'");
        }
      }
      const std::string name = entry["name"].Scalar();
      int index = -1;
      if (const YAML::Node parent = entry["parent"]; parent.IsDefined()) {
        if (!parent.IsScalar()) {
          errors.Add(file, YamlPosition(parent), "'parent' must be a region name");
          continue;
        }
        const int up = resolve(parent.Scalar(), parent);
        if (up < 0) continue;
        index = table.Add(name, up);
      } else if (!table.Find(name).empty()) {
        index = resolve(name, entry["name"]);
        if (index < 0) continue;
      } else {
        index = table.Add(name, -1);
      }
      if (const YAML::Node level = entry["level"]; level.IsDefined()) {
        const std::optional<model::AdminLevel> parsed =
            level.IsScalar() ? ParseLevel(level.Scalar()) : std::nullopt;
        if (!parsed) {
          errors.Add(file, YamlPosition(level),
                     "'level' must be national, province, city, county or district");
        } else {
          table.place(index).level = *parsed;
        }
      }
      if (table.place(index).parent < 0 && name != kCountry) {
        errors.Add(file, YamlPosition(entry), "region '" + name + "' needs 'parent:' (or be listed in a 'contains:')");
      }
      if (const YAML::Node abbreviation = entry["abbreviation"]; abbreviation.IsDefined()) {
        if (!abbreviation.IsScalar()) {
          errors.Add(file, YamlPosition(abbreviation), "'abbreviation' must be a string such as 渝");
        } else {
          table.place(index).abbreviations.push_back(abbreviation.Scalar());
        }
      }
      if (const YAML::Node contains = entry["contains"]; contains.IsDefined()) {
        if (!contains.IsSequence()) {
          errors.Add(file, YamlPosition(contains), "'contains' must be a list of region names");
          continue;
        }
        for (const YAML::Node& child : contains) {
          if (!child.IsScalar() || child.Scalar().empty()) {
            errors.Add(file, YamlPosition(child), "'contains' must be a list of region names");
            continue;
          }
          table.Add(child.Scalar(), index);
        }
      }
    }
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "invalid region table: " + e.msg);
  }
  return table;
}

RegionTable LoadRegions(const std::string& path, ErrorList& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.Add(path, {}, "cannot read the region table");
    return {};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return LoadRegionsFromString(buffer.str(), path, errors);
}

}  // namespace plancheck::data
