// Every format version of a seed (fixtures/docx, fixtures/html, fixtures/pdf,
// fixtures/encodings) gives the same findings as the text seed: same rules, same messages.
#include <catch2/catch.hpp>

#include <filesystem>

#include "config/rule_pack.h"
#include "engine/engine.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "test_util.h"

namespace plancheck::testing {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> Findings(const std::string& relative,
                                  const std::vector<engine::ActiveRule>& rules) {
  Result<model::Document> doc = ingest::LoadDocument({FixturePath(relative), relative});
  REQUIRE(doc.ok());
  parse::ParseDocument(*doc);
  std::vector<std::string> out;
  for (const Diagnostic& d : engine::LintDocument(*doc, rules, {})) {
    out.push_back(d.rule_id + " " + d.message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("each format version of a seed gives the seed's findings", "[golden][formats]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(RulesPath("default"), rules, errors);
  REQUIRE(errors.ToString() == "");
  const auto active = engine::AllEnabled(rules);

  std::vector<std::string> versions;
  for (const char* dir : {"docx", "html", "pdf", "encodings"}) {
    for (const auto& entry : fs::directory_iterator(FixturePath(dir))) {
      versions.push_back(std::string(dir) + "/" + entry.path().filename().string());
    }
  }
  std::sort(versions.begin(), versions.end());
  REQUIRE(versions.size() >= 10);
  for (const std::string& version : versions) {
    // The seed a version was made from: its name starts with the seed's number.
    const std::string number = fs::path(version).filename().string().substr(0, 3);
    std::string seed;
    for (const auto& entry : fs::directory_iterator(FixturePath("seeds"))) {
      if (entry.path().filename().string().rfind(number, 0) == 0) {
        seed = "seeds/" + entry.path().filename().string();
      }
    }
    DYNAMIC_SECTION(version) {
      REQUIRE_FALSE(seed.empty());
      const std::vector<std::string> expected = Findings(seed, active);
      CHECK_FALSE(expected.empty());
      CHECK(Findings(version, active) == expected);
    }
  }
}

}  // namespace plancheck::testing
