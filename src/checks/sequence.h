// `sequence`: the numbers of parts, sections, tasks or sub-items run 1, 2, 3, ... with no
// gap and no repeat.
//
//   scope: document
//   check: sequence
//   of: tasks          # tasks | sections | parts | sub_items
//   within: section    # where numbering may start again: auto | document | part | section
//   restart: auto      # auto | always | never
//   start: 1
//
// `within: auto` (tasks only) follows the scope the parser chose for the document
// (Document::task_numbering, printed by `parse` as `numbering_scope`): the numbers restart
// at every boundary of that scope, or never for `document`; `restart` is then not read.
// `within` names the boundary (default: section for tasks, part for sections, document
// for parts; sub-items always restart per task). `restart: always` expects every
// boundary to start again at `start`, `never` expects one run across the whole document,
// `auto` takes the convention from the first boundary the document crosses: a first
// number equal to `start` after it means the document restarts at boundaries.
//
// Nodes without a number (an empty 序号 cell) are skipped and do not advance the count.
// One finding per defect, at the wrong number, with {expected} and {actual} (values) and
// {expected_text} and {actual_text} (written in the style of the number found: "（二）",
// "（三）"); a number equal to the one before it is the variant `repeat`. The count then
// goes on as the next number shows the author meant, so no defect is reported twice:
// after a skip ("1、2、4、5") from the number written; after a mistyped or repeated number
// followed by the right one ("120、120、122", "（五）（七）（七）") as if it had been right;
// after an extra node followed by the number expected ("120、120、121") from that number.
#pragma once

#include <cstdint>
#include <memory>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class SequenceCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "numbers of parts, sections, tasks or sub-items are continuous";
  enum class Of { kParts, kSections, kTasks, kSubItems };
  enum class Within { kAuto, kDocument, kPart, kSection, kTask };
  enum class Restart { kAuto, kAlways, kNever };

  // Needs `scope: document`; a bad `of`, `within`, `restart` or `start` is added to
  // `errors` at its YAML position and nullptr returned.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  // Walks the whole document; reports at each node whose number breaks the run.
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"expected", "actual", "expected_text", "actual_text"};
  }
  // `repeat`: the number is the one before it again ("120、120").
  std::vector<std::string> ProvidedVariants() const override { return {"repeat"}; }

 private:
  SequenceCheck(Of of, Within within, Restart restart, std::int64_t start)
      : of_(of), within_(within), restart_(restart), start_(start) {}
  Of of_;
  Within within_;
  Restart restart_;
  std::int64_t start_;
};

}  // namespace plancheck::checks
