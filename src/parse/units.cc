#include "parse/units.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "parse/lines.h"
#include "parse/numbering.h"
#include "parse/web_chrome.h"

namespace plancheck::parse {
namespace {

struct LabelWord {
  std::u32string_view chars;
  LabelKind kind;
};

// Longest first, so "配合单位" wins over "配合" and "牵头责任单位" over "责任单位".
constexpr LabelWord kLabels[] = {
    {U"责任（配合）单位", LabelKind::kCooperating},
    {U"责任(配合)单位", LabelKind::kCooperating},
    {U"牵头责任单位", LabelKind::kLead},
    {U"牵头单位", LabelKind::kLead},
    {U"责任单位", LabelKind::kLead},
    {U"主责单位", LabelKind::kLead},
    {U"牵头部门", LabelKind::kLead},
    {U"责任部门", LabelKind::kLead},
    {U"配合单位", LabelKind::kCooperating},
    {U"配合部门", LabelKind::kCooperating},
    {U"协办单位", LabelKind::kCooperating},
    {U"参与单位", LabelKind::kCooperating},
    {U"完成时限", LabelKind::kDeadline},
    {U"完成时间", LabelKind::kDeadline},
    {U"牵头领导", LabelKind::kLeader},
    {U"责任领导", LabelKind::kLeader},
    // PDF text once writes the bare word (fixtures/seeds/004_*.txt task 290: "配合 :").
    {U"配合", LabelKind::kCooperating},
};

// Line breaks a PDF extraction may put inside one label word, at most.
constexpr int kMaxBreaksInLabel = 8;

// The distinct first characters of the label words (责 牵 主 配 协 参 完), derived from
// kLabels so that a new label word needs no other change.
struct LabelStarts {
  std::array<char32_t, std::size(kLabels)> chars{};
  std::size_t count = 0;
};
constexpr LabelStarts kLabelStarts = [] {
  LabelStarts starts;
  for (const LabelWord& label : kLabels) {
    bool seen = false;
    for (std::size_t i = 0; i < starts.count; ++i) seen = seen || starts.chars[i] == label.chars.front();
    if (!seen) starts.chars[starts.count++] = label.chars.front();
  }
  return starts;
}();
// Each is a three-byte UTF-8 character, which MayStartLabel relies on.
static_assert([] {
  for (std::size_t i = 0; i < kLabelStarts.count; ++i) {
    if (kLabelStarts.chars[i] < 0x800 || kLabelStarts.chars[i] > 0xFFFF) return false;
  }
  return true;
}());

bool CouldStartLabel(char32_t cp) {
  for (std::size_t i = 0; i < kLabelStarts.count; ++i) {
    if (kLabelStarts.chars[i] == cp) return true;
  }
  return false;
}

// Whether the character at `pos` may start a label, by its first two bytes alone: the
// shape detector asks at every character, and most are rejected without decoding.
bool MayStartLabel(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos + 1 >= end) return false;
  const auto lead = static_cast<unsigned char>(text[pos]);
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  for (std::size_t i = 0; i < kLabelStarts.count; ++i) {
    const char32_t cp = kLabelStarts.chars[i];
    if (lead == (0xE0 | (cp >> 12)) && second == (0x80 | ((cp >> 6) & 0x3F))) return true;
  }
  return false;
}

// The line of `text` starting at `pos`, without its '\n'.
std::string_view LineAt(std::string_view text, std::size_t pos) {
  const std::size_t newline = text.find('\n', pos);
  return text.substr(pos, (newline == std::string_view::npos ? text.size() : newline) - pos);
}

bool IsOpenBracket(char32_t cp) {
  return cp == U'（' || cp == '(' || cp == U'【' || cp == U'〔' || cp == U'[' || cp == U'《';
}
bool IsCloseBracket(char32_t cp) {
  return cp == U'）' || cp == ')' || cp == U'】' || cp == U'〕' || cp == U']' || cp == U'》';
}

bool IsListSeparator(char32_t cp) {
  return cp == U'、' || cp == U'，' || cp == ',' || cp == U'；' || cp == ';' || cp == U'。';
}

// Trims white space and list separators from the end of a list's content.
ByteSpan TrimListEnd(std::string_view text, ByteSpan span) {
  span = TrimSpan(text, span);
  std::size_t size = 0;
  while (span.end > span.begin) {
    const std::size_t prev = PreviousCodePoint(text, span.end, span.begin);
    const char32_t cp = CodePointAt(text, prev, span.end, &size);
    if (!IsAnySpace(cp) && !IsListSeparator(cp)) break;
    span.end = prev;
  }
  return span;
}

std::vector<UnitPiece> Split(std::string_view text, ByteSpan span, const SplitOptions& options,
                             bool use_brackets, bool* unbalanced) {
  std::vector<UnitPiece> pieces;
  auto emit = [&](std::size_t begin, std::size_t end) {
    ByteSpan piece = TrimSpan(text, {begin, end});
    if (piece.empty()) return;
    static constexpr std::string_view kEtc = "等";
    // "市科协等": the list's closing 等 is no part of the name.
    if (piece.size() > kEtc.size() && text.substr(piece.end - kEtc.size(), kEtc.size()) == kEtc) {
      piece = TrimSpan(text, {piece.begin, piece.end - kEtc.size()});
    }
    if (piece.empty()) return;
    pieces.push_back({JoinLines(text, piece), piece});
  };
  int depth = 0;
  std::size_t piece_begin = span.begin;
  const std::size_t end = std::min(span.end, text.size());
  for (std::size_t cur = span.begin; cur < end;) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, cur, end, &size);
    if (use_brackets && IsOpenBracket(cp)) {
      ++depth;
    } else if (use_brackets && IsCloseBracket(cp)) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && (IsListSeparator(cp) || (options.newline_separates && cp == '\n'))) {
      emit(piece_begin, cur);
      piece_begin = cur + size;
    }
    cur += size;
  }
  emit(piece_begin, end);
  *unbalanced = depth > 0;
  return pieces;
}

}  // namespace

