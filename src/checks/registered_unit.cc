#include "checks/registered_unit.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> RegisteredUnitCheck::Create(const rule::Params& params,
                                                         ErrorList& errors) {
  const std::size_t errors_before = errors.size();
  auto registries = LoadRegistriesParam(params, errors);
  if (registries == nullptr || errors.size() != errors_before) return nullptr;
  return std::unique_ptr<rule::Check>(new RegisteredUnitCheck(std::move(registries)));
}

void RegisteredUnitCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.unit == nullptr || node.doc == nullptr) return;
  const auto directory = registries_->For(node.doc->metadata);
  if (directory->Lookup(node.unit->text).known()) return;
  rule::Finding finding;
  finding.span = node.unit->loc.span;
  const std::vector<std::string> candidates = directory->Suggest(node.unit->text);
  if (!candidates.empty()) finding.suggestion = candidates.front();
  std::string joined;
  for (const std::string& candidate : candidates) {
    if (!joined.empty()) joined += "、";
    joined += candidate;
  }
  finding.args.emplace_back("candidates", std::move(joined));
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
