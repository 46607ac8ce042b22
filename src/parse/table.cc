// The table shape (fixtures/seeds/001_*.txt): a Word table flattened to text, one cell per
// line, each cell line starting with a tab.
//
//   一、2023年主要预期目标            <- a part heading: an untabbed numbered line
//   \t主要目标 \t牵头领导 \t牵头责任单位 \t责任（配合）单位      <- header row
//   \t1、地区生产总值增长6.5%。\t钟涛 \t区发展改革委 \t           <- one row per task
//   \t钟涛\n\n张宇                     <- a cell of several values: blank line, untabbed line
//
// Rows are separated by a blank line followed by a tabbed line; a blank line followed by an
// untabbed line continues the current cell. Columns are named by the last header row, so
// rows of 4, 5 or 6 cells all map to the right fields. A 分类 cell ("一、\n\n推动高质量发展
// 要有新作为") opens a section; the table repeats it after page breaks, which continues the
// same section. An empty 序号 cell leaves the task unnumbered (named by its ordinal).
//
// Tables copied from a web page (fixtures/real: 芜湖 2019, 六安 2022, 莲都 2023, 辽中 2024 …)
// have no tabs. A header row read by its words (序号 / 目标与任务 / 分管县领导 / 牵头责任单位 /
// 责任单位 / 完成时限) announces them, its cells one a line, with or without blank lines
// between (a cell then runs over the lines up to the next blank), or separated by lines of
// "|" (吴江 2024), or on one line separated by "|" or tabs. Below it a row begins at a 序号
// cell ("1", "1*"), or, without one, at a statement that opens with its own number or is a
// sentence; the cells after the statement are matched to the header's columns by what they
// hold (persons to a leader column, dates to a deadline column, unit lists to the unit
// columns in order), since a copy drops empty cells. "一、…" and "（一）…" cells are headings.
// A header of space-separated words from 序号 on, alone or ending a line (常熟 2018), heads
// rows one a line, "1 statement 发改委、经信委": the row's last space-separated fields that
// hold units, persons or dates are its cells (spaces read in the source, since the
// normalizer drops those between Chinese words).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "parse/deadline.h"
#include "parse/lines.h"
#include "parse/numbering.h"
#include "parse/outline.h"
#include "parse/shapes.h"
#include "parse/units.h"
#include "parse/web_chrome.h"

namespace plancheck::parse {
namespace {

using model::NumberStyle;

enum class Column { kIgnored, kCategory, kNumber, kTask, kLeader, kLead, kCooperating, kDeadline };

struct Cell {
  std::size_t begin = 0;  // after the tab
  std::size_t end = 0;    // end of its last line
};

struct Row {
  std::vector<Cell> cells;
};

struct Header {
  std::vector<Column> columns;
  std::vector<std::string> labels;  // as written, e.g. "牵头责任单位"
};

Column ColumnOf(std::string_view word) {
  if (word == "分类" || word == "类别") return Column::kCategory;
  if (word == "序号" || word == "编号") return Column::kNumber;
  if (word == "分管领导") return Column::kLeader;
  if (std::optional<LabelKind> kind = LabelKindOf(word)) {
    switch (*kind) {
      case LabelKind::kLead:
        return Column::kLead;
      case LabelKind::kCooperating:
        return Column::kCooperating;
      case LabelKind::kDeadline:
        return Column::kDeadline;
      case LabelKind::kLeader:
        return Column::kLeader;
      case LabelKind::kDivision:  // TODO(#12): a 部门分工 column holds role phrases
      case LabelKind::kOther:
        return Column::kIgnored;
    }
  }
  auto has = [&](std::string_view part) { return word.find(part) != std::string_view::npos; };
  if (has("任务") || has("目标") || has("内容") || has("事项") || has("工作") || has("举措")) {
    return Column::kTask;
  }
  // Header words the label list lacks: 分管县领导, 牵头市领导, 责任县领导 …; 完成时间节点 ….
  if (has("领导")) return Column::kLeader;
  if (has("时限") || has("节点") || has("期限")) return Column::kDeadline;
  if (has("牵头") && (has("单位") || has("部门"))) return Column::kLead;
  if ((has("配合") || has("协同") || has("协办") || has("参与")) && (has("单位") || has("部门"))) {
    return Column::kCooperating;
  }
  if (has("责任单位") || has("责任部门")) return Column::kLead;
  return Column::kIgnored;
}

// Words of a header row that name no column plancheck reads (任务来源, 备注 …) but still
// mark the row as a header.
bool IsOtherHeaderWord(std::string_view word) {
  for (std::string_view other : {"项目", "名称", "任务来源", "备注", "进度", "完成情况",
                                 "落实情况", "进展情况", "工作进度", "数据提供单位", "责任人",
                                 "联系人", "类型"}) {
    if (word == other) return true;
  }
  return false;
}

// The column a header cell names, from its words with spaces removed ("目   标   与   任
// 务"); nullopt for a cell that is no header word (a sentence, a name, a number).
std::optional<Column> HeaderColumn(std::string_view text, ByteSpan span) {
  std::string word = JoinLines(text, span);
  std::string squeezed;
  for (std::size_t offset = 0; offset < word.size();) {
    const std::size_t begin = offset;
    if (IsAnySpace(DecodeUtf8(word, offset))) continue;
    squeezed.append(word, begin, offset - begin);
  }
  if (squeezed.empty() || CodePointCount(squeezed) > 24) return std::nullopt;
  if (squeezed.find("。") != std::string::npos) return std::nullopt;
  // "一、2023年主要预期目标" is a heading, not a 目标 column.
  if (MatchNumbering(squeezed, 0, squeezed.size())) return std::nullopt;
  if (IsOtherHeaderWord(squeezed)) return Column::kIgnored;
  const Column column = ColumnOf(squeezed);
  if (column != Column::kIgnored) return column;
  return std::nullopt;
}

// A header label without a closing bracket note: "重点工作任务(杭州市2项配合工作)" ->
// "重点工作任务".
std::string_view WithoutBracketNote(std::string_view label) {
  for (std::string_view open : {"(", "（"}) {
    const std::size_t at = label.find(open);
    if (at != std::string_view::npos && at > 0) return TrimSpace(label.substr(0, at));
  }
  return label;
}

// Two lead columns ("牵头责任单位" and "责任单位", 芜湖 2019; "责任单位" and "牵头单位", 莲都
// 2023): the one named 牵头 leads, the other lists the units working with it.
void SettleLeadColumns(std::vector<Column>& columns, const std::vector<std::string>& labels) {
  std::optional<std::size_t> lead;
  int leads = 0;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] != Column::kLead) continue;
    ++leads;
    if (!lead && labels[i].find("牵头") != std::string::npos) lead = i;
  }
  if (leads < 2 || !lead) return;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == Column::kLead && i != *lead) columns[i] = Column::kCooperating;
  }
}

