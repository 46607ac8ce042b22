// `plancheck targets` and `plancheck lint --parent` (issue 5).
#include <catch2/catch.hpp>

#include <string>

#include "cli/app.h"
#include "test_util.h"

namespace plancheck {
namespace {

using cli::kExitError;
using cli::kExitOk;
using testing::FixturePath;
using testing::RunCli;

std::string Seed(const std::string& stem) { return FixturePath("seeds/" + stem + ".txt"); }

TEST_CASE("lint --parent 004 finds no target problem in 000", "[targets][cli]") {
  const auto result = RunCli({"lint", "--format", "json", "--parent",
                              Seed("004_2bfd8bfabc103b07"), Seed("000_d5b961fa901fa4dc")});
  CHECK(result.out.find("targets.weaker-than-parent") == std::string::npos);
  CHECK(result.out.find("targets.internal-conflict") == std::string::npos);
  CHECK(result.out.find("targets.missing-binding") == std::string::npos);
}

TEST_CASE("lint --parent 004 catches a weakened copy of 000", "[targets][cli]") {
  const std::string dir = testing::MakeTempDir();
  std::string text = testing::ReadFile(Seed("000_d5b961fa901fa4dc"));
  text.replace(text.find("47.GDP增长8%以上"), std::string("47.GDP增长8%以上").size(),
               "47.GDP增长5%以上");
  testing::WriteFile(dir + "/weak.txt", text);
  const auto result = RunCli({"lint", "--parent", Seed("004_2bfd8bfabc103b07"), dir + "/weak.txt"});
  CHECK(result.out.find("124:4: error: 地区生产总值目标“GDP增长5%以上”弱于上级目标“地区生产总值增长"
                        "6%以上”") != std::string::npos);
}

TEST_CASE("targets lists what was extracted, with the parent and why", "[targets][cli]") {
  const auto text = RunCli({"targets", Seed("003_9f57034e87119ac9")});
  CHECK(text.exit_code == kExitOk);
  CHECK(text.out.find("inferred: same year 2023, 重庆市 (province) contains 江津区") !=
        std::string::npos);
  CHECK(text.out.find("地区生产总值增长6.5% [gdp, increase, exact 6.5 %, 2023年]  <- consistent") !=
        std::string::npos);
  const auto csv = RunCli({"targets", "--format", "csv", Seed("003_9f57034e87119ac9")});
  CHECK(csv.out.rfind("file,line,column,task,indicator,", 0) == 0);
  const auto json = RunCli({"targets", "--format", "json", Seed("003_9f57034e87119ac9")});
  CHECK(json.out.find("\"indicator\": \"surveyed-unemployment\"") != std::string::npos);
  CHECK(RunCli({"targets", "--format", "xml", "x.txt"}).exit_code == kExitError);
}

TEST_CASE("parse shows the parent chosen and why", "[targets][cli]") {
  const auto result = RunCli({"parse", Seed("001_8ef760ff784be5ac")});
  CHECK(result.out.find("(inferred: same year 2023, 重庆市 (province) contains 涪陵区)") !=
        std::string::npos);
}

}  // namespace
}  // namespace plancheck
