#include "checks/count_matches.h"

#include <string>

namespace plancheck::checks {

std::unique_ptr<rule::Check> CountMatchesCheck::Create(const rule::Params& params,
                                                       ErrorList& errors) {
  const std::size_t before = errors.size();
  // One pair today; the parameters name it so that rules read as what they compare and
  // further counts (targets, sections) can be added without renaming anything.
  for (const char* key : {"declared", "actual"}) {
    if (!params.Has(key)) errors.Add(params.file(), params.position(), "missing parameter '" + std::string(key) + "'");
  }
  params.Enum("declared", {"task_count"}, "task_count", errors);
  params.Enum("actual", {"tasks"}, "tasks", errors);
  if (params.scope() != rule::Scope::kDocument) {
    errors.Add(params.file(), params.PositionOf("scope"), "check 'count-matches' needs 'scope: document'");
  }
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(new CountMatchesCheck());
}

void CountMatchesCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  if (!doc.declared_task_count) return;
  const std::int64_t declared = doc.declared_task_count->value;
  const auto actual = static_cast<std::int64_t>(doc.task_count());
  if (declared == actual) return;
  rule::Finding finding;
  finding.span = doc.declared_task_count->loc.span;
  finding.args = {{"expected", std::to_string(declared)}, {"actual", std::to_string(actual)}};
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
