#include "engine/engine.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <map>
#include <stdexcept>

#include "config/rule_pack.h"
#include "ingest/ingest.h"
#include "data/indicators.h"
#include "test_util.h"

namespace plancheck::engine {
namespace {

// A document with one part, one section and two tasks, built by hand so that the engine
// is tested independently of the parser.
model::Document TwoTaskDocument() {
  model::Document doc =
      std::move(*ingest::LoadDocumentFromString("1.甲任务。\n2.乙任务。\n责任单位：区科技局。\n", "d.txt"));
  model::Part& part = doc.parts.emplace_back();
  part.implicit = true;
  model::Section& section = part.sections.emplace_back();
  section.implicit = true;
  const std::string_view text = doc.text;
  auto add_task = [&](const char* number, const char* statement, int ordinal) {
    model::Task& task = section.tasks.emplace_back();
    const std::size_t at = text.find(number);
    task.number.text = number;
    task.number.value = ordinal;
    task.number.style = model::NumberStyle::kArabicDot;
    task.number.loc = doc.Locate({at, at + 2});
    task.text = statement;
    task.ordinal = ordinal;
    const std::size_t end = text.find('\n', at);
    task.loc = doc.Locate({at, end});
    task.text_loc = doc.Locate({at + 2, end});
  };
  add_task("1.", "甲任务。", 1);
  add_task("2.", "乙任务。", 2);
  const std::size_t unit = text.find("区科技局");
  section.tasks[1].lead_units.push_back({"区科技局", doc.Locate({unit, unit + 12})});
  return doc;
}

// One rule: every task needs a lead unit.
std::vector<rule::Rule> LeadUnitRules() {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePackFromString(R"(- id: task.lead-unit-required
  title: 任务缺少牵头单位
  message: 第{number}项任务未明确牵头单位
  message_en: Task {number} names no lead unit
  severity: error
  scope: task
  check: required
  field: lead_units
  suggest: 补充“牵头单位：……”
)",
                                 "pack.yaml", rules, errors);
  REQUIRE(errors.empty());
  return rules;
}

}  // namespace

TEST_CASE("LintDocument turns findings into located, interpolated diagnostics", "[engine]") {
  const std::vector<rule::Rule> rules = LeadUnitRules();
  const model::Document doc = TwoTaskDocument();

  const auto zh = LintDocument(doc, AllEnabled(rules), {"zh"});
  REQUIRE(zh.size() == 1);
  CHECK(zh[0].rule_id == "task.lead-unit-required");
  CHECK(zh[0].severity == Severity::kError);
  CHECK(zh[0].file == "d.txt");
  CHECK(zh[0].start == Position{1, 1});
  CHECK(zh[0].end == Position{1, 3});
  CHECK(zh[0].message == "第1项任务未明确牵头单位");
  CHECK(zh[0].suggestion == std::optional<std::string>("补充“牵头单位：……”"));
  CHECK(zh[0].task == "1");
  CHECK(zh[0].excerpt == "1.");
  CHECK(zh[0].source_line == "1.甲任务。");

  const auto en = LintDocument(doc, {{&rules[0], Severity::kInfo}}, {"en"});
  REQUIRE(en.size() == 1);
  CHECK(en[0].message == "Task 1 names no lead unit");
  CHECK(en[0].severity == Severity::kInfo);

  // Without source lines (every format but text): the same finding, no copy of its line.
  LintOptions without_lines;
  without_lines.source_lines = false;
  const auto bare = LintDocument(doc, AllEnabled(rules), without_lines);
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].source_line.empty());
  CHECK(bare[0].start == zh[0].start);
  CHECK(bare[0].excerpt == "1.");
}

TEST_CASE("LintDocument words a finding by its variant, falling back to the rule's texts",
          "[engine]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePackFromString(R"(- id: numbering.task-continuous
  title: 任务序号不连续
  message: 任务序号不连续：应为{expected}，实为{actual}
  message_en: "Not continuous: expected {expected}, found {actual}"
  severity: error
  scope: document
  check: sequence
  of: tasks
  suggest: 核对序号
  variants:
    repeat:
      message: 任务序号重复：应为{expected}，实为{actual}
)",
                                 "pack.yaml", rules, errors);
  REQUIRE(errors.empty());
  model::Document doc = TwoTaskDocument();
  // "1.、1.": the second task repeats the first's number.
  doc.parts[0].sections[0].tasks[1].number.value = 1;
  const auto zh = LintDocument(doc, AllEnabled(rules), {"zh"});
  REQUIRE(zh.size() == 1);
  CHECK(zh[0].message == "任务序号重复：应为2，实为1");
  CHECK(zh[0].suggestion == std::optional<std::string>("核对序号"));  // the rule's own
  // No English variant: the rule's English, not the variant's Chinese.
  const auto en = LintDocument(doc, AllEnabled(rules), {"en"});
  REQUIRE(en.size() == 1);
  CHECK(en[0].message == "Not continuous: expected 2, found 1");
}

TEST_CASE("LintFiles keeps input order and reports unreadable files", "[engine]") {
  std::vector<ingest::InputFile> inputs = {{"/nonexistent/a.txt", "a.txt"},
                                           {"/nonexistent/b.txt", "b.txt"}};
  const RuleSelector none = [](const std::string&) { return std::vector<ActiveRule>{}; };
  for (unsigned jobs : {1u, 2u, 4u}) {
    const auto results = LintFiles(inputs, none, {}, jobs);
    REQUIRE(results.size() == 2);
    CHECK(results[0].path == "a.txt");
    CHECK(results[1].path == "b.txt");
    CHECK_FALSE(results[0].ok);
    REQUIRE(results[0].diagnostics.size() == 1);
    CHECK(results[0].diagnostics[0].rule_id == "input.unreadable");
    CHECK(results[0].diagnostics[0].message == "文件不存在");
  }
}

