// Params: a check kind's parameters, read from the rule's YAML mapping with located
// errors.
//
// Every getter that finds a bad value adds an Error at the value's YAML position to
// `errors` and returns a fallback; Create functions check `errors` growth, not
// exceptions. Keys a check reads are remembered, so the loader can report keys no one
// read ("unknown parameter 'feild' for check 'required'").
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error_list.h"
#include "rule/scope.h"

namespace plancheck::rule {

class Params {
 public:
  // `node` is the rule's mapping; `file` names the YAML file in errors; `allowed_roots`
  // are the directories files named by parameters (unit registries) must lie in, empty
  // for anywhere (config::ConfigSource: a pack a discovered configuration names).
  Params(YAML::Node node, std::string file, Scope scope,
         std::vector<std::string> allowed_roots = {});
  // Parses YAML text (tests): the first rule of a sequence, or a mapping.
  static Params FromYaml(std::string_view yaml, Scope scope = Scope::kTask);

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
  YAML::Node Get(std::string_view key) const;
  YAML::Node node_;
  std::string file_;
  Scope scope_;
  std::vector<std::string> allowed_roots_;
  mutable std::set<std::string, std::less<>> read_;
};

// 1-based position of a YAML node (yaml-cpp marks are 0-based).
Position YamlPosition(const YAML::Node& node);

}  // namespace plancheck::rule
