#include "data/unit_registry_loader.h"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

#include "test_util.h"

namespace plancheck::data {
using plancheck::testing::MakeTempDir;
using plancheck::testing::RulesPath;
using plancheck::testing::WriteFile;

TEST_CASE("unit registry files report mistakes at their YAML position", "[units][checks]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"registry: x\nlevel: district\nunits:\n  - {name: 区教委}\n", ""},
      {"- a\n",
       "r.yaml:1:1: error: a unit registry must be a mapping with 'registry', 'level', "
       "'units', ..."},
      {"registry: x\nlevel: city\nunits: [{name: 区教委}]\n",
       "r.yaml:2:8: error: unknown level 'city' (national, province, district or any)"},
      {"level: any\nunits: [{name: 区教委}]\n",
       "r.yaml:1:1: error: unit registry has no 'registry' id"},
      {"registry: x\nlevel: any\nunits:\n  - {name: 区教委}\n  - {name: 区教委}\n",
       "r.yaml:5:12: error: '区教委' is listed twice (first at line 4)"},
      {"registry: x\nlevel: any\nunits:\n  - {name: 区发展改革委, aliases: [区教委]}\n  - {name: "
       "区教委}\n",
       "r.yaml:5:12: error: '区教委' is listed twice (first at line 4)"},
      {"registry: x\nlevel: any\nunits:\n  - {nmae: 区教委}\n",
       "r.yaml:4:6: error: unknown key 'nmae' in unit (name, aliases, full_name)\n"
       "r.yaml:4:5: error: unit has no 'name'\n"
       "r.yaml:1:1: error: unit registry 'x' lists no units, patterns or collectives"},
      {"registry: x\nlevel: any\nunit: []\n",
       "r.yaml:3:1: error: unknown key 'unit' in unit registry\n"
       "r.yaml:1:1: error: unit registry 'x' lists no units, patterns or collectives"},
      {"registry: x\nlevel: any\npatterns: [竹山镇]\n",
       "r.yaml:3:11: error: pattern '竹山镇' has no '*': list the name under 'units'"},
      {"registry: x\nlevel: any\nunits: [{name: 区教委, aliases: 区教育委}]\n",
       "r.yaml:3:30: error: 'aliases' must be a list of strings"},
      {"registry: x\nunits: [{name: [",
       "r.yaml:2:17: error: invalid YAML: end of sequence flow not found"},
  }));
  ErrorList errors;
  LoadUnitRegistryFromString(yaml, "r.yaml", errors);
  CHECK(errors.ToString() == (error.empty() ? "" : error + "\n"));
}

TEST_CASE("the bundled unit registries load cleanly", "[units][checks]") {
  ErrorList errors;
  const RegistryList registries = LoadUnitRegistries(RulesPath("units"), errors);
  CHECK(errors.ToString() == "");
  CHECK(registries.size() == 7);
  UnitRegistrySet set(registries);
  CHECK(set.All()->unit_count() > 150);
}

// rules/units/patterns/departments.yaml sits below rules/units/, so the registry loader
// never reads it as a registry; its own reader expects three lists and each stem once.
TEST_CASE("the bundled department stems are well formed", "[units][checks]") {
  const YAML::Node root = YAML::LoadFile(RulesPath("units/patterns/departments.yaml"));
  ErrorList errors;
  CHECK(LoadUnitRegistries(RulesPath("units"), errors).size() == 7);
  CHECK(errors.ToString() == "");
  REQUIRE(root.IsMap());
  CHECK(root.size() == 3);
  REQUIRE(root["prefixes"].IsSequence());
  REQUIRE(root["suffixes"].IsSequence());
  REQUIRE(root["departments"].IsSequence());
  std::map<std::string, std::string> stems;  // spelling -> canonical stem
  std::size_t with_variants = 0;
  for (const YAML::Node& entry : root["departments"]) {
    REQUIRE(entry.IsMap());
    const std::string name = entry["name"].as<std::string>("");
    INFO(name);
    REQUIRE_FALSE(name.empty());
    CHECK(entry.size() == 2);
    REQUIRE(entry["variants"].IsSequence());
    CHECK(stems.emplace(name, name).second);
    for (const YAML::Node& variant : entry["variants"]) {
      INFO(variant.as<std::string>(""));
      CHECK(stems.emplace(variant.as<std::string>(""), name).second);
    }
    if (entry["variants"].size() > 0) ++with_variants;
  }
  CHECK(root["departments"].size() >= 150);
  CHECK(with_variants > 140);
  // The spellings issue 12 names, each mapped to its department.
  CHECK(stems["发改局"] == "发展和改革委员会");
  CHECK(stems["人社局"] == "人力资源和社会保障局");
  CHECK(stems["人力社保局"] == "人力资源和社会保障局");
  CHECK(stems["住建局"] == "住房和城乡建设局");
  CHECK(stems["市场监管局"] == "市场监督管理局");
  CHECK(stems["卫健委"] == "卫生健康委员会");
  CHECK(stems["财政厅"] == "财政局");
}

