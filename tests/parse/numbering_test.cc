#include "parse/numbering.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace plancheck::parse {
namespace {

// "style value token" for the token at the start of `text`, "" when there is none.
std::string Describe(const std::string& text) {
  const std::optional<NumberToken> token = MatchNumbering(text, 0, text.size());
  if (!token) return "";
  return std::string(model::NumberStyleName(token->style)) + " " +
         (token->value ? std::to_string(*token->value) : "-") + " " +
         text.substr(token->span.begin, token->span.size());
}

}  // namespace

TEST_CASE("MatchNumbering recognizes every numbering style", "[parse][numbering]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"一、总体要求", "chinese-comma 1 一、"},
      {"十一、其他", "chinese-comma 11 十一、"},
      {"二十、其他", "chinese-comma 20 二十、"},
      {"（一）坚持创新", "chinese-paren 1 （一）"},
      {"（十一）统筹发展", "chinese-paren 11 （十一）"},
      {"(三)壮大", "chinese-paren 3 (三)"},
      {"（十一 ）统筹", "chinese-paren 11 （十一 ）"},
      {"1.完善科技", "arabic-dot 1 1."},
      {"12．规上工业", "arabic-dot 12 12．"},
      {"53.\n提升", "arabic-dot 53 53."},
      {"1、地区生产总值", "arabic-comma 1 1、"},
      {"2、 重点任务", "arabic-comma 2 2、"},
      {"（1）推进", "arabic-paren 1 （1）"},
      {"①推进", "circled 1 ①"},
      {"⑳推进", "circled 20 ⑳"},
      {"第一条 加快建设", "article 1 第一条"},
      {"第十二条加快", "article 12 第十二条"},
      {"第3条", "article 3 第3条"},
      // Copies' stand-ins and spacing (安徽省 2022, 天津市 2020, 新密市 2021).
      {"1﹒全省生产总值", "arabic-dot 1 1﹒"},
      {"1。在以习近平同志", "arabic-dot 1 1。"},
      {"1 . 严格管控", "arabic-dot 1 1 ."},
      {"一 、 承担的", "chinese-comma 1 一 、"},
      // A number too long for int64 is still a token, without a value.
      {"1234567890123456789012345678901234567890.甲",
       "arabic-dot - 1234567890123456789012345678901234567890."},
      // Near misses.
      {"2.5%以上", ""},
      {"6．5%", ""},
      {"2021年", ""},
      {"一二、", ""},
      {"（重庆）科学城", ""},
      {"（一", ""},
      {"PM2.5", ""},
      {"第一批试点", ""},
      {"第一", ""},
      {"第条", ""},
      {"400平方公里", ""},
      {"2020。", ""},         // a year ending a sentence
      {"6﹒5%", ""},
      {"20 21 年", ""},
      {"2 . 5%", ""},
      {"", ""},
      {std::string(100, '9') + ".", ""},  // longer than kMaxNumeralChars: no token
  }));
  CAPTURE(text);
  CHECK(Describe(text) == expected);
}

TEST_CASE("ChineseNumeralValue reads Chinese numerals", "[parse][numbering]") {
  auto [numeral, expected] = GENERATE(table<std::string, std::int64_t>({
      {"一", 1},
      {"十", 10},
      {"十一", 11},
      {"二十", 20},
      {"二十三", 23},
      {"一百零五", 105},
      {"两百", 200},
  }));
  CHECK(ChineseNumeralValue(numeral) == expected);
  CHECK_FALSE(ChineseNumeralValue("甲"));
  CHECK_FALSE(ChineseNumeralValue(""));
}

TEST_CASE("MatchBareNumber reads a table's 序号 cell", "[parse][numbering]") {
  const std::string text = "\t12\n\t1a\n";
  const std::optional<NumberToken> token = MatchBareNumber(text, {1, 3});
  REQUIRE(token);
  CHECK(token->value == 12);
  CHECK(token->style == model::NumberStyle::kArabicBare);
  CHECK_FALSE(MatchBareNumber(text, {5, 7}));
}

}  // namespace plancheck::parse

namespace plancheck::parse {

TEST_CASE("TaskNumberingScope reads where task numbers restart", "[parse][numbering]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // Running on across parts (fixtures/seeds/000).
      {"一、甲\n1.子\n2.丑\n二、乙\n3.寅\n4.卯\n", "document"},
      // Restarting in every part (a leader's group of tasks per part).
      {"一、甲\n1.子\n2.丑\n二、乙\n1.寅\n2.卯\n三、丙\n1.辰\n", "part"},
      // Restarting in every section (fixtures/seeds/002).
      {"一、甲\n（一）子\n1.a\n2.b\n（二）丑\n1.c\n二、乙\n（一）寅\n1.d\n", "section"},
      // Sections run on inside a part, parts restart.
      {"一、甲\n（一）子\n1.a\n（二）丑\n2.b\n二、乙\n（一）寅\n1.c\n（二）卯\n2.d\n", "part"},
      // One run with a single stray 1: the majority runs on, and the rule reports the 1.
      {"一、甲\n1.a\n2.b\n二、乙\n3.c\n三、丙\n4.d\n四、丁\n1.e\n", "document"},
      // No boundary at all.
      {"1.a\n2.b\n3.c\n", "document"},
      // A tie goes the way of the first boundary.
      {"一、甲\n1.a\n二、乙\n1.b\n三、丙\n2.c\n", "part"},
      // One part of "（一）" tasks (赤壁市 2021): the official hierarchy restarts them per part.
      {"一、主要目标\n（一）甲。（牵头单位：市财政局）\n（二）乙。（牵头单位：市税务局）\n", "part"},
      // The near miss: "1." tasks under one part give no sign either way.
      {"一、主要目标\n1.a\n2.b\n", "document"},
  }));
  CAPTURE(text);
  const model::Document doc = testing::ParseSnippet(text);
  CHECK(model::NumberingScopeName(doc.task_numbering) == expected);
}

}  // namespace plancheck::parse