// Without a header row, columns are guessed from the cell count, in the order plans use.
Header DefaultHeader(std::size_t cells) {
  static const std::vector<std::vector<Column>> kByCount = {
      {},
      {Column::kTask},
      {Column::kTask, Column::kLead},
      {Column::kTask, Column::kLead, Column::kCooperating},
      {Column::kTask, Column::kLeader, Column::kLead, Column::kCooperating},
      {Column::kNumber, Column::kTask, Column::kLeader, Column::kLead, Column::kCooperating},
      {Column::kCategory, Column::kNumber, Column::kTask, Column::kLeader, Column::kLead,
       Column::kCooperating},
  };
  Header header;
  header.columns = kByCount[std::min(cells, kByCount.size() - 1)];
  header.labels.assign(header.columns.size(), "");
  return header;
}

// How a table copied from a web page lays out its cells.
enum class CellLayout {
  kLines,           // one cell a line
  kBlankSeparated,  // cells separated by blank lines; a cell may run over several lines
  kPipes,           // cells separated by lines of "|" (a line of k pipes holds k-1 empty cells)
  kDelimited,       // one row a line, cells separated by "|" or tabs
  kSpaced,          // one row a line, "序号 statement units": cells separated by spaces
};

struct CellTable {
  Header header;
  CellLayout layout = CellLayout::kLines;
  char delimiter = '|';          // kDelimited
  std::size_t header_begin = 0;  // the header's first cell
  std::size_t body_begin = 0;    // after the header
};

bool IsPipeLine(std::string_view text, ByteSpan content) {
  if (content.empty()) return false;
  for (std::size_t i = content.begin; i < content.end; ++i) {
    if (text[i] != '|' && text[i] != ' ') return false;
  }
  return true;
}

// The pieces of a line split at `delimiter`, trimmed (empty pieces kept).
std::vector<ByteSpan> SplitAt(std::string_view text, ByteSpan line, char delimiter) {
  std::vector<ByteSpan> pieces;
  std::size_t begin = line.begin;
  for (std::size_t i = line.begin; i <= line.end; ++i) {
    if (i == line.end || text[i] == delimiter) {
      pieces.push_back(TrimSpan(text, {begin, i}));
      begin = i + 1;
    }
  }
  return pieces;
}

// A header is at least three header words, naming the task column and a unit or leader
// column.
bool IsHeader(const Header& header) {
  bool task = false;
  bool assigns = false;
  for (Column column : header.columns) {
    task = task || column == Column::kTask;
    assigns = assigns || column == Column::kLead || column == Column::kCooperating ||
              column == Column::kLeader;
  }
  return header.columns.size() >= 3 && task && assigns;
}

// "序号 名称 工作任务 牵头责任单位": a header of space-separated words opening at its 序号
// word, alone on its line or ending it (常熟 2018 runs the notice's last paragraph, the
// attachment's title and the header together on one line). Its rows are one a line.
std::optional<CellTable> FindSpacedHeader(const model::Document& doc, ByteSpan content) {
  const std::string_view text = doc.text;
  const std::vector<ByteSpan> fields = SourceFields(doc, content);
  std::optional<std::size_t> first;  // the 序号 word of the run of header words ending the line
  for (std::size_t i = fields.size(); i-- > 0;) {
    const std::optional<Column> column = HeaderColumn(text, fields[i]);
    if (!column) break;
    if (*column == Column::kNumber) first = i;
  }
  if (!first) return std::nullopt;
  CellTable table;
  table.layout = CellLayout::kSpaced;
  for (std::size_t i = *first; i < fields.size(); ++i) {
    table.header.columns.push_back(*HeaderColumn(text, fields[i]));
    table.header.labels.push_back(JoinLines(text, fields[i]));
  }
  if (!IsHeader(table.header)) return std::nullopt;
  table.header_begin = fields[*first].begin;
  SettleLeadColumns(table.header.columns, table.header.labels);
  return table;
}

