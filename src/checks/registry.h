// The registry of check kinds: the only list of them (registry.cc).
//
// Unknown-kind errors, `plancheck explain` and `plancheck list-kinds` read it.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

// Builds a configured check from its parameters; on a bad parameter adds a located
// Error to `errors` and returns nullptr.
using CreateFn = std::unique_ptr<rule::Check> (*)(const rule::Params& params, ErrorList& errors);

struct CheckKind {
  std::string_view name;     // "required"
  CreateFn create;
  std::string_view summary;  // one line, English
};

// Alphabetical by name.
const std::vector<CheckKind>& AllCheckKinds();
// nullptr when no kind has that name.
const CheckKind* FindCheckKind(std::string_view name);

}  // namespace plancheck::checks
