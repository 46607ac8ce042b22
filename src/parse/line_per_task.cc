// The running-text scanner behind the line-per-task, PDF-text and paragraph shapes.
//
// One pass over the text with a cursor. At a line start (after indentation) a numbering
// token opens a part (一、), a section (（一）), a task (1. 1． 1、) or a sub-item ((1) ①); an
// assignment label (责任单位：, 配合单位：, ...) inside a task ends its statement and is parsed
// by ParseAssignment, which may run over several lines. Text that belongs to no task
// (section introductions, closing remarks) is skipped.
#include <algorithm>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "parse/lines.h"
#include "parse/numbering.h"
#include "parse/outline.h"
#include "parse/shapes.h"
#include "parse/units.h"
#include "parse/web_chrome.h"

namespace plancheck::parse {
namespace {

using model::NumberStyle;

// A title longer than this is a sentence, not the heading of a part ("2、 重点任务").
constexpr std::size_t kMaxPartTitleChars = 30;
// A line declaring a convention between tasks is a short remark.
constexpr std::size_t kMaxNoteLineChars = 60;

class FlowParser {
 public:
  FlowParser(model::Document& doc, std::size_t begin, const FlowOptions& options)
      : text_(doc.text),
        end_(doc.text.size()),
        options_(options),
        builder_(doc),
        pos_(std::min(begin, doc.text.size())) {}

  void Run() {
    bool line_start = true;
    while (pos_ < end_) {
      if (line_start) {
        line_start = false;
        StartLine();
        continue;
      }
      std::size_t size = 0;
      const char32_t cp = CodePointAt(text_, pos_, end_, &size);
      if (cp == '\n') {
        ++pos_;
        line_start = true;
        continue;
      }
      if ((state_ == State::kStatement || state_ == State::kSubItem) && IsBracketStart(cp) &&
          TryBracket()) {
        continue;
      }
      if ((state_ == State::kStatement || state_ == State::kSubItem) && TryAssignment()) continue;
      // Tasks run together on one line: in PDF text anywhere after "。"; in other shapes
      // only once an assignment has closed the task ("…责任单位：区科技局。2.建成…").
      if ((options_.inline_starts || after_assignment_) && prev_ == U'。' && CouldStartNumber(cp) &&
          TryInlineStart()) {
        continue;
      }
      if (!IsAnySpace(cp)) {
        prev_ = cp;
        if (state_ == State::kStatement) {
          if (text_begin_ == kNone) text_begin_ = pos_;
          text_end_ = pos_ + size;
        } else if (state_ == State::kSubItem) {
          if (sub_begin_ == kNone) sub_begin_ = pos_;
          sub_end_ = pos_ + size;
        }
      }
      pos_ += size;
    }
    FinishTask();
  }

 private:
  enum class State { kOutside, kStatement, kSubItem };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::size_t LineEnd(std::size_t from) const {
    const std::size_t newline = text_.find('\n', from);
    return newline == std::string_view::npos ? end_ : newline;
  }

  static bool CouldStartNumber(char32_t cp) {
    return (cp >= '0' && cp <= '9') || cp == U'（' || cp == '(' || cp == U'一' || cp == U'二' ||
           cp == U'三' || cp == U'四' || cp == U'五' || cp == U'六' || cp == U'七' || cp == U'八' ||
           cp == U'九' || cp == U'十';
  }

