#include "checks/table_numbers.h"

#include "checks/check_harness.h"
#include "test_util.h"

namespace plancheck::checks {
namespace {

using testing::Make;
using testing::Run;

// A table in the tab-indented shape the converters write (one cell a line, a blank line
// between rows; the parser reads it as a table from eight tab-indented lines on): the header,
// then one row per entry of `numbers`, "-" for a row without the number column.
std::string Table(bool number_column, const std::vector<std::string>& numbers) {
  std::string text = "一、主要任务\n";
  text += number_column ? "\t序号\n\t主要任务\n\t牵头单位\n" : "\t主要任务\n\t牵头单位\n";
  for (const std::string& number : numbers) {
    text += "\n";
    if (number != "-") text += "\t" + number + "\n";
    text += "\t推进重点工作。\n\t区财政局\n";
  }
  return text;
}

TEST_CASE("table-numbers reports a 序号 column left empty, once at the header",
          "[checks][table-numbers]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {Table(true, {"1", "2", "3"}), ""},
      // Every row empty: one finding at the header's 序号 cell, the first such row related.
      {Table(true, {"", "", ""}), "2:2 count=3 rows=3 related=7:2"},
      // One row of three left empty.
      {Table(true, {"1", "", "3"}), "2:2 count=1 rows=3 related=11:2"},
      // No 序号 column: nothing promised.
      {Table(false, {"-", "-", "-", "-"}), ""},
  }));
  CAPTURE(text);
  const model::Document doc = plancheck::testing::ParseSnippet(text);
  auto check = Make<TableNumbersCheck>("{}", rule::Scope::kDocument);
  CHECK(Run(*check, doc, rule::Scope::kDocument) == expected);
}

TEST_CASE("table-numbers counts a number at the start of the statement",
          "[checks][table-numbers]") {
  std::string text = "一、主要任务\n\t序号\n\t主要任务\n\t牵头单位\n";
  for (const char* number : {"1", "2", "3"}) {
    text += std::string("\n\t\n\t") + number + "、推进重点工作。\n\t区财政局\n";
  }
  const model::Document doc = plancheck::testing::ParseSnippet(text);
  auto check = Make<TableNumbersCheck>("{}", rule::Scope::kDocument);
  CHECK(Run(*check, doc, rule::Scope::kDocument) == "");
}

TEST_CASE("table-numbers needs document scope", "[checks][table-numbers]") {
  CHECK(testing::LoadErrors<TableNumbersCheck>("{}", rule::Scope::kTask) ==
        "<test>:1:1: error: check 'table-numbers' needs 'scope: document'");
}

}  // namespace
}  // namespace plancheck::checks
