// `target-conflict`: one document states the same indicator for the same period twice,
// with different values (issue 5).
//
//   check: target-conflict
//   scope: document
//
// Reported at the later statement, with Finding::related at the earlier one. Targets for
// a sub-area (a park, a new district) are not the document's own and are skipped.
// Placeholders: {indicator}, {indicator_en}, {value}, {other_value}, {other_line},
// {period}.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class TargetConflictCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "a document states one indicator and period with one value";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  bool NeedsTargets() const override { return true; }
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"indicator", "indicator_en", "value", "other_value", "other_line", "period"};
  }
};

}  // namespace plancheck::checks
