#include "checks/unique.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

TEST_CASE("unique reports a unit named twice in one list", "[checks][unique]") {
  auto [field, expected] = GENERATE(table<std::string, std::string>({
      {"[lead_units, cooperating_units]", "2:26 unit=区财政局等 related=2:16 task=1"},
      {"lead_units", ""},
      // Across both lists: the lead unit named again as cooperating, and the repeat.
      {"units", "2:21 unit=区科技局 related=2:6 task=1\n2:26 unit=区财政局等 related=2:16 task=1"},
  }));
  TestDoc d("1.甲\n责任单位：区科技局；配合单位：区财政局、区科技局、区财政局等。\n");
  d.Task("1.", 1, NumberStyle::kArabicDot)
      .Lead("区科技局")
      .Cooperating("区财政局")
      .Cooperating("区科技局")
      .Cooperating("区财政局等");
  auto check = Make<UniqueCheck>("field: " + field, rule::Scope::kTask);
  CHECK(Run(*check, d.doc, rule::Scope::kTask) == expected);
}

TEST_CASE("unique with registries counts an alias as its unit", "[checks][unique]") {
  const std::string registry = testing::TempRegistry(
      "registry: t\nlevel: any\nunits:\n  - name: 区发展改革委\n    aliases: [区发改委]\n");
  TestDoc d("1.甲\n配合单位：区发展改革委、区发改委。\n");
  d.Task("1.", 1, NumberStyle::kArabicDot).Cooperating("区发展改革委").Cooperating("区发改委");
  auto plain = Make<UniqueCheck>("field: cooperating_units", rule::Scope::kTask);
  CHECK(Run(*plain, d.doc, rule::Scope::kTask) == "");
  auto canonical = Make<UniqueCheck>("field: cooperating_units\nregistries: " + registry,
                                     rule::Scope::kTask);
  CHECK(Run(*canonical, d.doc, rule::Scope::kTask) == "2:13 unit=区发改委 related=2:6 task=1");
}

TEST_CASE("unique parameters load with located errors", "[checks][unique]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"field: units", ""},
      {"{}", "<test>:1:1: error: missing parameter 'field'"},
      {"field: [lead_units, leaders]",
       "<test>:1:8: error: unknown field 'leaders' for scope 'task' (fields: number, text, "
       "lead_units, cooperating_units, units, lead_leaders, deadline, category, assignment)"},
  }));
  CHECK(testing::LoadErrors<UniqueCheck>(yaml, rule::Scope::kTask) == error);
}

}  // namespace
}  // namespace plancheck::checks