  void StartLine() {
    prev_ = 0;
    after_assignment_ = false;
    const std::size_t start = SkipHorizontalSpace(text_, pos_, end_);
    const std::size_t line_end = LineEnd(start);
    line_end_ = line_end;
    pos_ = start;
    if (start == line_end) return;  // blank: a PDF page break inside a task continues it
    // A saved page's chrome (web_chrome.h) is no part of a task: skip it.
    if (IsWebChromeLine(text_.substr(start, line_end - start))) {
      FinishTask();
      pos_ = line_end;
      return;
    }
    if (SkipAttachmentList(start, line_end)) {
      pos_ = line_end;
      return;
    }
    if (std::optional<NumberToken> token = MatchNumbering(text_, start, line_end)) {
      if (HandleToken(*token, line_end, /*inline_start=*/false)) return;
    }
    // Long paragraphs (fixtures/seeds/002_*.txt): an unnumbered paragraph after an item
    // is a new paragraph of the section, not more of the item, unless it assigns the item
    // ("分管省领导:林克庆" then "部门分工:省发展改革委牵头,…" under a long target, 广东省 2021).
    if (options_.paragraph_per_line && task_open_ && !MatchLabel(text_, start, line_end)) {
      FinishTask();
    }
    // A note on a line of its own between tasks, "（列第一位者为牵头单位）" or "注：排在第一位
    //的为牵头单位。", holds for the tasks after it.
    if (!task_open_ && CodePointsIn(text_, {start, line_end}) <= kMaxNoteLineChars &&
        DeclaresFirstListed(text_, {start, line_end})) {
      builder_.RecordFirstListed({{start, line_end}, /*onward=*/true});
    }
  }

  // The covering letter's list of attachments, "附件：1.2018年《政府工作报告》主要工作目标任务
  // 分解表" then "2.2018年民生十件实事任务分解表" on lines of their own
  // (fixtures/real/ningxia-xingqing-2018), names documents, not tasks: the line that opens it
  // and the numbered lines after it that end in no "。" and assign nothing are skipped.
  bool SkipAttachmentList(std::size_t start, std::size_t line_end) {
    const std::string_view line = text_.substr(start, line_end - start);
    if (line.substr(0, std::string_view("附件").size()) == "附件") {
      std::size_t at = start + std::string_view("附件").size();
      while (at < line_end && text_[at] >= '0' && text_[at] <= '9') ++at;
      std::size_t size = 0;
      const char32_t colon = at < line_end ? CodePointAt(text_, at, line_end, &size) : 0;
      if ((colon == U'：' || colon == ':') &&
          ItemNumberLength(text_.substr(at + size, line_end - at - size)) > 0) {
        FinishTask();
        in_attachment_list_ = true;
        return true;
      }
    }
    if (!in_attachment_list_) return false;
    const std::size_t number = ItemNumberLength(line);
    const bool item = number > 0 && CodePointsIn(text_, {start, line_end}) <= kMaxNoteLineChars &&
                      line.find("。") == std::string_view::npos &&
                      !FindsLabel(start + number, line_end);
    if (!item) in_attachment_list_ = false;
    return item;
  }

  // The bytes of an attachment's number "2." / "2．" / "2、" at the start of `line`, 0 for
  // none. Read by hand: "2.2018年…" is a decimal to MatchNumbering, not a task number.
  static std::size_t ItemNumberLength(std::string_view line) {
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits == 0) return 0;
    const std::string_view after = line.substr(digits);
    if (after.substr(0, 1) == ".") return digits + 1;
    for (std::string_view mark : {std::string_view("．"), std::string_view("、")}) {
      if (after.substr(0, mark.size()) == mark) return digits + mark.size();
    }
    return 0;
  }

  bool FindsLabel(std::size_t from, std::size_t line_end) const {
    for (std::size_t at = from; at < line_end;) {
      if (MatchLabel(text_, at, line_end)) return true;
      std::size_t size = 0;
      CodePointAt(text_, at, line_end, &size);
      at += size == 0 ? 1 : size;
    }
    return false;
  }

  static bool IsBracketStart(char32_t cp) {
    return cp == U'（' || cp == '(' || cp == U'【' || cp == U'〔' || cp == U'[' || cp == U'［';
  }

