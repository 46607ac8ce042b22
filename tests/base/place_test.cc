// PlaceLabel: how a paragraph, table cell or PDF page line reads, in both languages.
#include <catch2/catch.hpp>

#include "base/diagnostic.h"

namespace plancheck {

TEST_CASE("a place reads as a person finds it", "[base][place]") {
  auto [place, zh, en] = GENERATE(table<Place, std::string, std::string>({
      {Place{.paragraph = 12}, "段落 12", "paragraph 12"},
      {Place{.table = 2, .row = 3, .column = 4}, "表 2 第 3 行 第 4 列",
       "table 2, row 3, column 4"},
      {Place{.table = 2, .row = 3}, "表 2 第 3 行", "table 2, row 3"},  // between cells
      {Place{.table = 2}, "表 2", "table 2"},
      {Place{.page = 5, .line = 1}, "第 5 页 第 1 行", "page 5, line 1"},
      {Place{.page = 5}, "第 5 页", "page 5"},  // an empty line of the page
      {Place{}, "", ""},                        // plain text: line and column say it
  }));
  CHECK(PlaceLabel(place, false) == zh);
  CHECK(PlaceLabel(place, true) == en);
  CHECK(place.empty() == zh.empty());
}

}  // namespace plancheck
