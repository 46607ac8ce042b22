#include "checks/collective_only.h"

#include <algorithm>

namespace plancheck::checks {

std::unique_ptr<rule::Check> CollectiveOnlyCheck::Create(const rule::Params& params,
                                                         ErrorList& errors) {
  const std::size_t before = errors.size();
  const std::string field = params.Field("field", errors, false).value_or("lead_units");
  std::shared_ptr<const data::UnitRegistrySet> registries;
  if (params.Has("registries")) registries = LoadRegistriesParam(params, errors);
  auto phrases = std::make_shared<data::UnitRegistry>();
  phrases->id = "rule";
  phrases->file = params.file();
  phrases->collectives = params.StringList("collectives", errors);
  phrases->collective_patterns = params.StringList("collective_patterns", errors);
  std::vector<std::string> lead_labels = params.StringList("lead_labels", errors);
  std::vector<std::string> except_lead_labels = params.StringList("except_lead_labels", errors);
  const bool has_inline = !phrases->collectives.empty() || !phrases->collective_patterns.empty();
  if (errors.size() == before && !registries && !has_inline) {
    errors.Add(params.file(), params.position(),
               "missing parameter 'registries' or 'collectives' (where the collective phrases "
               "come from)");
  }
  if (errors.size() != before) return nullptr;
  std::shared_ptr<const data::UnitDirectory> directory;
  if (has_inline) {
    directory = std::make_shared<data::UnitDirectory>(
        std::vector<std::shared_ptr<const data::UnitRegistry>>{std::move(phrases)});
  }
  return std::unique_ptr<rule::Check>(
      new CollectiveOnlyCheck(field, std::move(registries), std::move(directory),
                              std::move(lead_labels), std::move(except_lead_labels)));
}

bool CollectiveOnlyCheck::LabelSelected(const rule::NodeRef& node) const {
  if (lead_labels_.empty() && except_lead_labels_.empty()) return true;
  const std::string label = node.task != nullptr ? node.task->lead_label : std::string();
  const auto listed = [&label](const std::vector<std::string>& labels) {
    return std::find(labels.begin(), labels.end(), label) != labels.end();
  };
  if (!lead_labels_.empty() && !listed(lead_labels_)) return false;
  return !listed(except_lead_labels_);
}

bool CollectiveOnlyCheck::IsCollective(const model::Document& doc, std::string_view name) const {
  if (inline_ != nullptr && inline_->Lookup(name).kind == data::UnitMatchKind::kCollective) {
    return true;
  }
  return registries_ != nullptr &&
         registries_->For(doc.metadata)->Lookup(name).kind == data::UnitMatchKind::kCollective;
}

void CollectiveOnlyCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (!LabelSelected(node)) return;
  const std::vector<rule::FieldItem> items = node.Field(field_);
  if (items.empty()) return;
  std::string names;
  for (const rule::FieldItem& item : items) {
    if (!IsCollective(*node.doc, item.text)) return;
    names += (names.empty() ? "" : "、") + std::string(item.text);
  }
  rule::Finding finding;
  finding.span = {items.front().span.begin, items.back().span.end};
  finding.args = {{"unit", names}};
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
