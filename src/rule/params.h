// Params: a check kind's parameters, read from the rule's mapping with located errors.
// The mapping arrives as a ParamTree (config/yaml_params.h builds it from the rule pack's
// YAML), so checks never see a YAML node.
//
// Every getter that finds a bad value adds an Error at the value's YAML position to
// `errors` and returns a fallback; Create functions check `errors` growth, not
// exceptions. Keys a check reads are remembered, so the loader can report keys no one
// read ("unknown parameter 'feild' for check 'required'").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error_list.h"
#include "rule/scope.h"

namespace plancheck::rule {

// A value of a rule's mapping as written in its file: a scalar, a list or a mapping (keys
// in file order), with the 1-based position of the value; kNull for "~" or nothing.
struct ParamTree {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::string scalar;
  std::vector<ParamTree> items;                            // kSequence
  std::vector<std::pair<std::string, ParamTree>> entries;  // kMap
  Position position;
};

class Params {
 public:
  // `node` is the rule's mapping; `file` names the YAML file in errors; `allowed_roots`
  // are the directories files named by parameters (unit registries) must lie in, empty
  // for anywhere (config::ConfigSource: a pack a discovered configuration names).
  Params(std::shared_ptr<const ParamTree> tree, std::string file, Scope scope,
         std::vector<std::string> allowed_roots = {});

  Scope scope() const { return scope_; }
  const std::string& file() const { return file_; }
  const std::vector<std::string>& allowed_roots() const { return allowed_roots_; }
  bool Has(std::string_view key) const;

  // A required string; adds "missing parameter" when absent.
  std::optional<std::string> RequiredString(std::string_view key, ErrorList& errors) const;
  std::string String(std::string_view key, std::string fallback, ErrorList& errors) const;
  // A scalar or a sequence of scalars.
  std::vector<std::string> StringList(std::string_view key, ErrorList& errors) const;
  std::optional<std::int64_t> Int(std::string_view key, ErrorList& errors) const;
  bool Bool(std::string_view key, bool fallback, ErrorList& errors) const;
  // One of `allowed`; adds an error listing them otherwise.
  std::string Enum(std::string_view key, const std::vector<std::string>& allowed,
                   std::string fallback, ErrorList& errors) const;
  // A field name valid for the rule's scope (NodeRef::FieldNames).
  std::optional<std::string> Field(std::string_view key, ErrorList& errors,
                                   bool required = true) const;
  // A parameter that is itself a mapping (`levels: {part: chinese-comma}`), as Params of
  // its own over the same file and scope; nullopt when absent, and an error added when
  // present but not a mapping. The caller reports the child's UnreadKeys itself.
  std::optional<Params> Map(std::string_view key, ErrorList& errors) const;

  // Adds `message` at the position of `key`'s value (or of the rule when absent).
  void AddError(std::string_view key, std::string message, ErrorList& errors) const;
  Position PositionOf(std::string_view key) const;
  Position position() const;  // of the rule mapping itself
  // Keys present but never read by a getter.
  std::vector<std::string> UnreadKeys(const std::set<std::string>& common_keys) const;
  // Keys a getter asked for, present or not (the kind's parameter names).
  std::vector<std::string> ReadKeys() const { return {read_.begin(), read_.end()}; }

 private:
  Params(std::shared_ptr<const ParamTree> root, const ParamTree* node, std::string file,
         Scope scope, std::vector<std::string> allowed_roots);
  // The value of `key`, nullptr when absent (a null value is returned as such).
  const ParamTree* Get(std::string_view key) const;
  std::shared_ptr<const ParamTree> root_;  // keeps `node_` alive
  const ParamTree* node_;
  std::string file_;
  Scope scope_;
  std::vector<std::string> allowed_roots_;
  mutable std::set<std::string, std::less<>> read_;
};

}  // namespace plancheck::rule
