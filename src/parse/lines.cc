#include "parse/lines.h"

#include <algorithm>

#include "base/utf8.h"

namespace plancheck::parse {

std::vector<Line> SplitLines(std::string_view text, ByteSpan span) {
  std::vector<Line> lines;
  const std::size_t end = std::min(span.end, text.size());
  std::size_t begin = std::min(span.begin, end);
  while (true) {
    const std::size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos || newline >= end) {
      lines.push_back({begin, end});
      break;
    }
    lines.push_back({begin, newline});
    begin = newline + 1;
  }
  return lines;
}

std::size_t PreviousCodePoint(std::string_view text, std::size_t pos, std::size_t floor) {
  if (pos <= floor) return floor;
  std::size_t prev = pos - 1;
  // At most three continuation bytes precede a lead byte in valid UTF-8.
  for (int i = 0; i < 3 && prev > floor && (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80;
       ++i) {
    --prev;
  }
  return prev;
}

ByteSpan TrimSpan(std::string_view text, ByteSpan span) {
  std::size_t begin = span.begin;
  std::size_t end = std::min(span.end, text.size());
  std::size_t size = 0;
  while (begin < end && IsAnySpace(CodePointAt(text, begin, end, &size))) begin += size;
  while (end > begin) {
    const std::size_t prev = PreviousCodePoint(text, end, begin);
    if (!IsAnySpace(CodePointAt(text, prev, end, &size))) break;
    end = prev;
  }
  return {begin, std::max(begin, end)};
}

std::size_t SkipHorizontalSpace(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t size = 0;
  while (true) {
    const char32_t cp = CodePointAt(text, pos, end, &size);
    if (size == 0 || !(IsHorizontalSpace(cp) || cp == '\t' || cp == '\r')) return pos;
    pos += size;
  }
}

std::size_t SkipAnySpace(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t size = 0;
  while (true) {
    const char32_t cp = CodePointAt(text, pos, end, &size);
    if (size == 0 || !IsAnySpace(cp)) return pos;
    pos += size;
  }
}

std::size_t CodePointsIn(std::string_view text, ByteSpan span) {
  const std::size_t end = std::min(span.end, text.size());
  if (span.begin >= end) return 0;
  return CodePointCount(text.substr(span.begin, end - span.begin));
}

std::vector<ByteSpan> SourceFields(const model::Document& doc, ByteSpan line) {
  const bool mapped = !doc.source.empty();
  const std::string_view source = mapped ? std::string_view(doc.source) : doc.text;
  auto to_source = [&](std::size_t offset) { return mapped ? doc.origin.ToSource(offset) : offset; };
  auto to_text = [&](std::size_t offset) {
    return std::clamp(mapped ? doc.origin.ToNormalized(offset) : offset, line.begin, line.end);
  };
  const std::size_t end = std::min(to_source(line.end), source.size());
  constexpr std::size_t kNone = std::string_view::npos;
  std::vector<ByteSpan> fields;
  std::size_t begin = kNone;  // the open field's start in `source`
  auto add = [&](std::size_t field_end) {
    const ByteSpan field{to_text(begin), to_text(field_end)};
    if (!field.empty()) fields.push_back(field);
  };
  for (std::size_t pos = std::min(to_source(line.begin), end); pos < end;) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(source, pos, end, &size);
    if (size == 0) break;
    if (IsHorizontalSpace(cp) || cp == '\t') {
      if (begin != kNone) add(pos);
      begin = kNone;
    } else if (begin == kNone) {
      begin = pos;
    }
    pos += size;
  }
  if (begin != kNone) add(end);
  return fields;
}

}  // namespace plancheck::parse
