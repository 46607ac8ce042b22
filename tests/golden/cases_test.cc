// The golden case runner (docs/architecture.md, Tests): tests/cases/<rule-id>/<case>/ holds
// input.txt, expected.txt and, if needed, rules.yaml. Each case is linted the way
// `plancheck lint` lints a file (engine::LintFiles, with target extraction and the
// parent plan the run would choose), with the default pack restricted to <rule-id> (or
// with the case's own rules.yaml), printed as text without colour, paths relative to the
// case, and compared byte for byte.
//
// Every case folder is its own Catch2 test case, "case: <rule-id>/<case>", registered when
// the test program starts, so each is its own CTest entry and a new folder needs no edit
// here (CMakeLists.txt relinks the tests when the set of folders changes).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "case_folders.h"  // generated: PLANCHECK_CASE_FOLDERS
#include "config/rule_pack.h"
#include "engine/engine.h"
#include "engine/setup.h"
#include "golden/default_setup.h"
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
  engine::LintOptions options = engine::TargetLintOptions(DefaultTargetSetup(), "zh");
  options.source_lines = true;
  const std::vector<engine::FileResult> results = engine::LintFiles(
      {{(dir / "input.txt").string(), "input.txt"}}, [&](const std::string&) { return active; },
      options, 1);
  return WithRelativeRules(report::FormatText(results.at(0).diagnostics, {"input.txt"}, {}));
}

void RunCaseFolder(const fs::path& dir) {
  const std::string rule_id = dir.parent_path().filename().string();
  const std::string actual = RunCase(dir, rule_id);
  CHECK(CompareGolden((dir / "expected.txt").string(), actual) == "");
  // A clean case expects no finding; any other case expects at least one line beyond the
  // summary.
  const auto lines = std::count(actual.begin(), actual.end(), '\n');
  if (dir.filename().string().ends_with("-clean")) {
    CHECK(lines == 1);
  } else {
    CHECK(lines > 1);
  }
}

// The case folders, sorted; empty when tests/cases cannot be read.
std::vector<fs::path> CaseFolders() {
  std::vector<fs::path> cases;
  std::error_code ec;
  for (const auto& rule_dir : fs::directory_iterator(TestDataPath("cases"), ec)) {
    if (!rule_dir.is_directory()) continue;
    for (const auto& case_dir : fs::directory_iterator(rule_dir.path(), ec)) {
      if (case_dir.is_directory()) cases.push_back(case_dir.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class CaseInvoker final : public Catch::ITestInvoker {
 public:
  explicit CaseInvoker(fs::path dir) : dir_(std::move(dir)) {}
  void invoke() const override { RunCaseFolder(dir_); }

 private:
  fs::path dir_;
};

// Registers one test case per folder before Catch2's main runs. Catch2 copies the names;
// it owns the invokers.
const bool kRegistered = [] {
  for (const fs::path& dir : CaseFolders()) {
    const std::string name =
        "case: " + dir.parent_path().filename().string() + "/" + dir.filename().string();
    Catch::AutoReg(new CaseInvoker(dir), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
                   Catch::NameAndTags{name, "[golden][cases]"});
  }
  return true;
}();

}  // namespace

TEST_CASE("every rule of the default pack has a case folder", "[golden][cases]") {
  REQUIRE(kRegistered);
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(RulesPath("default"), rules, errors);
  REQUIRE(errors.empty());
  const std::vector<fs::path> cases = CaseFolders();
  for (const rule::Rule& r : rules) {
    CAPTURE(r.id);
    CHECK(std::any_of(cases.begin(), cases.end(), [&](const fs::path& dir) {
      return dir.parent_path().filename() == r.id;
    }));
  }
}

}  // namespace plancheck::testing