std::optional<CellTable> FindCellTable(const model::Document& doc, ByteSpan span) {
  const std::string_view text = doc.text;
  const std::vector<Line> lines = SplitLines(text, span);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // A flattened Word table (tab-indented cells) is the tabbed shape's.
    if (lines[i].begin < lines[i].end && text[lines[i].begin] == '\t') continue;
    const ByteSpan content = TrimSpan(text, {lines[i].begin, lines[i].end});
    if (content.empty()) continue;
    if (std::optional<CellTable> table = FindSpacedHeader(doc, content)) {
      table->body_begin = lines[i].end;
      return table;
    }
    // "序号|任务|牵头单位|责任单位" on one line.
    for (char delimiter : {'|', '\t'}) {
      if (text.substr(content.begin, content.size()).find(delimiter) == std::string_view::npos) {
        continue;
      }
      CellTable table;
      table.layout = CellLayout::kDelimited;
      table.delimiter = delimiter;
      bool all_words = true;
      for (const ByteSpan piece : SplitAt(text, content, delimiter)) {
        if (piece.empty()) continue;
        const std::optional<Column> column = HeaderColumn(text, piece);
        if (!column) {
          all_words = false;
          break;
        }
        table.header.columns.push_back(*column);
        table.header.labels.push_back(JoinLines(text, piece));
      }
      if (all_words && IsHeader(table.header)) {
        table.header_begin = content.begin;
        table.body_begin = lines[i].end;
        SettleLeadColumns(table.header.columns, table.header.labels);
        return table;
      }
    }
    // One header cell a line.
    const std::optional<Column> first = HeaderColumn(text, content);
    if (!first || (*first != Column::kNumber && *first != Column::kTask &&
                   *first != Column::kCategory)) {
      continue;
    }
    CellTable table;
    std::size_t gaps = 0;
    std::size_t blank_gaps = 0;
    std::size_t pipe_gaps = 0;
    bool blank = false;
    bool pipe = false;
    std::size_t last_end = content.end;
    for (std::size_t j = i; j < lines.size(); ++j) {
      if (lines[j].begin < lines[j].end && text[lines[j].begin] == '\t') break;
      const ByteSpan cell = TrimSpan(text, {lines[j].begin, lines[j].end});
      if (cell.empty()) {
        blank = true;
        continue;
      }
      if (IsPipeLine(text, cell)) {
        pipe = true;
        continue;
      }
      const std::optional<Column> column = HeaderColumn(text, cell);
      if (!column) break;
      if (!table.header.columns.empty()) {
        ++gaps;
        if (blank) ++blank_gaps;
        if (pipe) ++pipe_gaps;
      }
      blank = pipe = false;
      table.header.columns.push_back(*column);
      table.header.labels.push_back(JoinLines(text, cell));
      last_end = lines[j].end;
    }
    if (!IsHeader(table.header)) continue;
    table.layout = pipe_gaps > 0              ? CellLayout::kPipes
                   : blank_gaps == gaps       ? CellLayout::kBlankSeparated
                                              : CellLayout::kLines;
    table.header_begin = content.begin;
    table.body_begin = last_end;
    SettleLeadColumns(table.header.columns, table.header.labels);
    return table;
  }
  return std::nullopt;
}

// One cell of a web-copied table, and whether the copy says a row ends after it.
struct CellItem {
  ByteSpan span;
  bool row_end = false;
  bool loose = false;  // a line between the rows of a spaced table: no cell of any row
};

void AddSpacedRow(const model::Document& doc, const CellTable& table, ByteSpan line,
                  std::vector<CellItem>& cells);

// The cells below the header, in reading order.
std::vector<CellItem> ReadCells(const model::Document& doc, const CellTable& table) {
  const std::string_view text = doc.text;
  std::vector<CellItem> cells;
  const std::vector<Line> lines = SplitLines(text, {table.body_begin, text.size()});
  std::optional<ByteSpan> open;  // a cell still growing (blank-separated, pipes)
  auto close = [&] {
    if (open) cells.push_back({*open, false});
    open.reset();
  };
  for (const Line& line : lines) {
    const ByteSpan content = TrimSpan(text, {line.begin, line.end});
    switch (table.layout) {
      case CellLayout::kDelimited:
        if (content.empty()) break;
        for (const ByteSpan piece : SplitAt(text, content, table.delimiter)) {
          cells.push_back({piece, false});
        }
        cells.back().row_end = true;
        break;
      case CellLayout::kLines:
        if (!content.empty()) cells.push_back({content, false});
        break;
      case CellLayout::kSpaced:
        if (!content.empty()) AddSpacedRow(doc, table, content, cells);
        break;
      case CellLayout::kBlankSeparated:
        if (content.empty()) {
          close();
        } else if (open) {
          open->end = content.end;
        } else {
          open = content;
        }
        break;
      case CellLayout::kPipes:
        if (IsPipeLine(text, content)) {
          close();
        } else if (!content.empty()) {
          if (open) {
            open->end = content.end;
          } else {
            open = content;
          }
        }
        break;
    }
  }
  close();
  return cells;
}

// What a cell holds, as far as matching it to a column goes.
enum class CellKind { kUnits, kPersons, kDate };

// A person's name as tables write it: two to four Han characters ("钱 宇", "祝振伟"), or a
// leader's title ("分管副县长"); never a body ("市财政局", "各部门").
bool IsPersonName(std::string_view name) {
  std::string squeezed;
  std::size_t han = 0;
  char32_t last = 0;
  for (std::size_t offset = 0; offset < name.size();) {
    const std::size_t begin = offset;
    const char32_t cp = DecodeUtf8(name, offset);
    if (IsAnySpace(cp)) continue;
    if (!IsHan(cp)) return false;
    ++han;
    last = cp;
    squeezed.append(name, begin, offset - begin);
  }
  if (han < 2) return false;
  static constexpr std::u32string_view kBodyEnds = U"局委办厅府会院所站队部处室行社团区县市镇乡道心司园城组科馆";
  if (kBodyEnds.find(last) != std::u32string_view::npos) return false;
  if (squeezed.rfind("各", 0) == 0 || squeezed.rfind("有关", 0) == 0) return false;
  if (han <= 4) return true;
  // Titles: 县长, 副市长, 常务副县长, 书记, 主任.
  return han <= 8 && (last == U'长' || last == U'记' || last == U'任');
}

