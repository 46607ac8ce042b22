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
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "parse/lines.h"
#include "parse/numbering.h"
#include "parse/outline.h"
#include "parse/shapes.h"
#include "parse/units.h"

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
  if (word.find("任务") != std::string_view::npos || word.find("目标") != std::string_view::npos ||
      word.find("内容") != std::string_view::npos || word.find("事项") != std::string_view::npos) {
    return Column::kTask;
  }
  return Column::kIgnored;
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

class TableParser {
 public:
  TableParser(model::Document& doc, std::size_t begin)
      : doc_(doc), text_(doc.text), builder_(doc), begin_(std::min(begin, doc.text.size())) {}

  void Run() {
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

 private:
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
    return header;
  }

  void HandleRow(const Row& row) {
    if (std::optional<Header> header = AsHeader(row)) {
      header_ = std::move(header);
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

    // The number: a 序号 cell ("1", "（一）"), else a number opening the statement ("1、…").
    ByteSpan statement = Content(*task);
    std::optional<NumberToken> token;
    if (number && !Content(*number).empty()) {
      const ByteSpan n = Content(*number);
      token = MatchBareNumber(text_, n);
      if (!token) token = MatchNumbering(text_, n.begin, n.end);
    }
    if (!token) {
      token = MatchNumbering(text_, statement.begin, statement.end);
      if (token) statement = TrimSpan(text_, {token->span.end, statement.end});
    }
    const std::size_t start =
        token ? std::min(token->span.begin, statement.begin) : statement.begin;
    model::Task& t = builder_.StartTask(token ? &*token : nullptr, start);
    t.text = JoinLines(text_, statement);
    t.text_loc = doc_.Locate(statement);
    t.category = category_;

    // Stacked values in one cell are one name a line (several leaders, several lead units).
    SplitOptions stacked;
    stacked.newline_separates = true;
    std::size_t end = statement.end;
    std::optional<ByteSpan> assignment;
    auto extend = [&](const std::optional<Cell>& cell) {
      if (!cell) return;
      const ByteSpan content = Content(*cell);
      const ByteSpan span = content.empty() ? ByteSpan{cell->begin, cell->begin} : content;
      if (!assignment) assignment = span;
      assignment->end = std::max(assignment->end, span.end);
      end = std::max(end, span.end);
    };
    if (leader) builder_.AddNames(SplitUnitList(text_, Content(*leader), stacked), t.lead_leaders);
    if (lead) builder_.AddNames(builder_.UnitNames(Content(*lead), stacked), t.lead_units);
    if (cooperating) {
      builder_.AddNames(builder_.UnitNames(Content(*cooperating), stacked), t.cooperating_units);
    }
    if (!t.lead_units.empty()) t.lead_source = "column";
    if (deadline && !Content(*deadline).empty()) {
      t.deadline =
          model::Located{JoinLines(text_, Content(*deadline)), doc_.Locate(Content(*deadline))};
    }
    extend(leader);
    extend(lead);
    extend(cooperating);
    extend(deadline);
    if (assignment) t.assignment = doc_.Locate(*assignment);
    t.lead_label = lead_label;
    t.cooperating_label = cooperating_label;
    t.loc = doc_.Locate({start, end});
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
  std::string section_key_;  // the category cell of the current section, as joined text
  std::string category_;
};

}  // namespace

void ParseTable(model::Document& doc, std::size_t begin) { TableParser(doc, begin).Run(); }

}  // namespace plancheck::parse
