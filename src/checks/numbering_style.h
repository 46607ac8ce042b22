// `numbering-style`: each level of the outline is numbered in its GB/T 9704 style,
// 一、 → （一） → 1. → （1）, and (optionally) one style per level throughout a document.
//
//   scope: document
//   check: numbering-style
//   levels:
//     part: chinese-comma
//     section: chinese-paren
//     task: [arabic-dot, arabic-comma, arabic-bare]
//     sub_item: arabic-paren
//   consistent: true
//   consistent_ignore: [arabic-bare]   # allowed styles that consistency leaves alone
//
// `levels` maps part | section | task | sub_item to a style name or a list of allowed
// style names (model::NumberStyleName: chinese-comma, chinese-paren, arabic-dot,
// arabic-comma, arabic-paren, circled, arabic-bare); an absent level is not checked.
// With `consistent`, the style a level mostly uses in the document (among the allowed;
// the first seen on a tie) is the one expected of all its numbers. Unnumbered nodes are
// skipped. A table's 序号 cell ("1") and numbers written in the text ("1、") are different
// places, so `consistent_ignore` exempts styles from consistency (they must still be
// allowed). When a level's most used style is itself not allowed, the document follows a
// convention of its own (fixtures/seeds/001 numbers its table's category cells "一、"
// under a part "二、"): that is reported once, at its first use, not at every heading.
// Reports {expected} (the number written in the expected style, "二、") and
// {actual} (as written, "2、"), with a fix when the number's value is known.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "base/error_list.h"
#include "model/document.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class NumberingStyleCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "outline levels are numbered in their GB/T 9704 styles, consistently";
  // Levels in `levels`, in order.
  enum Level { kPart, kSection, kTask, kSubItem, kLevelCount };

  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"expected", "actual"};
  }

 private:
  NumberingStyleCheck(std::array<std::vector<model::NumberStyle>, kLevelCount> allowed,
                      bool consistent, std::vector<model::NumberStyle> ignore)
      : allowed_(std::move(allowed)), consistent_(consistent), ignore_(std::move(ignore)) {}
  // Allowed styles per level; empty: the level is not checked.
  std::array<std::vector<model::NumberStyle>, kLevelCount> allowed_;
  bool consistent_;
  std::vector<model::NumberStyle> ignore_;  // exempt from consistency
};

// `value` written in `style`: "二、", "（三）", "4.", "（5）", "⑥". Empty when the style
// cannot write it (kNone, a circled number above 20, a Chinese numeral above 9999 or
// below 1).
std::string FormatNumber(model::NumberStyle style, std::int64_t value);

// `number` as written with its value changed to `value`, keeping the author's brackets and
// delimiter ("1﹒" -> "3﹒", "（十）" -> "（十一）"). Empty when the value is not written in
// the usual digits or numerals, or `value` cannot be written in its style.
std::string RenumberText(const model::Numbering& number, std::int64_t value);

}  // namespace plancheck::checks
