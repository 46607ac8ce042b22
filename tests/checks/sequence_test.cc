#include "checks/sequence.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

constexpr NumberStyle kDot = NumberStyle::kArabicDot;
constexpr NumberStyle kParen = NumberStyle::kChineseParen;

// Two sections of tasks numbered `first` and `second` (0: no number).
TestDoc TwoSections(std::vector<int> first, std::vector<int> second) {
  std::string text = "（一）甲\n";
  for (int n : first) text += (n > 0 ? std::to_string(n) + "." : "") + "任务\n";
  text += "（二）乙\n";
  for (int n : second) text += (n > 0 ? std::to_string(n) + "." : "") + "任务\n";
  TestDoc d(text);
  d.Section("（一）", 1, kParen);
  for (int n : first) {
    if (n > 0) {
      d.Task(std::to_string(n) + ".", n, kDot);
    } else {
      d.Task("", std::nullopt, NumberStyle::kNone);
    }
  }
  d.Section("（二）", 2, kParen);
  for (int n : second) {
    if (n > 0) {
      d.Task(std::to_string(n) + ".", n, kDot);
    } else {
      d.Task("", std::nullopt, NumberStyle::kNone);
    }
  }
  return d;
}

TEST_CASE("sequence reports breaks in task numbers, once per break", "[checks][sequence]") {
  auto [first, second, restart, expected] =
      GENERATE(table<std::vector<int>, std::vector<int>, std::string, std::string>({
          // Continuous across sections (fixtures/seeds/000, 004).
          {{1, 2}, {3, 4}, "auto", ""},
          {{1, 2}, {4, 5}, "auto", "5:1 expected=3 actual=4 expected_text=3. actual_text=4. task=4"},
          // Restarting per section (fixtures/seeds/002).
          {{1, 2}, {1, 2}, "auto", ""},
          {{1, 2}, {1, 3}, "auto", "6:1 expected=2 actual=3 expected_text=2. actual_text=3. task=3"},
          // A gap is one finding; counting goes on from the number written.
          {{1, 2, 4, 5, 6}, {7}, "auto", "4:1 expected=3 actual=4 expected_text=3. actual_text=4. task=4"},
          // A repeat followed by the next number: the repeat is an extra task, one finding.
          {{1, 2, 2, 3}, {4}, "auto", "4:1 expected=3 actual=2 expected_text=3. actual_text=2. variant=repeat task=2"},
          // "119、120、120、122": the second 120 stands for 121; 122 is right (no cascade).
          {{1, 2, 2, 4}, {5}, "auto", "4:1 expected=3 actual=2 expected_text=3. actual_text=2. variant=repeat task=2"},
          // A mistyped number followed by the right one: one finding at it.
          {{1, 2, 9, 4}, {5}, "auto", "4:1 expected=3 actual=9 expected_text=3. actual_text=9. task=9"},
          // A stray number followed by the one expected ("5、2021、6"): one finding.
          {{1, 2, 2021, 3}, {4}, "auto", "4:1 expected=3 actual=2021 expected_text=3. actual_text=2021. task=2021"},
          // Two defects ("1、2、4、4、6": 3 and 5 are missing or mistyped), two findings.
          {{1, 2, 4, 4, 6}, {7}, "auto",
           "4:1 expected=3 actual=4 expected_text=3. actual_text=4. task=4\n"
           "6:1 expected=5 actual=6 expected_text=5. actual_text=6. task=6"},
          // Unnumbered tasks (001's empty 序号 cells) neither count nor break the run.
          {{1, 0, 2}, {3}, "auto", ""},
          // Not starting at 1.
          {{2, 3}, {4}, "auto", "2:1 expected=1 actual=2 expected_text=1. actual_text=2. task=2"},
          // Fixed conventions.
          {{1, 2}, {1, 2}, "never", "5:1 expected=3 actual=1 expected_text=3. actual_text=1. task=1"},
          {{1, 2}, {3, 4}, "always", "5:1 expected=1 actual=3 expected_text=1. actual_text=3. task=3"},
          // auto decides at the first boundary: after a restart, a continuation is a break.
          {{1}, {1}, "auto", ""},
          {{1}, {2}, "auto", ""},
      }));
  TestDoc d = TwoSections(first, second);
  auto check = Make<SequenceCheck>("of: tasks\nrestart: " + restart, rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument, false) == expected);
}

