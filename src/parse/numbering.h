// Numbering tokens: recognizing "一、" "（一）" "1." "1．" "1、" "（1）" "①" "第一条" at a place in the
// normalized text, and Chinese numerals -> value.
//
// The recognizer looks only at the token itself (and the character after it); whether a token
// opens a part, a section, a task or a sub-item is decided by the shape parsers, which know
// the context.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "base/diagnostic.h"
#include "model/document.h"

namespace plancheck::parse {

// Longest run of digits or Chinese numeral characters a token may have; longer runs are no
// number (keeps the scan bounded on hostile input such as a line of a million digits).
inline constexpr std::size_t kMaxNumeralChars = 40;

struct NumberToken {
  model::NumberStyle style = model::NumberStyle::kNone;
  std::optional<std::int64_t> value;  // absent when it overflows (e.g. 40 digits)
  ByteSpan span;                      // the token, e.g. "12." or "（一）", in the text
};

// Value of a Chinese numeral written with 零〇一二两三四五六七八九十百千 ("十一" -> 11,
// "二十" -> 20, "一百零五" -> 105). nullopt when `numeral` is empty or not such a numeral.
std::optional<std::int64_t> ChineseNumeralValue(std::string_view numeral);

// Value of an ASCII digit run; nullopt when empty, not all digits, or above 2^62.
std::optional<std::int64_t> ArabicValue(std::string_view digits);

// Recognizes a numbering token starting exactly at byte `pos` of `text` (not past `end`):
//   一、 (chinese-comma)   （一） (chinese-paren)   1. 1． (arabic-dot)   1、 (arabic-comma)
//   （1） (arabic-paren)    ① (circled)    第一条 (article)
// Half-width "(一)" is accepted too (the normalizer widens it only next to Chinese text).
// "1." followed by a digit is a decimal ("2.5%"), not a token. nullopt when there is none.
std::optional<NumberToken> MatchNumbering(std::string_view text, std::size_t pos, std::size_t end);

// Where the document's task numbers restart (model::Document::task_numbering), read from
// the numbers at each boundary between two numbered tasks: a task numbered 1 after it is a
// restart, any other number runs on. Sections restart when most section boundaries inside
// a part restart; else parts restart when most part boundaries do; else the numbers run
// through the document. A tie goes the way of the first boundary.
model::NumberingScope TaskNumberingScope(const model::Document& doc);

// A cell holding only a number, "12" (arabic-bare): the token spans the digits.
std::optional<NumberToken> MatchBareNumber(std::string_view text, ByteSpan cell);

}  // namespace plancheck::parse
