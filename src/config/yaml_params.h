// The YAML side of rule parameters: a rule's mapping as a rule::ParamTree (so check kinds
// read their parameters through rule::Params without seeing yaml-cpp), and the position of
// a YAML node in errors.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/error_list.h"
#include "data/yaml.h"
#include "rule/params.h"

namespace plancheck::config {

using data::YamlPosition;

// The value tree of `node`, positions kept. Mapping keys that are not scalars are left out
// (no check reads one).
rule::ParamTree ToParamTree(const YAML::Node& node);

// Params over a rule's mapping in `file`.
rule::Params MakeParams(const YAML::Node& node, std::string file, rule::Scope scope,
                        std::vector<std::string> allowed_roots = {});

// Params from YAML text (tests): the first rule of a sequence, or a mapping.
rule::Params ParamsFromYaml(std::string_view yaml, rule::Scope scope = rule::Scope::kTask);

}  // namespace plancheck::config
