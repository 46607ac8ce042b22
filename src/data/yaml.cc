#include "data/yaml.h"

namespace plancheck::data {

Position YamlPosition(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

std::optional<YAML::Node> LoadYaml(const std::string& text, const std::string& file,
                                   ErrorList& errors) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace plancheck::data
