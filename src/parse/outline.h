// OutlineBuilder: how every shape parser adds parts, sections and tasks to a Document.
//
// It keeps the outline well formed whatever order headings arrive in: a task before any
// section goes into an implicit section of its part (implicit=true, number kNone), a
// section or task before any part into an implicit part. Tasks get their 1-based ordinal
// here. Locations are computed with Document::Locate from byte spans of doc.text.
#pragma once

#include <string>

#include "model/document.h"
#include "parse/numbering.h"
#include "parse/units.h"

namespace plancheck::parse {

// A Numbering for `token` (text as written, value, style, location).
model::Numbering MakeNumbering(const model::Document& doc, const NumberToken& token);

class OutlineBuilder {
 public:
  explicit OutlineBuilder(model::Document& doc) : doc_(doc) {}

  // `heading` is the span a diagnostic about the node points at (its heading line).
  model::Part& StartPart(const NumberToken& number, std::string title, ByteSpan heading);
  model::Section& StartSection(const NumberToken& number, std::string title, ByteSpan heading);
  // `number` may be nullptr (an unnumbered table row). `at` is where the task starts.
  model::Task& StartTask(const NumberToken* number, std::size_t at);

  // The current part / section, or nullptr before the first.
  model::Part* part() { return doc_.parts.empty() ? nullptr : &doc_.parts.back(); }
  model::Section* section();
  model::Task* task();

  // Adds the names of `pieces` to `out`, located.
  void AddNames(const std::vector<UnitPiece>& pieces, std::vector<model::Located>& out) const;
  // The names of a unit list, split with `options`, without a first-listed note inside it
  // ("A、B、C（列第一位者为牵头单位，下同）": the note is no part of C); a note found is
  // recorded in Document::first_listed. Names the source parts by a space alone
  // ("县教体局 各相关乡镇政府") are two when each is named like a body.
  std::vector<UnitPiece> UnitNames(ByteSpan list, const SplitOptions& options = {});
  // Records a first-listed note met outside a unit list (in a task's statement).
  void RecordFirstListed(const FirstListedNote& note);
  // Fills a task's lead / cooperating units, leaders, deadline and labels from a parsed
  // assignment; sets task.assignment (extended when the task has one already). Unit lists
  // are split with `options`.
  void ApplyAssignment(model::Task& task, const Assignment& assignment,
                       const SplitOptions& options = {});
  // The same from a bracket after the task's text ("（牵头单位：X）", "（X牵头，Y配合）").
  // A task with several brackets (State Council style) gets the units of all of them, a
  // unit named again in a later bracket not repeated.
  void ApplyBracket(model::Task& task, const BracketAssignment& bracket);

  const model::Document& doc() const { return doc_; }

  // Adds the units and leaders of a role phrase ("X牵头，Y配合") to `task`.
  void ApplyPhrase(model::Task& task, const std::vector<PhraseClause>& clauses);

 private:
  // `pieces` with those the source parts by spaces between body names split (UnitNames).
  std::vector<UnitPiece> SplitAtSpaces(std::vector<UnitPiece> pieces,
                                       const SplitOptions& options) const;
  // Sets task.assignment to cover `span` too.
  void ExtendAssignment(model::Task& task, ByteSpan span) const;
  model::Part& EnsurePart(std::size_t at);
  model::Section& EnsureSection(std::size_t at);

  model::Document& doc_;
  int ordinal_ = 0;
};

}  // namespace plancheck::parse