TEST_CASE("sequence restarts where `within` says, across parts too", "[checks][sequence]") {
  // Three sections in two parts, tasks 1-2 | 3 | 1: restarting per part, not section.
  TestDoc d("一、甲\n（一）子\n1.任务\n2.任务\n（二）丑\n3.任务\n二、乙\n（一）寅\n1.任务\n");
  d.Part("一、", 1, NumberStyle::kChineseComma)
      .Section("（一）", 1, kParen)
      .Task("1.", 1, kDot)
      .Task("2.", 2, kDot)
      .Section("（二）", 2, kParen)
      .Task("3.", 3, kDot)
      .Part("二、", 2, NumberStyle::kChineseComma)
      .Section("（一）", 1, kParen)
      .Task("1.", 1, kDot);
  auto per_part = Make<SequenceCheck>("of: tasks\nwithin: part", rule::Scope::kDocument);
  CHECK(Run(*per_part, d.doc, rule::Scope::kDocument, false) == "");
  // Per section, the first boundary (（二）, 3.) says "continuous"; the part restart breaks.
  auto per_section = Make<SequenceCheck>("of: tasks\nwithin: section", rule::Scope::kDocument);
  CHECK(Run(*per_section, d.doc, rule::Scope::kDocument, false) == "9:1 expected=4 actual=1 expected_text=4. actual_text=1. task=1");
  // Sections restart per part by default.
  auto sections = Make<SequenceCheck>("of: sections", rule::Scope::kDocument);
  CHECK(Run(*sections, d.doc, rule::Scope::kDocument, false) == "");
  auto parts = Make<SequenceCheck>("of: parts", rule::Scope::kDocument);
  CHECK(Run(*parts, d.doc, rule::Scope::kDocument, false) == "");
  // At section scope each section is its own run.
  auto in_section = Make<SequenceCheck>("of: tasks\nwithin: section", rule::Scope::kSection);
  CHECK(Run(*in_section, d.doc, rule::Scope::kSection, false) == "6:1 expected=1 actual=3 expected_text=1. actual_text=3. task=3");
}

TEST_CASE("sequence `within: auto` follows the numbering scope the parser chose",
          "[checks][sequence]") {
  // Tasks 1-2 | 3 | 1 in two parts of two and one sections: right when parts restart.
  TestDoc d("一、甲\n（一）子\n1.任务\n2.任务\n（二）丑\n3.任务\n二、乙\n（一）寅\n1.任务\n");
  d.Part("一、", 1, NumberStyle::kChineseComma)
      .Section("（一）", 1, kParen)
      .Task("1.", 1, kDot)
      .Task("2.", 2, kDot)
      .Section("（二）", 2, kParen)
      .Task("3.", 3, kDot)
      .Part("二、", 2, NumberStyle::kChineseComma)
      .Section("（一）", 1, kParen)
      .Task("1.", 1, kDot);
  auto [scope, expected] = GENERATE(table<model::NumberingScope, std::string>({
      {model::NumberingScope::kPart, ""},
      {model::NumberingScope::kDocument,
       "9:1 expected=4 actual=1 expected_text=4. actual_text=1. task=1"},
      {model::NumberingScope::kSection,
       "6:1 expected=1 actual=3 expected_text=1. actual_text=3. task=3"},
  }));
  d.doc.task_numbering = scope;
  auto check = Make<SequenceCheck>("of: tasks\nwithin: auto", rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument, false) == expected);
}

TEST_CASE("sequence checks sub-items per task", "[checks][sequence]") {
  TestDoc d("1.甲\n（1）子\n（3）丑\n2.乙\n（1）寅\n");
  d.Task("1.", 1, kDot)
      .SubItem("（1）", 1, NumberStyle::kArabicParen)
      .SubItem("（3）", 3, NumberStyle::kArabicParen)
      .Task("2.", 2, kDot)
      .SubItem("（1）", 1, NumberStyle::kArabicParen);
  auto check = Make<SequenceCheck>("of: sub_items", rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument, false) == "3:1 expected=2 actual=3 expected_text=（2） actual_text=（3） task=1");
}

