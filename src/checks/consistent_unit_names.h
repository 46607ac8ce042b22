// `consistent-unit-names`: a document spells each unit one way.
//
//   check: consistent-unit-names
//   scope: document
//   registries: [../units]       # optional; without it only likely slips are grouped
//   stems: ../units/patterns/departments.yaml   # optional, with registries
//   ignore_parenthetical: true   # 区农业农村委（区乡村振兴局） spells 区农业农村委 (default)
//
// Spellings of one unit: names a registry resolves to the same canonical unit (aliases,
// a dropped omissible prefix: 双桂新城管委会 / 新城管委会, 江津区规划自然资源局 /
// 区规划自然资源局, 区农业农村委 / 农业农村委), well-formed names of one department under one
// prefix (县发改局 / 县发展改革局, by the stems), and names in no registry that are likely
// slips of each other (data::IsLikelySlip). Collectives and pattern matches are left
// out, as are unknown names that are slips of a registered one (`registered-unit`
// reports those). A name missing the omissible prefix after a name that has it in the
// same list ("区经济信息委、科技局") shares that prefix and is not another spelling. The spelling
// used most often is the majority (a tie goes to the canonical name, then to the first written);
// every occurrence of another spelling is reported with {spelling}, {majority}, {count} (times the
// majority is used), suggestion = the majority and a related location at its first use.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "checks/registries_param.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class ConsistentUnitNamesCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a document spells each unit one way";
  // A bad `registries` or `ignore_parenthetical` adds located errors and returns nullptr.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  // Runs on the document node.
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"spelling", "majority", "count"};
  }

 private:
  ConsistentUnitNamesCheck(std::shared_ptr<const data::UnitRegistrySet> registries,
                           bool ignore_parenthetical)
      : registries_(std::move(registries)), ignore_parenthetical_(ignore_parenthetical) {}
  std::shared_ptr<const data::UnitRegistrySet> registries_;  // may be null
  bool ignore_parenthetical_;
};

}  // namespace plancheck::checks
