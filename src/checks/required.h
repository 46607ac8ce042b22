// `required`: a field is non-empty on every node in scope.
//
//   check: required
//   field: lead_units
//   only_if_used: true   # default false
//
// On a task whose label for the field is written with nothing after it ("责任单位：；"),
// the finding is at that label, where the person has to type (the variant `empty-label`,
// with {label}, the label word); else at the task number.
//
// With `only_if_used`, a document in which no node of the scope has the field is not
// checked at all: it does not use the field (fixtures/seeds/002 is an implementation
// plan that assigns no units anywhere), and one finding per node would say nothing.
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
  // {label}: the label word written with nothing after it (variant `empty-label`).
  std::vector<std::string> ProvidedPlaceholders() const override { return {"label"}; }
  std::vector<std::string> ProvidedVariants() const override { return {"empty-label"}; }

 private:
  RequiredCheck(std::string field, bool only_if_used)
      : field_(std::move(field)), only_if_used_(only_if_used) {}
  // Whether some node of `node`'s scope in its document has the field.
  bool DocumentUsesField(const rule::NodeRef& node) const;
  std::string field_;
  bool only_if_used_;
};

}  // namespace plancheck::checks