TEST_CASE("a registry file is parsed once per text and reparsed when it changes",
          "[units][checks]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.yaml", "registry: a\nlevel: any\nunits: [{name: 区教委}]\n");
  ErrorList errors;
  const RegistryList first = LoadUnitRegistries(dir + "/a.yaml", errors);
  const RegistryList again = LoadUnitRegistries(dir + "/a.yaml", errors);
  REQUIRE(first.size() == 1);
  REQUIRE(again.size() == 1);
  CHECK(first[0] == again[0]);  // the same parsed registry, not a second parse
  WriteFile(dir + "/a.yaml", "registry: a\nlevel: any\nunits: [{name: 区科技局}]\n");
  const RegistryList changed = LoadUnitRegistries(dir + "/a.yaml", errors);
  REQUIRE(changed.size() == 1);
  CHECK(changed[0] != first[0]);
  CHECK(UnitRegistrySet(changed).All()->IsCanonical("区科技局"));
  CHECK_FALSE(UnitRegistrySet(changed).All()->IsCanonical("区教委"));
  // A broken file is never kept: every load reports it.
  WriteFile(dir + "/a.yaml", "registry: a\nlevel: city\nunits: [{name: 区教委}]\n");
  ErrorList broken_once;
  ErrorList broken_twice;
  LoadUnitRegistries(dir + "/a.yaml", broken_once);
  LoadUnitRegistries(dir + "/a.yaml", broken_twice);
  CHECK(broken_once.size() == 1);
  CHECK(broken_twice.size() == 1);
  CHECK(errors.empty());
}

}  // namespace plancheck::data

namespace plancheck::data {

TEST_CASE("department stems load with their mistakes located", "[units][checks]") {
  auto [yaml, expected] = GENERATE(table<std::string, std::string>({
      {"prefixes: [县]\ndepartments:\n  - {name: 财政局, variants: [财政厅]}\nsuffixes: [局]\n", ""},
      {"prefixes: [县]\ndepartments:\n  - {name: 财政局, variants: [财政局]}\n",
       "d.yaml:3:27: error: stem '财政局' is listed twice (first at line 3)\n"},
      {"prefixes: [县]\ndepartments:\n  - {variants: [财政厅]}\n",
       "d.yaml:3:5: error: a department must be a mapping with a 'name': {name: 财政局, variants: "
       "[财政厅]}\nd.yaml:1:1: error: department stems list no 'departments'\n"},
      {"prefixes: [县]\nstems: []\ndepartments: [{name: 财政局}]\n",
       "d.yaml:2:1: error: unknown key 'stems' in department stems\n"},
      {"prefixes: [县\n", "d.yaml:2:1: error: invalid YAML: end of sequence flow not found\n"},
  }));
  CAPTURE(yaml);
  ErrorList errors;
  LoadDepartmentStemsFromString(yaml, "d.yaml", errors);
  CHECK(errors.ToString() == expected);
}

TEST_CASE("a stems path that does not exist is an error at the rule", "[units][checks]") {
  ErrorList errors;
  CHECK(LoadDepartmentStems("/nonexistent/departments.yaml", errors, "r.yaml", {3, 10}) ==
        nullptr);
  CHECK(errors.ToString() ==
        "r.yaml:3:10: error: department stems '/nonexistent/departments.yaml' not found\n");
}

}  // namespace plancheck::data
