#include "ingest/normalize.h"

#include <catch2/catch.hpp>

#include "base/line_index.h"

namespace plancheck::ingest {

TEST_CASE("Normalize rewrites PDF and half-width artefacts", "[ingest][normalize]") {
  auto [source, expected] = GENERATE(table<std::string, std::string>({
      {"责任单位 :市发展改革委 ;配合单位 :市科协", "责任单位：市发展改革委；配合单位：市科协"},
      {"(一)坚持创新", "（一）坚持创新"},
      {"各区县 (自治县 )人民政府", "各区县（自治县）人民政府"},
      {"建党 100周年", "建党100周年"},
      {"“十四五 ”规划", "“十四五”规划"},
      {"钟  涛", "钟涛"},
      {"a\r\nb\rc", "a\nb\nc"},
      {"增长６．５％", "增长6．5％"},
      {"(1)推进", "（1）推进"},
      {"GDP 6.5% (2021)", "GDP 6.5% (2021)"},  // no Chinese: untouched
      {"\t区发展改革委  ", "\t区发展改革委"},
      {"  一、总体", "  一、总体"},  // indentation kept
      {"http://www.cq.gov.cn", "http://www.cq.gov.cn"},
  }));
  CHECK(Normalize(source).text == expected);
}

// Lines without any of these characters are copied whole, without decoding: each one must
// still send its line through the normalizer.
TEST_CASE("Normalize notices every character it may rewrite", "[ingest][normalize]") {
  auto [source, expected] = GENERATE(table<std::string, std::string>({
      {"甲\u00A0乙", "甲乙"},
      {"甲\u2003乙", "甲乙"},
      {"甲\u200B乙", "甲乙"},
      {"甲\u3000乙", "甲乙"},
      {"ＡＢｃｚ１９", "ABcz19"},
      {"好吗?", "好吗？"},
      {"好!", "好！"},
      {"甲,乙", "甲，乙"},
      {"甲\r乙", "甲\n乙"},
      // Full-width punctuation and other characters sharing those lead bytes stay.
      {"“甲”：乙；丙？—…", "“甲”：乙；丙？—…"},
  }));
  CHECK(Normalize(source).text == expected);
  // The same line between two lines that need nothing.
  CHECK(Normalize("一、总体\n" + source + "\n二、任务").text == "一、总体\n" + expected + "\n二、任务");
}

TEST_CASE("Normalize maps lines copied whole and lines rewritten alike", "[ingest][normalize]") {
  const std::string source = "一、总体要求\n钟  涛 ;区科协\n二、重点任务\n";
  const NormalizedText normalized = Normalize(source);
  REQUIRE(normalized.text == "一、总体要求\n钟涛；区科协\n二、重点任务\n");
  const std::size_t second = normalized.text.find("二、");
  CHECK(normalized.origin.ToSource(second) == source.find("二、"));
  CHECK(normalized.origin.ToSource(normalized.text.find("区科协")) == source.find("区科协"));
  CHECK(normalized.origin.ToNormalized(source.find("总体")) == normalized.text.find("总体"));
}

TEST_CASE("Normalize keeps a map back to source line and column", "[ingest][normalize]") {
  const std::string source = "责任单位 :市住房\n城乡建委 ;配合单位 :市科协";
  const NormalizedText normalized = Normalize(source);
  const LineIndex source_lines(source);
  // Every character of the normalized text maps to the same character in the source,
  // or (for a replacement) to the character it replaced.
  const std::size_t colon = normalized.text.find("：");
  CHECK(source_lines.PositionOf(normalized.origin.ToSource(colon)) == Position{1, 6});
  const std::size_t cheng = normalized.text.find("城乡");
  CHECK(source_lines.PositionOf(normalized.origin.ToSource(cheng)) == Position{2, 1});
  const std::size_t ke = normalized.text.find("科协");
  CHECK(source.substr(normalized.origin.ToSource(ke), 6) == "科协");
  // And back.
  CHECK(normalized.origin.ToNormalized(normalized.origin.ToSource(ke)) == ke);
}

}  // namespace plancheck::ingest
