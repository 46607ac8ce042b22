#include "parse/metadata.h"

#include <algorithm>
#include <array>
#include <string>

#include "base/utf8.h"
#include "parse/lines.h"
#include "parse/numbering.h"
#include "parse/place.h"
#include "parse/units.h"
#include "parse/web_chrome.h"

namespace plancheck::parse {
namespace {

// How far into a document the notice letter may reach, in lines. Notices are a page or
// two; the bound keeps the title search linear on a huge file without one.
constexpr std::size_t kMaxPreambleLines = 120;
// Quoted titles tried, at most.
constexpr int kMaxQuotes = 16;
// Lines at the top of a notice where its own title "X关于…的通知" may stand.
constexpr std::size_t kMaxIssuerTitleLines = 12;
// Lines a title may be broken into ("重庆市梁平区落实" + "《…》工作方案", fixtures/seeds/002).
constexpr int kMaxTitleLines = 4;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A title compared without white space and without 《》〈〉: the notice quotes the plan as
// 《…〈…〉…》 while the title line writes 《…》 (fixtures/seeds/002_*.txt).
std::string TitleKey(std::string_view text) {
  std::string key;
  for (std::size_t offset = 0; offset < text.size();) {
    const std::size_t begin = offset;
    const char32_t cp = DecodeUtf8(text, offset);
    if (IsAnySpace(cp) || cp == U'《' || cp == U'》' || cp == U'〈' || cp == U'〉') continue;
    key.append(text.substr(begin, offset - begin));
  }
  return key;
}

// `key` without a closing count "（共108项）" (北京大兴 2023: the title line adds one that
// the notice's quote of it does not have).
std::string WithoutCount(std::string key) {
  for (std::string_view open : {"（共", "(共"}) {
    const std::size_t at = key.rfind(open);
    if (at == std::string::npos || at == 0) continue;
    if (EndsWith(key, "项）") || EndsWith(key, "项)")) return key.substr(0, at);
  }
  return key;
}

// The line(s) from lines[from] on (within kMaxPreambleLines) that spell `target` (a
// TitleKey), perhaps broken over up to kMaxTitleLines lines.
std::optional<ByteSpan> FindSpelled(std::string_view text, const std::vector<Line>& lines,
                                    std::size_t from, const std::string& target) {
  for (std::size_t j = from; j < lines.size() && j < from + kMaxPreambleLines; ++j) {
    std::string key;
    int used = 0;
    for (std::size_t k = j; k < lines.size() && used < kMaxTitleLines; ++k) {
      // A line much longer than the title cannot be part of it (keeps huge lines cheap).
      if (lines[k].end - lines[k].begin > 2 * target.size() + 256) break;
      const std::string part = TitleKey(text.substr(lines[k].begin, lines[k].end - lines[k].begin));
      if (part.empty()) {
        if (k == j) break;  // a title starts on a non-blank line
        continue;
      }
      key += part;
      ++used;
      if (key == target || WithoutCount(key) == target) {
        return TrimSpan(text, {lines[j].begin, lines[k].end});
      }
      if (!StartsWith(target, key)) break;
    }
  }
  return std::nullopt;
}

// The plan title quoted in the notice ("《2021年区政府工作报告目标任务分解方案》已经区政府同意")
// and the line(s) after the quote that spell it out.
std::optional<ByteSpan> FindQuotedTitle(std::string_view text, const std::vector<Line>& lines) {
  int quotes = 0;
  const std::size_t limit = std::min(lines.size(), kMaxPreambleLines);
  for (std::size_t i = 0; i < limit && quotes < kMaxQuotes; ++i) {
    const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    for (std::size_t open = line.find("《"); open != std::string_view::npos && quotes < kMaxQuotes;
         open = line.find("《", open + 1)) {
      // The matching 》, counting nested 《》.
      int depth = 0;
      std::size_t close = std::string_view::npos;
      for (std::size_t offset = open; offset < line.size();) {
        const std::size_t begin = offset;
        const char32_t cp = DecodeUtf8(line, offset);
        if (cp == U'《') ++depth;
        if (cp == U'》' && --depth == 0) {
          close = begin;
          break;
        }
      }
      if (close == std::string_view::npos) break;
      ++quotes;
      const std::string target = TitleKey(line.substr(open, close - open));
      if (target.size() < 6) continue;
      if (std::optional<ByteSpan> title = FindSpelled(text, lines, i + 1, target)) return title;
    }
  }
  return std::nullopt;
}

// The attachment the notice names ("附件：《政府工作报告》确定的2021年重点工作责任分解",
// 赤壁 2021) and the line(s) below that spell it out; or, when the notice names none, the
// first line after a line of its own "附件" / "附件1".
std::optional<ByteSpan> FindAttachmentTitle(std::string_view text, const std::vector<Line>& lines) {
  const std::size_t limit = std::min(lines.size(), kMaxPreambleLines);
  for (std::size_t i = 0; i < limit; ++i) {
    const ByteSpan span = TrimSpan(text, {lines[i].begin, lines[i].end});
    std::string_view line = text.substr(span.begin, span.size());
    if (!StartsWith(line, "附件")) continue;
    line.remove_prefix(std::string_view("附件").size());
    while (!line.empty() && line.front() >= '0' && line.front() <= '9') line.remove_prefix(1);
    if (line.empty()) {
      // "附件" alone: the title is the next non-blank line, when it is short and no task.
      for (std::size_t j = i + 1; j < lines.size() && j < i + 4; ++j) {
        const ByteSpan next = TrimSpan(text, {lines[j].begin, lines[j].end});
        if (next.empty()) continue;
        if (CodePointsIn(text, next) > 60 || MatchNumbering(text, next.begin, next.end)) break;
        return next;
      }
      continue;
    }
    if (!StartsWith(line, "：") && !StartsWith(line, ":")) continue;
    line.remove_prefix(StartsWith(line, ":") ? 1 : std::string_view("：").size());
    // "附件：1.县《政府工作报告》确定的…" names the first of several.
    const ByteSpan rest{static_cast<std::size_t>(line.data() - text.data()), span.end};
    if (std::optional<NumberToken> token = MatchNumbering(text, rest.begin, rest.end)) {
      line = text.substr(token->span.end, rest.end - token->span.end);
    }
    const std::string target = TitleKey(line);
    if (target.size() < 6) continue;
    if (std::optional<ByteSpan> title = FindSpelled(text, lines, i + 1, target)) return title;
  }
  return std::nullopt;
}

// Without a quote: the first short line that names a plan ("…分解方案"), not the notice's
// own title ("关于印发…方案的通知") nor an attachment line ("附件：…").
std::optional<ByteSpan> FindTitleLine(std::string_view text, const std::vector<Line>& lines) {
  static constexpr std::array<std::string_view, 10> kEndings = {
      "方案", "计划", "清单", "分工", "要点", "分解", "分解表", "一览表", "任务表", "分工表"};
  const std::size_t limit = std::min(lines.size(), kMaxPreambleLines);
  for (std::size_t i = 0; i < limit; ++i) {
    const ByteSpan span = TrimSpan(text, {lines[i].begin, lines[i].end});
    const std::string_view line = text.substr(span.begin, span.size());
    if (line.empty() || CodePointsIn(text, span) > 60) continue;
    // A title has no colon: "名称：关于…分解" is a saved page's information box.
    if (line.find("：") != std::string_view::npos || line.find(':') != std::string_view::npos) {
      continue;
    }
    if (StartsWith(line, "关于") || StartsWith(line, "附件") ||
        MatchNumbering(text, span.begin, span.end)) {
      continue;
    }
    // "2.2018年民生十件实事任务分解表" is the second item of an attachment list
    // (fixtures/real/ningxia-xingqing-2018), though MatchNumbering reads "2.2018" as a decimal.
    std::size_t digits = 0;
    while (digits < line.size() && IsAsciiDigit(line[digits])) ++digits;
    if (digits > 0 && digits < line.size() && line[digits] == '.') continue;
    const std::string key = WithoutCount(std::string(line));
    for (std::string_view ending : kEndings) {
      if (EndsWith(key, ending)) return span;
    }
  }
  return std::nullopt;
}

// "2023-01-30 08:56", "2023-01-30", "2023年1月30日" -> ISO date; "" otherwise.
std::string ChromeDate(std::string_view value) {
  if (value.size() >= 10 && IsAsciiDigit(value[0]) && IsAsciiDigit(value[3]) &&
      value[4] == '-' && value[7] == '-' && IsAsciiDigit(value[5]) && IsAsciiDigit(value[6]) &&
      IsAsciiDigit(value[8]) && IsAsciiDigit(value[9]) &&
      (value.size() == 10 || value[10] == ' ' || IsAsciiDigit(value[10]))) {
    return std::string(value.substr(0, 10));
  }
  const std::size_t ri = value.find("日");
  return IsoDate(ri == std::string_view::npos ? value : value.substr(0, ri + 3));
}

// What a saved page's information box says (web_chrome.h): the first non-empty value of
// each field, from the lines before `end` (at most kMaxPreambleLines of them).
struct ChromeInfo {
  std::string issuer;
  std::string document_number;
  std::string written_date;    // ISO
  std::string published_date;  // ISO
};

ChromeInfo ReadChrome(std::string_view text, std::size_t end) {
  ChromeInfo info;
  const std::vector<Line> lines = SplitLines(text, {0, std::min(end, text.size())});
  for (std::size_t i = 0; i < lines.size() && i < kMaxPreambleLines; ++i) {
    const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    for (const ChromeValue& field : ChromeFields(line)) {
      if (field.value.empty()) continue;
      switch (field.field) {
        case ChromeField::kIssuer:
          if (info.issuer.empty()) info.issuer = field.value;
          break;
        case ChromeField::kDocumentNumber:
          if (info.document_number.empty()) info.document_number = field.value;
          break;
        case ChromeField::kWrittenDate:
          if (info.written_date.empty()) info.written_date = ChromeDate(field.value);
          break;
        case ChromeField::kPublishedDate:
          if (info.published_date.empty()) info.published_date = ChromeDate(field.value);
          break;
        case ChromeField::kTitle:
        case ChromeField::kOther:
          break;
      }
    }
  }
  return info;
}

// The issuing office: the last short line of the notice naming a government office (the
// signature above the date); else a saved page's 发布机构; else the office before "关于" in a
// first line such as "重庆市人民政府办公厅关于印发…的通知" (fixtures/seeds/004_*.txt).
std::string FindIssuer(std::string_view text, const std::vector<Line>& lines, std::size_t end,
                       const ChromeInfo& chrome) {
  static constexpr std::array<std::string_view, 7> kOffices = {
      "人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办公厅", "国务院办公厅",
      "国务院"};
  std::string found;
  for (const Line& raw : lines) {
    if (raw.begin >= end) break;
    const ByteSpan span = TrimSpan(text, {raw.begin, std::min(raw.end, end)});
    const std::string_view line = text.substr(span.begin, span.size());
    if (line.empty() || CodePointsIn(text, span) > 30) continue;
    bool office = false;
    for (std::string_view suffix : kOffices) office = office || EndsWith(line, suffix);
    if (!office) continue;
    bool plain = true;  // no punctuation: a heading or a sentence is no signature
    for (std::size_t offset = 0; offset < line.size() && plain;) {
      plain = IsHan(DecodeUtf8(line, offset));
    }
    if (plain) found = std::string(line);
  }
  if (!found.empty()) return found;
  if (!chrome.issuer.empty()) return chrome.issuer;
  // The notice's own title, "X关于…的通知", on one of the first lines (a saved page puts
  // a "返回首页" or a site name above it: national-guowuyuan-2020).
  for (std::size_t i = 0; i < lines.size() && i < kMaxIssuerTitleLines; ++i) {
    const ByteSpan first = TrimSpan(text, {lines[i].begin, std::min(lines[i].end, end)});
    const std::string_view line = text.substr(first.begin, first.size());
    const std::size_t about = line.find("关于");
    if (about == std::string_view::npos || about == 0) continue;
    // The Han characters just before 关于: "【市政府重点工作】滁州市人民政府关于…" names
    // 滁州市人民政府; a document number's 号 before them is no part of the office.
    std::size_t office_begin = about;
    while (office_begin > 0) {
      const std::size_t prev = PreviousCodePoint(line, office_begin, 0);
      std::size_t size = 0;
      if (!IsHan(CodePointAt(line, prev, office_begin, &size))) break;
      office_begin = prev;
    }
    std::string_view office = line.substr(office_begin, about - office_begin);
    if (StartsWith(office, "号")) office.remove_prefix(std::string_view("号").size());
    for (std::string_view suffix : kOffices) {
      if (EndsWith(office, suffix)) return std::string(office);
    }
  }
  return found;
}

// The date the notice is signed: a line holding only "2021年3月12日"; else a saved page's
// 成文日期, then its 发布日期; else a "发布日期" inside a line with an ISO date.
std::string FindIssueDate(std::string_view text, const std::vector<Line>& lines, std::size_t end,
                          const ChromeInfo& chrome) {
  for (const Line& raw : lines) {
    if (raw.begin >= end) break;
    const ByteSpan span = TrimSpan(text, {raw.begin, std::min(raw.end, end)});
    const std::string iso = IsoDate(text.substr(span.begin, span.size()));
    if (!iso.empty()) return iso;
  }
  if (!chrome.written_date.empty()) return chrome.written_date;
  if (!chrome.published_date.empty()) return chrome.published_date;
  for (const Line& raw : lines) {
    if (raw.begin >= end) break;
    const std::string_view line = text.substr(raw.begin, std::min(raw.end, end) - raw.begin);
    const std::size_t label = line.find("发布日期");
    if (label == std::string_view::npos) continue;
    for (std::size_t i = label; i + 10 <= line.size(); ++i) {
      if (std::string iso = ChromeDate(line.substr(i, 10)); !iso.empty()) return iso;
    }
  }
  return "";
}

// "渝府办发〔2021〕12号": Han characters, 〔year〕, digits, 号.
std::string FindDocumentNumber(std::string_view text, std::size_t end) {
  static constexpr std::string_view kOpen = "〔";
  static constexpr std::string_view kClose = "〕";
  static constexpr std::string_view kHao = "号";
  const std::string_view head = text.substr(0, std::min(end, text.size()));
  for (std::size_t open = head.find(kOpen); open != std::string_view::npos;
       open = head.find(kOpen, open + 1)) {
    std::size_t cur = open + kOpen.size();
    std::size_t digits = 0;
    while (cur < head.size() && IsAsciiDigit(head[cur]) && digits < 4) ++cur, ++digits;
    if (digits != 4 || head.substr(cur, kClose.size()) != kClose) continue;
    cur += kClose.size();
    const std::size_t number_begin = cur;
    while (cur < head.size() && IsAsciiDigit(head[cur]) && cur - number_begin < 6) ++cur;
    if (cur == number_begin || head.substr(cur, kHao.size()) != kHao) continue;
    // The issuer's abbreviation before 〔, at most 10 Han characters.
    std::size_t begin = open;
    for (int n = 0; n < 10 && begin > 0; ++n) {
      const std::size_t prev = PreviousCodePoint(head, begin, 0);
      std::size_t size = 0;
      if (!IsHan(CodePointAt(head, prev, begin, &size))) break;
      begin = prev;
    }
    if (begin == open) continue;
    return std::string(head.substr(begin, cur + kHao.size() - begin));
  }
  return "";
}

// "将156项目标任务" in the notice: digits, 项, and 任务 within a few characters. A notice that
// gives different counts for several lists (沁县 2025: "《…任务分解》明确133项具体任务……《…》细化
// 15项具体任务……明确40项具体任务", one per attachment) declares none for the tasks as a whole.
std::optional<model::DeclaredCount> FindDeclaredCount(const model::Document& doc, std::size_t end) {
  static constexpr std::string_view kXiang = "项";
  static constexpr std::string_view kRenwu = "任务";
  const std::string_view text = std::string_view(doc.text).substr(0, end);
  std::optional<model::DeclaredCount> found;
  for (std::size_t at = text.find(kXiang); at != std::string_view::npos;
       at = text.find(kXiang, at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && IsAsciiDigit(text[begin - 1]) && at - begin < 9) --begin;
    if (begin == at || (begin > 0 && IsAsciiDigit(text[begin - 1]))) continue;
    const std::string_view after = text.substr(at + kXiang.size(), 6 * 3 + kRenwu.size());
    if (after.find(kRenwu) == std::string_view::npos) continue;
    if (after.find("。") != std::string_view::npos && after.find("。") < after.find(kRenwu)) {
      continue;
    }
    const std::int64_t value = *ArabicValue(text.substr(begin, at - begin));
    if (!found) {
      found = model::DeclaredCount{};
      found->value = value;
      found->loc = doc.Locate({begin, at + kXiang.size()});
    } else if (found->value != value) {
      return std::nullopt;
    }
  }
  return found;
}

// The text before the first line opening with "一、" (at most kMaxPreambleLines lines).
std::size_t HeadBeforeOutline(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text, {0, text.size()});
  for (std::size_t i = 0; i < lines.size() && i < kMaxPreambleLines; ++i) {
    const ByteSpan span = TrimSpan(text, {lines[i].begin, lines[i].end});
    const std::optional<NumberToken> token = MatchNumbering(text, span.begin, span.end);
    if (token && token->style == model::NumberStyle::kChineseComma) return lines[i].begin;
  }
  return 0;
}

}  // namespace

