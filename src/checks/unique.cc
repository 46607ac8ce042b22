#include "checks/unique.h"

#include <algorithm>
#include <map>

#include "checks/unit_keys.h"

namespace plancheck::checks {

std::vector<std::string> FieldListParam(const rule::Params& params, std::string_view key,
                                        ErrorList& errors) {
  std::vector<std::string> fields;
  if (!params.Has(key)) {
    errors.Add(params.file(), params.position(), "missing parameter '" + std::string(key) + "'");
    return fields;
  }
  const auto& known = rule::NodeRef::FieldNames(params.scope());
  for (const std::string& name : params.StringList(key, errors)) {
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      fields.push_back(name);
      continue;
    }
    std::string list;
    for (std::string_view option : known) list += (list.empty() ? "" : ", ") + std::string(option);
    params.AddError(key,
                    "unknown field '" + name + "' for scope '" +
                        std::string(rule::ScopeName(params.scope())) + "' (fields: " + list + ")",
                    errors);
  }
  return fields;
}

std::unique_ptr<rule::Check> UniqueCheck::Create(const rule::Params& params, ErrorList& errors) {
  const std::size_t before = errors.size();
  std::vector<std::string> fields = FieldListParam(params, "field", errors);
  std::shared_ptr<const data::UnitRegistrySet> registries;
  if (params.Has("registries")) registries = LoadRegistriesParam(params, errors);
  if (errors.size() != before || fields.empty()) return nullptr;
  return std::unique_ptr<rule::Check>(new UniqueCheck(std::move(fields), std::move(registries)));
}

void UniqueCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const UnitKeys key(registries_.get(), *node.doc);
  for (const std::string& field : fields_) {
    std::map<std::string, rule::FieldItem> seen;
    for (const rule::FieldItem& item : node.Field(field)) {
      const auto [first, inserted] = seen.emplace(key(item.text), item);
      if (inserted) continue;
      rule::Finding finding;
      finding.span = item.span;
      finding.args = {{"unit", std::string(item.text)}};
      finding.related.push_back({node.doc->path, node.doc->PositionOf(first->second.span.begin),
                                 std::string(first->second.text)});
      out.Report(node, std::move(finding));
    }
  }
}

}  // namespace plancheck::checks
