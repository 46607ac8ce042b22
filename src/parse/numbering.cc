#include "parse/numbering.h"

#include <algorithm>
#include <optional>

#include "base/utf8.h"

namespace plancheck::parse {
namespace {

using model::NumberStyle;

// 0-9 for a Chinese digit, -1 otherwise.
int ChineseDigit(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int ChineseUnit(char32_t cp) {
  switch (cp) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return 0;
  }
}

bool IsChineseNumeralChar(char32_t cp) { return ChineseDigit(cp) >= 0 || ChineseUnit(cp) > 0; }

bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Code point at `pos` (0 past `end`) and its size in bytes.
char32_t PeekAt(std::string_view text, std::size_t pos, std::size_t end, std::size_t* size) {
  if (pos >= end || pos >= text.size()) {
    *size = 0;
    return 0;
  }
  std::size_t next = pos;
  const char32_t cp = DecodeUtf8(text, next);
  *size = next - pos;
  return cp;
}

// Scans a run of numeral characters of one kind from `pos`; returns its end (== pos when
// none, or when longer than kMaxNumeralChars).
std::size_t ScanRun(std::string_view text, std::size_t pos, std::size_t end, bool chinese) {
  std::size_t cur = pos;
  std::size_t count = 0;
  while (true) {
    std::size_t size = 0;
    const char32_t cp = PeekAt(text, cur, end, &size);
    if (size == 0) break;
    if (chinese ? !IsChineseNumeralChar(cp) : !IsAsciiDigit(cp)) break;
    if (++count > kMaxNumeralChars) return pos;
    cur += size;
  }
  return cur;
}

std::size_t SkipSpaces(std::string_view text, std::size_t pos, std::size_t end) {
  while (true) {
    std::size_t size = 0;
    const char32_t cp = PeekAt(text, pos, end, &size);
    if (size == 0 || !IsHorizontalSpace(cp)) return pos;
    pos += size;
  }
}

}  // namespace

std::optional<std::int64_t> ChineseNumeralValue(std::string_view numeral) {
  if (numeral.empty()) return std::nullopt;
  std::int64_t total = 0;
  int current = -1;  // a digit waiting for its unit
  bool last_was_digit = false;
  std::size_t count = 0;
  for (std::size_t offset = 0; offset < numeral.size();) {
    const char32_t cp = DecodeUtf8(numeral, offset);
    if (++count > kMaxNumeralChars) return std::nullopt;
    const int digit = ChineseDigit(cp);
    const int unit = ChineseUnit(cp);
    if (digit >= 0) {
      // "一二" is no numeral; "一百零五" is (零 holds a place).
      if (last_was_digit && current != 0) return std::nullopt;
      current = digit;
      last_was_digit = true;
    } else if (unit > 0) {
      total += static_cast<std::int64_t>(current < 0 ? 1 : current) * unit;
      current = -1;
      last_was_digit = false;
    } else {
      return std::nullopt;
    }
  }
  if (current > 0) total += current;
  return total;
}

std::optional<std::int64_t> ArabicValue(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  std::int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    if (value > (std::int64_t{1} << 62) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<NumberToken> MatchNumbering(std::string_view text, std::size_t pos, std::size_t end) {
  end = std::min(end, text.size());
  std::size_t size = 0;
  const char32_t first = PeekAt(text, pos, end, &size);
  if (size == 0) return std::nullopt;

  // ①..⑳
  if (first >= U'①' && first <= U'⑳') {
    return NumberToken{
        NumberStyle::kCircled, static_cast<std::int64_t>(first - U'①' + 1), {pos, pos + size}};
  }

  // "第一条" (article numbering, as in rules and some 分工方案): 第, a numeral, 条.
  if (first == U'第') {
    const std::size_t inner = pos + size;
    std::size_t first_size = 0;
    const bool chinese = IsChineseNumeralChar(PeekAt(text, inner, end, &first_size));
    const std::size_t run_end = ScanRun(text, inner, end, chinese);
    if (run_end == inner) return std::nullopt;
    std::size_t tiao_size = 0;
    if (PeekAt(text, run_end, end, &tiao_size) != U'条') return std::nullopt;
    const std::string_view run = text.substr(inner, run_end - inner);
    NumberToken token;
    token.style = NumberStyle::kArticle;
    token.value = chinese ? ChineseNumeralValue(run) : ArabicValue(run);
    if (chinese && !token.value) return std::nullopt;
    token.span = {pos, run_end + tiao_size};
    return token;
  }

  if (first == U'（' || first == '(') {
    const std::size_t inner = pos + size;
    std::size_t first_size = 0;
    const bool chinese = IsChineseNumeralChar(PeekAt(text, inner, end, &first_size));
    const std::size_t run_end = ScanRun(text, inner, end, chinese);
    if (run_end == inner) return std::nullopt;
    const std::size_t close_at = SkipSpaces(text, run_end, end);
    std::size_t close_size = 0;
    const char32_t close = PeekAt(text, close_at, end, &close_size);
    if (close != U'）' && close != ')') return std::nullopt;
    const std::string_view run = text.substr(inner, run_end - inner);
    NumberToken token;
    token.style = chinese ? NumberStyle::kChineseParen : NumberStyle::kArabicParen;
    token.value = chinese ? ChineseNumeralValue(run) : ArabicValue(run);
    if (chinese && !token.value) return std::nullopt;
    token.span = {pos, close_at + close_size};
    return token;
  }

  const bool chinese = IsChineseNumeralChar(first);
  if (!chinese && !IsAsciiDigit(first)) return std::nullopt;
  const std::size_t run_end = ScanRun(text, pos, end, chinese);
  if (run_end == pos) return std::nullopt;
  // Web copies space out the number and its mark: "1 . 严格管控…", "一 、 承担的…" (新密市
  // 2021, fixtures/real/henan-xinmi-2021).
  const std::size_t mark_at = SkipSpaces(text, run_end, end);
  std::size_t mark_size = 0;
  const char32_t mark = PeekAt(text, mark_at, end, &mark_size);
  const std::string_view run = text.substr(pos, run_end - pos);
  NumberToken token;
  token.span = {pos, mark_at + mark_size};
  if (chinese) {
    if (mark != U'、') return std::nullopt;
    token.style = NumberStyle::kChineseComma;
    token.value = ChineseNumeralValue(run);
    if (!token.value) return std::nullopt;
    return token;
  }
  if (mark == U'、') {
    token.style = NumberStyle::kArabicComma;
  } else if (mark == '.' || mark == U'．' || mark == U'﹒' || mark == U'。') {
    // "1﹒全省生产总值增长7%以上" (small full stop, 安徽省 2022) and "1。在以习近平同志…"
    // (天津市 2020) are copies' stand-ins for "1.". "2.5%" and "2．5" are decimals, not "2."
    // followed by text; "2020。" ends a sentence, so a 。 mark takes at most three digits.
    std::size_t after_size = 0;
    const std::size_t after = SkipSpaces(text, mark_at + mark_size, end);
    if (IsAsciiDigit(PeekAt(text, after, end, &after_size))) return std::nullopt;
    if (mark == U'。' && run.size() > 3) return std::nullopt;
    token.style = NumberStyle::kArabicDot;
  } else {
    return std::nullopt;
  }
  token.value = ArabicValue(run);
  return token;
}

std::optional<NumberToken> MatchBareNumber(std::string_view text, ByteSpan cell) {
  const std::size_t end = std::min(cell.end, text.size());
  if (cell.begin >= end) return std::nullopt;
  const std::string_view trimmed = TrimSpace(text.substr(cell.begin, end - cell.begin));
  if (trimmed.empty() || trimmed.size() > kMaxNumeralChars) return std::nullopt;
  for (char c : trimmed) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::size_t begin = static_cast<std::size_t>(trimmed.data() - text.data());
  return NumberToken{
      model::NumberStyle::kArabicBare, ArabicValue(trimmed), {begin, begin + trimmed.size()}};
}

namespace {

// Restarts and run-ons seen at one kind of boundary, and what the first one did.
struct BoundaryVotes {
  int restarts = 0;
  int runs_on = 0;
  std::optional<bool> first_restarts;

  void Add(bool restart) {
    (restart ? restarts : runs_on)++;
    if (!first_restarts) first_restarts = restart;
  }
  bool Restart() const {
    if (restarts != runs_on) return restarts > runs_on;
    return first_restarts.value_or(false);
  }
  bool Seen() const { return first_restarts.has_value(); }
};

}  // namespace

model::NumberingScope TaskNumberingScope(const model::Document& doc) {
  // Real notices do all three: 梁平 2021 (fixtures/seeds/000) runs on across parts, the
  // paragraphs plan (seeds/002) restarts in every section, and leader-group notices such
  // as 长兴县 2023 ("一、朱伟县长牵头重点工作" then 1, 2, 3 …) restart in every part.
  BoundaryVotes sections;
  BoundaryVotes parts;
  const model::Part* last_part = nullptr;
  const model::Section* last_section = nullptr;
  // Whether every numbered task is a "（一）" right under a "一、" part.
  bool parenthesized_under_parts = true;
  for (const model::Part& part : doc.parts) {
    for (const model::Section& section : part.sections) {
      for (const model::Task& task : section.tasks) {
        if (!task.number.value) continue;
        parenthesized_under_parts = parenthesized_under_parts && section.implicit &&
                                    task.number.style == NumberStyle::kChineseParen &&
                                    part.number.style == NumberStyle::kChineseComma;
        if (last_section != nullptr && last_section != &section) {
          const bool restart = *task.number.value == 1;
          (last_part != &part ? parts : sections).Add(restart);
        }
        last_part = &part;
        last_section = &section;
      }
    }
  }
  if (sections.Seen() && sections.Restart()) return model::NumberingScope::kSection;
  // Parts may restart while the sections inside them run on.
  if (parts.Seen() && parts.Restart()) return model::NumberingScope::kPart;
  // With no boundary to vote on (one part, as in the excerpts of 赤壁市 and 嘉鱼县 2021 and
  // the targets part of 成都市 2019), "（一）" tasks under "一、" parts follow the official
  // hierarchy, whose second level starts again under each first-level heading.
  if (!parts.Seen() && !sections.Seen() && last_part != nullptr && parenthesized_under_parts) {
    return model::NumberingScope::kPart;
  }
  return model::NumberingScope::kDocument;
}

}  // namespace plancheck::parse
