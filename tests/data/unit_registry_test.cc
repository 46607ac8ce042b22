#include "data/unit_registry.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "data/unit_registry_loader.h"
#include "test_util.h"

namespace plancheck::data {
using model::AdminLevel;
using model::Metadata;
namespace {

// The registries of rules/units/ that apply to a document of `region` at `level`.
std::shared_ptr<const UnitDirectory> Directory(AdminLevel level, const std::string& region) {
  ErrorList errors;
  static const data::UnitRegistrySet kSet(
      data::LoadUnitRegistries(testing::RulesPath("units"), errors));
  REQUIRE(errors.empty());
  Metadata metadata;
  metadata.level = level;
  metadata.region = region;
  return kSet.For(metadata);
}

}  // namespace

TEST_CASE("IsLikelySlip tells slips from distinct units sharing words", "[units][model]") {
  auto [a, b, slip] = GENERATE(table<std::string, std::string, bool>({
      {"区经济信委", "区经济信息委", true},                // 000 task 52: one character dropped
      {"双桂新城管委", "双桂新城管委会", true},            // 000 task 28
      {"市规划自然资源管理局", "市规划自然资源局", true},  // 004: two characters inserted
      {"市大数据管理局", "市大数据发展局", true},          // 004: two characters replaced
      {"区文化委", "区文化旅游委", false},                 // two of four characters: another unit
      {"区文化旅游委", "区文化委", false},
      {"市大数据发展局", "区大数据发展局", false},  // another level, not a slip
      {"区科技局", "区林业局", false},              // two of four characters
      {"区财政局", "区民政局", false},              // one of four replaced: another unit
      {"区财政局", "区财政", false},                // too short to tell
      {"区教委", "区商务委", false},
      {"区发展改革委", "区发展改革委", false},  // the same name
      // Longer than kMaxSlipNameLength: no unit's name (a run-on list, a bracket storm).
      {"区" + std::string(40, 'a') + "局", "区" + std::string(40, 'a') + "x局", false},
  }));
  CHECK(IsLikelySlip(a, b) == slip);
}

TEST_CASE("CodePointEditDistance counts code points, not bytes", "[units][model]") {
  CHECK(CodePointEditDistance("区经济信委", "区经济信息委") == 1);
  CHECK(CodePointEditDistance("区文化委", "区文化旅游委") == 2);
  CHECK(CodePointEditDistance("", "区") == 1);
  CHECK(CodePointEditDistance("abc", "abc") == 0);
}

TEST_CASE("a unit directory resolves names for the document's region", "[units][model]") {
  auto [level, region, name, kind, canonical] =
      GENERATE(table<AdminLevel, std::string, std::string, UnitMatchKind, std::string>({
          {AdminLevel::kDistrict, "梁平区", "区发展改革委", UnitMatchKind::kCanonical,
           "区发展改革委"},
          {AdminLevel::kDistrict, "梁平区", "区发改委", UnitMatchKind::kAlias, "区发展改革委"},
          {AdminLevel::kDistrict, "梁平区", "新城管委会", UnitMatchKind::kAlias, "双桂新城管委会"},
          {AdminLevel::kDistrict, "梁平区", "区经济信委", UnitMatchKind::kNone, ""},
          {AdminLevel::kDistrict, "梁平区", "双桂新城管委", UnitMatchKind::kNone, ""},
          {AdminLevel::kDistrict, "梁平区", "各乡镇（街道）", UnitMatchKind::kCollective,
           "各乡镇（街道）"},
          {AdminLevel::kDistrict, "梁平区", "区政府有关部门", UnitMatchKind::kCollective,
           "区政府有关部门"},
          {AdminLevel::kDistrict, "梁平区", "竹山镇", UnitMatchKind::kPattern, "竹山镇"},
          {AdminLevel::kDistrict, "梁平区", "区科协等", UnitMatchKind::kCanonical, "区科协"},
          {AdminLevel::kDistrict, "梁平区", "江津区规划自然资源局", UnitMatchKind::kNone, ""},
          {AdminLevel::kDistrict, "梁平区", "市发展改革委", UnitMatchKind::kNone, ""},
          {AdminLevel::kDistrict, "江津区", "江津区规划自然资源局", UnitMatchKind::kAlias,
           "区规划自然资源局"},
          {AdminLevel::kDistrict, "重庆市江津区", "区规划自然资源局", UnitMatchKind::kCanonical,
           "区规划自然资源局"},
          {AdminLevel::kDistrict, "江津区", "区农业农村委（区乡村振兴局）",
           UnitMatchKind::kCanonical, "区农业农村委"},
          {AdminLevel::kDistrict, "江津区", "科学城江津管委会（双福工业园发展中心）",
           UnitMatchKind::kCanonical, "科学城江津管委会"},
          {AdminLevel::kDistrict, "涪陵区", "农业农村委", UnitMatchKind::kPrefixOmitted,
           "区农业农村委"},
          {AdminLevel::kDistrict, "涪陵区", "涪陵高新区", UnitMatchKind::kAlias,
           "涪陵高新区管委会"},
          {AdminLevel::kProvince, "重庆市", "市发展改革委（市粮食局）", UnitMatchKind::kCanonical,
           "市发展改革委"},
          {AdminLevel::kProvince, "重庆市", "璧山区政府", UnitMatchKind::kPattern, "璧山区政府"},
          {AdminLevel::kProvince, "重庆市", "市安委会成员单位", UnitMatchKind::kCollective,
           "市安委会成员单位"},
          {AdminLevel::kProvince, "重庆市", "区发展改革委", UnitMatchKind::kNone, ""},
          // rules/units/national.yaml: State Council notices (level national, no region).
          {AdminLevel::kNational, "", "国家发展改革委", UnitMatchKind::kCanonical,
           "国家发展改革委"},
          {AdminLevel::kNational, "", "国家发展和改革委员会", UnitMatchKind::kAlias,
           "国家发展改革委"},
          {AdminLevel::kNational, "", "人社部", UnitMatchKind::kAlias, "人力资源社会保障部"},
          {AdminLevel::kNational, "", "银保监会", UnitMatchKind::kAlias, "金融监管总局"},
          {AdminLevel::kNational, "", "国家乡村振兴局", UnitMatchKind::kCanonical,
           "国家乡村振兴局"},
          {AdminLevel::kNational, "", "全国妇联", UnitMatchKind::kCanonical, "全国妇联"},
          {AdminLevel::kNational, "", "国务院各部门", UnitMatchKind::kCollective, "国务院各部门"},
          {AdminLevel::kNational, "", "区发展改革委", UnitMatchKind::kNone, ""},
          {AdminLevel::kProvince, "重庆市", "国家发展改革委", UnitMatchKind::kNone, ""},
          {AdminLevel::kUnknown, "", "区发展改革委", UnitMatchKind::kCanonical, "区发展改革委"},
          {AdminLevel::kUnknown, "", "市发展改革委", UnitMatchKind::kCanonical, "市发展改革委"},
      }));
  INFO(region << " " << name);
  const UnitMatch match = Directory(level, region)->Lookup(name);
  CHECK(UnitMatchKindName(match.kind) == std::string(UnitMatchKindName(kind)));
  CHECK(match.canonical == canonical);
}

TEST_CASE("a unit directory suggests the registered name a slip stands for", "[units][model]") {
  auto [level, region, name, suggestion] =
      GENERATE(table<AdminLevel, std::string, std::string, std::string>({
          {AdminLevel::kDistrict, "梁平区", "区经济信委", "区经济信息委"},
          {AdminLevel::kDistrict, "梁平区", "双桂新城管委", "双桂新城管委会"},
          {AdminLevel::kDistrict, "梁平区", "区发改委员", "区发展改革委"},  // via the alias
          {AdminLevel::kProvince, "重庆市", "市规划自然资源管理局", "市规划自然资源局"},
          {AdminLevel::kProvince, "重庆市", "市大数据管理局", "市大数据发展局"},
          {AdminLevel::kProvince, "重庆市", "市金融管理局", "市金融监管局"},
          // Not a slip of 区文化旅游委, nor of its alias 区文旅委 (one of four replaced).
          {AdminLevel::kDistrict, "梁平区", "区文化委", ""},
          {AdminLevel::kDistrict, "梁平区", "区文化局", ""},  // two of four characters off
          {AdminLevel::kDistrict, "梁平区", "区月球开发局", ""},
      }));
  const auto suggestions = Directory(level, region)->Suggest(name);
  CHECK((suggestions.empty() ? std::string() : suggestions.front()) == suggestion);
}

TEST_CASE("registries apply by level and region", "[units][model]") {
  UnitRegistry registry;
  registry.level = "district";
  registry.regions = {"梁平区"};
  Metadata metadata;
  CHECK(registry.AppliesTo(metadata));  // unknown level: everything applies
  metadata.level = AdminLevel::kDistrict;
  metadata.region = "重庆市梁平区";
  CHECK(registry.AppliesTo(metadata));
  metadata.region = "江津区";
  CHECK_FALSE(registry.AppliesTo(metadata));
  metadata.level = AdminLevel::kProvince;
  metadata.region = "梁平区";
  CHECK_FALSE(registry.AppliesTo(metadata));
}

TEST_CASE("a unit directory answers the same from several threads", "[units][model]") {
  // Fresh directory: its memo starts empty and fills from four threads at once.
  ErrorList errors;
  const data::UnitRegistrySet set(data::LoadUnitRegistries(testing::RulesPath("units"), errors));
  REQUIRE(errors.empty());
  Metadata metadata;
  metadata.level = AdminLevel::kDistrict;
  metadata.region = "梁平区";
  const std::shared_ptr<const UnitDirectory> shared = set.For(metadata);
  const UnitDirectory fresh(shared->registries());
  const std::vector<std::string> names = {"区发展改革委", "区发改委", "区经济信委", "各乡镇（街道）",
                                          "新城管委会", "区不存在局", "区经济信息委、"};
  std::vector<std::vector<std::string>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (const std::string& name : names) {
          const UnitMatch match = fresh.Lookup(name);
          const std::vector<std::string> suggested = fresh.Suggest(name);
          if (round == 0) {
            seen[t].push_back(std::string(UnitMatchKindName(match.kind)) + ":" + match.canonical +
                              ":" + (suggested.empty() ? "" : suggested.front()));
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::vector<std::string> expected;
  const UnitDirectory alone(shared->registries());
  for (const std::string& name : names) {
    const UnitMatch match = alone.Lookup(name);
    const std::vector<std::string> suggested = alone.Suggest(name);
    expected.push_back(std::string(UnitMatchKindName(match.kind)) + ":" + match.canonical + ":" +
                       (suggested.empty() ? "" : suggested.front()));
  }
  CHECK(expected[2] == "none::区经济信息委");
  for (const auto& answers : seen) CHECK(answers == expected);
}

namespace {

// Classes by the definition: every pair compared, merged transitively.
std::vector<std::size_t> PairwiseSlipClasses(const std::vector<std::string>& names) {
  std::vector<std::size_t> cls(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) cls[i] = i;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < names.size(); ++i) {
      for (std::size_t j = i + 1; j < names.size(); ++j) {
        if (cls[i] == cls[j] || !IsLikelySlip(names[i], names[j])) continue;
        const std::size_t keep = std::min(cls[i], cls[j]);
        const std::size_t drop = std::max(cls[i], cls[j]);
        for (std::size_t& c : cls) {
          if (c == drop) c = keep;
        }
        changed = true;
      }
    }
  }
  return cls;
}

TEST_CASE("SlipClasses agrees with comparing every pair", "[units][model]") {
  // Names built from few characters so that slips of one, two and three code points,
  // other levels (市 / 区) and short names all occur.
  std::uint32_t state = GENERATE(3u, 11u, 2026u);
  auto next = [&](std::uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 16) % n;
  };
  const std::vector<std::string> pieces = {"经济", "信息", "委", "局", "规划", "自然", "资源", "发展"};
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i) {
    std::string name = next(5) == 0 ? "市" : "区";
    const std::uint32_t parts = 1 + next(4);
    for (std::uint32_t p = 0; p < parts; ++p) name += pieces[next(pieces.size())];
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  const std::vector<std::size_t> expected = PairwiseSlipClasses(names);
  CHECK(SlipClasses(names) == expected);
  // The names fall into some classes of more than one.
  std::size_t merged = 0;
  for (std::size_t i = 0; i < names.size(); ++i) merged += expected[i] != i;
  CHECK(merged > 10);
}

TEST_CASE("SlipClasses groups 10,000 numbered names", "[units][model]") {
  std::vector<std::string> names;
  for (int i = 0; i < 10000; ++i) names.push_back("区单位" + std::to_string(i) + "局");
  names.push_back("市财政局");
  const std::vector<std::size_t> classes = SlipClasses(names);
  // Neighbours are one or two code points apart (区单位7局 / 区单位17局 / 区单位117局), so
  // the numbered names chain into one class; 市财政局 is of another level.
  CHECK(std::count(classes.begin(), classes.end(), 0u) == 10000);
  CHECK(classes.back() == 10000);
}

}  // namespace

}  // namespace plancheck::data

