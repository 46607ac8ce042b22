#include "config/yaml_params.h"

#include <memory>
#include <utility>

namespace plancheck::config {

rule::ParamTree ToParamTree(const YAML::Node& node) {
  rule::ParamTree tree;
  if (!node.IsDefined()) return tree;
  tree.position = YamlPosition(node);
  if (node.IsScalar()) {
    tree.kind = rule::ParamTree::Kind::kScalar;
    tree.scalar = node.Scalar();
  } else if (node.IsSequence()) {
    tree.kind = rule::ParamTree::Kind::kSequence;
    for (const YAML::Node& item : node) tree.items.push_back(ToParamTree(item));
  } else if (node.IsMap()) {
    tree.kind = rule::ParamTree::Kind::kMap;
    for (const auto& entry : node) {
      if (!entry.first.IsScalar()) continue;
      tree.entries.emplace_back(entry.first.Scalar(), ToParamTree(entry.second));
    }
  }
  return tree;
}

rule::Params MakeParams(const YAML::Node& node, std::string file, rule::Scope scope,
                        std::vector<std::string> allowed_roots) {
  return rule::Params(std::make_shared<const rule::ParamTree>(ToParamTree(node)), std::move(file),
                      scope, std::move(allowed_roots));
}

rule::Params ParamsFromYaml(std::string_view yaml, rule::Scope scope) {
  YAML::Node node = YAML::Load(std::string(yaml));
  if (node.IsSequence() && node.size() > 0) node = node[0];
  return MakeParams(node, "<test>", scope);
}

}  // namespace plancheck::config
