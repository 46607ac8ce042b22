// `pattern`: a field must match, or must not match, an RE2 regular expression.
//
//   check: pattern
//   field: assignment
//   not_match: '([。，,])\s*配合单位[:：]'   # or  match: '...'
//   report: item                              # item | node
//
// Exactly one of `match` (every item of the field must contain a match) and `not_match`
// (no item may contain one). Patterns are RE2 syntax over UTF-8, compiled once when the
// rule loads; a bad pattern is an error at its YAML position quoting RE2's message. An
// empty field is not checked (that is `required`'s job). `report: item` gives a finding
// per offending item, `node` at most one per node.
//
// Placeholders: {value} (the item) and {match} (what matched; with a capturing group,
// what the first group matched, and the finding points at it).
//
// `replace: '；'` (with `not_match`) offers a fix: the text the match (its first group)
// becomes, as written in the source; the rule's `fix:` says whether it is applied.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class PatternCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a field matches, or does not match, a regular expression";
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"value", "match"}; }

 private:
  PatternCheck(std::string field, std::unique_ptr<RE2> re, bool must_match, bool per_node,
               std::optional<std::string> replace)
      : field_(std::move(field)),
        re_(std::move(re)),
        must_match_(must_match),
        per_node_(per_node),
        replace_(std::move(replace)) {}
  std::string field_;
  std::unique_ptr<RE2> re_;
  bool must_match_;
  bool per_node_;
  std::optional<std::string> replace_;
};

}  // namespace plancheck::checks
