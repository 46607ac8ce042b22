// `width`: half-width punctuation , : ; ( ) ? ! . written inside Chinese text, where the
// full-width ， ： ； （ ） ？ ！ 。 belong.
//
//   scope: document
//   check: width
//   field: text         # default; any field of the scope
//   chars: ",:;()?!."   # the default; a subset of these eight
//   group: line         # line | char
//
// The normalizer has already widened these marks in Document::text, so this check reads
// Document::source (the text as the user wrote it) and takes the normalizer's own
// judgement of "Chinese context": a mark is reported when the normalized text holds its
// full-width form at the mapped offset (doc.origin). So "6.5%", "2021-02-03", URLs and
// English sentences, which the normalizer leaves alone, are never reported, and a
// bracket pair is judged as a pair. The normalizer never widens '.', so a '.' is judged
// here: reported only between Han characters, spaces allowed after it ("武隆等. 协同发展");
// its full form is "。" but it may have meant "，", so a finding with one has no fix. `group: line` gives one finding per source line
// (PDF-extracted text such as fixtures/seeds/004 has such marks on most lines; one
// finding per mark would bury everything else), `char` one per mark.
//
// Placeholders: {char} (the first mark), {full} (its full-width form), {count} (marks in
// the finding). The fix, in the source, widens exactly the reported marks.
#pragma once

#include <memory>
#include <string>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class WidthCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "no half-width punctuation inside Chinese text";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"char", "full", "count"};
  }

 private:
  WidthCheck(std::string field, std::string chars, bool per_line)
      : field_(std::move(field)), chars_(std::move(chars)), per_line_(per_line) {}
  std::string field_;
  std::string chars_;  // ASCII marks to report
  bool per_line_;
};

}  // namespace plancheck::checks
