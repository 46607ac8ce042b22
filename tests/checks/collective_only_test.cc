#include "checks/collective_only.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

TEST_CASE("collective-only reports tasks led only by collectives", "[checks][collective-only]") {
  auto [lead, expected] = GENERATE(table<std::string, std::string>({
      // fixtures/seeds/000 tasks 154 and 156.
      {"区政府各部门、各乡镇（街道）", "2:6 unit=区政府各部门、各乡镇（街道） task=1"},
      {"有关单位", "2:6 unit=有关单位 task=1"},
      {"区级有关部门", "2:6 unit=区级有关部门 task=1"},
      {"区财政局、各乡镇（街道）", ""},  // one accountable unit is enough
      {"区财政局", ""},
  }));
  TestDoc d("1.落实全面从严治党要求。\n责任单位：" + lead + "。\n");
  d.Task("1.", 1, NumberStyle::kArabicDot);
  std::size_t begin = 0;
  while (begin < lead.size()) {
    const std::size_t stop = std::min(lead.find("、", begin), lead.size());
    d.Lead(lead.substr(begin, stop - begin));
    begin = stop + (stop < lead.size() ? 3 : 0);
  }
  const std::string registry = testing::RulesPath("units/collectives.yaml");
  auto from_file = Make<CollectiveOnlyCheck>("registries: " + registry, rule::Scope::kTask);
  CHECK(Run(*from_file, d.doc, rule::Scope::kTask) == expected);
}

TEST_CASE("collective-only takes phrases and patterns from the rule", "[checks][collective-only]") {
  TestDoc d("1.甲\n责任单位：各区县政府、市级各部门。\n");
  d.Task("1.", 1, NumberStyle::kArabicDot).Lead("各区县政府").Lead("市级各部门");
  auto exact = Make<CollectiveOnlyCheck>("collectives: [各区县政府]", rule::Scope::kTask);
  CHECK(Run(*exact, d.doc, rule::Scope::kTask) == "");
  auto patterns = Make<CollectiveOnlyCheck>(
      "collectives: [各区县政府]\ncollective_patterns: ['*各部门']", rule::Scope::kTask);
  CHECK(Run(*patterns, d.doc, rule::Scope::kTask) ==
        "2:6 unit=各区县政府、市级各部门 task=1");
}

TEST_CASE("collective-only parameters load with located errors", "[checks][collective-only]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"collectives: [有关单位]", ""},
      {"field: cooperating_units\ncollectives: 有关单位", ""},
      {"{}",
       "<test>:1:1: error: missing parameter 'registries' or 'collectives' (where the "
       "collective phrases come from)"},
      {"collectives: {a: b}",
       "<test>:1:14: error: parameter 'collectives' must be a string or a list of strings"},
      {"field: lead\ncollectives: [有关单位]",
       "<test>:1:8: error: unknown field 'lead' for scope 'task' (fields: number, text, "
       "lead_units, cooperating_units, units, lead_leaders, deadline, category, assignment)"},
  }));
  CHECK(testing::LoadErrors<CollectiveOnlyCheck>(yaml, rule::Scope::kTask) == error);
}

}  // namespace
}  // namespace plancheck::checks
