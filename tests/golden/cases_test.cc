// The golden case runner (docs/architecture.md, Tests): tests/cases/<rule-id>/<case>/ holds input.txt,
// expected.txt and, if needed, rules.yaml. Each case is linted in process with the
// default pack restricted to <rule-id> (or with its own rules.yaml), printed as text
// without colour, paths relative to the case, and compared byte for byte.
#include <catch2/catch.hpp>

#include <filesystem>

#include "config/rule_pack.h"
#include "engine/engine.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "report/report.h"
#include "test_util.h"

namespace plancheck::testing {
namespace fs = std::filesystem;
namespace {

// The text report of one case, or the rule-pack errors when its rules.yaml is broken.
std::string RunCase(const fs::path& dir, const std::string& rule_id) {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  const fs::path own_rules = dir / "rules.yaml";
  if (fs::exists(own_rules)) {
    config::LoadRulePackFromString(ReadFile(own_rules.string()), "rules.yaml", rules, errors);
  } else {
    config::LoadRulePack(RulesPath("default"), rules, errors);
  }
  if (!errors.empty()) return errors.ToString();
  std::vector<engine::ActiveRule> active;
  for (const rule::Rule& r : rules) {
    if ((fs::exists(own_rules) || r.id == rule_id) && r.enabled) {
      active.push_back({&r, r.severity});
    }
  }
  if (active.empty()) return "no rule '" + rule_id + "' to run\n";
  Result<model::Document> doc =
      ingest::LoadDocumentFromString(ReadFile((dir / "input.txt").string()), "input.txt");
  if (!doc) return FormatError(doc.error()) + "\n";
  parse::ParseDocument(*doc);
  const std::vector<Diagnostic> diagnostics = engine::LintDocument(*doc, active, {});
  return report::FormatText(diagnostics, {"input.txt"}, {});
}

}  // namespace

TEST_CASE("golden cases", "[golden][cases]") {
  const fs::path root = TestDataPath("cases");
  std::vector<fs::path> cases;
  for (const auto& rule_dir : fs::directory_iterator(root)) {
    if (!rule_dir.is_directory()) continue;
    for (const auto& case_dir : fs::directory_iterator(rule_dir.path())) {
      if (case_dir.is_directory()) cases.push_back(case_dir.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const fs::path& dir : cases) {
    const std::string rule_id = dir.parent_path().filename().string();
    const std::string name = rule_id + "/" + dir.filename().string();
    DYNAMIC_SECTION(name) {
      const std::string actual = RunCase(dir, rule_id);
      CHECK(CompareGolden((dir / "expected.txt").string(), actual) == "");
      const bool clean = dir.filename().string().ends_with("-clean");
      // A clean case expects no finding; any other case expects at least one line
      // beyond the summary.
      const auto lines = std::count(actual.begin(), actual.end(), '\n');
      if (clean) {
        CHECK(lines == 1);
      } else {
        CHECK(lines > 1);
      }
    }
  }
}

}  // namespace plancheck::testing
