#include "checks/count_matches.h"

#include <string>

namespace plancheck::checks {

std::unique_ptr<rule::Check> CountMatchesCheck::Create(const rule::Params& params,
                                                       ErrorList& errors) {
  const std::size_t before = errors.size();
  // The parameters name what is compared, so that rules read as what they check and
  // further counts (targets) can be added without renaming anything.
  for (const char* key : {"declared", "actual"}) {
    if (!params.Has(key)) errors.Add(params.file(), params.position(), "missing parameter '" + std::string(key) + "'");
  }
  const std::string declared =
      params.Enum("declared", {"task_count", "group_count"}, "task_count", errors);
  params.Enum("actual", {"tasks"}, "tasks", errors);
  const bool group = declared == "group_count";
  if (!group && params.scope() != rule::Scope::kDocument) {
    errors.Add(params.file(), params.PositionOf("scope"), "check 'count-matches' needs 'scope: document'");
  }
  if (group && params.scope() != rule::Scope::kPart && params.scope() != rule::Scope::kSection) {
    errors.Add(params.file(), params.PositionOf("scope"),
               "check 'count-matches' with 'declared: group_count' needs 'scope: part' or "
               "'scope: section'");
  }
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(new CountMatchesCheck(group));
}

void CountMatchesCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  const model::DeclaredCount* count = nullptr;
  std::int64_t actual = 0;
  if (!group_) {
    if (!doc.declared_task_count) return;
    count = &*doc.declared_task_count;
    actual = static_cast<std::int64_t>(doc.task_count());
  } else if (node.section != nullptr) {
    if (!node.section->group.declared_count) return;
    count = &*node.section->group.declared_count;
    actual = static_cast<std::int64_t>(node.section->tasks.size());
  } else if (node.part != nullptr) {
    if (!node.part->group.declared_count) return;
    count = &*node.part->group.declared_count;
    for (const model::Section& section : node.part->sections) {
      actual += static_cast<std::int64_t>(section.tasks.size());
    }
  } else {
    return;
  }
  // A heading over no task at all is a structure the parser did not read (a table it took
  // for text, jiangsu-changshu-2018), not a count to dispute.
  if (count->value == actual || (group_ && actual == 0)) return;
  rule::Finding finding;
  finding.span = count->loc.span;
  finding.args = {{"expected", std::to_string(count->value)}, {"actual", std::to_string(actual)}};
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
