#include "checks/required.h"

#include <catch2/catch.hpp>

#include "checks/check_harness.h"
#include "rule/params.h"
#include "config/yaml_params.h"

namespace plancheck::checks {

TEST_CASE("required loads its field parameter with located errors", "[checks][required]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"field: lead_units", ""},
      {"field: cooperating_units", ""},
      {"field: lead_units\nonly_if_used: true", ""},
      {"field: lead_units\nonly_if_used: sometimes",
       "<test>:2:15: error: parameter 'only_if_used' must be true or false"},
      {"{}", "<test>:1:1: error: missing parameter 'field'"},
      {"field: leed_units",
       "<test>:1:8: error: unknown field 'leed_units' for scope 'task' (fields: number, text, "
       "lead_units, cooperating_units, units, lead_leaders, deadline, category, assignment)"},
  }));
  ErrorList errors;
  auto check = RequiredCheck::Create(config::ParamsFromYaml(yaml), errors);
  CHECK((check != nullptr) == error.empty());
  CHECK(errors.ToString() == (error.empty() ? "" : error + "\n"));
}

TEST_CASE("required with only_if_used skips documents that never use the field",
          "[checks][required]") {
  auto [with_units, expected] = GENERATE(table<bool, std::string>({
      {true, "2:1 task=2"},
      {false, ""},  // fixtures/seeds/002: no task of the document names a unit
  }));
  testing::TestDoc d("1.甲\n2.乙\n3.丙\n");
  d.Task("1.", 1, model::NumberStyle::kArabicDot);
  if (with_units) d.Lead("甲");
  d.Task("2.", 2, model::NumberStyle::kArabicDot).Task("3.", 3, model::NumberStyle::kArabicDot);
  if (with_units) d.Lead("丙");
  auto check = testing::Make<RequiredCheck>("field: lead_units\nonly_if_used: true", rule::Scope::kTask);
  CHECK(testing::Run(*check, d.doc, rule::Scope::kTask) == expected);
  auto always = testing::Make<RequiredCheck>("field: lead_units", rule::Scope::kTask);
  CHECK(testing::Run(*always, d.doc, rule::Scope::kTask) ==
        (with_units ? "2:1 task=2" : "1:1 task=1\n2:1 task=2\n3:1 task=3"));
}

}  // namespace plancheck::checks