std::string IsoDate(std::string_view text) {
  const ByteSpan span = TrimSpan(text, {0, text.size()});
  text = text.substr(span.begin, span.size());
  static constexpr std::string_view kNian = "年";
  static constexpr std::string_view kYue = "月";
  static constexpr std::string_view kRi = "日";
  std::size_t cur = 0;
  auto digits = [&](std::size_t min, std::size_t max) -> std::optional<int> {
    const std::size_t begin = cur;
    while (cur < text.size() && IsAsciiDigit(text[cur]) && cur - begin < max) ++cur;
    if (cur - begin < min) return std::nullopt;
    return static_cast<int>(*ArabicValue(text.substr(begin, cur - begin)));
  };
  auto word = [&](std::string_view w) {
    if (text.substr(cur, w.size()) != w) return false;
    cur += w.size();
    return true;
  };
  const std::optional<int> year = digits(4, 4);
  if (!year || !word(kNian)) return "";
  const std::optional<int> month = digits(1, 2);
  if (!month || !word(kYue)) return "";
  const std::optional<int> day = digits(1, 2);
  if (!day || !word(kRi) || cur != text.size()) return "";
  if (*month < 1 || *month > 12 || *day < 1 || *day > 31) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", *year, *month, *day);
  return buffer;
}

// Without a plan title: where the covering letter ends, when its own numbered requirements
// ("1.提高站位。" "2.加强督办。") come before its signature and the plan's numbered lines
// after it: the start of the line after the date the letter is signed with ("2024年2月20日"
// on a line of its own). Nothing when no such date lies between numbered lines.
std::optional<std::size_t> AfterLetterSignature(std::string_view text,
                                                const std::vector<Line>& lines) {
  const std::size_t limit = std::min(lines.size(), kMaxPreambleLines);
  bool numbered_before = false;
  for (std::size_t i = 0; i < limit; ++i) {
    const ByteSpan span = TrimSpan(text, {lines[i].begin, lines[i].end});
    if (span.empty()) continue;
    if (MatchNumbering(text, span.begin, span.end)) {
      numbered_before = true;
      continue;
    }
    if (!numbered_before || IsoDate(text.substr(span.begin, span.size())).empty()) continue;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const ByteSpan next = TrimSpan(text, {lines[j].begin, lines[j].end});
      if (!next.empty() && MatchNumbering(text, next.begin, next.end)) {
        return i + 1 < lines.size() ? lines[i + 1].begin : text.size();
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// A block of drafting notes right after the plan's title: a line "说明" (编制说明, 有关说明,
// 使用说明; a colon may follow) whose numbered paragraphs explain the plan, not tasks of it
// (西安 2022: "1.…任务分解意见是对…" "3.…分为十二部分,共171项"). The plan's outline starts
// at the first part heading ("一、") after it, or nowhere when the copy stops before one.
std::size_t AfterDraftingNotes(std::string_view text, std::size_t begin) {
  const std::vector<Line> lines = SplitLines(text, {begin, text.size()});
  std::size_t i = 0;
  while (i < lines.size() && TrimSpan(text, {lines[i].begin, lines[i].end}).empty()) ++i;
  if (i == lines.size()) return begin;
  const ByteSpan first = TrimSpan(text, {lines[i].begin, lines[i].end});
  std::string_view word = text.substr(first.begin, first.size());
  for (std::string_view colon : {"：", ":"}) {
    if (EndsWith(word, colon)) word.remove_suffix(colon.size());
  }
  if (word != "说明" && word != "编制说明" && word != "有关说明" && word != "使用说明") {
    return begin;
  }
  for (std::size_t j = i + 1; j < lines.size(); ++j) {
    const ByteSpan content = TrimSpan(text, {lines[j].begin, lines[j].end});
    const std::optional<NumberToken> token = MatchNumbering(text, content.begin, content.end);
    if (token && token->style == model::NumberStyle::kChineseComma) return lines[j].begin;
  }
  return text.size();
}

PlanStart FindPlanStart(const model::Document& doc) {
  const std::string_view text = doc.text;
  const std::vector<Line> lines = SplitLines(text, {0, text.size()});
  std::optional<ByteSpan> title = FindQuotedTitle(text, lines);
  if (!title) title = FindAttachmentTitle(text, lines);
  if (!title) title = FindTitleLine(text, lines);
  PlanStart start;
  if (title) {
    start.title = *title;
    const std::size_t newline = text.find('\n', title->end);
    start.outline_begin = newline == std::string_view::npos ? text.size() : newline + 1;
    start.outline_begin = AfterDraftingNotes(text, start.outline_begin);
  } else if (const std::optional<std::size_t> after = AfterLetterSignature(text, lines)) {
    start.outline_begin = *after;
  }
  return start;
}

void FillMetadata(model::Document& doc, const PlanStart& start) {
  const std::string_view text = doc.text;
  const bool has_title = !start.title.empty();
  doc.body = {has_title ? start.title.begin : 0, text.size()};
  // Without a plan title (a 分工意见 that is its own plan, a copy that lost it), the notice's
  // head is what comes before the first part heading.
  const std::size_t preamble_end = has_title ? start.title.begin : HeadBeforeOutline(text);
  const std::vector<Line> lines = SplitLines(text, {0, preamble_end});
  model::Metadata& m = doc.metadata;
  if (has_title) m.title = JoinLines(text, start.title);
  if (preamble_end > 0) {
    // A saved page's information box (web_chrome.h) sits above the notice.
    const ChromeInfo chrome = ReadChrome(text, preamble_end);
    m.issuer = FindIssuer(text, lines, preamble_end, chrome);
    m.issue_date = FindIssueDate(text, lines, preamble_end, chrome);
    m.document_number = chrome.document_number.empty() ? FindDocumentNumber(text, preamble_end)
                                                       : chrome.document_number;
    // A count is read only from a notice whose plan title was found: without one, the head
    // may run into text that counts something else.
    if (has_title) doc.declared_task_count = FindDeclaredCount(doc, preamble_end);
  }
  ReadPlace(doc, m);
}

}  // namespace plancheck::parse
