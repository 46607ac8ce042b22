#include "checks/balanced.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

std::string RunOnText(const std::string& text, const std::string& extra = "") {
  TestDoc d(text);
  auto check = Make<BalancedCheck>("field: text\n" + extra, rule::Scope::kDocument);
  return Run(*check, d.doc, rule::Scope::kDocument);
}

TEST_CASE("balanced reports unmatched paired punctuation", "[checks][balanced]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // fixtures/seeds/000 task 8.
      {"8.强力扩大有效投资，十四五”期间固投年均增长10%。\n",
       "1:15 char=” missing=“ open=“ close=”"},
      {"9.促进消费供给升级，“十四五”期间社零总额年均增长8%。\n", ""},
      {"（一）坚持“创新驱动。\n", "1:6 char=“ missing=” open=“ close=”"},
      // Nesting of every kind.
      {"《关于“十四五（2021—2025年）”规划〔2021〕12号的‘通知’【附件】》\n", ""},
      // Crossed pairs: the inner opener is unclosed when the outer closes, and the
      // closer after it has no opener.
      {"“（甲”）\n", "1:2 char=（ missing=） open=（ close=）\n1:5 char=） missing=（ open=（ close=）"},
      // Half-width parentheses pair with full-width ones: width is another rule's call.
      {"（一)坚持\n(二）推进\n", ""},
      {"各区县 (自治县 人民政府。\n", "1:5 char=( missing=） open=（ close=）"},
      // Unclosed at a paragraph end, reported once; the next paragraph starts afresh.
      {"“甲。\n乙”\n", "1:1 char=“ missing=” open=“ close=”\n2:2 char=” missing=“ open=“ close=”"},
  }));
  CHECK(RunOnText(text) == expected);
}

TEST_CASE("balanced reads 1） and a) at an item's start as numbers", "[checks][balanced]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"1）新建学校2所；\n2)改造校舍3处。\n", ""},
      {"主要包括：1）新建学校；2）改造校舍；a)其他。\n", ""},
      {"一）新建学校。\n", ""},
      // Near misses: a bracket left open is closed by the number's mark, and a closing
      // mark after a word or a long number has no opener.
      {"推进改革（见附件1，2）。\n", ""},
      {"推进改革，学校）。\n", "1:8 char=） missing=（ open=（ close=）"},
      {"1234）新建学校。\n", "1:5 char=） missing=（ open=（ close=）"},
  }));
  CAPTURE(text);
  CHECK(RunOnText(text) == expected);
}

TEST_CASE("balanced pairs Han characters when a rule names them", "[checks][balanced]") {
  // Han characters are skipped without a lookup unless a pair uses one.
  CHECK(RunOnText("始甲乙终始丙\n", "pairs: ['始终']") == "1:5 char=始 missing=终 open=始 close=终");
  CHECK(RunOnText("始甲乙终始丙\n").empty());
}

TEST_CASE("balanced lets a quotation run over a wrapped line", "[checks][balanced]") {
  // fixtures/seeds/004 is PDF-extracted: lines break inside a quotation.
  const std::string text = "39.构建 “米”字型高铁网、 “市内航\n空双枢纽协同 ”世界级机场群。\n";
  CHECK(RunOnText(text) == "");
  CHECK(RunOnText(text, "reset_at: line") ==
        "1:17 char=“ missing=” open=“ close=”\n2:8 char=” missing=“ open=“ close=”");
}

TEST_CASE("balanced carries a mark over one blank line after a wrapped title", "[checks][balanced]") {
  // fixtures/real/shaanxi-xixiang-2023: a web copy spaces the lines of a wrapped title.
  CHECK(RunOnText("关于印发《2023年县政府工作报告任务分解\n\n一览表》的通知\n") == "");
  // Near misses: two blank lines, or a line that ends a sentence, still end the paragraph.
  CHECK(RunOnText("关于印发《任务分解\n\n\n一览表》的通知\n") ==
        "1:5 char=《 missing=》 open=《 close=》\n4:4 char=》 missing=《 open=《 close=》");
  CHECK(RunOnText("关于印发《任务分解。\n\n一览表》的通知\n") ==
        "1:5 char=《 missing=》 open=《 close=》\n3:4 char=》 missing=《 open=《 close=》");
  CHECK(RunOnText("关于《甲\n\n乙\n\n丙》\n") ==
        "1:3 char=《 missing=》 open=《 close=》\n5:2 char=》 missing=《 open=《 close=》");
}

TEST_CASE("balanced is linear in deep nesting and caps its findings", "[checks][balanced]") {
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += "“（";
  for (int i = 0; i < 10000; ++i) nested += "）”";
  CHECK(RunOnText(nested + "\n") == "");
  std::string unclosed;
  for (int i = 0; i < 10000; ++i) unclosed += "（";
  const std::string found = RunOnText(unclosed + "\n", "limit: 3");
  CHECK(found == "1:1 char=（ missing=） open=（ close=）\n1:2 char=（ missing=） open=（ close=）\n"
                 "1:3 char=（ missing=） open=（ close=）");
  // Closers popping a deep stack of other marks: each mark is popped once.
  std::string crossed;
  for (int i = 0; i < 10000; ++i) crossed += "“";
  for (int i = 0; i < 10000; ++i) crossed += "（";
  crossed += "”";
  CHECK(!RunOnText(crossed + "\n").empty());
}

TEST_CASE("balanced at task scope reads the task's statement", "[checks][balanced]") {
  TestDoc d("1.实施“双倍增行动。\n责任单位：区科技局（区知识产权局）。\n");
  d.Task("1.", 1, NumberStyle::kArabicDot).Lead("区科技局（区知识产权局）");
  auto check = Make<BalancedCheck>("field: text\nreset_at: item", rule::Scope::kTask);
  CHECK(Run(*check, d.doc, rule::Scope::kTask) == "1:5 char=“ missing=” open=“ close=” task=1");
}

TEST_CASE("balanced at document scope names the task it is in", "[checks][balanced]") {
  TestDoc d("1.甲\n2.乙”\n");
  d.Task("1.", 1, NumberStyle::kArabicDot).Task("2.", 2, NumberStyle::kArabicDot);
  auto check = Make<BalancedCheck>("field: text", rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument) ==
        "2:4 char=” missing=“ open=“ close=” task=2");
}

TEST_CASE("balanced parameters load with located errors", "[checks][balanced]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"field: text\npairs: ['“”', '「」']", ""},
      {"pairs: ['“”']", "<test>:1:1: error: missing parameter 'field'"},
      {"field: text\npairs: ['“']",
       "<test>:2:8: error: each item of 'pairs' must be two different characters, an opening "
       "and a closing mark (got '“')"},
      {"field: text\npairs: ['“”', '”“']", "<test>:2:8: error: '”“' shares a mark with another pair"},
      {"field: text\nreset_at: sentence",
       "<test>:2:11: error: parameter 'reset_at' must be one of: item, paragraph, line"},
      {"field: text\nlimit: 0", "<test>:2:8: error: parameter 'limit' must be at least 1"},
  }));
  CHECK(testing::LoadErrors<BalancedCheck>(yaml, rule::Scope::kDocument) == error);
}

}  // namespace
}  // namespace plancheck::checks