  // A bracket in a task's statement: an assignment "（牵头单位：X；责任单位：Y）" or "（X牵头，
  // Y配合）" (issue 12 shapes 1 and 2), or a note "（列第一位者为牵头单位，下同）". An
  // assignment ending its line ends the task; text after it on the line continues the
  // statement (State Council style puts a bracket after each sentence of a task).
  bool TryBracket() {
    std::optional<BracketAssignment> bracket = MatchBracketAssignment(text_, pos_, end_);
    if (!bracket) {
      if (std::optional<FirstListedNote> note = MatchFirstListedNote(text_, pos_, line_end_)) {
        builder_.RecordFirstListed(*note);
        pos_ = note->span.end;
        return true;
      }
      return false;
    }
    CloseSubItem();
    builder_.ApplyBracket(*builder_.task(), *bracket);
    task_end_ = std::max(task_end_, bracket->span.end);
    pos_ = bracket->span.end;
    if (pos_ > line_end_) line_end_ = LineEnd(pos_);
    prev_ = U'。';
    std::size_t size = 0;
    std::size_t rest = pos_;
    while (rest < line_end_) {
      const char32_t cp = CodePointAt(text_, rest, line_end_, &size);
      if (!IsAnySpace(cp) && cp != U'。' && cp != U'；' && cp != ';' && cp != U'，' && cp != ',' &&
          cp != '.') {
        break;
      }
      rest += size;
    }
    if (rest >= line_end_) {
      FinishTask();
      pos_ = line_end_;
    } else {
      // "（省发改委负责）（二）公共财政收入…", "…协办）2.重点抓好…" (黑龙江省 2013): the next
      // task may follow the bracket on its line, as after a label's assignment.
      after_assignment_ = true;
    }
    return true;
  }

  bool TryAssignment() {
    std::optional<Assignment> assignment = ParseAssignment(text_, pos_, end_);
    if (!assignment) return false;
    CloseSubItem();
    builder_.ApplyAssignment(*builder_.task(), *assignment);
    task_end_ = std::max(task_end_, assignment->span.end);
    pos_ = std::max(pos_ + 1, assignment->consumed_end);
    if (pos_ > line_end_) line_end_ = LineEnd(pos_);  // the assignment ran over lines
    std::size_t size = 0;
    prev_ = CodePointAt(text_, PreviousCodePoint(text_, pos_, 0), end_, &size);
    FinishTask();
    after_assignment_ = true;
    return true;
  }

  bool TryInlineStart() {
    std::optional<NumberToken> token = MatchNumbering(text_, pos_, line_end_);
    if (!token || !InlineExpected(*token)) return false;
    return HandleToken(*token, line_end_, /*inline_start=*/true);
  }

  // PDF text runs tasks together ("…等。 4.新型研发机构…", fixtures/seeds/004_*.txt): a
  // number after "。" starts a node only when it is the next one expected at its level (a
  // single skipped task number is tolerated, so a gap stays visible to the rules). Right
  // after an assignment closed the task, the number of that task again starts one too: a
  // repeated number is a task of its own, which the declared count and the numbering rule
  // must both see ("…等。 26.甲…等。 26.乙", one item per task).
  bool InlineExpected(const NumberToken& token) const {
    if (!token.value) return false;
    const std::int64_t value = *token.value;
    switch (token.style) {
      case NumberStyle::kArabicDot:
      case NumberStyle::kArabicComma: {
        const std::int64_t expected = last_task_ ? *last_task_ + 1 : 1;
        return value == expected || value == expected + 1 ||
               (tasks_in_section_ == 0 && value == 1) ||
               (after_assignment_ && last_task_ && value == *last_task_);
      }
      case NumberStyle::kChineseParen:
        if (last_task_paren_ && last_task_) return value == *last_task_ + 1;
        return value == (last_section_ ? *last_section_ + 1 : 1);
      case NumberStyle::kChineseComma:
        return value == (last_part_ ? *last_part_ + 1 : 1);
      default:
        return false;
    }
  }

