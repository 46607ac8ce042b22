// Hostile and degenerate inputs: the parser never crashes, never hangs (every scan is
// linear; a quadratic one would not finish on these sizes) and never invents tasks.
#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace plancheck::testing {

TEST_CASE("the parser survives hostile input", "[parse][robustness]") {
  const std::string huge_line(400000, 'x');
  auto [name, text] = GENERATE_COPY(table<std::string, std::string>({
      {"almost empty", " \n"},
      {"blank lines", std::string(200000, '\n')},
      {"one huge line", huge_line},
      {"40-digit number", "1234567890123456789012345678901234567890.甲\n责任单位：区科技局。\n"},
      {"digits", std::string(300000, '7') + ".\n"},
      {"nested brackets", "1.甲\n责任单位：" + std::string(100000, '(') + "区科技局\n"},
      {"closing brackets", "1.甲\n责任单位：" + std::string(100000, ')') + "\n"},
      {"labels only", [] {
         std::string s = "1.甲";
         for (int i = 0; i < 20000; ++i) s += "责任单位：配合单位：";
         return s;
       }()},
      {"periods and spaces", "1.甲。" + std::string(300000, ' ') + "\n"},
      {"assignment over blank lines", "1.甲责任单位：区科技局" + std::string(200000, '\n')},
      {"tabs", std::string(100000, '\t') + "\n\t\n\t1、甲\n"},
      {"quotes", std::string(50000, '\n') + "《" + huge_line + "》"},
      {"headings", [] {
         std::string s;
         for (int i = 0; i < 20000; ++i) s += "一、\n（一）\n1.\n";
         return s;
       }()},
      {"inline numbers", [] {
         std::string s = "1.甲。";
         // Ten tasks a line: LineIndex counts columns from the line start, so one huge line
         // is quadratic there, outside the parser.
         for (int i = 2; i < 30000; ++i) {
           s += std::to_string(i) + ".乙。责任单位：丙。" + (i % 10 == 0 ? "\n" : " ");
         }
         return s;
       }()},
  }));
  CAPTURE(name);
  const model::Document doc = ParseSnippet(text);
  for (const model::Task* task : doc.AllTasks()) {
    CHECK(task->loc.span.begin <= task->loc.span.end);
    CHECK(task->loc.span.end <= doc.text.size());
    for (const model::Located& unit : task->lead_units) CHECK_FALSE(unit.text.empty());
  }
}

TEST_CASE("a 40-digit task number has no value", "[parse][robustness]") {
  const model::Document doc =
      ParseSnippet("1234567890123456789012345678901234567890.甲\n责任单位：区科技局。\n");
  REQUIRE(doc.task_count() == 1);
  const model::Task& task = *doc.AllTasks()[0];
  CHECK_FALSE(task.number.value);
  CHECK(task.number.text == "1234567890123456789012345678901234567890.");
  CHECK(task.text == "甲");
}

TEST_CASE("a plan without notice, parts or sections", "[parse][snippets]") {
  const model::Document doc = ParseSnippet(
      "1.完善科技创新体制机制。\n责任单位：区科技局；配合单位：区经济信息委、区人力社保局。\n"
      "2.建成高新区数字经济产业园。\n牵头单位：区科技局、工业园区管委会。\n");
  CHECK(doc.metadata.shape == "line-per-task");
  REQUIRE(doc.parts.size() == 1);
  CHECK(doc.parts[0].implicit);
  CHECK(doc.parts[0].sections[0].implicit);
  REQUIRE(doc.task_count() == 2);
  const model::Task& second = *doc.AllTasks()[1];
  CHECK(second.lead_label == "牵头单位");
  CHECK(second.lead_units.size() == 2);
  CHECK(second.cooperating_units.empty());
  CHECK(second.loc.start == Position{3, 1});
  CHECK(second.loc.end == Position{4, 18});  // the assignment, its closing "。" excluded
}

TEST_CASE("sub-items and deadlines in running text", "[parse][snippets]") {
  const model::Document doc = ParseSnippet(
      "一、重点工作\n（一）创新\n1.推进三项改革。\n（1）改革甲；\n（2）改革乙。\n"
      "责任单位：区发展改革委；完成时限：2021年12月底。\n");
  REQUIRE(doc.task_count() == 1);
  const model::Task& task = *doc.AllTasks()[0];
  CHECK(task.text == "推进三项改革。");
  REQUIRE(task.sub_items.size() == 2);
  CHECK(task.sub_items[0].number.text == "（1）");
  CHECK(task.sub_items[1].text == "改革乙。");
  REQUIRE(task.deadline);
  CHECK(task.deadline->text == "2021年12月底");
  CHECK(task.lead_units.size() == 1);
}

}  // namespace plancheck::testing