CellKind KindOf(std::string_view text, ByteSpan span) {
  const std::vector<UnitPiece> pieces = SplitUnitList(text, span, SplitOptions{true});
  bool persons = !pieces.empty();
  for (const UnitPiece& piece : pieces) persons = persons && IsPersonName(piece.text);
  if (persons) return CellKind::kPersons;
  if (CodePointsIn(text, span) <= 24 && !FindDates(text, span, 2000).empty()) {
    return CellKind::kDate;
  }
  return CellKind::kUnits;
}

bool Fits(Column column, CellKind kind) {
  switch (column) {
    case Column::kLeader:
      return kind == CellKind::kPersons;
    case Column::kDeadline:
      return kind == CellKind::kDate;
    case Column::kLead:
    case Column::kCooperating:
      return kind == CellKind::kUnits;
    default:
      return false;
  }
}

// A unit list ("区发改局、区工信局、各街道办事处"): no sentence stop, short pieces.
bool IsUnitList(std::string_view text, ByteSpan span) {
  const std::string_view s = text.substr(span.begin, span.size());
  if (s.find("。") != std::string_view::npos) return false;
  for (const UnitPiece& piece : SplitUnitList(text, span, SplitOptions{true})) {
    if (CodePointCount(piece.text) > 24) return false;
  }
  return true;
}

// A cell that opens a task row by itself: a statement with its own number ("1.…"), or a
// sentence (余杭 2018 leaves its 序号 cells empty).
bool IsStatementCell(std::string_view text, ByteSpan span, bool numbered_only) {
  if (std::optional<NumberToken> token = MatchNumbering(text, span.begin, span.end)) {
    if (token->style == NumberStyle::kArabicDot || token->style == NumberStyle::kArabicComma) {
      return token->span.end < span.end;
    }
  }
  if (numbered_only) return false;
  return CodePointsIn(text, span) >= 20 && !IsUnitList(text, span);
}

// A 序号 cell: "1", " 1 ", "1*" (杭州 2021 marks the city's own tasks with *).
std::optional<NumberToken> NumberCell(std::string_view text, ByteSpan span) {
  while (span.end > span.begin) {
    const std::size_t prev = PreviousCodePoint(text, span.end, span.begin);
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, prev, span.end, &size);
    if (cp != '*' && cp != U'＊' && cp != U'★' && cp != U'※') break;
    span.end = prev;
  }
  return MatchBareNumber(text, span);
}

// A cell a row of a spaced table may end with: a leader, a date, or a list of units every
// one of which is named like a body ("发改委、经信委、科技局"), never the end of a sentence.
bool IsSpacedValue(std::string_view text, ByteSpan field, const std::vector<Column>& columns) {
  const std::string_view s = text.substr(field.begin, field.size());
  for (std::string_view stop : {"。", ".", "；", ";", "："}) {
    if (s.find(stop) != std::string_view::npos) return false;
  }
  const CellKind kind = KindOf(text, field);
  if (kind == CellKind::kUnits) {
    const std::vector<UnitPiece> pieces = SplitUnitList(text, field, SplitOptions{true});
    if (pieces.empty()) return false;
    for (const UnitPiece& piece : pieces) {
      if (CodePointCount(piece.text) > 24 || !LooksLikeBody(piece.text)) return false;
    }
  }
  return std::any_of(columns.begin(), columns.end(),
                     [&](Column column) { return Fits(column, kind); });
}

// A line below a spaced header (常熟 2018: "1 地区生产总值增长7%以上…. 发改委"): a row when
// it opens with a 序号 ("1") or its statement's own number ("1、"); its statement runs up
// to the last fields that hold values of the columns after it (at most one field a column;
// the statement keeps its inner spaces). Any other line is a heading or loose text.
void AddSpacedRow(const model::Document& doc, const CellTable& table, ByteSpan line,
                  std::vector<CellItem>& cells) {
  const std::string_view text = doc.text;
  const std::vector<ByteSpan> fields = SourceFields(doc, line);
  std::size_t first = 0;
  const bool numbered = fields.size() > 1 && NumberCell(text, fields[0]).has_value();
  if (!numbered) {
    const std::optional<NumberToken> own = MatchNumbering(text, line.begin, line.end);
    const bool task_number = own && own->span.end < line.end &&
                             (own->style == NumberStyle::kArabicDot ||
                              own->style == NumberStyle::kArabicComma);
    if (!task_number) {
      cells.push_back({line, false, true});
      return;
    }
  } else {
    cells.push_back({fields[0], false});
    first = 1;
  }
  std::vector<Column> after;
  const auto task = std::find(table.header.columns.begin(), table.header.columns.end(),
                              Column::kTask);
  if (task != table.header.columns.end()) after.assign(task + 1, table.header.columns.end());
  std::size_t values = fields.size();
  while (values > first + 1 && fields.size() - values < after.size() &&
         IsSpacedValue(text, fields[values - 1], after)) {
    --values;
  }
  cells.push_back({{fields[first].begin, fields[values - 1].end}, false});
  for (std::size_t i = values; i < fields.size(); ++i) cells.push_back({fields[i], false});
  cells.back().row_end = true;
}

class TableParser {
 public:
  TableParser(model::Document& doc, std::size_t begin)
      : doc_(doc), text_(doc.text), builder_(doc), begin_(std::min(begin, doc.text.size())) {}

  void Run() {
    if (std::optional<CellTable> table = FindCellTable(doc_, {begin_, text_.size()})) {
      RunCells(*table);
      return;
    }
    RunTabbed();
  }