  bool HandleToken(const NumberToken& token, std::size_t line_end, bool inline_start) {
    switch (token.style) {
      case NumberStyle::kChineseComma:
        StartHeading(token, /*part=*/true, line_end);
        return true;
      case NumberStyle::kChineseParen:
        // Inline after a （一） task, the next （二） is its sibling task.
        if ((!inline_start && IsParenTask(token, line_end)) ||
            (inline_start && last_task_paren_ && last_task_ && token.value &&
             *token.value == *last_task_ + 1)) {
          StartTask(token);
        } else {
          StartHeading(token, /*part=*/false, line_end);
        }
        return true;
      case NumberStyle::kArabicComma:
        if (!inline_start && IsArabicCommaPart(token, line_end)) {
          StartHeading(token, /*part=*/true, line_end);
        } else {
          StartTask(token);
        }
        return true;
      case NumberStyle::kArabicDot:
      case NumberStyle::kArticle:  // "第一条"
        StartTask(token);
        return true;
      case NumberStyle::kArabicParen:
      case NumberStyle::kCircled:
        if (state_ == State::kStatement || state_ == State::kSubItem) {
          StartSubItem(token);
        } else {
          StartTask(token);
        }
        return true;
      default:
        return false;
    }
  }

  // "2、 重点任务" (fixtures/seeds/002_*.txt, where "二、" was meant) is a part, not a task:
  // its title is short, no sentence, and the next numbered line is a （一） section. The
  // number keeps its written style so that a rule can flag it.
  bool IsArabicCommaPart(const NumberToken& token, std::size_t line_end) const {
    const ByteSpan title = TrimSpan(text_, {token.span.end, line_end});
    if (title.empty() || CodePointsIn(text_, title) > kMaxPartTitleChars) return false;
    const std::string_view words = text_.substr(title.begin, title.size());
    if (words.find("。") != std::string_view::npos || words.find("，") != std::string_view::npos) {
      return false;
    }
    const std::size_t next = SkipAnySpace(text_, line_end, end_);
    const std::optional<NumberToken> following = MatchNumbering(text_, next, LineEnd(next));
    return following && following->style == NumberStyle::kChineseParen;
  }

  // Whether text[begin, end) holds an assignment: a label ("牵头单位："), a "…牵头" phrase
  // in brackets ("（省发展改革委牵头，……）"), or any bracket that assigns ("（省发改委负责）",
  // "（省财政厅主办，省国税局协办）", 黑龙江省 2013).
  bool HasAssignment(std::size_t begin, std::size_t end) const {
    bool in_bracket = false;
    for (std::size_t pos = begin; pos < end;) {
      std::size_t size = 0;
      const char32_t cp = CodePointAt(text_, pos, end, &size);
      if (cp == U'（' || cp == '(' || cp == U'[' || cp == U'【' || cp == U'〔') {
        in_bracket = true;
        if (MatchBracketAssignment(text_, pos, end)) return true;
      }
      if (CouldBeginAssignment(cp)) {
        if (MatchLabel(text_, pos, end)) return true;
        if (in_bracket && text_.substr(pos, 6) == "牵头") return true;
      }
      pos += size;
    }
    return false;
  }
  static bool CouldBeginAssignment(char32_t cp) {
    return cp == U'责' || cp == U'牵' || cp == U'主' || cp == U'配' || cp == U'协' ||
           cp == U'参' || cp == U'完';
  }

  // "（一）地区生产总值增长11%。（牵头单位：市发改局）" under a targets part (hubei-chibi-2021,
  // hubei-jiayu-2021, sichuan-chengdu-2019 in fixtures/real): a （一） item that carries its
  // own assignment, on its line or the next, is a task, unless arabic-numbered tasks follow
  // it (then it heads a section whose lead is given once for the group).
  bool IsParenTask(const NumberToken& token, std::size_t line_end) const {
    bool assigned = HasAssignment(token.span.end, line_end);
    std::size_t next = SkipAnySpace(text_, line_end, end_);
    if (!assigned && next < end_) {
      assigned = MatchLabel(text_, next, LineEnd(next)).has_value();
    }
    if (!assigned) return false;
    // The next numbered line decides: an arabic task number means this item is a heading.
    constexpr int kMaxLookahead = 12;
    for (int lines = 0; next < end_ && lines < kMaxLookahead; ++lines) {
      const std::size_t next_end = LineEnd(next);
      if (std::optional<NumberToken> following = MatchNumbering(text_, next, next_end)) {
        return following->style != NumberStyle::kArabicDot &&
               following->style != NumberStyle::kArabicComma;
      }
      next = SkipAnySpace(text_, next_end, end_);
    }
    return true;
  }

