// End-to-end `plancheck lint`: exit codes, rule packs, configuration discovery and
// baselines, run in process on documents written to a temp directory.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "test_util.h"

namespace plancheck::cli {
using plancheck::testing::CliResult;
using plancheck::testing::MakeTempDir;
using plancheck::testing::RunCli;
using plancheck::testing::WriteFile;

namespace {

// Task 2 has no lead unit (an error in the default pack); task 1 is clean.
const char* kNotice =
    "2021年区政府工作报告目标任务分解方案\n"
    "一、主要目标\n"
    "1.地区生产总值增长6.5%。\n"
    "责任单位：区发展改革委；配合单位：区统计局。\n"
    "2.规上工业增加值增长8.5%。\n";

// The first diagnostic of `file` (lint JSON) with rule `rule`; null when there is none.
nlohmann::json FindDiagnostic(const nlohmann::json& file, const std::string& rule) {
  for (const auto& diagnostic : file["diagnostics"]) {
    if (diagnostic["rule"] == rule) return diagnostic;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("lint exit codes follow the failing severity", "[cli][lint]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt", kNotice);
  // Extra arguments (empty = none) and the exit code they give.
  auto [option, value, code] = GENERATE(table<std::string, std::string, int>({
      {"", "", kExitFindings},
      {"--fail-on", "never", kExitOk},
      {"--fail-on", "info", kExitFindings},
      {"--no-default-rules", "", kExitOk},
      {"--fail-on", "sometimes", kExitError},
  }));
  std::vector<std::string> full = {"lint", dir + "/plan.txt"};
  if (!option.empty()) full.push_back(option);
  if (!value.empty()) full.push_back(value);
  const CliResult result = RunCli(full);
  CHECK(result.exit_code == code);
}

TEST_CASE("the default --fail-on error fails a notice with an unbalanced quote or a misspelt unit",
          "[cli][lint]") {
  // Liangping district has a unit registry; every unit below is registered, so the clean
  // notice has nothing at error level and the two edits each bring one error of their own.
  const std::string head =
      "重庆市梁平区人民政府办公室\n"
      "关于印发2021年区政府工作报告目标任务分解方案的通知\n"
      "2021年区政府工作报告目标任务分解方案\n"
      "一、重点工作\n"
      "（一）聚力打造区域开放高地。\n"
      "1.推进工业互联网创新发展，培育一批智能工厂和数字化车间。\n";
  const std::string quoted = "2.建设“智慧梁平”新型基础设施。\n";
  const std::string tail = "责任单位：区经济信息委、区大数据发展局。\n";
  auto [name, lead, second, code, rule] =
      GENERATE_REF(table<std::string, std::string, std::string, int, std::string>({
          {"clean", "区经济信息委", quoted, kExitOk, ""},
          {"misspelt unit", "区经济信委", quoted, kExitFindings, "units.misspelt"},
          {"unbalanced quote", "区经济信息委", "2.建设“智慧梁平新型基础设施。\n", kExitFindings,
           "punctuation.balanced"},
      }));
  CAPTURE(name);
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt", head + "责任单位：" + lead + "、区科技局。\n" + second + tail);
  const CliResult result = RunCli({"lint", dir + "/plan.txt", "--format", "json"});
  CHECK(result.exit_code == code);
  const auto parsed = nlohmann::json::parse(result.out);
  std::vector<std::string> errors;
  for (const auto& diagnostic : parsed["files"][0]["diagnostics"]) {
    if (diagnostic["severity"] == "error") errors.push_back(diagnostic["rule"]);
  }
  CHECK(errors == (rule.empty() ? std::vector<std::string>{} : std::vector<std::string>{rule}));
}

TEST_CASE("lint reports the missing lead unit in text and JSON", "[cli][lint]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt", kNotice);
  const CliResult text = RunCli({"lint", dir + "/plan.txt", "--color", "never"});
  CHECK(text.out.find(dir + "/plan.txt:5:1: error: 第2项任务未明确牵头单位 [task.lead-unit-required]") !=
        std::string::npos);
  const CliResult json = RunCli({"lint", dir + "/plan.txt", "--format", "json"});
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed["version"] == 1);
  CHECK(parsed["summary"]["error"] == 1);
  // The notice names no region: units.no-registry says so at info level beside it.
  const nlohmann::json missing = FindDiagnostic(parsed["files"][0], "task.lead-unit-required");
  REQUIRE_FALSE(missing.is_null());
  CHECK(missing["task"] == "2");
  const CliResult english = RunCli({"lint", dir + "/plan.txt", "--lang", "en"});
  CHECK(english.out.find("error: Task 2") != std::string::npos);
}

TEST_CASE("a broken rule pack stops the run with a located error", "[cli][lint]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt", kNotice);
  WriteFile(dir + "/rules.yaml",
            "- id: extra.rule\n  title: t\n  message: m\n  severity: error\n  scope: task\n"
            "  check: requird\n  field: text\n");
  const CliResult result = RunCli({"lint", dir + "/plan.txt", "--rules", dir + "/rules.yaml"});
  CHECK(result.exit_code == kExitError);
  CHECK(result.err == dir + "/rules.yaml:6:10: error: unknown check kind 'requird' (did you mean "
                            "'required'?)\n");
  CHECK(result.out.empty());
}

