#include "parse/units.h"

#include <algorithm>
#include <array>
#include <utility>

#include "base/utf8.h"
#include "parse/lines.h"
#include "parse/numbering.h"
#include "parse/web_chrome.h"

namespace plancheck::parse {
namespace {

struct LabelWord {
  std::u32string_view chars;
  LabelKind kind;
  // The full word a bare one stands for ("配合" -> "配合单位"); empty when it is one.
  std::u32string_view full = {};
};

// Stands in a label word for one optional level character (县 in 分管县领导, 省 in
// 分管省领导): see IsLevelChar.
constexpr char32_t kAnyLevel = U'\x01';

// Longest first, so "配合单位" wins over "配合" and "牵头责任单位" over "责任单位".
// Every word here was seen in published notices: 协同责任单位 and 牵头责任单位 (Zhejiang
// counties), 主要责任单位/其他责任单位 (华容县 2021), 主办/协办 (Guangzhou), 部门分工 followed
// by a "X牵头，Y配合" phrase (广东省 2021: "部门分工:省发展改革委牵头,各地、各部门配合。"),
// 分管省领导 (the same), 牵头县领导/分管县领导 (county tables).
constexpr LabelWord kLabels[] = {
    {U"责任（配合）单位", LabelKind::kCooperating},
    {U"责任(配合)单位", LabelKind::kCooperating},
    {U"协同责任单位", LabelKind::kCooperating},
    {U"配合责任单位", LabelKind::kCooperating},
    {U"其他责任单位", LabelKind::kCooperating},
    {U"主要责任单位", LabelKind::kLead},
    {U"牵头责任单位", LabelKind::kLead},
    {U"牵头责任部门", LabelKind::kLead},
    {U"牵头单位", LabelKind::kLead},
    {U"责任单位", LabelKind::kLead},
    {U"主责单位", LabelKind::kLead},
    {U"主办单位", LabelKind::kLead},
    {U"牵头部门", LabelKind::kLead},
    {U"责任部门", LabelKind::kLead},
    {U"主责部门", LabelKind::kLead},
    {U"配合单位", LabelKind::kCooperating},
    {U"配合部门", LabelKind::kCooperating},
    {U"协办单位", LabelKind::kCooperating},
    {U"协办部门", LabelKind::kCooperating},
    {U"协同单位", LabelKind::kCooperating},
    {U"协作单位", LabelKind::kCooperating},
    {U"参与单位", LabelKind::kCooperating},
    {U"参与部门", LabelKind::kCooperating},
    {U"完成时限", LabelKind::kDeadline},
    {U"完成时间", LabelKind::kDeadline},
    {U"时间节点", LabelKind::kDeadline},
    {U"牵头负责领导", LabelKind::kLeader},
    {U"牵头\x01领导", LabelKind::kLeader},
    {U"责任\x01领导", LabelKind::kLeader},
    {U"分管\x01领导", LabelKind::kLeader},
    {U"联系\x01领导", LabelKind::kLeader},
    // 成都市 2019: "(牵头领导:…,牵头单位:…,数据提供单位:市统计局)": a role no model field
    // holds, which must not run into the list before it.
    {U"数据提供单位", LabelKind::kOther},
    {U"督办单位", LabelKind::kOther},
    {U"部门分工", LabelKind::kDivision},
    {U"责任分工", LabelKind::kDivision},
    {U"职责分工", LabelKind::kDivision},
    {U"主办", LabelKind::kLead},
    {U"协办", LabelKind::kCooperating},
    // PDF text once writes the bare word (fixtures/seeds/004_*.txt task 290: "配合 :").
    {U"配合", LabelKind::kCooperating, U"配合单位"},
};

// A label word one character short is a slip of it ("责任单：") only when the word is at
// least this long: "配：" is no label.
constexpr std::size_t kMinSlipWordChars = 4;

// The level a label word may name: 分管县领导, 牵头市领导, 分管省领导.
bool IsLevelChar(char32_t cp) {
  return cp == U'省' || cp == U'市' || cp == U'县' || cp == U'区' || cp == U'州' || cp == U'旗' ||
         cp == U'盟' || cp == U'镇' || cp == U'乡';
}

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

// The first two characters of each label word (a level placeholder never stands second):
// most characters that may start a label (部, 时, 分, 主) do not, and the pair rejects them
// before any word is tried.
struct LabelPairs {
  std::array<std::pair<char32_t, char32_t>, std::size(kLabels)> pairs{};
  std::size_t count = 0;
};
constexpr LabelPairs kLabelPairs = [] {
  LabelPairs out;
  for (const LabelWord& label : kLabels) {
    const std::pair<char32_t, char32_t> pair{label.chars[0], label.chars[1]};
    bool seen = false;
    for (std::size_t i = 0; i < out.count; ++i) seen = seen || out.pairs[i] == pair;
    if (!seen) out.pairs[out.count++] = pair;
  }
  return out;
}();
static_assert([] {
  for (const LabelWord& label : kLabels) {
    if (label.chars.size() < 2 || label.chars[1] == kAnyLevel) return false;
  }
  return true;
}());

bool CouldStartPair(char32_t first, char32_t second) {
  for (std::size_t i = 0; i < kLabelPairs.count; ++i) {
    if (kLabelPairs.pairs[i].first == first && kLabelPairs.pairs[i].second == second) return true;
  }
  return false;
}

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
  return cp == U'（' || cp == '(' || cp == U'【' || cp == U'〔' || cp == U'[' || cp == U'《' ||
         cp == U'〈' || cp == U'［';
}
bool IsCloseBracket(char32_t cp) {
  return cp == U'）' || cp == ')' || cp == U'】' || cp == U'〕' || cp == U']' || cp == U'》' ||
         cp == U'〉' || cp == U'］';
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

// "注：", "备注：", "说明：" opening a line: a remark, never more of a unit list.
bool StartsRemark(std::string_view text, std::size_t pos, std::size_t end) {
  for (std::string_view word : {"注：", "注:", "备注：", "备注:", "说明：", "说明:"}) {
    if (pos + word.size() <= end && text.substr(pos, word.size()) == word) return true;
  }
  return false;
}

std::vector<UnitPiece> Split(std::string_view text, ByteSpan span, const SplitOptions& options,
                             bool use_brackets, bool* unbalanced) {
  std::vector<UnitPiece> pieces;
  auto emit = [&](std::size_t begin, std::size_t end) {
    ByteSpan piece = TrimSpan(text, {begin, end});
    if (piece.empty()) return;
    static constexpr std::string_view kEtc = "等";
    // "市科协等", "河南银保监局等相关部门" (河南省 2023): the list's closing 等, and the
    // collective after it, are no part of the name.
    static constexpr std::string_view kAfterEtc[] = {"",         "相关部门", "有关部门", "部门",
                                                     "相关单位", "有关单位", "单位"};
    const std::string_view words = text.substr(piece.begin, piece.size());
    const std::size_t etc = words.rfind(kEtc);
    if (etc != std::string_view::npos && etc > 0) {
      const std::string_view after = words.substr(etc + kEtc.size());
      if (std::find(std::begin(kAfterEtc), std::end(kAfterEtc), after) != std::end(kAfterEtc)) {
        piece = TrimSpan(text, {piece.begin, piece.begin + etc});
      }
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
    } else if (depth == 0 && cp == U'及') {
      // "以及" ends the name before its 以.
      std::size_t name_end = cur;
      const std::size_t prev = PreviousCodePoint(text, cur, piece_begin);
      std::size_t prev_size = 0;
      if (prev < cur && CodePointAt(text, prev, cur, &prev_size) == U'以') name_end = prev;
      emit(piece_begin, name_end);
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

namespace {

std::string Utf8Of(std::u32string_view chars) {
  std::string out;
  for (char32_t cp : chars) AppendUtf8(out, cp);
  return out;
}

// Matches `label` at `pos`, white space allowed between its characters (never before the
// first), kAnyLevel matching one level character or none; with `skip` < size, the
// character at that index is left out (a slip). Returns the end of the matched word and
// appends what was matched to `written`.
std::optional<std::size_t> MatchWord(std::string_view text, std::size_t pos, std::size_t end,
                                     std::u32string_view label, std::size_t skip,
                                     std::string& written) {
  std::size_t cur = pos;
  std::size_t size = 0;
  int breaks = 0;
  bool first = true;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (i == skip) continue;
    char32_t cp = CodePointAt(text, cur, end, &size);
    // Between two characters of the word (never before the first), skip white space.
    while (!first && size > 0 && IsAnySpace(cp) && breaks <= kMaxBreaksInLabel) {
      ++breaks;
      cur += size;
      cp = CodePointAt(text, cur, end, &size);
    }
    if (label[i] == kAnyLevel) {
      if (size > 0 && IsLevelChar(cp)) {
        written.append(text.substr(cur, size));
        cur += size;
      }
      continue;
    }
    if (size == 0 || cp != label[i]) return std::nullopt;
    written.append(text.substr(cur, size));
    cur += size;
    first = false;
  }
  return cur;
}

// The separator after a label word at `label_end`: horizontal space, then "：" or ":" (or,
// when `semicolon` is allowed, "；" or ";"). Returns its span.
std::optional<ByteSpan> MatchSeparator(std::string_view text, std::size_t label_end,
                                       std::size_t end, bool semicolon) {
  std::size_t cur = label_end;
  std::size_t size = 0;
  while (IsHorizontalSpace(CodePointAt(text, cur, end, &size)) && size > 0) cur += size;
  const char32_t cp = CodePointAt(text, cur, end, &size);
  if (size == 0) return std::nullopt;
  if (cp == U'：' || cp == ':' || (semicolon && (cp == U'；' || cp == ';'))) {
    return ByteSpan{cur, cur + size};
  }
  return std::nullopt;
}

// What precedes `pos` on its line, ignoring horizontal space: 0 at a line start.
char32_t PreviousOnLine(std::string_view text, std::size_t pos) {
  while (pos > 0) {
    const std::size_t prev = PreviousCodePoint(text, pos, 0);
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, prev, pos, &size);
    if (cp == '\n') return 0;
    if (cp != '\t' && !IsHorizontalSpace(cp)) return cp;
    pos = prev;
  }
  return 0;
}

}  // namespace

std::optional<LabelMatch> MatchLabel(std::string_view text, std::size_t pos, std::size_t end) {
  end = std::min(end, text.size());
  if (!MayStartLabel(text, pos, end)) return std::nullopt;
  std::size_t size = 0;
  const char32_t first = CodePointAt(text, pos, end, &size);
  if (size == 0 || !CouldStartLabel(first)) return std::nullopt;
  {
    // The second character, past the white space a PDF line break leaves inside a word.
    std::size_t cur = pos + size;
    std::size_t next_size = 0;
    char32_t second = CodePointAt(text, cur, end, &next_size);
    for (int breaks = 0; next_size > 0 && IsAnySpace(second) && breaks <= kMaxBreaksInLabel;
         ++breaks) {
      cur += next_size;
      second = CodePointAt(text, cur, end, &next_size);
    }
    if (!CouldStartPair(first, second)) return std::nullopt;
  }
  // The word meant: the full word of a bare one, the word a slip stands for, else the word
  // as matched (with the level character of 分管县领导 when written).
  auto make = [&](const LabelWord& label, std::string written, std::size_t label_end,
                  ByteSpan separator, bool slip) {
    std::string word = !label.full.empty() ? Utf8Of(label.full)
                       : slip              ? Utf8Of(label.chars)
                                           : written;
    return LabelMatch{label.kind, std::move(written), std::move(word), {pos, label_end},
                      separator,  separator.end};
  };
  for (const LabelWord& label : kLabels) {
    if (label.chars.front() != first) continue;
    std::string written;
    const std::optional<std::size_t> label_end =
        MatchWord(text, pos, end, label.chars, label.chars.size(), written);
    if (!label_end) continue;
    if (const std::optional<ByteSpan> colon = MatchSeparator(text, *label_end, end, false)) {
      return make(label, std::move(written), *label_end, *colon, false);
    }
  }
  // Slips, only where a label may begin: prose mentions the words too ("明确责任单位；").
  // Words with an optional level character (分管县领导) have no slips.
  auto may_slip = [&](const LabelWord& label) {
    return label.chars.front() == first && label.chars.size() >= kMinSlipWordChars &&
           label.chars.find(kAnyLevel) == std::u32string_view::npos;
  };
  const char32_t before = PreviousOnLine(text, pos);
  if (before == 0 || before == U'。') {
    for (const LabelWord& label : kLabels) {
      if (!may_slip(label)) continue;
      std::string written;
      const std::optional<std::size_t> label_end =
          MatchWord(text, pos, end, label.chars, label.chars.size(), written);
      if (!label_end) continue;
      if (const std::optional<ByteSpan> semicolon = MatchSeparator(text, *label_end, end, true)) {
        return make(label, std::move(written), *label_end, *semicolon, true);
      }
    }
  }
  const bool may_begin = before == 0 || before == U'。' || before == U'；' || before == ';' ||
                         before == U'，' || before == ',' || IsOpenBracket(before);
  if (!may_begin) return std::nullopt;
  for (const LabelWord& label : kLabels) {
    if (!may_slip(label)) continue;
    // Never the second character: the two-character prefilter above needs it.
    for (std::size_t skip = 2; skip < label.chars.size(); ++skip) {
      std::string written;
      const std::optional<std::size_t> label_end =
          MatchWord(text, pos, end, label.chars, skip, written);
      if (!label_end) continue;
      if (const std::optional<ByteSpan> colon = MatchSeparator(text, *label_end, end, false)) {
        return make(label, std::move(written), *label_end, *colon, true);
      }
    }
  }
  return std::nullopt;
}

std::optional<LabelKind> LabelKindOf(std::string_view written) {
  const std::string with_colon = std::string(written) + "：";
  const std::optional<LabelMatch> match = MatchLabel(with_colon, 0, with_colon.size());
  if (!match || match->written != written) return std::nullopt;
  return match->kind;
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
      // The next task or heading ends a list that lacks its closing "。", and so does a
      // remark on a line of its own ("注：排在第一位的为牵头单位。").
      const std::size_t next = SkipAnySpace(text, cur, end);
      // A saved page's chrome after the last task ("【打印本页】【关闭窗口】") ends it too.
      if (next < end && (MatchNumbering(text, next, end) || StartsRemark(text, next, end) ||
                         IsWebChromeLine(LineAt(text, next)))) {
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

namespace plancheck::parse {
namespace {

// A bracket holding an assignment is a few lists of names; a longer one is text.
constexpr std::size_t kMaxBracketChars = 400;
// A convention note is a short remark: "（列第一位者为牵头或汇总单位，下同）".
constexpr std::size_t kMaxNoteChars = 40;

struct RoleVerb {
  std::string_view word;
  PhraseRole role;
};

// The verbs closing a clause of a role phrase, longest first so that "按职责分工负责" wins
// over "负责". Seen in 国务院 and provincial 分工意见 ("X牵头，Y按职责分工负责"), 广东省 2021
// ("X牵头，各地、各部门配合"), 湖南省 2019 ("分管副省长、协管副秘书长负责，X牵头，Y参与").
constexpr RoleVerb kRoleVerbs[] = {
    {"按照职责分工负责", PhraseRole::kCooperating},
    {"按职责分工负责", PhraseRole::kCooperating},
    {"按职责分工落实", PhraseRole::kCooperating},
    {"按职能分工负责", PhraseRole::kCooperating},
    {"按职责负责", PhraseRole::kCooperating},
    {"分工负责", PhraseRole::kCooperating},
    {"配合落实", PhraseRole::kCooperating},
    // "市人力社保局、市农业农村局分别牵头" (丽水市 2023), "国务院各部门分别负责" (国务院 2020).
    {"分别牵头", PhraseRole::kLead},
    {"分别负责", PhraseRole::kLead},
    {"共同牵头", PhraseRole::kLead},
    {"共同负责", PhraseRole::kLead},
    {"牵头负责", PhraseRole::kLead},
    {"牵头落实", PhraseRole::kLead},
    {"牵头抓总", PhraseRole::kLead},
    {"具体负责", PhraseRole::kLead},
    {"负总责", PhraseRole::kLead},
    {"总负责", PhraseRole::kLead},
    {"牵头", PhraseRole::kLead},
    {"负责", PhraseRole::kLead},
    // "省财政厅主办，省国税局、地税局协办" (黑龙江省 2013).
    {"主办", PhraseRole::kLead},
    {"配合", PhraseRole::kCooperating},
    {"参与", PhraseRole::kCooperating},
    {"参加", PhraseRole::kCooperating},
    {"协助", PhraseRole::kCooperating},
    {"协同", PhraseRole::kCooperating},
    {"协办", PhraseRole::kCooperating},
};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}
bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The close matching the bracket opened at `pos`, counting nested brackets of any kind;
// npos when there is none within `max_chars` code points or before the next numbered line.
std::size_t MatchingClose(std::string_view text, std::size_t pos, std::size_t end,
                          std::size_t max_chars) {
  int depth = 0;
  std::size_t chars = 0;
  for (std::size_t cur = pos; cur < end && chars <= max_chars; ++chars) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, cur, end, &size);
    if (IsOpenBracket(cp)) {
      ++depth;
    } else if (IsCloseBracket(cp)) {
      if (--depth == 0) return cur;
    } else if (cp == '\n') {
      const std::size_t next = SkipAnySpace(text, cur, end);
      if (next >= end || MatchNumbering(text, next, end)) return std::string_view::npos;
    }
    cur += size;
  }
  return std::string_view::npos;
}

// A clause of a role phrase saying when, not who: "年内持续推进", "2023年底前完成", "长期坚持".
bool IsTimeClause(std::string_view words) {
  static constexpr std::string_view kWhen[] = {"年", "月", "持续", "长期", "完成", "推进"};
  for (std::string_view when : kWhen) {
    if (words.find(when) != std::string_view::npos) return true;
  }
  return false;
}

std::size_t SizeAt(std::string_view text, std::size_t pos) {
  std::size_t size = 0;
  CodePointAt(text, pos, text.size(), &size);
  return size;
}

}  // namespace

// The endings of bodies' names a phrase may name without 牵头: a clause "（企业自主负责）"
// names none of them and is no assignment.
bool LooksLikeBody(std::string_view name) {
  static constexpr std::string_view kEnds[] = {
      "局", "委", "办", "厅", "部", "院", "所", "站", "中心", "会", "司", "队", "社", "室",
      "处", "行", "团", "政府", "街道", "镇", "乡", "单位", "部门", "各地", "各级", "机构",
      "集团", "公司", "署", "馆", "台", "校", "联", "协", "区", "县", "市"};
  if (StartsWith(name, "各") || StartsWith(name, "有关") || StartsWith(name, "相关")) return true;
  if (IsPersonTitle(name)) return false;
  for (std::string_view end : kEnds) {
    if (EndsWith(name, end)) return true;
  }
  return false;
}

bool IsPersonTitle(std::string_view name) {
  static constexpr std::string_view kTitles[] = {"长", "书记", "领导", "主任", "同志", "委员",
                                                 "政委", "巡视员", "调研员", "负责人"};
  for (std::string_view title : kTitles) {
    if (EndsWith(name, title)) return true;
  }
  return false;
}

std::optional<std::vector<PhraseClause>> ParseRolePhrase(std::string_view text, ByteSpan span) {
  span = TrimSpan(text, {span.begin, std::min(span.end, text.size())});
  std::vector<PhraseClause> clauses;
  bool unrecognized = false;
  bool qiantou = false;  // a 牵头 clause naming units
  bool lead = false;
  auto clause = [&](ByteSpan part) {
    part = TrimListEnd(text, part);
    if (part.empty()) return;
    std::string_view words = text.substr(part.begin, part.size());
    if (StartsWith(words, "由")) {
      part.begin += std::string_view("由").size();
      words = text.substr(part.begin, part.size());
    }
    for (const RoleVerb& verb : kRoleVerbs) {
      if (!EndsWith(words, verb.word)) continue;
      ByteSpan names = TrimSpan(text, {part.begin, part.end - verb.word.size()});
      if (names.empty()) break;
      const std::vector<UnitPiece> pieces = SplitUnitList(text, names);
      if (pieces.empty()) break;
      PhraseClause out;
      out.role = verb.role;
      out.verb = std::string(verb.word);
      out.names = names;
      bool persons = true;
      bool bodies = true;
      for (const UnitPiece& piece : pieces) {
        persons = persons && IsPersonTitle(piece.text);
        bodies = bodies && LooksLikeBody(piece.text);
      }
      if (persons) out.role = PhraseRole::kLeader;
      if (out.role == PhraseRole::kLead) {
        lead = lead || bodies;
        qiantou = qiantou || out.verb.find("牵头") != std::string::npos;
      }
      clauses.push_back(std::move(out));
      return;
    }
    // "（国务院各部门分别负责，年内持续推进）": a clause saying when is no role.
    if (!IsTimeClause(words)) unrecognized = true;
  };
  int depth = 0;
  std::size_t begin = span.begin;
  for (std::size_t cur = span.begin; cur < span.end;) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, cur, span.end, &size);
    if (IsOpenBracket(cp)) {
      ++depth;
    } else if (IsCloseBracket(cp)) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && (cp == U'，' || cp == ',' || cp == U'；' || cp == ';' || cp == U'。')) {
      clause({begin, cur});
      begin = cur + size;
    }
    cur += size;
  }
  clause({begin, span.end});
  // Without a lead clause, the units "按职责分工负责" are the task's leads: "（省商务厅、
  // 财政厅、发展改革委等相关部门按职责分工负责）" (河南省 2023).
  if (!lead && !qiantou && !unrecognized) {
    for (PhraseClause& c : clauses) {
      if (c.role == PhraseRole::kCooperating && c.verb.find("负责") != std::string::npos) {
        c.role = PhraseRole::kLead;
        lead = true;
      }
    }
  }
  // A 牵头 clause makes the phrase whatever else it holds ("X牵头，2023年底前完成"); a
  // phrase led only by "负责" must be read whole.
  if (qiantou || (lead && !unrecognized)) return clauses;
  return std::nullopt;
}

