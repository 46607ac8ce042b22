#include <catch2/catch.hpp>

#include "data/unit_registry_loader.h"
#include "test_util.h"

namespace plancheck::cli {
using plancheck::testing::FixturePath;
using plancheck::testing::MakeTempDir;
using plancheck::testing::RunCli;
using plancheck::testing::WriteFile;

TEST_CASE("units lists the names a corpus uses with their registry match", "[units][cli]") {
  const auto result = RunCli({"units", FixturePath("seeds/000_d5b961fa901fa4dc.txt")});
  CHECK(result.exit_code == 0);
  CHECK(result.err == "");
  CHECK_THAT(result.out, Catch::Contains("区发展改革委"));
  CHECK_THAT(result.out, Catch::Contains("canonical     chongqing-district"));
  CHECK_THAT(result.out, Catch::Contains("alias         liangping  → 双桂新城管委会"));
  CHECK_THAT(result.out, Catch::Contains("none          是否应为“区经济信息委”？"));
  CHECK_THAT(result.out, Catch::Contains(" in no registry ("));

  const auto json = RunCli({"units", "--format", "json", FixturePath("seeds/000_d5b961fa901fa4dc.txt")});
  CHECK(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"name\": \"区经济信委\""));
}

TEST_CASE("units --suggest-registry drafts a registry that loads", "[units][cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt",
            "1.推进工业互联网创新发展。\n责任单位：县经济信息委；配合单位：县科技局。\n"
            "2.建设新型基础设施。\n责任单位：县经济信息委、县大数据发展局。\n"
            "3.培育数字经济。\n责任单位：县经济信委；配合单位：各乡镇。\n");
  const auto result = RunCli({"units", "--suggest-registry", dir + "/plan.txt"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out,
             Catch::Contains("{name: 县经济信息委}  # 2; also written 县经济信委 (1): alias or slip?"));
  CHECK_THAT(result.out, !Catch::Contains("各乡镇"));
  ErrorList errors;
  CHECK(data::LoadUnitRegistryFromString(result.out, "draft.yaml", errors) != nullptr);
  CHECK(errors.ToString() == "");
}

TEST_CASE("units reports a broken registry as a usage error", "[units][cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/units/bad.yaml", "registry: x\nlevel: city\nunits: [{name: 区教委}]\n");
  const auto result = RunCli({"units", "--registries", dir + "/units",
                              FixturePath("seeds/000_d5b961fa901fa4dc.txt")});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("bad.yaml:2:8: error: unknown level 'city'"));
}

}  // namespace plancheck::cli
