// The seeds, as `plancheck lint` sees them, compared byte for byte with reviewed goldens:
//
//   tests/golden/outline/<seed>.txt  the parsed outline: one line per part, section and task
//                                    (number, lead and cooperating units, targets)
//   tests/golden/seeds/<seed>.txt    the lint report as text
//   tests/golden/seeds/<seed>.json   the lint report as JSON
//   tests/golden/sarif/002.sarif     one SARIF report, of the smallest seed
//
// Documents are read and linted through the engine's entry points with the default target
// setup, so the targets.* rules fire as they do in `plancheck lint fixtures/seeds`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/rule_pack.h"
#include "engine/engine.h"
#include "engine/setup.h"
#include "golden/default_setup.h"
#include "report/report.h"
#include "test_util.h"

namespace plancheck::testing {
namespace fs = std::filesystem;
namespace {

std::string Join(const std::vector<model::Located>& names) {
  std::string out;
  for (const model::Located& name : names) out += (out.empty() ? "" : "、") + name.text;
  return out;
}

// The outline of a parsed document with its targets extracted, one line per node:
//   L15 一、“十四五”时期重点工作
//   L16   （一）坚持创新驱动发展，……
//   L17     1. 牵头=市发展改革委、市科技局 配合=市科协 目标=GDP增长6%左右
std::string Outline(const model::Document& doc) {
  std::map<int, std::vector<const model::Target*>> targets_of;  // by task ordinal
  for (const model::Target& target : doc.targets) targets_of[target.task_ordinal].push_back(&target);
  std::string out = doc.path + " shape=" + doc.metadata.shape +
                    " tasks=" + std::to_string(doc.AllTasks().size()) + " declared=" +
                    (doc.declared_task_count ? std::to_string(doc.declared_task_count->value)
                                             : "-") +
                    "\n";
  auto line = [](const model::Location& loc) { return "L" + std::to_string(loc.start.line); };
  int ordinal = 0;
  for (const model::Part& part : doc.parts) {
    if (!part.implicit) out += line(part.loc) + " " + part.number.text + part.title + "\n";
    for (const model::Section& section : part.sections) {
      if (!section.implicit) {
        out += line(section.loc) + "   " + section.number.text + section.title + "\n";
      }
      for (const model::Task& task : section.tasks) {
        ++ordinal;
        out += line(task.loc) + "     " + (task.number.text.empty() ? "-" : task.number.text);
        if (!task.lead_units.empty()) out += " 牵头=" + Join(task.lead_units);
        if (!task.cooperating_units.empty()) out += " 配合=" + Join(task.cooperating_units);
        if (const auto it = targets_of.find(ordinal); it != targets_of.end()) {
          std::string targets;
          for (const model::Target* target : it->second) {
            targets += (targets.empty() ? "" : "；") + target->text;
          }
          out += " 目标=" + targets;
        }
        out += "\n";
      }
    }
  }
  if (const auto it = targets_of.find(0); it != targets_of.end()) {
    for (const model::Target* target : it->second) out += "target outside tasks: " + target->text + "\n";
  }
  return out;
}

std::vector<fs::path> Seeds() {
  std::vector<fs::path> seeds;
  for (const auto& entry : fs::directory_iterator(FixturePath("seeds"))) {
    if (entry.path().extension() == ".txt") seeds.push_back(entry.path());
  }
  std::sort(seeds.begin(), seeds.end());
  return seeds;
}

}  // namespace

TEST_CASE("seed outlines match the reviewed goldens", "[golden][seeds]") {
  const std::vector<fs::path> seeds = Seeds();
  REQUIRE(seeds.size() == 5);
  for (const fs::path& seed : seeds) {
    const std::string display = "fixtures/seeds/" + seed.filename().string();
    DYNAMIC_SECTION(display) {
      Result<model::Document> doc =
          engine::ReadDocument({seed.string(), display}, &DefaultTargetSetup().indicators);
      REQUIRE(doc.ok());
      CHECK(CompareGolden(TestDataPath("golden/outline/" + seed.stem().string() + ".txt"),
                          Outline(*doc)) == "");
    }
  }
}

TEST_CASE("seed lint output matches the reviewed goldens", "[golden][seeds]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(RulesPath("default"), rules, errors);
  REQUIRE(errors.ToString() == "");
  std::vector<report::RuleInfo> infos;
  for (const rule::Rule& r : rules) infos.push_back({r.id, r.title, r.severity, r.description});
  const std::vector<engine::ActiveRule> active = engine::AllEnabled(rules);
  const engine::LintOptions options = engine::TargetLintOptions(DefaultTargetSetup(), "zh");

  const std::vector<fs::path> seeds = Seeds();
  REQUIRE(seeds.size() == 5);
  for (const fs::path& seed : seeds) {
    const std::string display = "fixtures/seeds/" + seed.filename().string();
    DYNAMIC_SECTION(display) {
      const std::vector<engine::FileResult> results = engine::LintFiles(
          {{seed.string(), display}}, [&](const std::string&) { return active; }, options, 1);
      REQUIRE(results.size() == 1);
      REQUIRE(results[0].ok);
      const std::vector<Diagnostic>& diagnostics = results[0].diagnostics;
      const std::string stem = TestDataPath("golden/seeds/" + seed.stem().string());
      report::ReportOptions report_options;
      report_options.tool_version = "test";
      CHECK(CompareGolden(stem + ".txt",
                          WithRelativeRules(report::FormatText(diagnostics, {display}, report_options))) == "");
      CHECK(CompareGolden(stem + ".json",
                          WithRelativeRules(report::FormatJson(diagnostics, {display}, report_options))) == "");
      // One SARIF golden, of the smallest seed: the format is the same for every document.
      if (seed.stem().string().starts_with("002_")) {
        CHECK(CompareGolden(TestDataPath("golden/sarif/002.sarif"),
                            WithRelativeRules(report::FormatSarif(diagnostics, {display}, infos, report_options))) ==
              "");
      }
    }
  }
}

}  // namespace plancheck::testing
