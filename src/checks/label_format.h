// `label-format`: every assignment label of a task is written as its word and a colon:
// "责任单位：", not "责任单：" (a character missing), "责任 单位：" (a space inside the word),
// "配合：" (the bare word) or "牵头单位；" (a semicolon for the colon).
//
//   scope: task
//   check: label-format
//
// Reads Task::labels, which the parser records for running text (table columns have no
// labels). The label as written is read from Document::source, because the normalizer drops
// spaces between Chinese characters. A line break inside a word (PDF text, "配合单\n位：")
// and white space before the colon are layout and are not reported; a half-width colon is
// punctuation.half-width-in-chinese's. Placeholders: {label} (as written, trimmed) and
// {expected} (the word and a full-width colon), which is also the suggestion; the fix
// rewrites the word and a wrong separator.
#pragma once

#include <memory>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class LabelFormatCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "assignment labels are written as their word and a colon (责任单位：)";
  // No parameters. Needs `scope: task`; anything else is added to `errors`.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  // One finding per badly written label, at the label.
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"label", "expected"}; }

 private:
  LabelFormatCheck() = default;
};

}  // namespace plancheck::checks