TEST_CASE("sequence on 10,000 tasks is one pass", "[checks][sequence]") {
  std::string text;
  for (int n = 1; n <= 10000; ++n) text += std::to_string(n == 5000 ? 5001 : n) + ".任务\n";
  TestDoc d(text);
  for (int n = 1; n <= 10000; ++n) {
    const int written = n == 5000 ? 5001 : n;
    d.Task(std::to_string(written) + ".", written, kDot);
  }
  auto check = Make<SequenceCheck>("of: tasks", rule::Scope::kDocument);
  // "4999.、5001.、5001.、5002.": the first 5001 stands for 5000, one finding, no cascade.
  CHECK(Run(*check, d.doc, rule::Scope::kDocument, false) ==
        "5000:1 expected=5000 actual=5001 expected_text=5000. actual_text=5001. task=5001");
}

// --fix=numbering: the first defect of a run carries one edit renumbering the run from it
// to the last number that changes, keeping each number's delimiter.
TEST_CASE("sequence offers the renumbering of a run from its first defect", "[checks][sequence][fix]") {
  auto [first, second, expected] =
      GENERATE(table<std::vector<int>, std::vector<int>, std::string>({
          // A gap: every later number moves down, across the section heading.
          {{1, 2, 4, 5}, {6},
           "4:1 expected=3 actual=4 expected_text=3. actual_text=4. fix=4.任务\n5.任务\n（二）乙\n6.->"
           "3.任务\n4.任务\n（二）乙\n5. task=4"},
          // "1、2、2、4": the repeated 2 stands for 3 and 4 is right: one number changes.
          {{1, 2, 2, 4}, {5},
           "4:1 expected=3 actual=2 expected_text=3. actual_text=2. variant=repeat fix=2.->3. task=2"},
          // Two defects: the first renumbers the rest; the second offers nothing of its own.
          {{1, 2, 4, 4, 6}, {7},
           "4:1 expected=3 actual=4 expected_text=3. actual_text=4. fix=4.任务\n4.任务\n6.任务\n（二）乙\n7.->"
           "3.任务\n4.任务\n5.任务\n（二）乙\n6. task=4\n"
           "6:1 expected=5 actual=6 expected_text=5. actual_text=6. task=6"},
      }));
  TestDoc d = TwoSections(first, second);
  auto check = Make<SequenceCheck>("of: tasks\nrestart: auto", rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument) == expected);
}

TEST_CASE("sequence parameters load with located errors", "[checks][sequence]") {
  auto [yaml, scope, error] = GENERATE(table<std::string, rule::Scope, std::string>({
      {"of: tasks", rule::Scope::kDocument, ""},
      {"of: tasks\nwithin: auto", rule::Scope::kDocument, ""},
      {"of: sections\nwithin: auto", rule::Scope::kDocument,
       "<test>:2:9: error: 'within: auto' follows the document's task numbering: it needs "
       "'of: tasks' and 'scope: document'"},
      {"of: sub_items\nwithin: task", rule::Scope::kDocument, ""},
      {"of: tasks\nrestart: never\nstart: 0", rule::Scope::kSection, ""},
      {"{}", rule::Scope::kDocument, "<test>:1:1: error: missing parameter 'of'"},
      {"of: task", rule::Scope::kDocument,
       "<test>:1:5: error: parameter 'of' must be one of: parts, sections, tasks, sub_items"},
      {"of: tasks\nrestart: sometimes", rule::Scope::kDocument,
       "<test>:2:10: error: parameter 'restart' must be one of: auto, always, never"},
      {"of: tasks\nstart: one", rule::Scope::kDocument,
       "<test>:2:8: error: parameter 'start' must be an integer"},
      {"of: sections", rule::Scope::kTask,
       "<test>:1:5: error: 'of: sections' needs a scope above it (scope is 'task')"},
      {"of: sections\nwithin: section", rule::Scope::kDocument,
       "<test>:2:9: error: 'within: section' must lie between the scope 'document' and 'of: "
       "sections'"},
      {"of: tasks\nwithin: document", rule::Scope::kPart,
       "<test>:2:9: error: 'within: document' must lie between the scope 'part' and 'of: tasks'"},
  }));
  CHECK(testing::LoadErrors<SequenceCheck>(yaml, scope) == error);
}

}  // namespace
}  // namespace plancheck::checks