  void StartHeading(const NumberToken& token, bool part, std::size_t line_end) {
    FinishTask();
    after_assignment_ = false;
    // The title is the heading's first sentence; the rest of the line introduces the part or
    // section ("(一)坚持创新驱动发展，…科技创新中心。优化创新布局，…", fixtures/seeds/004).
    const std::size_t title_begin = SkipHorizontalSpace(text_, token.span.end, line_end);
    std::size_t title_end = line_end;
    const std::size_t period = text_.substr(0, line_end).find("。", title_begin);
    if (period != std::string_view::npos) title_end = period + std::string_view("。").size();
    const ByteSpan title = TrimSpan(text_, {title_begin, title_end});
    const ByteSpan heading{token.span.begin, std::max(token.span.end, title.end)};
    std::string title_text = JoinLines(text_, title);
    if (part) {
      builder_.StartPart(token, std::move(title_text), heading);
      last_part_ = token.value;
      last_section_.reset();
    } else {
      builder_.StartSection(token, std::move(title_text), heading);
      last_section_ = token.value;
    }
    tasks_in_section_ = 0;
    state_ = State::kOutside;
    pos_ = std::max(token.span.end, title.end);
    std::size_t size = 0;
    prev_ = CodePointAt(text_, PreviousCodePoint(text_, pos_, 0), end_, &size);
  }

  void StartTask(const NumberToken& token) {
    FinishTask();
    after_assignment_ = false;
    builder_.StartTask(&token, token.span.begin);
    task_open_ = true;
    task_begin_ = token.span.begin;
    task_end_ = token.span.end;
    text_begin_ = kNone;
    text_end_ = token.span.end;
    state_ = State::kStatement;
    last_task_ = token.value;
    last_task_paren_ = token.style == NumberStyle::kChineseParen;
    ++tasks_in_section_;
    pos_ = token.span.end;
    prev_ = 0;
  }

  void StartSubItem(const NumberToken& token) {
    CloseSubItem();
    model::SubItem item;
    item.number = MakeNumbering(builder_.doc(), token);
    builder_.task()->sub_items.push_back(std::move(item));
    sub_token_ = token.span;
    sub_begin_ = kNone;
    sub_end_ = token.span.end;
    state_ = State::kSubItem;
    pos_ = token.span.end;
    prev_ = 0;
  }

  void CloseSubItem() {
    if (state_ != State::kSubItem) return;
    model::SubItem& item = builder_.task()->sub_items.back();
    const std::size_t begin = sub_begin_ == kNone ? sub_end_ : sub_begin_;
    item.text = JoinLines(text_, {begin, sub_end_});
    item.loc = builder_.doc().Locate({sub_token_.begin, sub_end_});
    task_end_ = std::max(task_end_, sub_end_);
    state_ = State::kStatement;
  }

  void FinishTask() {
    if (!task_open_) return;
    CloseSubItem();
    model::Task& task = *builder_.task();
    const std::size_t begin = text_begin_ == kNone ? text_end_ : text_begin_;
    ByteSpan statement{begin, std::max(begin, text_end_)};
    if (task.lead_units.empty() && task.cooperating_units.empty() && task.lead_source.empty()) {
      statement = TakeTrailingUnits(task, statement);
    }
    task.text = JoinLines(text_, statement);
    task.text_loc = builder_.doc().Locate(statement);
    task.loc = builder_.doc().Locate({task_begin_, std::max(task_end_, statement.end)});
    task_open_ = false;
    state_ = State::kOutside;
  }

