// `required`: a field is non-empty on every node in scope.
//
//   check: required
//   field: lead_units
#pragma once

#include <memory>
#include <string>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class RequiredCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a field is non-empty on every node in scope";
  // A bad or missing `field` is added to `errors` at its YAML position; returns nullptr.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  // Reports once, at the node, when the field has no item.
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;

 private:
  explicit RequiredCheck(std::string field) : field_(std::move(field)) {}
  std::string field_;
};

}  // namespace plancheck::checks
