#include "rule/params.h"

#include <algorithm>

#include "rule/node_ref.h"

namespace plancheck::rule {

Position YamlPosition(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

Params::Params(YAML::Node node, std::string file, Scope scope,
               std::vector<std::string> allowed_roots)
    : node_(std::move(node)),
      file_(std::move(file)),
      scope_(scope),
      allowed_roots_(std::move(allowed_roots)) {}

Params Params::FromYaml(std::string_view yaml, Scope scope) {
  YAML::Node node = YAML::Load(std::string(yaml));
  if (node.IsSequence() && node.size() > 0) node = node[0];
  return Params(node, "<test>", scope);
}

YAML::Node Params::Get(std::string_view key) const {
  read_.insert(std::string(key));
  if (!node_.IsMap()) return YAML::Node();
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  return YAML::Node();
}

bool Params::Has(std::string_view key) const {
  const YAML::Node value = Get(key);
  return value.IsDefined() && !value.IsNull();
}

Position Params::position() const { return YamlPosition(node_); }

Position Params::PositionOf(std::string_view key) const {
  const YAML::Node value = Get(key);
  if (value.IsDefined()) {
    const Position pos = YamlPosition(value);
    if (pos.line > 0) return pos;
  }
  return position();
}

void Params::AddError(std::string_view key, std::string message, ErrorList& errors) const {
  errors.Add(file_, PositionOf(key), std::move(message));
}

std::optional<std::string> Params::RequiredString(std::string_view key, ErrorList& errors) const {
  const YAML::Node value = Get(key);
  if (!value.IsDefined() || value.IsNull()) {
    errors.Add(file_, position(), "missing parameter '" + std::string(key) + "'");
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    AddError(key, "parameter '" + std::string(key) + "' must be a string", errors);
    return std::nullopt;
  }
  return value.Scalar();
}

std::string Params::String(std::string_view key, std::string fallback, ErrorList& errors) const {
  const YAML::Node value = Get(key);
  if (!value.IsDefined() || value.IsNull()) return fallback;
  if (!value.IsScalar()) {
    AddError(key, "parameter '" + std::string(key) + "' must be a string", errors);
    return fallback;
  }
  return value.Scalar();
}

std::vector<std::string> Params::StringList(std::string_view key, ErrorList& errors) const {
  const YAML::Node value = Get(key);
  std::vector<std::string> out;
  if (!value.IsDefined() || value.IsNull()) return out;
  if (value.IsScalar()) {
    out.push_back(value.Scalar());
    return out;
  }
  if (!value.IsSequence()) {
    AddError(key, "parameter '" + std::string(key) + "' must be a string or a list of strings",
             errors);
    return out;
  }
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      errors.Add(file_, YamlPosition(item),
                 "items of '" + std::string(key) + "' must be strings");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

std::optional<std::int64_t> Params::Int(std::string_view key, ErrorList& errors) const {
  const YAML::Node value = Get(key);
  if (!value.IsDefined() || value.IsNull()) return std::nullopt;
  std::int64_t result = 0;
  if (!value.IsScalar() || !YAML::convert<std::int64_t>::decode(value, result)) {
    AddError(key, "parameter '" + std::string(key) + "' must be an integer", errors);
    return std::nullopt;
  }
  return result;
}

bool Params::Bool(std::string_view key, bool fallback, ErrorList& errors) const {
  const YAML::Node value = Get(key);
  if (!value.IsDefined() || value.IsNull()) return fallback;
  bool result = fallback;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result)) {
    AddError(key, "parameter '" + std::string(key) + "' must be true or false", errors);
    return fallback;
  }
  return result;
}

std::string Params::Enum(std::string_view key, const std::vector<std::string>& allowed,
                         std::string fallback, ErrorList& errors) const {
  const std::string value = String(key, fallback, errors);
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  std::string list;
  for (const std::string& option : allowed) list += (list.empty() ? "" : ", ") + option;
  AddError(key, "parameter '" + std::string(key) + "' must be one of: " + list, errors);
  return fallback;
}

std::optional<std::string> Params::Field(std::string_view key, ErrorList& errors,
                                         bool required) const {
  if (!Has(key)) {
    if (required) errors.Add(file_, position(), "missing parameter '" + std::string(key) + "'");
    return std::nullopt;
  }
  const std::string name = String(key, "", errors);
  const auto& known = NodeRef::FieldNames(scope_);
  if (std::find(known.begin(), known.end(), name) != known.end()) return name;
  std::string list;
  for (std::string_view option : known) list += (list.empty() ? "" : ", ") + std::string(option);
  AddError(key,
           "unknown field '" + name + "' for scope '" + std::string(ScopeName(scope_)) +
               "' (fields: " + list + ")",
           errors);
  return std::nullopt;
}

std::optional<Params> Params::Map(std::string_view key, ErrorList& errors) const {
  const YAML::Node value = Get(key);
  if (!value.IsDefined() || value.IsNull()) return std::nullopt;
  if (!value.IsMap()) {
    AddError(key, "parameter '" + std::string(key) + "' must be a mapping", errors);
    return std::nullopt;
  }
  return Params(value, file_, scope_, allowed_roots_);
}

std::vector<std::string> Params::UnreadKeys(const std::set<std::string>& common_keys) const {
  std::vector<std::string> unread;
  if (!node_.IsMap()) return unread;
  for (const auto& entry : node_) {
    if (!entry.first.IsScalar()) continue;
    const std::string& key = entry.first.Scalar();
    if (common_keys.count(key) == 0 && read_.count(key) == 0) unread.push_back(key);
  }
  return unread;
}

}  // namespace plancheck::rule
