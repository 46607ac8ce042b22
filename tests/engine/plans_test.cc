// Plans of a run as a system (engine/plans.h): region and year read from real notices,
// the region table, and parents found among the documents of a run.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "cli/app.h"
#include "config/plans.h"
#include "config/rule_pack.h"
#include "data/regions.h"
#include "engine/plans.h"
#include "test_util.h"

namespace plancheck {
namespace {
namespace fs = std::filesystem;

const data::RegionTable& Regions() {
  static const data::RegionTable table = [] {
    ErrorList errors;
    data::RegionTable loaded = data::LoadRegions(testing::RulesPath("regions.yaml"), errors);
    INFO(errors.ToString());
    REQUIRE(errors.empty());
    return loaded;
  }();
  return table;
}

std::string Chain(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ">") + name;
  return out;
}

TEST_CASE("the region table places a region in the country", "[plans][regions]") {
  auto [name, within, chain] = GENERATE(table<std::string, std::string, std::string>({
      {"梁平区", "", "重庆市>全国"},
      {"梁平区", "重庆市", "重庆市>全国"},
      {"忠县", "", "重庆市>全国"},
      {"沈河区", "沈阳市", "沈阳市>辽宁省>全国"},
      {"沈河区", "", "沈阳市>辽宁省>全国"},
      {"滁州市", "", "安徽省>全国"},
      // The general rule: a region named with a city lies inside it, listed or not.
      {"吴江区", "苏州市", "苏州市>江苏省>全国"},
      {"长兴县", "湖州市", "湖州市>浙江省>全国"},
      // A name listed elsewhere, named with another city, is that city's: 宁波市江北区 is
      // not 重庆市's 江北区.
      {"江北区", "宁波市", "宁波市>浙江省>全国"},
      {"鼓楼区", "福州市", "福州市>福建省>全国"},
      {"重庆市", "", "全国"},
      {"全国", "", ""},
  }));
  CAPTURE(name, within);
  CHECK(Chain(Regions().Ancestors(name, within)) == chain);
}

TEST_CASE("the region table gives the level the name alone cannot", "[plans][regions]") {
  auto [name, within, level] = GENERATE(table<std::string, std::string, std::string>({
      {"重庆市", "", "province"},
      {"北京市", "", "province"},
      {"沈阳市", "", "city"},
      {"常熟市", "", "county"},  // not a listed city: county-level
      {"新密市", "郑州市", "county"},
      {"恩施土家族苗族自治州", "", "city"},
      {"鄂温克族自治旗", "", "county"},
      {"大兴区", "北京市", "district"},
      {"广西壮族自治区", "", "province"},
  }));
  CAPTURE(name);
  CHECK(model::AdminLevelName(Regions().LevelOf(name, within)) == level);
}

TEST_CASE("region table errors are located", "[plans][regions]") {
  ErrorList errors;
  data::LoadRegionsFromString("regions:\n  - name: 梁平区\n    parent: 重庆市\n", "r.yaml", errors);
  CHECK(errors.ToString().find("r.yaml:3:") != std::string::npos);
  CHECK(errors.ToString().find("'重庆市' is not listed") != std::string::npos);
}

// Every real notice's region, level and year as its source.yaml records them.
TEST_CASE("region, level and year are read from real notices", "[plans][real]") {
  ErrorList errors;
  const auto setup = config::LoadTargetSetup(testing::RulesPath(""), std::nullopt, {}, errors);
  REQUIRE(errors.empty());
  std::vector<ingest::InputFile> inputs;
  std::vector<YAML::Node> sources;
  for (const auto& entry : fs::directory_iterator(testing::FixturePath("real"))) {
    if (!fs::exists(entry.path() / "source.yaml")) continue;
    inputs.push_back({(entry.path() / "notice.txt").string(), entry.path().filename().string()});
    sources.push_back(YAML::LoadFile((entry.path() / "source.yaml").string()));
  }
  REQUIRE(inputs.size() >= 30);
  const std::vector<engine::RunPlan> plans = engine::ReadRunPlans(inputs, *setup, 2);
  int right = 0;
  std::string misses;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const model::PlanInfo& info = plans[i].info;
    const std::string region = sources[i]["region"].as<std::string>();
    const std::string level = sources[i]["level"].as<std::string>();
    // An undated notice (year: null in source.yaml) is checked for its region and level only.
    const YAML::Node recorded_year = sources[i]["year"];
    const int year = recorded_year.IsNull() ? 0 : recorded_year.as<int>();
    // source.yaml writes "沈阳市沈河区" where the city is named with the plan's region; the
    // plan may name it ("沈阳市辽中区人民政府") or the region table may know it.
    bool region_right = region == info.region || region == info.within + info.region;
    if (!region_right && !info.region.empty() && region.size() > info.region.size() &&
        region.compare(region.size() - info.region.size(), info.region.size(), info.region) == 0) {
      const std::string outer = region.substr(0, region.size() - info.region.size());
      const auto chain = Regions().Ancestors(info.region, info.within);
      region_right = std::find(chain.begin(), chain.end(), outer) != chain.end();
    }
    const bool ok = region_right && info.level == level &&
                    (recorded_year.IsNull() || info.year.value_or(0) == year);
    right += ok;
    if (!ok) {
      misses += inputs[i].display_path + ": read " + info.within + "|" + info.region + " " +
                info.level + " " + std::to_string(info.year.value_or(0)) + ", recorded " + region +
                " " + level + " " + std::to_string(year) + "\n";
    }
  }
  WARN(misses);
  // A floor: the notices read right when this was written; raise it as reading improves.
  CHECK(right >= 35);
  WARN(right << " of " << plans.size() << " real notices read right");
}

TEST_CASE("a folder of plans links a district plan to its city's among its documents",
          "[plans][cli]") {
  const std::string dir = testing::MakeTempDir();
  for (const char* seed : {"000_d5b961fa901fa4dc", "004_2bfd8bfabc103b07"}) {
    fs::copy_file(testing::FixturePath(std::string("seeds/") + seed + ".txt"),
                  dir + "/" + seed + ".txt");
  }
  const auto result = testing::RunCli({"plans", dir});
  CHECK(result.exit_code == cli::kExitOk);
  // 004's own parent is the national sheet (its reason follows on the line).
  const std::string parent_line = "重庆市 2021  " + dir + "/004_2bfd8bfabc103b07.txt  [inferred: same year 2021, 全国";
  const std::string child_line = "\n    → 梁平区 2021  " + dir +
                                 "/000_d5b961fa901fa4dc.txt  [inferred: same year 2021, 重庆市 "
                                 "(province) contains 梁平区]\n";
  CAPTURE(result.out);
  const std::size_t parent_at = result.out.find(parent_line);
  REQUIRE(parent_at != std::string::npos);
  CHECK(result.out.find(child_line, parent_at) == result.out.find('\n', parent_at));
  // lint uses the same link: 000's targets are compared with 004's.
  const auto json = testing::RunCli({"plans", "--format", "json", dir});
  CHECK(json.out.find("\"parent\": \"" + dir + "/004_2bfd8bfabc103b07.txt\"") != std::string::npos);
}

}  // namespace
}  // namespace plancheck