std::optional<BracketAssignment> MatchBracketAssignment(std::string_view text, std::size_t pos,
                                                        std::size_t end) {
  end = std::min(end, text.size());
  std::size_t size = 0;
  const char32_t open = CodePointAt(text, pos, end, &size);
  // 《…》 quotes a title; it never assigns.
  if (size == 0 || !IsOpenBracket(open) || open == U'《' || open == U'〈') return std::nullopt;
  const std::size_t close = MatchingClose(text, pos, end, kMaxBracketChars);
  if (close == std::string_view::npos) return std::nullopt;
  BracketAssignment out;
  out.span = {pos, close + SizeAt(text, close)};
  const ByteSpan content{pos + size, close};
  const std::size_t inner = SkipAnySpace(text, content.begin, content.end);
  if (MatchLabel(text, inner, content.end)) {
    out.labelled = ParseAssignment(text, inner, content.end);
    if (!out.labelled) return std::nullopt;
    return out;
  }
  std::optional<std::vector<PhraseClause>> phrase = ParseRolePhrase(text, content);
  if (!phrase) return std::nullopt;
  out.phrase = std::move(*phrase);
  return out;
}

bool DeclaresFirstListed(std::string_view text, ByteSpan span) {
  const std::string_view words = text.substr(span.begin, std::min(span.end, text.size()) - span.begin);
  static constexpr std::string_view kFirst[] = {"第一位", "第一个", "首位", "排名第一", "排序第一",
                                                "排第一", "列第一", "第一家"};
  for (std::string_view first : kFirst) {
    const std::size_t at = words.find(first);
    if (at == std::string_view::npos) continue;
    const std::size_t lead = words.find("牵头", at);
    if (lead != std::string_view::npos) return true;
  }
  return false;
}

std::optional<FirstListedNote> MatchFirstListedNote(std::string_view text, std::size_t pos,
                                                    std::size_t end) {
  end = std::min(end, text.size());
  std::size_t size = 0;
  const char32_t cp = CodePointAt(text, pos, end, &size);
  if (cp != U'（' && cp != '(' && cp != U'【' && cp != U'〔' && cp != U'[') return std::nullopt;
  const std::size_t close = MatchingClose(text, pos, end, kMaxNoteChars);
  if (close == std::string_view::npos || !DeclaresFirstListed(text, {pos + size, close})) {
    return std::nullopt;
  }
  const std::string_view note = text.substr(pos, close - pos);
  return FirstListedNote{{pos, close + SizeAt(text, close)},
                         note.find("下同") != std::string_view::npos};
}

std::optional<FirstListedNote> FindFirstListedNote(std::string_view text, ByteSpan span) {
  const std::size_t end = std::min(span.end, text.size());
  for (std::size_t cur = span.begin; cur < end;) {
    std::size_t size = 0;
    CodePointAt(text, cur, end, &size);
    if (auto note = MatchFirstListedNote(text, cur, end)) return note;
    cur += size;
  }
  return std::nullopt;
}

}  // namespace plancheck::parse