 private:
  // The cells of one task row, whichever way the table was laid out. Spans are a cell's
  // content, or empty at the cell's start for an empty cell.
  struct Fields {
    std::optional<ByteSpan> category;
    std::optional<ByteSpan> number;
    ByteSpan statement;
    std::vector<ByteSpan> leaders;
    std::vector<ByteSpan> leads;
    std::vector<ByteSpan> cooperating;
    std::vector<ByteSpan> deadlines;
    std::vector<ByteSpan> labelled;  // cells holding their own label ("省牵头单位：省商务厅")
  };

  void RunTabbed() {
    const std::vector<Line> lines = SplitLines(text_, {begin_, text_.size()});
    std::optional<Row> row;
    bool blank_since_cell = false;
    auto close_row = [&] {
      if (row) HandleRow(*row);
      row.reset();
    };
    for (const Line& line : lines) {
      const ByteSpan content = TrimSpan(text_, {line.begin, line.end});
      if (line.begin < line.end && text_[line.begin] == '\t') {
        // A blank line before a tabbed line ends the row.
        if (row && blank_since_cell) close_row();
        if (!row) row.emplace();
        // "\tA\tB" holds two cells on one line.
        std::size_t cell_begin = line.begin + 1;
        while (true) {
          const std::size_t tab = text_.find('\t', cell_begin);
          const std::size_t cell_end =
              (tab == std::string_view::npos || tab > line.end) ? line.end : tab;
          row->cells.push_back({cell_begin, cell_end});
          if (cell_end == line.end) break;
          cell_begin = cell_end + 1;
        }
        blank_since_cell = false;
        continue;
      }
      if (content.empty()) {
        blank_since_cell = true;
        continue;
      }
      // An untabbed numbered heading ("二、2023年主要工作任务") is never a cell's continuation.
      const std::optional<NumberToken> token = MatchNumbering(text_, content.begin, content.end);
      const bool heading =
          token && token->style == NumberStyle::kChineseComma && token->span.end < content.end;
      if (row && !heading) {
        row->cells.back().end = line.end;  // "钟涛\n\n张宇": more of the same cell
        blank_since_cell = false;
        continue;
      }
      close_row();
      blank_since_cell = false;
      if (heading) {
        const ByteSpan title = TrimSpan(text_, {token->span.end, content.end});
        builder_.StartPart(*token, JoinLines(text_, title), content);
        section_key_.clear();
        category_.clear();
      }
    }
    close_row();
  }

  ByteSpan Content(const Cell& cell) const { return TrimSpan(text_, {cell.begin, cell.end}); }

  std::optional<Header> AsHeader(const Row& row) const {
    Header header;
    int known = 0;
    bool task = false;
    for (const Cell& cell : row.cells) {
      const std::string word = JoinLines(text_, Content(cell));
      const Column column = ColumnOf(word);
      if (column != Column::kIgnored) ++known;
      task = task || column == Column::kTask;
      header.columns.push_back(column);
      header.labels.push_back(word);
    }
    // A header names the task column and at least one more; a task row's statement is a
    // sentence, which ColumnOf does not take for a header word unless it is very short.
    for (const Cell& cell : row.cells) {
      if (CodePointsIn(text_, Content(cell)) > 12) return std::nullopt;
    }
    if (!task || known < 2) return std::nullopt;
    SettleLeadColumns(header.columns, header.labels);
    return header;
  }

