// The region table (rules/regions.yaml): which region lies inside which, and at what level,
// so that a plan's parent plan can be found (梁平区 2021 -> 重庆市 2021 -> 全国 2021).
//
// A place is a name under a parent: two places may share a name (鼓楼区 in 南京市 and in
// 福州市), so a name alone may locate several places, and the region a plan is written
// within ("沈阳市和平区") picks one. Two general rules complete the listed data:
//  - a region named with another ("苏州市吴江区", "沈阳市辽中区") lies inside that one, listed
//    or not;
//  - every prefecture-level city is listed, so a 市 that is not listed as a city is a
//    county-level city (常熟市, 青州市).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error_list.h"
#include "model/document.h"

namespace plancheck::data {

// The level a region's name gives it, inside a region of level `outer` (kUnknown when not
// known): 省 and 自治区 province; 州, 盟 and 地区 city; 县, 旗 and 林区 county; 区
// district; 市 a city, or a county-level city inside a city. kUnknown for other names.
model::AdminLevel LevelOfName(std::string_view name, model::AdminLevel outer);

class RegionTable {
 public:
  struct Place {
    std::string name;                        // "梁平区", "重庆市", "全国"
    model::AdminLevel level = model::AdminLevel::kUnknown;
    int parent = -1;                         // index of the containing place; -1 for 全国
    std::vector<std::string> abbreviations;  // "渝": how document numbers name it (渝府办发)
  };

  // Adds a place named `name` inside place `parent` (-1: none) unless that pair exists;
  // returns its index.
  int Add(const std::string& name, int parent);
  Place& place(int index) { return places_[static_cast<std::size_t>(index)]; }
  const Place& place(int index) const { return places_[static_cast<std::size_t>(index)]; }
  std::size_t size() const { return places_.size(); }

  // Places named `name`, in the order added.
  std::vector<int> Find(std::string_view name) const;
  // The places a plan names: `name` inside `within` when `within` is given and fits (a
  // place of that name under a place named `within`, at any depth); else every place named
  // `name`. Empty when the table does not list the name.
  std::vector<int> Locate(std::string_view name, std::string_view within) const;
  // The regions containing the region a plan names, nearest first, ending with 全国: for
  // each place `Locate` finds, its ancestors; when it finds none, `within` (and what the
  // table says contains it) by the general rule. Several places give their chains one
  // after another, without repeats.
  std::vector<std::string> Ancestors(std::string_view name, std::string_view within) const;
  // Whether `outer` contains the region `inner` (named within `within`); 全国 contains
  // every region but itself.
  bool Contains(std::string_view outer, std::string_view inner, std::string_view within) const;
  // The level the table gives the region a plan names, or by the general rules (a 市 not
  // listed as a city is a county-level city); kUnknown when neither says.
  model::AdminLevel LevelOf(std::string_view name, std::string_view within) const;
  // The province-level region whose abbreviation opens a document number ("豫政〔2023〕5号"
  // -> 河南省; the abbreviation is followed by 政, 府 or 办); "" when none.
  std::string RegionOfDocumentNumber(std::string_view number) const;

  // Fills what the text alone could not say: the level the table gives the region (重庆市
  // is a province-level municipality, 常熟市 a county-level city), and the region of a
  // notice whose issuer is not named but whose document number is ("豫政〔2023〕5号").
  void Resolve(model::Metadata& metadata) const;

 private:
  std::vector<Place> places_;
};

// Reads rules/regions.yaml. Errors (a parent that is not listed, an ambiguous name, a bad
// level) are located in the YAML; what loaded is kept.
RegionTable LoadRegions(const std::string& path, ErrorList& errors);
RegionTable LoadRegionsFromString(const std::string& yaml, const std::string& file,
                                  ErrorList& errors);

}  // namespace plancheck::data
