#include "base/line_index.h"

#include <catch2/catch.hpp>

namespace plancheck {

TEST_CASE("LineIndex maps byte offsets to line and code-point column", "[base][line_index]") {
  const std::string text = "一、总体\n1.甲乙\r\nabc";
  const LineIndex index(text);
  REQUIRE(index.line_count() == 3);
  CHECK(index.PositionOf(0) == Position{1, 1});
  CHECK(index.PositionOf(6) == Position{1, 3});   // after "一、"
  CHECK(index.PositionOf(13) == Position{2, 1});  // "1"
  CHECK(index.PositionOf(15) == Position{2, 3});  // "甲"
  CHECK(index.PositionOf(16) == Position{2, 3});  // inside "甲"
  CHECK(index.LineText(2) == "1.甲乙");
  CHECK(index.LineText(3) == "abc");
  CHECK(index.LineText(4).empty());
}

TEST_CASE("LineIndex OffsetOf inverts PositionOf", "[base][line_index]") {
  const std::string text = "甲乙丙\n丁戊\n";
  const LineIndex index(text);
  for (std::size_t offset : {0u, 3u, 6u, 10u, 13u}) {
    CHECK(index.OffsetOf(index.PositionOf(offset)) == offset);
  }
}

}  // namespace plancheck

namespace plancheck {

TEST_CASE("LineIndex columns on a line longer than a checkpoint stride", "[base][line_index]") {
  // 3,000 CJK characters (9,000 bytes) then ASCII: columns must keep counting characters
  // across the internal checkpoints.
  std::string text = "x\n";
  for (int i = 0; i < 3000; ++i) text += "区";
  text += "abc\n";
  const LineIndex index(text);
  CHECK(index.PositionOf(2) == Position{2, 1});
  CHECK(index.PositionOf(2 + 3 * 1500) == Position{2, 1501});
  CHECK(index.PositionOf(2 + 3 * 1500 + 1) == Position{2, 1501});  // inside a character
  CHECK(index.PositionOf(2 + 9000) == Position{2, 3001});          // 'a'
  CHECK(index.PositionOf(2 + 9002) == Position{2, 3003});          // 'c'
  CHECK(index.PositionOf(text.size()) == Position{3, 1});
}

TEST_CASE("LineIndex columns agree with counting characters one by one", "[base][line_index]") {
  // One, two, three and four byte characters mixed on long and short lines, every offset.
  std::string text;
  const char* pieces[] = {"a", "é", "区", "𠀀", " ", "，"};
  for (int i = 0; i < 6000; ++i) {
    text += pieces[(i * 7 + i / 5) % 6];
    if (i % 997 == 0) text += "\n";
  }
  const LineIndex index(text);
  int line = 1;
  int column = 1;
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    const bool inside = offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80;
    // An offset inside a character belongs to that character.
    const Position expected{line, inside ? column - 1 : column};
    if (index.PositionOf(offset) != expected) {
      FAIL("offset " << offset << ": got " << index.PositionOf(offset).column << ", expected "
                     << expected.column);
    }
    if (offset == text.size()) break;
    if (text[offset] == '\n') {
      ++line;
      column = 1;
    } else if (!inside) {
      ++column;
    }
  }
  SUCCEED();
}

}  // namespace plancheck
