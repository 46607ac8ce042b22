#include "base/utf8.h"

#include <catch2/catch.hpp>

namespace plancheck {

TEST_CASE("IsValidUtf8 accepts well-formed text and locates the first bad byte", "[base][utf8]") {
  auto [text, valid, offset] = GENERATE(table<std::string, bool, std::size_t>({
      {"abc", true, 0},
      {"责任单位：区科技局", true, 0},
      {"ab\xFF", false, 2},
      {"\xC0\xAF", false, 0},          // overlong '/'
      {"\xED\xA0\x80", false, 0},      // a surrogate
      {"区\xE5\x8C", false, 3},        // truncated sequence
      {"\xF4\x90\x80\x80", false, 0},  // above U+10FFFF
  }));
  std::size_t bad = 0;
  CHECK(IsValidUtf8(text, &bad) == valid);
  if (!valid) CHECK(bad == offset);
}

TEST_CASE("DecodeUtf8 and AppendUtf8 round-trip", "[base][utf8]") {
  const std::string text = "a区（1）😀";
  std::string rebuilt;
  for (std::size_t offset = 0; offset < text.size();) AppendUtf8(rebuilt, DecodeUtf8(text, offset));
  CHECK(rebuilt == text);
  CHECK(CodePointCount(text) == 6);
}

TEST_CASE("DisplayWidth counts CJK as two cells", "[base][utf8]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("区科技局") == 8);
  CHECK(DisplayWidth("1．区") == 5);  // full-width full stop is wide
}

TEST_CASE("TrimSpace removes ASCII and ideographic spaces", "[base][utf8]") {
  CHECK(TrimSpace("  区科技局\t") == "区科技局");
  CHECK(TrimSpace("\xE3\x80\x80区\xE3\x80\x80") == "区");
  CHECK(TrimSpace("   ").empty());
}

}  // namespace plancheck
