#include "checks/target_parent.h"

#include "data/target_compare.h"

namespace plancheck::checks {
namespace {

// "重庆市……（fixtures/seeds/004.txt:181）" names the parent's place in a message.
std::string PlaceOf(const model::PlanTargets& parent, const model::Target& target) {
  return parent.info.file + ":" + std::to_string(target.start.line);
}

}  // namespace

std::unique_ptr<rule::Check> TargetParentCheck::Create(const rule::Params& params,
                                                      ErrorList& errors) {
  const std::size_t before = errors.size();
  const std::string mode = params.Enum("mode", {"weaker", "missing-binding"}, "weaker", errors);
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(new TargetParentCheck(mode == "missing-binding"));
}

void TargetParentCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.doc == nullptr || node.plan == nullptr || node.plan->parent == nullptr ||
      node.plan->indicators == nullptr) {
    return;
  }
  const model::PlanTargets& parent = *node.plan->parent;
  const data::IndicatorDictionary& dict = *node.plan->indicators;
  if (missing_binding_) {
    for (const model::Target* p : data::MissingBinding(*node.doc, parent.targets, dict)) {
      const data::Indicator* indicator = dict.Find(p->indicator_id);
      rule::Finding finding;
      const std::size_t begin = node.doc->body.empty() ? 0 : node.doc->body.begin;
      finding.span = {begin, begin};
      finding.args = {{"indicator", indicator->name},
                      {"indicator_en", indicator->name_en},
                      {"parent_value", p->text},
                      {"parent_file", PlaceOf(parent, *p)}};
      finding.related.push_back({parent.info.file, p->start, p->text});
      out.Report(node, std::move(finding));
    }
    return;
  }
  for (const data::ParentMatch& match :
       data::MatchWithParent(node.doc->targets, parent.targets, dict)) {
    if (match.comparison.verdict != data::Verdict::kWeaker) continue;
    rule::Finding finding;
    finding.span = match.child->span;
    finding.args = {{"indicator", match.indicator->name},
                    {"indicator_en", match.indicator->name_en},
                    {"value", match.child->text},
                    {"parent_value", match.parent->text},
                    {"parent_file", PlaceOf(parent, *match.parent)},
                    {"period", match.child->period.Describe()}};
    finding.related.push_back({parent.info.file, match.parent->start, match.parent->text});
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
