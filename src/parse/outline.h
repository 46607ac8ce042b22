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
  // Fills a task's lead / cooperating units, leaders, deadline and labels from a parsed
  // assignment; sets task.assignment. Unit lists are split with `options`.
  void ApplyAssignment(model::Task& task, const Assignment& assignment,
                       const SplitOptions& options = {}) const;

  const model::Document& doc() const { return doc_; }

 private:
  model::Part& EnsurePart(std::size_t at);
  model::Section& EnsureSection(std::size_t at);

  model::Document& doc_;
  int ordinal_ = 0;
};

}  // namespace plancheck::parse