  // A table row copied as text without its header, "1 地区生产总值增长7%以上. 发改委"
  // (常熟 2018 has the header; copies that lose it read the same): a statement that ends its
  // sentence and is followed, a space apart in the source, by one last field listing units
  // each named like a body, is assigned to them as the row's lead column. Returns the
  // statement without that field; the statement as it was when there is none.
  ByteSpan TakeTrailingUnits(model::Task& task, ByteSpan statement) {
    if (statement.empty()) return statement;
    const std::size_t line_begin = text_.rfind('\n', statement.end - 1);
    const ByteSpan last_line{
        std::max(statement.begin, line_begin == std::string_view::npos ? 0 : line_begin + 1),
        statement.end};
    const std::vector<ByteSpan> fields = SourceFields(builder_.doc(), last_line);
    if (fields.size() < 2) return statement;
    const ByteSpan field = fields.back();
    const ByteSpan before = fields[fields.size() - 2];
    std::size_t size = 0;
    const char32_t stop =
        CodePointAt(text_, PreviousCodePoint(text_, before.end, before.begin), before.end, &size);
    if (stop != U'。' && stop != '.' && stop != U'；' && stop != ';') return statement;
    const std::string_view words = text_.substr(field.begin, field.size());
    for (std::string_view mark : {"。", ".", "，", "：", ":", "；", ";"}) {
      if (words.find(mark) != std::string_view::npos) return statement;
    }
    const std::vector<UnitPiece> pieces = builder_.UnitNames(field);
    if (pieces.empty()) return statement;
    for (const UnitPiece& piece : pieces) {
      const std::size_t chars = CodePointCount(piece.text);
      if (chars < 2 || chars > 24 || !LooksLikeBody(piece.text)) return statement;
      // "。 打造国家级开发区" is another sentence: a place is no lead column's unit, unless
      // a collective ("各镇").
      const std::string_view name = piece.text;
      const bool collective = name.substr(0, std::string_view("各").size()) == "各";
      for (std::string_view place : {"区", "县", "市", "镇", "乡"}) {
        if (!collective && name.size() >= place.size() &&
            name.substr(name.size() - place.size()) == place) {
          return statement;
        }
      }
    }
    builder_.AddNames(pieces, task.lead_units);
    task.lead_source = "column";
    task_end_ = std::max(task_end_, field.end);
    return {statement.begin, before.end};
  }

  std::string_view text_;
  std::size_t end_;
  FlowOptions options_;
  OutlineBuilder builder_;
  std::size_t pos_;
  std::size_t line_end_ = 0;  // end of the line holding pos_ (the '\n' or the text's end)
  State state_ = State::kOutside;
  char32_t prev_ = 0;  // last non-space code point on this line, 0 at its start

  bool task_open_ = false;
  std::size_t task_begin_ = 0;
  std::size_t task_end_ = 0;
  std::size_t text_begin_ = kNone;
  std::size_t text_end_ = 0;
  ByteSpan sub_token_;
  std::size_t sub_begin_ = kNone;
  std::size_t sub_end_ = 0;

  std::optional<std::int64_t> last_task_;
  std::optional<std::int64_t> last_section_;
  std::optional<std::int64_t> last_part_;
  int tasks_in_section_ = 0;
  bool last_task_paren_ = false;  // the last task was numbered "（一）" (IsParenTask)
  // An assignment closed the last task on this line (and nothing has started since).
  bool after_assignment_ = false;
  // Inside the covering letter's "附件：1.… 2.…" list (SkipAttachmentList).
  bool in_attachment_list_ = false;
};

}  // namespace

void ParseTextFlow(model::Document& doc, std::size_t begin, const FlowOptions& options) {
  FlowParser(doc, begin, options).Run();
}

void ParseLinePerTask(model::Document& doc, std::size_t begin) {
  ParseTextFlow(doc, begin, FlowOptions{});
}

void ParsePdfText(model::Document& doc, std::size_t begin) {
  FlowOptions options;
  options.inline_starts = true;
  ParseTextFlow(doc, begin, options);
}

}  // namespace plancheck::parse
