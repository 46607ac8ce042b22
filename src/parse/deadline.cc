#include "parse/deadline.h"

#include <algorithm>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "parse/lines.h"
#include "parse/units.h"

namespace plancheck::parse {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

// A cursor over text[pos, end) reading the words of a date.
class Reader {
 public:
  Reader(std::string_view text, std::size_t pos, std::size_t end)
      : text_(text), pos_(pos), end_(end) {}

  std::size_t pos() const { return pos_; }
  void Reset(std::size_t pos) { pos_ = pos; }

  bool Word(std::string_view word) {
    if (pos_ + word.size() > end_ || text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  // 1 to `max_digits` ASCII digits.
  std::optional<int> Number(std::size_t max_digits) {
    std::size_t cur = pos_;
    int value = 0;
    while (cur < end_ && cur - pos_ < max_digits && text_[cur] >= '0' && text_[cur] <= '9') {
      value = value * 10 + (text_[cur] - '0');
      ++cur;
    }
    if (cur == pos_ || (cur < end_ && text_[cur] >= '0' && text_[cur] <= '9')) return std::nullopt;
    pos_ = cur;
    return value;
  }
  // 一 to 十二, or 1 to 12 (months and quarters).
  std::optional<int> SmallNumeral() {
    if (std::optional<int> n = Number(2)) return n;
    static constexpr std::string_view kNumerals[] = {"十二", "十一", "十", "一", "二", "三",
                                                     "四",   "五",   "六", "七", "八", "九"};
    static constexpr int kValues[] = {12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (std::size_t i = 0; i < std::size(kNumerals); ++i) {
      if (Word(kNumerals[i])) return kValues[i];
    }
    return std::nullopt;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
};

// The part of a year a date names after its year (or alone): month, day or period.
struct Within {
  int month = 12;
  int day = 0;  // 0: the month's last day
};

// "6月底", "6月30日", "6月中旬", "6月份", "6月" (after the year, if any).
std::optional<Within> ReadMonth(Reader& r) {
  const std::size_t start = r.pos();
  const std::optional<int> month = r.SmallNumeral();
  if (!month || *month < 1 || *month > 12 || !r.Word("月")) {
    r.Reset(start);
    return std::nullopt;
  }
  Within w{*month, 0};
  const std::size_t after = r.pos();
  if (const std::optional<int> day = r.Number(2); day && r.Word("日")) {
    w.day = *day;
  } else {
    r.Reset(after);
    if (r.Word("上旬")) {
      w.day = 10;
    } else if (r.Word("中旬")) {
      w.day = 20;
    } else if (!(r.Word("下旬") || r.Word("底") || r.Word("末") || r.Word("份"))) {
      r.Reset(after);
    }
  }
  return w;
}

// "上半年", "下半年", "一季度", "第三季度", "四季度末", "年底", "年末", "年内", "底" (after a year).
std::optional<Within> ReadPeriod(Reader& r, bool after_year) {
  if (r.Word("上半年")) return Within{6, 0};
  if (r.Word("下半年")) return Within{12, 0};
  const std::size_t start = r.pos();
  r.Word("第");
  if (const std::optional<int> quarter = r.SmallNumeral();
      quarter && *quarter >= 1 && *quarter <= 4 && r.Word("季度")) {
    r.Word("末");
    return Within{*quarter * 3, 0};
  }
  r.Reset(start);
  if (after_year && (r.Word("底") || r.Word("末") || r.Word("年底") || r.Word("年末"))) {
    return Within{12, 0};
  }
  if (!after_year && (r.Word("年底") || r.Word("年末") || r.Word("年内"))) return Within{12, 0};
  return std::nullopt;
}

// "2023.6", "2023.06.30", "2023-06-30": the year and what follows it.
std::optional<Within> ReadDotted(Reader& r) {
  const std::size_t start = r.pos();
  if (!(r.Word(".") || r.Word("-") || r.Word("/"))) return std::nullopt;
  const std::optional<int> month = r.Number(2);
  if (!month || *month < 1 || *month > 12) {
    r.Reset(start);
    return std::nullopt;
  }
  Within w{*month, 0};
  const std::size_t after = r.pos();
  if (r.Word(".") || r.Word("-") || r.Word("/")) {
    if (const std::optional<int> day = r.Number(2)) {
      w.day = *day;
      return w;
    }
  }
  r.Reset(after);
  return w;
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, ByteSpan span, int default_year) {
  std::vector<DateMention> out;
  const std::size_t end = std::min(span.end, text.size());
  int year = default_year;
  for (std::size_t pos = span.begin; pos < end;) {
    Reader r(text, pos, end);
    std::optional<Within> within;
    int this_year = year;
    // A year: four digits and 年, or four digits before ".6" / "-06-30".
    const bool digit_before = pos > span.begin && text[pos - 1] >= '0' && text[pos - 1] <= '9';
    if (const std::optional<int> y = digit_before ? std::nullopt : r.Number(4);
        y && *y >= 1900 && *y <= 2100) {
      if (r.Word("年")) {
        this_year = *y;
        within = ReadMonth(r);
        if (!within) within = ReadPeriod(r, /*after_year=*/true);
        if (!within) within = Within{12, 0};  // "2023年完成"
      } else if ((within = ReadDotted(r))) {
        this_year = *y;
      }
    } else {
      r.Reset(pos);
      if (!digit_before) within = ReadMonth(r);
      if (!within) within = ReadPeriod(r, /*after_year=*/false);
    }
    if (!within) {
      std::size_t size = 0;
      CodePointAt(text, pos, end, &size);
      pos += size == 0 ? 1 : size;
      continue;
    }
    year = this_year;
    if (this_year > 0) {
      const int last = DaysIn(this_year, within->month);
      const int day = within->day == 0 ? last : within->day;
      if (day >= 1 && day <= last) out.push_back({this_year, within->month, day, {pos, r.pos()}});
    }
    pos = std::max(r.pos(), pos + 1);
  }
  return out;
}

std::optional<ByteSpan> TrailingDeadline(std::string_view text, ByteSpan statement) {
  // Trailing punctuation after the bracket: "（2023年12月底前完成）。"
  ByteSpan s = TrimSpan(text, statement);
  while (s.end > s.begin) {
    const std::size_t prev = PreviousCodePoint(text, s.end, s.begin);
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, prev, s.end, &size);
    if (cp != U'。' && cp != U'；' && cp != ';' && cp != '.' && !IsAnySpace(cp)) break;
    s.end = prev;
  }
  if (s.empty()) return std::nullopt;
  std::size_t size = 0;
  const std::size_t close_at = PreviousCodePoint(text, s.end, s.begin);
  const char32_t close = CodePointAt(text, close_at, s.end, &size);
  char32_t open = 0;
  if (close == U'）' || close == ')') {
    open = U'（';
  } else if (close == U'】') {
    open = U'【';
  } else if (close == U'〕') {
    open = U'〔';
  } else {
    return std::nullopt;
  }
  // The opening bracket within a short distance back: a deadline is a few words.
  constexpr std::size_t kMaxDeadlineBytes = 90;
  std::size_t open_at = close_at;
  while (open_at > s.begin && close_at - open_at <= kMaxDeadlineBytes) {
    open_at = PreviousCodePoint(text, open_at, s.begin);
    const char32_t cp = CodePointAt(text, open_at, close_at, &size);
    if (cp == open || (open == U'（' && cp == '(')) {
      const ByteSpan inside = TrimSpan(text, {open_at + size, close_at});
      const std::vector<DateMention> dates = FindDates(text, inside, 1);
      if (dates.empty()) return std::nullopt;
      // Nothing but dates and the words of a deadline: "前", "完成", "以前", "底前完成"…
      std::string rest;
      std::size_t cur = inside.begin;
      for (const DateMention& date : dates) {
        rest += text.substr(cur, date.span.begin - cur);
        cur = date.span.end;
      }
      rest += text.substr(cur, inside.end - cur);
      for (std::string_view word : {"完成时限", "时间节点", "完成时间", "全面完成", "基本完成",
                                    "完成", "建成", "开工", "投用", "竣工", "之前", "以前",
                                    "前", "底", "：", ":", "，", "、", "和", "及", " "}) {
        for (std::size_t at = rest.find(word); at != std::string::npos; at = rest.find(word)) {
          rest.erase(at, word.size());
        }
      }
      if (!rest.empty()) return std::nullopt;
      return inside;
    }
    // A bracket nested inside, or the text before it: no deadline bracket.
    if (cp == close || cp == U'（' || cp == U'）' || cp == '(' || cp == ')' || cp == U'【' ||
        cp == U'】' || cp == U'〔' || cp == U'〕') {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void ReadDeadlines(model::Document& doc) {
  const int plan_year = doc.metadata.plan_year.value_or(0);
  const std::string_view text = doc.text;
  for (model::Part& part : doc.parts) {
    for (model::Section& section : part.sections) {
      for (model::Task& task : section.tasks) {
        if (!task.deadline) {
          const ByteSpan statement = task.text_loc.span;
          if (std::optional<ByteSpan> inside = TrailingDeadline(text, statement)) {
            task.deadline = model::Located{JoinLines(text, *inside), doc.Locate(*inside)};
          }
        }
        task.deadline_dates.clear();
        if (!task.deadline) continue;
        for (const DateMention& date : FindDates(text, task.deadline->loc.span, plan_year)) {
          model::DeadlineDate out;
          out.year = date.year;
          out.month = date.month;
          out.day = date.day;
          out.text = std::string(doc.Slice(date.span));
          out.loc = doc.Locate(date.span);
          task.deadline_dates.push_back(std::move(out));
        }
      }
    }
  }
}

}  // namespace plancheck::parse
