// `balanced`: paired punctuation (“” ‘’ （） 《》 【】 〔〕) opens and closes in matching
// pairs, nested properly, in a field as the user wrote it.
//
//   scope: document          # or task, with field: text
//   check: balanced
//   field: text
//   pairs: ["“”", "‘’", "（）", "《》", "【】", "〔〕"]   # the default
//   reset_at: paragraph      # item | paragraph | line
//   limit: 10                # findings per item at most
//
// The text scanned is Document::source under the field's span, since the normalizer
// widens half-width brackets and could pair what the user did not: "(" and ")" count as
// "（" and "）" (their width is the `width` check's business). Where an unclosed mark
// stops mattering: `item` at the end of each field item; `line` at each line end;
// `paragraph` at a line end after sentence-final punctuation (。；！？：) or before a blank
// line, so a PDF line wrapped inside a quotation (fixtures/seeds/004) is one paragraph.
//
// A closing mark with no opener, and an opener left unclosed, are each one finding at the
// mark, with {char} (the mark), {missing} (its partner), {open} and {close} (the pair).
// Linear in the text whatever the nesting: a close pops to its opener once.
//
// The one fix offered: a paragraph whose only unmatched marks are two opening quotes of one
// pair (“十四五“期间) or two closing ones (”十四五”期间) gets the second made closing (the
// first made opening): a quote typed twice the same way, the one reading there is.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class BalancedCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "paired punctuation is opened and closed in pairs";
  enum class Reset { kItem, kParagraph, kLine };

  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"char", "missing", "open", "close"};
  }

 private:
  struct Pair {
    char32_t open;
    char32_t close;
  };
  BalancedCheck(std::string field, std::vector<Pair> pairs, Reset reset, std::size_t limit);

  std::string field_;
  std::vector<Pair> pairs_;
  Reset reset_;
  std::size_t limit_;
  bool han_marks_ = false;  // some pair uses a Han character (never by default)
};

}  // namespace plancheck::checks