std::string JoinLines(std::string_view text, ByteSpan span) {
  const ByteSpan trimmed = TrimSpan(text, span);
  std::string out;
  out.reserve(trimmed.size());
  bool after_break = false;
  for (std::size_t cur = trimmed.begin; cur < trimmed.end;) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, cur, trimmed.end, &size);
    if (cp == '\n' || cp == '\r') {
      // Drop the spaces before the break and after it (PDF line ends and indentation).
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      after_break = true;
    } else if (cp == '\t') {
      // A table cell's tab is layout, not text.
    } else if (after_break && IsHorizontalSpace(cp)) {
      // Indentation of a continuation line.
    } else {
      after_break = false;
      out.append(text.substr(cur, size));
    }
    cur += size;
  }
  return out;
}

std::vector<UnitPiece> SplitUnitList(std::string_view text, ByteSpan span,
                                     const SplitOptions& options) {
  bool unbalanced = false;
  std::vector<UnitPiece> pieces = Split(text, span, options, true, &unbalanced);
  // An unclosed bracket would swallow the rest of the list into one name: split as if the
  // brackets were plain text instead.
  if (unbalanced) pieces = Split(text, span, options, false, &unbalanced);
  return pieces;
}

std::optional<LabelMatch> MatchLabel(std::string_view text, std::size_t pos, std::size_t end) {
  end = std::min(end, text.size());
  if (!MayStartLabel(text, pos, end)) return std::nullopt;
  std::size_t size = 0;
  const char32_t first = CodePointAt(text, pos, end, &size);
  if (size == 0 || !CouldStartLabel(first)) return std::nullopt;
  for (const LabelWord& label : kLabels) {
    if (label.chars.front() != first) continue;
    std::size_t cur = pos;
    std::string written;
    bool ok = true;
    int breaks = 0;
    for (std::size_t i = 0; i < label.chars.size() && ok; ++i) {
      char32_t cp = CodePointAt(text, cur, end, &size);
      // Between two characters of the word (never before the first), skip white space.
      while (i > 0 && size > 0 && IsAnySpace(cp) && breaks <= kMaxBreaksInLabel) {
        ++breaks;
        cur += size;
        cp = CodePointAt(text, cur, end, &size);
      }
      if (size == 0 || cp != label.chars[i]) {
        ok = false;
        break;
      }
      written.append(text.substr(cur, size));
      cur += size;
    }
    if (!ok) continue;
    const std::size_t label_end = cur;
    while (IsHorizontalSpace(CodePointAt(text, cur, end, &size)) && size > 0) cur += size;
    const char32_t colon = CodePointAt(text, cur, end, &size);
    if (colon != U'：' && colon != ':') continue;
    return LabelMatch{label.kind, std::move(written), {pos, label_end}, cur + size};
  }
  return std::nullopt;
}

