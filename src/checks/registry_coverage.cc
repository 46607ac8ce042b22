#include "checks/registry_coverage.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> RegistryCoverageCheck::Create(const rule::Params& params,
                                                           ErrorList& errors) {
  const std::size_t errors_before = errors.size();
  if (params.scope() != rule::Scope::kDocument) {
    errors.Add(params.file(), params.PositionOf("scope"),
               "check 'registry-coverage' needs 'scope: document'");
  }
  auto registries = LoadRegistriesParam(params, errors);
  if (registries == nullptr || errors.size() != errors_before) return nullptr;
  return std::unique_ptr<rule::Check>(new RegistryCoverageCheck(std::move(registries)));
}

void RegistryCoverageCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  if (registries_->Covers(doc.metadata)) return;
  for (const model::Task* task : doc.AllTasks()) {
    for (const auto* units : {&task->lead_units, &task->cooperating_units}) {
      if (units->empty()) continue;
      rule::Finding finding;
      finding.span = units->front().loc.span;
      finding.args = {{"region", doc.metadata.region.empty() ? "本地区" : doc.metadata.region}};
      out.Report(node, std::move(finding));
      return;
    }
  }
}

}  // namespace plancheck::checks