  void HandleRow(const Row& row) {
    if (std::optional<Header> header = AsHeader(row)) {
      header_ = std::move(header);
      number_column_ = -1;
      for (std::size_t i = 0; i < header_->columns.size() && i < row.cells.size(); ++i) {
        if (header_->columns[i] != Column::kNumber) continue;
        model::NumberColumn column;
        column.header = doc_.Locate(Content(row.cells[i]));
        doc_.number_columns.push_back(std::move(column));
        number_column_ = static_cast<int>(doc_.number_columns.size()) - 1;
        break;
      }
      return;
    }
    const Header header = header_ ? *header_ : DefaultHeader(row.cells.size());
    std::optional<Cell> category, number, task, leader, lead, cooperating, deadline;
    std::string lead_label, cooperating_label;
    // Labels come from the header even when a row stops short of the column.
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
      if (header.columns[i] == Column::kLead && lead_label.empty()) lead_label = header.labels[i];
      if (header.columns[i] == Column::kCooperating && cooperating_label.empty()) {
        cooperating_label = header.labels[i];
      }
    }
    for (std::size_t i = 0; i < row.cells.size() && i < header.columns.size(); ++i) {
      const Cell& cell = row.cells[i];
      switch (header.columns[i]) {
        case Column::kCategory:
          category = cell;
          break;
        case Column::kNumber:
          number = cell;
          break;
        case Column::kTask:
          task = cell;
          break;
        case Column::kLeader:
          leader = cell;
          break;
        case Column::kLead:
          lead = cell;
          break;
        case Column::kCooperating:
          cooperating = cell;
          break;
        case Column::kDeadline:
          deadline = cell;
          break;
        case Column::kIgnored:
          break;
      }
    }
    if (category && !Content(*category).empty()) StartCategory(Content(*category));
    if (!task || Content(*task).empty()) return;
    Fields fields;
    fields.statement = Content(*task);
    if (number && !Content(*number).empty()) fields.number = Content(*number);
    auto span_of = [&](const Cell& cell) {
      const ByteSpan content = Content(cell);
      return content.empty() ? ByteSpan{cell.begin, cell.begin} : content;
    };
    if (leader) fields.leaders.push_back(span_of(*leader));
    if (lead) fields.leads.push_back(span_of(*lead));
    if (cooperating) fields.cooperating.push_back(span_of(*cooperating));
    if (deadline) fields.deadlines.push_back(span_of(*deadline));
    EmitTask(fields, lead_label, cooperating_label);
  }

  // Adds the task of one row: its number (a 序号 cell, or the statement's own "1." which a
  // group's 序号 cell does not override, 吴江 2024), statement, leaders, units and deadline.
  void EmitTask(const Fields& f, const std::string& lead_label,
                const std::string& cooperating_label) {
    ByteSpan statement = f.statement;
    std::optional<NumberToken> token;
    std::optional<NumberToken> own = MatchNumbering(text_, statement.begin, statement.end);
    if (own && own->span.end >= statement.end) own.reset();
    const bool own_task_number =
        own && (own->style == NumberStyle::kArabicDot || own->style == NumberStyle::kArabicComma);
    if (f.number && !f.number->empty() && !own_task_number) {
      token = NumberCell(text_, *f.number);
      if (!token) token = MatchNumbering(text_, f.number->begin, f.number->end);
    }
    if (!token && own) {
      token = own;
      statement = TrimSpan(text_, {own->span.end, statement.end});
    }
    // The row starts at its 序号 cell, unless the statement's own number stood in for it.
    std::size_t start = token ? std::min(token->span.begin, statement.begin) : statement.begin;
    if (f.number && !f.number->empty() && !own_task_number) start = std::min(start, f.number->begin);
    model::Task& t = builder_.StartTask(token ? &*token : nullptr, start);
    if (header_ && number_column_ >= 0) {
      // Rows under a header with a 序号 column (fixtures/seeds/001 part 二: 180 rows, every
      // 序号 cell empty, one finding at the header rather than none or 180).
      model::NumberColumn& column = doc_.number_columns[static_cast<std::size_t>(number_column_)];
      ++column.rows;
      if (!token) {
        if (column.unnumbered++ == 0) column.first_unnumbered = doc_.Locate(statement);
      }
    }
    t.text = JoinLines(text_, statement);
    t.text_loc = doc_.Locate(statement);
    t.category = category_;

    // Stacked values in one cell are one name a line (several leaders, several lead units).
    SplitOptions stacked;
    stacked.newline_separates = true;
    std::size_t end = statement.end;
    std::optional<ByteSpan> assignment;
    auto extend = [&](const std::vector<ByteSpan>& spans) {
      for (const ByteSpan& span : spans) {
        if (!assignment) assignment = span;
        assignment->begin = std::min(assignment->begin, span.begin);
        assignment->end = std::max(assignment->end, span.end);
        end = std::max(end, span.end);
      }
    };
    for (const ByteSpan& span : f.leaders) {
      builder_.AddNames(SplitUnitList(text_, span, stacked), t.lead_leaders);
    }
    for (const ByteSpan& span : f.leads) {
      AddMarkedUnits(builder_.UnitNames(span, stacked), t);
    }
    for (const ByteSpan& span : f.cooperating) {
      builder_.AddNames(builder_.UnitNames(span, stacked), t.cooperating_units);
    }
    if (!t.lead_units.empty()) t.lead_source = "column";
    for (const ByteSpan& span : f.deadlines) {
      if (span.empty() || t.deadline) continue;
      t.deadline = model::Located{JoinLines(text_, span), doc_.Locate(span)};
    }
    // "省牵头单位：省农业农村厅" in a row of a table whose only unit column is 责任单位 (杭州
    // 2021): the labelled lead leads, the column's units work with it.
    for (const ByteSpan& span : f.labelled) {
      for (std::size_t pos = span.begin; pos < span.end; ++pos) {
        std::optional<Assignment> labelled = ParseAssignment(text_, pos, span.end);
        if (!labelled) continue;
        const std::vector<model::Located> column_leads = std::move(t.lead_units);
        t.lead_units.clear();
        builder_.ApplyAssignment(t, *labelled, stacked);
        if (t.lead_units.empty()) {
          t.lead_units = column_leads;
        } else {
          t.cooperating_units.insert(t.cooperating_units.begin(), column_leads.begin(),
                                     column_leads.end());
        }
        break;
      }
    }
    extend(f.leaders);
    extend(f.leads);
    extend(f.cooperating);
    extend(f.deadlines);
    extend(f.labelled);
    // A 责任单位 column listing every unit, the lead among them (莲都 2023), beside a 牵头单位
    // column: the lead is no cooperating unit of its own task. (A 配合单位 column naming the
    // lead again is the notice's mistake, left for units.lead-not-cooperating.)
    const bool lists_all = cooperating_label.find("责任") != std::string::npos &&
                           cooperating_label.find("配合") == std::string::npos;
    if (lists_all) std::erase_if(t.cooperating_units, [&](const model::Located& unit) {
      return std::any_of(t.lead_units.begin(), t.lead_units.end(),
                         [&](const model::Located& lead) { return lead.text == unit.text; });
    });
    if (assignment) t.assignment = doc_.Locate(*assignment);
    if (t.lead_label.empty()) t.lead_label = lead_label;
    if (t.cooperating_label.empty()) t.cooperating_label = cooperating_label;
    t.loc = doc_.Locate({start, end});
  }

  // A unit column that marks its lead ("★区发改委、统计局", 吴江 2024; "▲发改局,各部门",
  // 诸暨 2023): the marked units lead, the others work with them. Once a table has marked a
  // lead, a row it forgot to mark (诸暨 2023 task 9) is read with its first unit leading.
  void AddMarkedUnits(const std::vector<UnitPiece>& pieces, model::Task& t) {
    static constexpr std::string_view kMarks[] = {"★", "▲", "☆", "△"};
    auto marked = [](std::string_view name) {
      for (std::string_view mark : kMarks) {
        if (name.substr(0, mark.size()) == mark) return mark.size();
      }
      return std::size_t{0};
    };
    bool any = false;
    for (const UnitPiece& piece : pieces) any = any || marked(piece.text) > 0;
    if (!any && marks_seen_ && pieces.size() > 1) {
      builder_.AddNames({pieces.front()}, t.lead_units);
      builder_.AddNames({pieces.begin() + 1, pieces.end()}, t.cooperating_units);
      return;
    }
    if (!any && CommaSetsOffFirst(pieces)) {
      builder_.AddNames({pieces.front()}, t.lead_units);
      builder_.AddNames({pieces.begin() + 1, pieces.end()}, t.cooperating_units);
      return;
    }
    if (!any) {
      builder_.AddNames(pieces, t.lead_units);
      return;
    }
    marks_seen_ = true;
    for (const UnitPiece& piece : pieces) {
      const std::size_t mark = marked(piece.text);
      const ByteSpan span{piece.span.begin + mark, piece.span.end};
      model::Located unit{piece.text.substr(mark), doc_.Locate(span)};
      (mark > 0 ? t.lead_units : t.cooperating_units).push_back(std::move(unit));
    }
  }

  // "杭州城西科创产业集聚区管委会,市科技局、市发改委、市经信局" (杭州市 2021): a comma after
  // the first unit and 、 between all the others set the first apart as the lead. Needs at
  // least two units after the comma, so that the 、 shows the contrast.
  bool CommaSetsOffFirst(const std::vector<UnitPiece>& pieces) const {
    if (pieces.size() < 3) return false;
    for (std::size_t i = 1; i < pieces.size(); ++i) {
      if (pieces[i - 1].span.end > pieces[i].span.begin) return false;
      const std::string_view gap = TrimSpace(
          text_.substr(pieces[i - 1].span.end, pieces[i].span.begin - pieces[i - 1].span.end));
      const bool comma = gap == "，" || gap == ",";
      if (comma != (i == 1)) return false;
      if (!comma && gap != "、") return false;
    }
    return true;
  }

  // A table copied from a web page (see the file comment).
  void RunCells(const CellTable& table) {
    header_ = table.header;
    const Header& header = table.header;
    std::optional<std::size_t> number_column, task_column;
    bool category_column = false;
    std::string lead_label, cooperating_label;
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
      const Column column = header.columns[i];
      if (column == Column::kNumber && !number_column) number_column = i;
      if (column == Column::kTask && !task_column) task_column = i;
      category_column = category_column || column == Column::kCategory;
      if (column == Column::kLead && lead_label.empty()) lead_label = header.labels[i];
      if (column == Column::kCooperating && cooperating_label.empty()) {
        cooperating_label = header.labels[i];
      }
    }
    // Columns between the 序号 and the statement (吴江 2024: 项目) hold a cell or none.
    const std::size_t before_task =
        table.layout != CellLayout::kSpaced && number_column && task_column &&
                *task_column > *number_column
            ? *task_column - *number_column - 1
            : 0;
    std::vector<Column> after_task;
    for (std::size_t i = task_column.value_or(0) + 1; i < header.columns.size(); ++i) {
      after_task.push_back(header.columns[i]);
    }

    struct OpenRow {
      std::optional<ByteSpan> number;
      std::size_t skipped = 0;  // cells of the columns between 序号 and statement
      std::optional<ByteSpan> statement;
      std::vector<ByteSpan> rest;
    };
    std::optional<OpenRow> row;
    bool numbers_seen = false;
    auto close = [&] {
      if (row && row->statement) {
        EmitTask(AssignCells(*row->statement, row->number, row->rest, after_task,
                             table.layout == CellLayout::kDelimited),
                 lead_label, cooperating_label);
      }
      row.reset();
    };
    StartHeadingAbove(table.header_begin);
    for (const CellItem& item : ReadCells(doc_, table)) {
      const ByteSpan cell = item.span;
      if (cell.empty()) {
        // A delimited row keeps its empty cells in place: the columns are counted.
        if (table.layout == CellLayout::kDelimited && row && row->statement) {
          row->rest.push_back(cell);
        }
        if (item.row_end) close();
        continue;
      }
      const std::string_view words = text_.substr(cell.begin, cell.size());
      const std::string joined = JoinLines(text_, cell);
      // The header again after a page break or at the next part, and the page's chrome
      // below the table. A repeated header may count its own part's tasks in a bracket
      // ("重点工作任务(杭州市2项牵头工作、19项配合工作)" below "重点工作任务(杭州市2项配合工作)",
      // 杭州市 2021): labels are compared without it.
      if (std::any_of(header.labels.begin(), header.labels.end(), [&](const std::string& label) {
            return WithoutBracketNote(label) == WithoutBracketNote(joined);
          })) {
        continue;
      }
      if (IsWebChromeLine(words)) {
        close();
        continue;
      }
      const bool between_rows = !row || row->statement.has_value();
      const std::optional<NumberToken> token = MatchNumbering(text_, cell.begin, cell.end);
      if (token && between_rows && token->span.end < cell.end &&
          CodePointsIn(text_, cell) <= 60 &&
          (token->style == NumberStyle::kChineseComma ||
           token->style == NumberStyle::kChineseParen)) {
        close();
        const ByteSpan title = TrimSpan(text_, {token->span.end, cell.end});
        if (token->style == NumberStyle::kChineseComma) {
          builder_.StartPart(*token, JoinLines(text_, title), cell);
          section_key_.clear();
          category_.clear();
        } else {
          builder_.StartSection(*token, JoinLines(text_, title), cell);
        }
        continue;
      }
      if (item.loose) {
        close();
        continue;
      }
      if (number_column && NumberCell(text_, cell)) {
        close();
        row.emplace();
        row->number = cell;
        numbers_seen = true;
      } else if (row && !row->statement) {
        if (row->number && row->skipped < before_task && !IsStatementCell(text_, cell, false)) {
          ++row->skipped;
        } else {
          row->statement = cell;
        }
      } else if (row && IsStatementCell(text_, cell, numbers_seen || row->rest.empty())) {
        close();
        row.emplace();
        row->statement = cell;
      } else if (row) {
        row->rest.push_back(cell);
      } else if (category_column && CodePointsIn(text_, cell) <= 20 &&
                 !IsStatementCell(text_, cell, false)) {
        StartCategory(cell);
      } else if (IsStatementCell(text_, cell, false) || !number_column) {
        row.emplace();
        row->statement = cell;
      }
      if (item.row_end) close();
    }
    close();
  }

  // "一、省政府工作报告“十四五”时期重点工作涉杭任务责任分解" on the last line with text above
  // the header (杭州市 2021, whose second part repeats the header below its own heading):
  // the table's first part.
  void StartHeadingAbove(std::size_t header_begin) {
    const std::vector<Line> lines = SplitLines(text_, {begin_, std::min(header_begin, text_.size())});
    for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
      const ByteSpan content = TrimSpan(text_, {line->begin, line->end});
      if (content.empty() || content.begin >= header_begin) continue;
      const std::optional<NumberToken> token = MatchNumbering(text_, content.begin, content.end);
      if (token && token->style == NumberStyle::kChineseComma && token->span.end < content.end &&
          CodePointsIn(text_, content) <= 60) {
        builder_.StartPart(*token, JoinLines(text_, TrimSpan(text_, {token->span.end, content.end})),
                           content);
      }
      return;
    }
  }

  // The cells after a row's statement matched to the header's columns after the statement:
  // in order when a delimited row keeps its empty cells; else by what each holds, since a
  // copy drops empty cells (辽中 2024). A cell that fits no column left is more of the
  // column before it (沈河 2024 splits a 责任单位 cell over two lines).
  Fields AssignCells(ByteSpan statement, std::optional<ByteSpan> number,
                     const std::vector<ByteSpan>& cells, const std::vector<Column>& columns,
                     bool positional) const {
    Fields f;
    f.statement = statement;
    f.number = number;
    auto put = [&](Column column, ByteSpan cell) {
      switch (column) {
        case Column::kLeader:
          f.leaders.push_back(cell);
          break;
        case Column::kLead:
          f.leads.push_back(cell);
          break;
        case Column::kCooperating:
          f.cooperating.push_back(cell);
          break;
        case Column::kDeadline:
          f.deadlines.push_back(cell);
          break;
        default:
          break;
      }
    };
    std::size_t unlabelled = 0;
    for (const ByteSpan& cell : cells) unlabelled += HasLabel(cell) ? 0 : 1;
    // As many cells as columns: nothing was dropped (六安 2022's 任务来源 holds a 文号).
    positional = positional || unlabelled == columns.size();
    std::size_t next = 0;  // the first column not yet given a cell
    std::optional<Column> previous;
    for (const ByteSpan& cell : cells) {
      if (HasLabel(cell)) {
        f.labelled.push_back(cell);
        continue;
      }
      if (positional) {
        if (next < columns.size()) put(columns[next++], cell);
        continue;
      }
      const CellKind kind = KindOf(text_, cell);
      std::optional<std::size_t> fit;
      for (std::size_t i = next; i < columns.size() && !fit; ++i) {
        if (Fits(columns[i], kind)) fit = i;
      }
      if (fit) {
        // Consecutive persons stay in one leader column ("祝振伟" then "陈夏林", 余杭 2018).
        put(columns[*fit], cell);
        previous = columns[*fit];
        next = columns[*fit] == Column::kLeader ? *fit : *fit + 1;
      } else if (previous) {
        put(*previous, cell);
      }
    }
    return f;
  }

  // A cell holding its own label ("省牵头单位:省农业农村厅").
  bool HasLabel(ByteSpan cell) const {
    for (std::size_t pos = cell.begin; pos < cell.end;) {
      if (MatchLabel(text_, pos, cell.end)) return true;
      std::size_t size = 0;
      CodePointAt(text_, pos, cell.end, &size);
      pos += size == 0 ? 1 : size;
    }
    return false;
  }

  // A 分类 cell: "一、推动高质量发展要有新作为" opens a section unless it repeats the current
  // one (the table repeats merged cells after a page break).
  void StartCategory(ByteSpan content) {
    const std::string written = JoinLines(text_, content);
    category_ = written;
    if (written == section_key_) return;
    section_key_ = written;
    NumberToken token{NumberStyle::kNone, std::nullopt, {content.begin, content.begin}};
    ByteSpan title = content;
    if (std::optional<NumberToken> found = MatchNumbering(text_, content.begin, content.end)) {
      token = *found;
      title = TrimSpan(text_, {found->span.end, content.end});
    }
    builder_.StartSection(token, JoinLines(text_, title), content);
  }

  model::Document& doc_;
  std::string_view text_;
  OutlineBuilder builder_;
  std::size_t begin_;
  std::optional<Header> header_;
  int number_column_ = -1;  // header_'s entry in doc_.number_columns, -1 for none
  std::string section_key_;  // the category cell of the current section, as joined text
  bool marks_seen_ = false;  // a unit column has marked its lead with ★ or ▲
  std::string category_;
};

}  // namespace

void ParseTable(model::Document& doc, std::size_t begin) { TableParser(doc, begin).Run(); }

bool HasCellTable(const model::Document& doc, std::size_t begin) {
  return FindCellTable(doc, {std::min(begin, doc.text.size()), doc.text.size()}).has_value();
}

}  // namespace plancheck::parse
