#include "rule/params.h"

#include <algorithm>
#include <charconv>

#include "rule/node_ref.h"

namespace plancheck::rule {

namespace {

bool Present(const ParamTree* value) { return value != nullptr && value->kind != ParamTree::Kind::kNull; }

// An integer as YAML 1.2's core schema writes one in decimal: an optional sign and digits.
std::optional<std::int64_t> ParseInt(std::string_view text) {
  std::int64_t value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || begin == end) return std::nullopt;
  return value;
}

// true/false as yaml-cpp reads them: true, yes, on, y (and their capitalised forms).
std::optional<bool> ParseBool(std::string_view text) {
  for (std::string_view word : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"}) {
    if (text == word) return true;
  }
  for (std::string_view word :
       {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"}) {
    if (text == word) return false;
  }
  return std::nullopt;
}

}  // namespace

Params::Params(std::shared_ptr<const ParamTree> tree, std::string file, Scope scope,
               std::vector<std::string> allowed_roots)
    : root_(std::move(tree)),
      node_(root_.get()),
      file_(std::move(file)),
      scope_(scope),
      allowed_roots_(std::move(allowed_roots)) {}

Params::Params(std::shared_ptr<const ParamTree> root, const ParamTree* node, std::string file,
               Scope scope, std::vector<std::string> allowed_roots)
    : root_(std::move(root)),
      node_(node),
      file_(std::move(file)),
      scope_(scope),
      allowed_roots_(std::move(allowed_roots)) {}

const ParamTree* Params::Get(std::string_view key) const {
  read_.insert(std::string(key));
  if (node_ == nullptr || node_->kind != ParamTree::Kind::kMap) return nullptr;
  for (const auto& [name, value] : node_->entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

bool Params::Has(std::string_view key) const {
  return Present(Get(key));
}

Position Params::position() const { return node_ != nullptr ? node_->position : Position{}; }

Position Params::PositionOf(std::string_view key) const {
  if (const ParamTree* value = Get(key); value != nullptr && value->position.line > 0) {
    return value->position;
  }
  return position();
}

void Params::AddError(std::string_view key, std::string message, ErrorList& errors) const {
  errors.Add(file_, PositionOf(key), std::move(message));
}

std::optional<std::string> Params::RequiredString(std::string_view key, ErrorList& errors) const {
  const ParamTree* value = Get(key);
  if (!Present(value)) {
    errors.Add(file_, position(), "missing parameter '" + std::string(key) + "'");
    return std::nullopt;
  }
  if (value->kind != ParamTree::Kind::kScalar) {
    AddError(key, "parameter '" + std::string(key) + "' must be a string", errors);
    return std::nullopt;
  }
  return value->scalar;
}

std::string Params::String(std::string_view key, std::string fallback, ErrorList& errors) const {
  const ParamTree* value = Get(key);
  if (!Present(value)) return fallback;
  if (value->kind != ParamTree::Kind::kScalar) {
    AddError(key, "parameter '" + std::string(key) + "' must be a string", errors);
    return fallback;
  }
  return value->scalar;
}

std::vector<std::string> Params::StringList(std::string_view key, ErrorList& errors) const {
  const ParamTree* value = Get(key);
  std::vector<std::string> out;
  if (!Present(value)) return out;
  if (value->kind == ParamTree::Kind::kScalar) {
    out.push_back(value->scalar);
    return out;
  }
  if (value->kind != ParamTree::Kind::kSequence) {
    AddError(key, "parameter '" + std::string(key) + "' must be a string or a list of strings",
             errors);
    return out;
  }
  for (const ParamTree& item : value->items) {
    if (item.kind != ParamTree::Kind::kScalar) {
      errors.Add(file_, item.position, "items of '" + std::string(key) + "' must be strings");
      continue;
    }
    out.push_back(item.scalar);
  }
  return out;
}

std::optional<std::int64_t> Params::Int(std::string_view key, ErrorList& errors) const {
  const ParamTree* value = Get(key);
  if (!Present(value)) return std::nullopt;
  const std::optional<std::int64_t> result =
      value->kind == ParamTree::Kind::kScalar ? ParseInt(value->scalar) : std::nullopt;
  if (!result) {
    AddError(key, "parameter '" + std::string(key) + "' must be an integer", errors);
    return std::nullopt;
  }
  return result;
}

bool Params::Bool(std::string_view key, bool fallback, ErrorList& errors) const {
  const ParamTree* value = Get(key);
  if (!Present(value)) return fallback;
  const std::optional<bool> result =
      value->kind == ParamTree::Kind::kScalar ? ParseBool(value->scalar) : std::nullopt;
  if (!result) {
    AddError(key, "parameter '" + std::string(key) + "' must be true or false", errors);
    return fallback;
  }
  return *result;
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
  const ParamTree* value = Get(key);
  if (!Present(value)) return std::nullopt;
  if (value->kind != ParamTree::Kind::kMap) {
    AddError(key, "parameter '" + std::string(key) + "' must be a mapping", errors);
    return std::nullopt;
  }
  return Params(root_, value, file_, scope_, allowed_roots_);
}

std::vector<std::string> Params::UnreadKeys(const std::set<std::string>& common_keys) const {
  std::vector<std::string> unread;
  if (node_ == nullptr || node_->kind != ParamTree::Kind::kMap) return unread;
  for (const auto& [key, value] : node_->entries) {
    if (common_keys.count(key) == 0 && read_.count(key) == 0) unread.push_back(key);
  }
  return unread;
}

}  // namespace plancheck::rule