namespace plancheck::data {
namespace {

const DepartmentStems& TestStems() {
  static const DepartmentStems kStems = [] {
    DepartmentStems stems;
    stems.prefixes = {"省", "市", "县", "区", "镇", "街道", "自治县"};
    stems.departments = {{"发展和改革委员会", {"发展改革委", "发改委", "发展改革局", "发改局"}},
                         {"市场监督管理局", {"市场监管局"}},
                         {"财政局", {"财政厅"}},
                         {"生态环境局", {}}};
    stems.Index();
    return stems;
  }();
  return kStems;
}

}  // namespace

TEST_CASE("MatchWellFormed reads a level or place and a department stem", "[units][model]") {
  auto [name, expected] = GENERATE(table<std::string, std::string>({
      {"县发改局", "县|发改局|发展和改革委员会"},
      {"省财政厅", "省|财政厅|财政局"},
      {"县市场监管局", "县|市场监管局|市场监督管理局"},  // 县 + 市场…, not 县市 + 场…
      {"黄山市生态环境局", "黄山市|生态环境局|生态环境局"},
      {"峨边彝族自治县财政局", "峨边彝族自治县|财政局|财政局"},
      {"县财政局等", "县|财政局|财政局"},
      // Near misses: no level, an unknown stem, a prefix that is no place.
      {"财政局", ""},
      {"县经济信委", ""},
      {"有关财政局", ""},
      {"县", ""},
  }));
  CAPTURE(name);
  const std::optional<WellFormedName> found = MatchWellFormed(TestStems(), name);
  CHECK((found ? found->prefix + "|" + found->stem + "|" + found->department : "") == expected);
}

TEST_CASE("a registry covers only documents of its own level and region", "[units][model]") {
  UnitRegistry district;
  district.level = "district";
  district.regions = {"梁平区", "涪陵区"};
  UnitRegistry national;
  national.level = "national";
  national.regions = {"全国"};
  UnitRegistry any;
  any.level = "any";
  auto covers = [](const UnitRegistry& registry, AdminLevel level, const std::string& region) {
    Metadata metadata;
    metadata.level = level;
    metadata.region = region;
    return registry.Covers(metadata);
  };
  CHECK(covers(district, AdminLevel::kDistrict, "重庆市梁平区"));
  CHECK_FALSE(covers(district, AdminLevel::kDistrict, "长兴县"));
  CHECK_FALSE(covers(district, AdminLevel::kDistrict, ""));
  CHECK_FALSE(covers(district, AdminLevel::kUnknown, "梁平区"));
  CHECK_FALSE(covers(district, AdminLevel::kProvince, "梁平区"));
  CHECK(covers(national, AdminLevel::kNational, ""));
  CHECK_FALSE(covers(any, AdminLevel::kDistrict, "梁平区"));
}

TEST_CASE("a directory with stems knows well-formed names of any region", "[units][model]") {
  auto stems = std::make_shared<const DepartmentStems>(TestStems());
  const UnitDirectory directory({}, stems);
  const UnitMatch match = directory.Lookup("县发展改革局");
  CHECK(match.kind == UnitMatchKind::kWellFormed);
  CHECK(match.canonical == "县发展和改革委员会");
  CHECK(match.prefix == "县");
  CHECK(directory.Lookup("县发改局").canonical == match.canonical);
  CHECK(directory.Lookup("县经济信委").kind == UnitMatchKind::kNone);
  // A bare stem: well formed, no prefix.
  const UnitMatch bare = directory.Lookup("发改局");
  CHECK(bare.kind == UnitMatchKind::kWellFormed);
  CHECK(bare.prefix.empty());
  CHECK(bare.canonical == "发展和改革委员会");
  const UnitDirectory without_stems;
  CHECK(without_stems.Lookup("县发改局").kind == UnitMatchKind::kNone);
}

}  // namespace plancheck::data