TEST_CASE(".plancheck.yaml is discovered beside the documents", "[cli][lint][config]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/sub/plan.txt", kNotice);
  WriteFile(dir + "/.plancheck.yaml", "severity:\n  task.lead-unit-required: warning\n");
  CHECK(RunCli({"lint", dir + "/sub"}).exit_code == kExitOk);
  CHECK(RunCli({"lint", dir + "/sub", "--fail-on", "warning"}).exit_code == kExitFindings);

  WriteFile(dir + "/.plancheck.yaml", "disable: [task.lead-unit-requird]\n");
  const CliResult typo = RunCli({"lint", dir + "/sub"});
  CHECK(typo.exit_code == kExitError);
  CHECK(typo.err.find("task.lead-unit-requird") != std::string::npos);
}

TEST_CASE("a baseline hides accepted findings and only those", "[cli][lint][baseline]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt", kNotice);
  const std::string baseline = dir + "/baseline.json";
  CHECK(RunCli({"lint", dir + "/plan.txt", "--write-baseline", baseline}).exit_code ==
        kExitFindings);
  CHECK(RunCli({"lint", dir + "/plan.txt", "--baseline", baseline}).exit_code == kExitOk);
  // Lines inserted above the finding do not revive it.
  WriteFile(dir + "/plan.txt", std::string("\n\n") + kNotice);
  CHECK(RunCli({"lint", dir + "/plan.txt", "--baseline", baseline}).exit_code == kExitOk);
  // A new finding still fails the run.
  WriteFile(dir + "/plan.txt", std::string(kNotice) + "3.新任务。\n");
  const CliResult fresh = RunCli({"lint", dir + "/plan.txt", "--baseline", baseline});
  CHECK(fresh.exit_code == kExitFindings);
  CHECK(fresh.out.find("第3项任务未明确牵头单位") != std::string::npos);
  CHECK(fresh.out.find("第2项任务") == std::string::npos);
}

TEST_CASE("one unreadable file does not stop the others", "[cli][lint]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.txt", kNotice);
  WriteFile(dir + "/b.txt", "");
  const CliResult result = RunCli({"lint", dir, "--format", "json"});
  CHECK(result.exit_code == kExitError);
  const auto parsed = nlohmann::json::parse(result.out);
  REQUIRE(parsed["files"].size() == 2);
  CHECK_FALSE(FindDiagnostic(parsed["files"][0], "task.lead-unit-required").is_null());
  CHECK(parsed["files"][1]["diagnostics"][0]["rule"] == "input.unreadable");
}

TEST_CASE("rules, explain and list-kinds describe the pack", "[cli]") {
  const CliResult rules = RunCli({"rules"});
  CHECK(rules.exit_code == kExitOk);
  CHECK(rules.out.find("task.lead-unit-required") != std::string::npos);
  const CliResult explain = RunCli({"explain", "task.lead-unit-required"});
  CHECK(explain.exit_code == kExitOk);
  CHECK(explain.out.find("示例") != std::string::npos);
  const CliResult typo = RunCli({"explain", "task.lead-unit-requird"});
  CHECK(typo.exit_code == kExitError);
  CHECK(typo.err.find("did you mean 'task.lead-unit-required'") != std::string::npos);
  CHECK(RunCli({"list-kinds"}).out.find("sequence") != std::string::npos);
}

}  // namespace plancheck::cli