// Records how many targets the document it checks carries.
class TargetCounter final : public rule::Check {
 public:
  TargetCounter(bool needs, std::vector<std::size_t>& seen) : needs_(needs), seen_(seen) {}
  void Run(const rule::NodeRef& node, rule::Reporter&) const override {
    seen_.push_back(node.doc->targets.size());
  }
  bool NeedsTargets() const override { return needs_; }

 private:
  bool needs_;
  std::vector<std::size_t>& seen_;
};

TEST_CASE("LintFiles extracts targets only for rules that read them", "[engine]") {
  ErrorList errors;
  const data::IndicatorDictionary dict = data::LoadIndicatorDictionary(
      testing::RulesPath("indicators.yaml"), errors);
  REQUIRE(errors.empty());
  const std::vector<ingest::InputFile> inputs = {
      {testing::FixturePath("seeds/000_d5b961fa901fa4dc.txt"), "000.txt"}};
  LintOptions options;
  options.indicators = &dict;
  for (bool needs : {false, true}) {
    std::vector<std::size_t> seen;
    rule::Rule r;
    r.id = "test.count";
    r.scope = rule::Scope::kDocument;
    r.check = std::make_shared<TargetCounter>(needs, seen);
    const RuleSelector select = [&](const std::string&) {
      return std::vector<ActiveRule>{{&r, Severity::kInfo}};
    };
    const auto results = LintFiles(inputs, select, options, 1);
    REQUIRE(results.size() == 1);
    REQUIRE(seen.size() == 1);
    // fixtures/seeds/000 states 33 targets (tests/golden/targets).
    CHECK((seen[0] > 0) == needs);
  }
}

TEST_CASE("LintFilesInOrder emits in input order for any number of threads", "[engine]") {
  // Seeds of very different sizes, repeated, so that threads finish out of order.
  const std::string seeds = testing::FixturePath("seeds/");
  const std::vector<std::string> names = {"004_2bfd8bfabc103b07.txt", "000_d5b961fa901fa4dc.txt",
                                          "002_e9c6d1be0a07cf1f.txt"};
  std::vector<ingest::InputFile> inputs;
  for (int i = 0; i < 12; ++i) {
    const std::string& name = names[i % names.size()];
    inputs.push_back({seeds + name, std::to_string(i) + "/" + name});
  }
  inputs.push_back({"/nonexistent/x.txt", "x.txt"});
  const std::vector<rule::Rule> rules = LeadUnitRules();
  const RuleSelector all = [&](const std::string&) { return AllEnabled(rules); };
  std::vector<std::size_t> reference;
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::vector<std::string> order;
    std::vector<std::size_t> counts;
    LintFilesInOrder(inputs, all, {}, jobs, [&](FileResult&& result) {
      order.push_back(result.path);
      counts.push_back(result.diagnostics.size());
    });
    REQUIRE(order.size() == inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) CHECK(order[i] == inputs[i].display_path);
    if (reference.empty()) reference = counts;
    CHECK(counts == reference);
  }
  // 002 assigns no units: every task of it lacks a lead unit.
  CHECK(reference[2] > 0);
}

TEST_CASE("LintFilesInOrder stops its workers when emit throws", "[engine]") {
  std::vector<ingest::InputFile> inputs;
  for (int i = 0; i < 16; ++i) inputs.push_back({"/nonexistent/" + std::to_string(i), std::to_string(i)});
  const RuleSelector none = [](const std::string&) { return std::vector<ActiveRule>{}; };
  int emitted = 0;
  CHECK_THROWS_AS(LintFilesInOrder(inputs, none, {}, 4,
                                   [&](FileResult&&) {
                                     if (++emitted == 3) throw std::runtime_error("disk full");
                                   }),
                  std::runtime_error);
  CHECK(emitted == 3);
}

TEST_CASE("LintFiles shows each read document to inspect, targets extracted", "[engine]") {
  ErrorList errors;
  const data::IndicatorDictionary dict = data::LoadIndicatorDictionary(
      testing::RulesPath("indicators.yaml"), errors);
  REQUIRE(errors.empty());
  const std::vector<ingest::InputFile> inputs = {
      {testing::FixturePath("seeds/000_d5b961fa901fa4dc.txt"), "000.txt"},
      {"/nonexistent/x.txt", "x.txt"},
      {testing::FixturePath("seeds/004_2bfd8bfabc103b07.txt"), "004.txt"}};
  std::mutex mutex;
  std::map<std::string, std::size_t> targets;  // path -> targets seen
  LintOptions options;
  options.indicators = &dict;
  options.inspect = [&](const model::Document& doc) {
    const std::lock_guard<std::mutex> lock(mutex);
    targets[doc.path] = doc.targets.size();
  };
  const RuleSelector none = [](const std::string&) { return std::vector<ActiveRule>{}; };
  LintFiles(inputs, none, options, 2);
  REQUIRE(targets.size() == 2);  // the unreadable file is not shown
  CHECK(targets.at("000.txt") > 0);  // no rule reads targets, yet they are there
  CHECK(targets.at("004.txt") > 0);
}

}  // namespace plancheck::engine
