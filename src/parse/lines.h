// Small scanning helpers shared by the parse files: lines, trimming, code points at a byte.
//
// Every function takes the normalized text and byte offsets into it, never reads past
// `text.size()`, and is linear in the span it is given.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/utf8.h"
#include "model/document.h"

namespace plancheck::parse {

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  // before the '\n'
};

// The lines of text[span], '\n'-separated; the last line may be empty.
std::vector<Line> SplitLines(std::string_view text, ByteSpan span);

// Spaces, tabs, line breaks and the ideographic/nbsp spaces of utf8.h.
inline bool IsAnySpace(char32_t cp) {
  return IsHorizontalSpace(cp) || cp == '\n' || cp == '\r' || cp == '\t';
}

// The code point at `pos` and its size in bytes; 0 and size 0 at or past `end`.
inline char32_t CodePointAt(std::string_view text, std::size_t pos, std::size_t end,
                            std::size_t* size) {
  if (pos >= end || pos >= text.size()) {
    *size = 0;
    return 0;
  }
  std::size_t next = pos;
  const char32_t cp = DecodeUtf8(text, next);
  *size = next - pos;
  return cp;
}

// Start of the code point before `pos` (never before `floor`).
std::size_t PreviousCodePoint(std::string_view text, std::size_t pos, std::size_t floor);

// `span` without white space (IsAnySpace) at either end.
ByteSpan TrimSpan(std::string_view text, ByteSpan span);

// Skips white space, horizontal only or including line breaks.
std::size_t SkipHorizontalSpace(std::string_view text, std::size_t pos, std::size_t end);
std::size_t SkipAnySpace(std::string_view text, std::size_t pos, std::size_t end);

// Code points in text[span].
std::size_t CodePointsIn(std::string_view text, ByteSpan span);

// The fields of text[span] (one line of doc.text) separated by runs of horizontal space
// (ASCII, ideographic, nbsp, tabs) as doc.source has them, as spans of doc.text. The
// normalizer drops the spaces between Chinese words ("序号 名称" -> "序号名称"), so they are
// looked up in the source through doc.origin; a document without a source is read as is.
std::vector<ByteSpan> SourceFields(const model::Document& doc, ByteSpan span);

}  // namespace plancheck::parse
