// The `registries:` and `stems:` parameters of the unit check kinds.
#include "checks/registries_param.h"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <string>

#include "test_util.h"
#include "config/yaml_params.h"

namespace plancheck::checks {
using plancheck::testing::MakeTempDir;
using plancheck::testing::WriteFile;

TEST_CASE("registries parameter resolves paths against the rule file", "[units][checks]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/units/a.yaml", "registry: a\nlevel: any\nunits: [{name: 区教委}]\n");
  WriteFile(dir + "/units/b.yaml", "registry: a\nlevel: any\nunits: [{name: 区科技局}]\n");
  WriteFile(dir + "/default/rules.yaml", "- registries: [../units, ../missing]\n");
  YAML::Node node = YAML::LoadFile(dir + "/default/rules.yaml")[0];
  const rule::Params params = config::MakeParams(node, dir + "/default/rules.yaml", rule::Scope::kUnit);
  ErrorList errors;
  auto set = LoadRegistriesParam(params, errors);
  REQUIRE(set != nullptr);
  CHECK(set->registries().size() == 1);
  REQUIRE(errors.size() == 2);
  CHECK(errors.errors()[0].file == dir + "/units/b.yaml");
  CHECK(errors.errors()[0].message ==
        "duplicate unit registry id 'a' (also in " + dir + "/units/a.yaml)");
  CHECK(errors.errors()[1].file == dir + "/default/rules.yaml");
  CHECK(errors.errors()[1].position == Position{1, 15});
  CHECK(errors.errors()[1].message == "unit registry '" + dir + "/missing' not found");

  ErrorList missing;
  CHECK(LoadRegistriesParam(config::ParamsFromYaml("check: registered-unit"), missing) == nullptr);
  CHECK(missing.ToString() == "<test>:1:1: error: missing parameter 'registries'\n");
}

}  // namespace plancheck::checks
