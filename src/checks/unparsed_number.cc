#include "checks/unparsed_number.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> UnparsedNumberCheck::Create(const rule::Params&, ErrorList&) {
  return std::make_unique<UnparsedNumberCheck>();
}

void UnparsedNumberCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.doc == nullptr) return;
  for (const model::Target& target : node.doc->targets) {
    if (!target.indicator_id.empty() || target.qualitative) continue;
    rule::Finding finding;
    finding.span = target.span;
    finding.args = {{"phrase", target.text}};
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
