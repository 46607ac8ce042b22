#include "parse/parser.h"

#include <string_view>

#include "parse/deadline.h"
#include "parse/lines.h"
#include "parse/metadata.h"
#include "parse/numbering.h"
#include "parse/roles.h"
#include "parse/shapes.h"
#include "parse/units.h"
#include "parse/web_chrome.h"

namespace plancheck::parse {
namespace {

enum class Shape { kLinePerTask, kTable, kParagraphs, kPdfText };

const char* ShapeName(Shape shape) {
  switch (shape) {
    case Shape::kLinePerTask:
      return "line-per-task";
    case Shape::kTable:
      return "table";
    case Shape::kParagraphs:
      return "paragraphs";
    case Shape::kPdfText:
      return "pdf-text";
  }
  return "line-per-task";
}

// Looks at the plan's lines once and picks the shape:
//   table      most lines start with a tab (a flattened Word table, fixtures/seeds/001), or
//              a header row of column words heads a table copied from a web page;
//   pdf-text   lead labels often follow other text on their line, i.e. tasks and their
//              assignments run together (fixtures/seeds/004), or task numbers do
//              (henan-sheng-2023);
//   paragraphs numbered lines are long and almost none is followed by an assignment
//              (fixtures/seeds/002);
//   line-per-task otherwise (fixtures/seeds/000, 003).
Shape DetectShape(const model::Document& doc, std::size_t begin) {
  const std::string_view text = doc.text;
  const std::vector<Line> lines = SplitLines(text, {begin, text.size()});
  std::size_t non_blank = 0;
  std::size_t tabbed = 0;
  std::size_t numbered = 0;
  std::size_t numbered_chars = 0;
  std::size_t leads = 0;
  std::size_t inline_leads = 0;
  std::size_t inline_numbers = 0;  // task numbers mid-line, after "。" or "）"
  for (const Line& line : lines) {
    const ByteSpan content = TrimSpan(text, {line.begin, line.end});
    if (content.empty()) continue;
    ++non_blank;
    if (text[line.begin] == '\t') ++tabbed;
    if (MatchNumbering(text, content.begin, content.end)) {
      ++numbered;
      numbered_chars += CodePointsIn(text, content);
    }
    char32_t prev = 0;
    for (std::size_t pos = content.begin; pos < content.end;) {
      std::size_t size = 0;
      const char32_t cp = CodePointAt(text, pos, content.end, &size);
      // "…。(省发展改革委牵头…) 2.落实好…": a task number after a sentence or a bracket.
      if ((prev == U'。' || prev == U'）' || prev == ')') && pos != content.begin) {
        const std::size_t at = SkipHorizontalSpace(text, pos, content.end);
        const std::optional<NumberToken> token = MatchNumbering(text, at, content.end);
        if (token && (token->style == model::NumberStyle::kArabicDot ||
                      token->style == model::NumberStyle::kArabicComma)) {
          ++inline_numbers;
        }
      }
      if (!IsAnySpace(cp)) prev = cp;
      if (std::optional<LabelMatch> label = MatchLabel(text, pos, content.end)) {
        if (label->kind == LabelKind::kLead || label->kind == LabelKind::kDivision) {
          ++leads;
          // A label opening a trailing bracket "（牵头单位：X）" is no sign of PDF text.
          const std::size_t before = PreviousCodePoint(text, pos, content.begin);
          std::size_t before_size = 0;
          const char32_t open = CodePointAt(text, before, pos, &before_size);
          const bool bracketed = open == U'（' || open == '(' || open == U'【' || open == U'〔' ||
                                 open == U'[' || open == U'［';
          if (pos != content.begin && !bracketed) ++inline_leads;
        }
        pos = label->content_begin;
        continue;
      }
      pos += size;
    }
  }
  if (tabbed >= 8 && tabbed * 3 >= non_blank) return Shape::kTable;
  // A table copied from a web page: a header row of column words (table.cc).
  if (HasCellTable(doc, begin)) return Shape::kTable;
  if (inline_leads >= 3 && inline_leads * 10 >= leads) return Shape::kPdfText;
  // A copy that lost its line breaks (henan-sheng-2023: the whole notice on one line) runs
  // its tasks together as PDF text does.
  if (inline_numbers >= 3 && inline_numbers > numbered) return Shape::kPdfText;
  if (numbered > 0 && leads * 4 < numbered && numbered_chars / numbered >= 80) {
    return Shape::kParagraphs;
  }
  return Shape::kLinePerTask;
}

}  // namespace

void ParseHead(model::Document& doc) { FillMetadata(doc, FindPlanStart(doc)); }

void ParseDocument(model::Document& doc) {
  doc.parts.clear();
  doc.number_columns.clear();
  doc.declared_task_count.reset();
  doc.task_numbering = model::NumberingScope::kDocument;
  doc.first_listed.clear();
  doc.chrome = FindWebChrome(doc.text);
  const PlanStart start = FindPlanStart(doc);
  FillMetadata(doc, start);
  const Shape shape = DetectShape(doc, start.outline_begin);
  doc.metadata.shape = ShapeName(shape);
  switch (shape) {
    case Shape::kLinePerTask:
      ParseLinePerTask(doc, start.outline_begin);
      break;
    case Shape::kTable:
      ParseTable(doc, start.outline_begin);
      break;
    case Shape::kParagraphs:
      ParseParagraphs(doc, start.outline_begin);
      break;
    case Shape::kPdfText:
      ParsePdfText(doc, start.outline_begin);
      break;
  }
  ResolveRoles(doc);
  doc.task_numbering = TaskNumberingScope(doc);
  ReadDeadlines(doc);
}

}  // namespace plancheck::parse
