// The YAML boundary shared by reference data (data/) and configuration (config/): parsing a
// file's text with a located syntax error, and the position of a node.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "base/error_list.h"

namespace plancheck::data {

// 1-based position of a YAML node (yaml-cpp marks are 0-based); {} when it has none.
Position YamlPosition(const YAML::Node& node);

// The document in `text`, or nullopt after adding "YAML syntax error: …" at its place in
// `file` to `errors`.
std::optional<YAML::Node> LoadYaml(const std::string& text, const std::string& file,
                                   ErrorList& errors);

}  // namespace plancheck::data
