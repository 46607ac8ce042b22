#include "checks/disjoint.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

TEST_CASE("disjoint reports a lead unit that also cooperates", "[checks][disjoint]") {
  auto [cooperating, expected] = GENERATE(table<std::string, std::string>({
      // fixtures/seeds/003 task 43.
      {"区经济信息委、区科技局", "2:29 unit=区科技局 related=2:6 task=43"},
      {"区经济信息委、区科技局等", "2:29 unit=区科技局等 related=2:6 task=43"},
      {"区经济信息委、区科协", ""},
      {"区经济信息委、科技局", ""},  // another spelling is `units.inconsistent-name`'s call
  }));
  TestDoc d("43．实施“双倍增”行动计划。\n责任单位：区科技局、区委组织部；配合单位：" + cooperating + "。\n");
  d.Task("43．", 43, NumberStyle::kArabicDot).Lead("区科技局").Lead("区委组织部");
  const std::size_t split = cooperating.find("、");
  d.Cooperating(cooperating.substr(0, split)).Cooperating(cooperating.substr(split + 3));
  auto check = Make<DisjointCheck>("fields: [lead_units, cooperating_units]", rule::Scope::kTask);
  CHECK(Run(*check, d.doc, rule::Scope::kTask) == expected);
}

TEST_CASE("disjoint parameters load with located errors", "[checks][disjoint]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"fields: [lead_units, cooperating_units]", ""},
      {"fields: [lead_units]",
       "<test>:1:9: error: parameter 'fields' must name exactly two fields"},
      {"{}", "<test>:1:1: error: missing parameter 'fields'"},
  }));
  CHECK(testing::LoadErrors<DisjointCheck>(yaml, rule::Scope::kTask) == error);
}

}  // namespace
}  // namespace plancheck::checks
