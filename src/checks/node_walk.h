// NodeRefs for the nodes below a document, for checks that look at the whole document
// (numbering across sections, style consistency) but report at one node, so that the
// message's {number}, {part}, {section} and the diagnostic's task are the node's own.
//
// Header-only; every pointer is borrowed from the Document behind `doc`.
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "model/document.h"
#include "rule/node_ref.h"

namespace plancheck::checks {

// A NodeRef for `part` (and, when given, `section` and `task`) of the document `from`
// refers to; its scope is that of the innermost node given. `plan` is carried over.
inline rule::NodeRef ChildRef(const rule::NodeRef& from, const model::Part& part,
                              const model::Section* section = nullptr,
                              const model::Task* task = nullptr) {
  rule::NodeRef ref;
  ref.doc = from.doc;
  ref.plan = from.plan;
  ref.part = &part;
  ref.section = section;
  ref.task = task;
  ref.scope = task != nullptr      ? rule::Scope::kTask
              : section != nullptr ? rule::Scope::kSection
                                   : rule::Scope::kPart;
  return ref;
}

}  // namespace plancheck::checks

namespace plancheck::checks {

// The innermost part, section or task of the document whose span holds `text_offset`,
// as a NodeRef; `from` itself when none does. For document-scope checks that report at
// a place, so the diagnostic names the task it is in.
inline rule::NodeRef NodeAt(const rule::NodeRef& from, std::size_t text_offset) {
  auto holds = [&](const model::Location& loc) {
    return loc.span.begin <= text_offset && text_offset < loc.span.end;
  };
  for (const model::Part& part : from.doc->parts) {
    for (const model::Section& section : part.sections) {
      // A section's tasks follow each other in the text: the only one that can hold the
      // offset is the last that begins at or before it (a linear scan here made a
      // document-scope check quadratic on a 30,000-task document).
      const auto after = std::upper_bound(
          section.tasks.begin(), section.tasks.end(), text_offset,
          [](std::size_t offset, const model::Task& task) { return offset < task.loc.span.begin; });
      if (after != section.tasks.begin() && holds(std::prev(after)->loc)) {
        return ChildRef(from, part, &section, &*std::prev(after));
      }
      if (!section.implicit && holds(section.loc)) return ChildRef(from, part, &section);
    }
    if (!part.implicit && holds(part.loc)) return ChildRef(from, part);
  }
  return from;
}

}  // namespace plancheck::checks

namespace plancheck::checks {

// The source bytes a span of Document::text came from, for a Fix. The end is taken
// from the span's last byte rather than its end offset, which at a dropped run ("2、 重点"
// loses its space) would map past what was dropped.
inline ByteSpan SourceSpan(const model::Document& doc, ByteSpan span) {
  const std::size_t begin = doc.origin.ToSource(span.begin);
  if (span.empty()) return {begin, begin};
  std::size_t end = doc.origin.ToSource(span.end - 1) + 1;
  while (end < doc.source.size() && (static_cast<unsigned char>(doc.source[end]) & 0xC0) == 0x80) {
    ++end;
  }
  return {begin, end};
}

// A Fix replacing the source bytes `span` with `replacement` (the engine fills the rest
// from the rule: Fix::numbering and the positions).
inline Fix MakeFix(ByteSpan span, std::string replacement) {
  Fix fix;
  fix.span = span;
  fix.replacement = std::move(replacement);
  return fix;
}

}  // namespace plancheck::checks
