#include "checks/numbering_style.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

constexpr const char* kLevels =
    "levels:\n"
    "  part: chinese-comma\n"
    "  section: chinese-paren\n"
    "  task: [arabic-dot, arabic-comma, arabic-bare]\n"
    "  sub_item: arabic-paren\n";

TEST_CASE("FormatNumber writes values in each style", "[checks][numbering-style]") {
  auto [style, value, text] = GENERATE(table<NumberStyle, std::int64_t, std::string>({
      {NumberStyle::kChineseComma, 2, "二、"},
      {NumberStyle::kChineseComma, 10, "十、"},
      {NumberStyle::kChineseComma, 11, "十一、"},
      {NumberStyle::kChineseComma, 20, "二十、"},
      {NumberStyle::kChineseComma, 105, "一百零五、"},
      {NumberStyle::kChineseComma, 110, "一百一十、"},
      {NumberStyle::kChineseParen, 3, "（三）"},
      {NumberStyle::kArabicDot, 4, "4."},
      {NumberStyle::kArabicComma, 4, "4、"},
      {NumberStyle::kArabicParen, 5, "（5）"},
      {NumberStyle::kCircled, 6, "⑥"},
      {NumberStyle::kCircled, 21, ""},
      {NumberStyle::kArabicBare, 7, "7"},
      {NumberStyle::kNone, 7, ""},
  }));
  CHECK(FormatNumber(style, value) == text);
}

TEST_CASE("numbering-style reports a level numbered out of its style",
          "[checks][numbering-style]") {
  // fixtures/seeds/002: the second part heading is written "2、" where "二、" belongs.
  TestDoc d("一、总体要求\n2、 重点任务\n（一）行动\n1．任务\n三、组织保障\n");
  d.Part("一、", 1, NumberStyle::kChineseComma)
      .Part("2、", 2, NumberStyle::kArabicComma)
      .Section("（一）", 1, NumberStyle::kChineseParen)
      .Task("1．", 1, NumberStyle::kArabicDot)
      .Part("三、", 3, NumberStyle::kChineseComma);
  auto check = Make<NumberingStyleCheck>(kLevels, rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument) ==
        "2:1 expected=二、 actual=2、 fix=2、->二、");
}

TEST_CASE("numbering-style holds a document to the task style it mostly uses",
          "[checks][numbering-style]") {
  auto [consistent, expected] = GENERATE(table<std::string, std::string>({
      {"true", "2:1 expected=2. actual=2、 fix=2、->2. task=2"},
      {"false", ""},  // 1、 is allowed for tasks; only consistency rules it out
  }));
  TestDoc d("1.甲\n2、乙\n3.丙\n");
  d.Task("1.", 1, NumberStyle::kArabicDot)
      .Task("2、", 2, NumberStyle::kArabicComma)
      .Task("3.", 3, NumberStyle::kArabicDot);
  auto check =
      Make<NumberingStyleCheck>(std::string(kLevels) + "consistent: " + consistent, rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument) == expected);
}

TEST_CASE("numbering-style reports a document-wide convention once", "[checks][numbering-style]") {
  // fixtures/seeds/001: table category cells "一、" under the part "二、", and a one-off.
  TestDoc d("二、工作任务\n一、甲\n二、乙\n（三）丙\n四、丁\n");
  d.Part("二、", 2, NumberStyle::kChineseComma)
      .Section("一、", 1, NumberStyle::kChineseComma)
      .Section("二、", 2, NumberStyle::kChineseComma)
      .Section("（三）", 3, NumberStyle::kChineseParen)
      .Section("四、", 4, NumberStyle::kChineseComma);
  auto check = Make<NumberingStyleCheck>(kLevels, rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument) == "2:1 expected=（一） actual=一、 fix=一、->（一）");
}

TEST_CASE("numbering-style leaves ignored styles out of consistency", "[checks][numbering-style]") {
  // fixtures/seeds/001: "1、" in the text of one table, a bare 序号 cell "1" in another.
  TestDoc d("1、甲\n2、乙\n1\t丙\n");
  d.Task("1、", 1, NumberStyle::kArabicComma)
      .Task("2、", 2, NumberStyle::kArabicComma)
      .Task("1", 1, NumberStyle::kArabicBare);
  auto strict = Make<NumberingStyleCheck>(kLevels, rule::Scope::kDocument);
  CHECK(Run(*strict, d.doc, rule::Scope::kDocument) == "3:1 expected=1、 actual=1 fix=1->1、 task=1");
  auto lenient = Make<NumberingStyleCheck>(std::string(kLevels) + "consistent_ignore: [arabic-bare]",
                                           rule::Scope::kDocument);
  CHECK(Run(*lenient, d.doc, rule::Scope::kDocument) == "");
}

TEST_CASE("numbering-style skips unnumbered nodes and unchecked levels", "[checks][numbering-style]") {
  TestDoc d("甲\n①乙\n");
  d.Task("", std::nullopt, NumberStyle::kNone).SubItem("①", 1, NumberStyle::kCircled);
  auto tasks_only = Make<NumberingStyleCheck>("levels: {task: arabic-dot}", rule::Scope::kDocument);
  CHECK(Run(*tasks_only, d.doc, rule::Scope::kDocument) == "");
  auto with_sub_items = Make<NumberingStyleCheck>(kLevels, rule::Scope::kDocument);
  CHECK(Run(*with_sub_items, d.doc, rule::Scope::kDocument) ==
        "2:1 expected=（1） actual=① fix=①->（1） task=1");
}

TEST_CASE("numbering-style parameters load with located errors", "[checks][numbering-style]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {kLevels, ""},
      {"levels: {task: circled}\nconsistent: false", ""},
      {"consistent: true", "<test>:1:1: error: missing parameter 'levels'"},
      {"levels: chinese-comma", "<test>:1:9: error: parameter 'levels' must be a mapping"},
      {"levels:\n  part: roman",
       "<test>:2:9: error: unknown numbering style 'roman' (styles: chinese-comma, "
       "chinese-paren, arabic-dot, arabic-comma, arabic-paren, circled, arabic-bare, "
       "article)"},
      {"levels:\n  chapter: chinese-comma",
       "<test>:2:12: error: unknown level 'chapter' in 'levels' (levels: part, section, task, "
       "sub_item)"},
      {"levels: {task: arabic-dot}\nconsistent_ignore: bare",
       "<test>:2:20: error: unknown numbering style 'bare' (styles: chinese-comma, "
       "chinese-paren, arabic-dot, arabic-comma, arabic-paren, circled, arabic-bare, "
       "article)"},
      {"levels: {part: chinese-comma}\nconsistent: maybe",
       "<test>:2:13: error: parameter 'consistent' must be true or false"},
  }));
  CHECK(testing::LoadErrors<NumberingStyleCheck>(yaml, rule::Scope::kDocument) == error);
}

}  // namespace
}  // namespace plancheck::checks
