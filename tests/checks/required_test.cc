#include "checks/required.h"

#include <catch2/catch.hpp>

#include "rule/params.h"

namespace plancheck::checks {

TEST_CASE("required loads its field parameter with located errors", "[checks][required]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"field: lead_units", ""},
      {"field: cooperating_units", ""},
      {"{}", "<test>:1:1: error: missing parameter 'field'"},
      {"field: leed_units",
       "<test>:1:8: error: unknown field 'leed_units' for scope 'task' (fields: number, text, "
       "lead_units, cooperating_units, units, lead_leaders, deadline, category, assignment)"},
  }));
  ErrorList errors;
  auto check = RequiredCheck::Create(rule::Params::FromYaml(yaml), errors);
  CHECK((check != nullptr) == error.empty());
  CHECK(errors.ToString() == (error.empty() ? "" : error + "\n"));
}

}  // namespace plancheck::checks
