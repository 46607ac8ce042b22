// The shape parsers: each reads the outline of doc.text from `begin` (just after the plan's
// title) to the end and adds parts, sections and tasks to `doc` through an OutlineBuilder.
//
// None fails: text that fits no node stays outside the outline. All are linear in the text.
#pragma once

#include <cstddef>
#include <string_view>

#include "model/document.h"

namespace plancheck::parse {

// How the running-text scanner (line_per_task.cc) reads a shape.
struct FlowOptions {
  // Tasks, sections and parts may begin mid-line after "。" when their number is the one
  // expected next (PDF extraction runs several tasks together on one line).
  bool inline_starts = false;
  // Each line is a paragraph: an unnumbered paragraph ends the open task instead of
  // continuing its statement.
  bool paragraph_per_line = false;
};

// Shared scanner for running text: headings and task numbers at line starts (and inline
// with `inline_starts`), statements up to their "责任单位：…；配合单位：…" assignment.
void ParseTextFlow(model::Document& doc, std::size_t begin, const FlowOptions& options);

// One task a line (or a few wrapped lines), each followed by its assignment line
// (fixtures/seeds/000_*.txt, 003_*.txt).
void ParseLinePerTask(model::Document& doc, std::size_t begin);
// PDF-extracted text: wrapped lines, tasks run together, labels broken across lines
// (fixtures/seeds/004_*.txt).
void ParsePdfText(model::Document& doc, std::size_t begin);
// Long paragraphs, one numbered item each, usually without assignments
// (fixtures/seeds/002_*.txt).
void ParseParagraphs(model::Document& doc, std::size_t begin);
// A Word table flattened to tab-indented cells (fixtures/seeds/001_*.txt), or a table copied
// from a web page below a header row (序号 / 目标与任务 / 牵头责任单位 / 责任单位 …).
void ParseTable(model::Document& doc, std::size_t begin);
// Whether a header row of a table copied from a web page follows `begin` (table.cc).
bool HasCellTable(const model::Document& doc, std::size_t begin);

}  // namespace plancheck::parse
