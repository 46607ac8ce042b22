#include "checks/disjoint.h"

#include <map>

#include "checks/unique.h"
#include "checks/unit_keys.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> DisjointCheck::Create(const rule::Params& params, ErrorList& errors) {
  const std::size_t before = errors.size();
  std::vector<std::string> fields = FieldListParam(params, "fields", errors);
  if (errors.size() == before && fields.size() != 2) {
    params.AddError("fields", "parameter 'fields' must name exactly two fields", errors);
  }
  std::shared_ptr<const data::UnitRegistrySet> registries;
  if (params.Has("registries")) registries = LoadRegistriesParam(params, errors);
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(
      new DisjointCheck(std::move(fields[0]), std::move(fields[1]), std::move(registries)));
}

void DisjointCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const UnitKeys key(registries_.get(), *node.doc);
  std::map<std::string, rule::FieldItem> first;
  for (const rule::FieldItem& item : node.Field(first_)) first.emplace(key(item.text), item);
  if (first.empty()) return;
  for (const rule::FieldItem& item : node.Field(second_)) {
    const auto found = first.find(key(item.text));
    if (found == first.end()) continue;
    rule::Finding finding;
    finding.span = item.span;
    finding.args = {{"unit", std::string(item.text)}};
    finding.related.push_back({node.doc->path, node.doc->PositionOf(found->second.span.begin),
                               std::string(found->second.text)});
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
