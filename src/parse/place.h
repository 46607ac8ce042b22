// Where and when a plan is: its region, the region that region is named within, its level
// and its year, read from the notice's head (issuer, the notice's own title, a saved page's
// information box, the document number, the date) without reference data. The region
// table (data/regions.h, RegionTable::Resolve) then corrects the level and places the
// region in the country.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace plancheck::parse {

// The place names an office or a heading is named after, outermost first:
// "重庆市梁平区人民政府办公室" -> {重庆市, 梁平区}; "北京市通州区" -> {北京市, 通州区};
// "国务院" -> {全国}. Generic words are no names: "县人民政府办公室", "各市、自治州人民政府"
// -> {}. Only the Han characters before the office word are read.
std::vector<std::string> PlaceNames(std::string_view office);

// Fills metadata.region, region_within, level, plan_year, region_from and year_from from
// (the level coarse: province for 省 市 州 盟, district for 区 县 旗, until the region
// table resolves it)
// metadata.issuer, title, document_number and issue_date (already filled) and the first
// lines of doc.text (a saved page's 标题 and 来源, the notice's own title "X关于…的通知").
void ReadPlace(const model::Document& doc, model::Metadata& metadata);

// The plan year a title names: "2021年区政府工作报告…" -> 2021; -1 when it names a range
// "（2023—2027年）" first; 0 when it names no year.
int YearInTitle(std::string_view title);

}  // namespace plancheck::parse
