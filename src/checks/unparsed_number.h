// `unparsed-number`: a sentence clearly states a target (增长 / 达到 / 突破 ... before a
// % / 亿元 / 万元 / 万人 figure) but the extractor found no dictionary indicator for it, so
// gaps in rules/indicators.yaml show up instead of hiding (issue 5).
//
//   check: unparsed-number
//   scope: document
//
// Reported at the phrase. Placeholder: {phrase}.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class UnparsedNumberCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary =
      "a stated target names no indicator of the dictionary";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  bool NeedsTargets() const override { return true; }
  std::vector<std::string> ProvidedPlaceholders() const override { return {"phrase"}; }
};

}  // namespace plancheck::checks