std::optional<LabelKind> LabelKindOf(std::string_view written) {
  for (const LabelWord& label : kLabels) {
    std::string utf8;
    for (char32_t cp : label.chars) AppendUtf8(utf8, cp);
    if (utf8 == written) return label.kind;
  }
  return std::nullopt;
}

std::optional<Assignment> ParseAssignment(std::string_view text, std::size_t pos, std::size_t end) {
  end = std::min(end, text.size());
  std::optional<LabelMatch> first = MatchLabel(text, pos, end);
  if (!first) return std::nullopt;
  LabelMatch label = std::move(*first);
  Assignment out;
  out.span.begin = pos;
  auto close = [&](std::size_t at) {
    out.lists.push_back({label, TrimListEnd(text, {label.content_begin, at})});
  };
  int depth = 0;
  std::size_t cur = label.content_begin;
  bool done = false;
  while (cur < end && !done) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, cur, end, &size);
    if (cp == '\n') {
      // The next task or heading ends a list that lacks its closing "。".
      const std::size_t next = SkipAnySpace(text, cur, end);
      // A saved page's chrome after the last task ("【打印本页】【关闭窗口】") ends it too.
      if (next < end && (MatchNumbering(text, next, end) || IsWebChromeLine(LineAt(text, next)))) {
        close(cur);
        out.consumed_end = cur;
        done = true;
        break;
      }
      // Brackets do not span lines in any shape we read; an unclosed one must not hide
      // the "。" that ends the assignment. The blank run just skipped is not rescanned.
      depth = 0;
      cur = std::max(cur + size, next);
      continue;
    }
    if (depth == 0 && CouldStartLabel(cp)) {
      if (std::optional<LabelMatch> next = MatchLabel(text, cur, end)) {
        close(cur);
        label = std::move(*next);
        cur = label.content_begin;
        continue;
      }
    }
    if (IsOpenBracket(cp)) {
      ++depth;
    } else if (IsCloseBracket(cp)) {
      depth = std::max(0, depth - 1);
    } else if (cp == U'。' && depth == 0) {
      // "责任单位：区政府办公室。配合单位：…" (fixtures/seeds/000_*.txt task 153): a "。"
      // followed by another label separates lists instead of ending the assignment.
      const std::size_t next = SkipAnySpace(text, cur + size, end);
      if (std::optional<LabelMatch> following = MatchLabel(text, next, end)) {
        close(cur);
        label = std::move(*following);
        cur = label.content_begin;
        continue;
      }
      close(cur);
      out.consumed_end = cur + size;
      done = true;
      break;
    }
    cur += size;
  }
  if (!done) {
    close(end);
    out.consumed_end = end;
  }
  out.span.end = std::max(out.span.begin, out.lists.back().content.end);
  if (out.lists.back().content.empty()) {
    out.span.end = std::max(out.span.end, out.lists.back().label.content_begin);
  }
  return out;
}

}  // namespace plancheck::parse
