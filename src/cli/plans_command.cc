// `plancheck plans PATH...`: where each plan sits and which plan of the run (or sheet) is
// its parent, through the same steps lint and audit take (engine/plans.h).
#include <ostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/rule_loading.h"
#include "engine/plans.h"
#include "report/plans_tree.h"

namespace plancheck::cli {

int RunPlans(const PlansCommand& command, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  const std::unique_ptr<config::TargetSetup> setup =
      LoadRunTargetSetup(command.config, std::nullopt, errors);
  if (!errors.empty()) {
    err << errors.ToString();
    return kExitError;
  }
  ErrorList input_errors;
  const std::vector<ingest::InputFile> inputs = ingest::CollectInputs(command.paths, input_errors);
  const std::vector<engine::RunPlan> plans = engine::ReadRunPlans(inputs, *setup, command.jobs);
  engine::AddRunParents(inputs, plans, *setup);

  std::vector<report::PlanNode> nodes;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const engine::RunPlan& plan = plans[i];
    report::PlanNode node;
    node.file = plan.info.file;
    node.readable = plan.ok;
    node.region = plan.info.region;
    node.within = plan.info.within;
    node.level = plan.info.level;
    node.year = plan.info.year.value_or(0);
    node.region_from = plan.region_from;
    node.year_from = plan.year_from;
    if (plan.ok) {
      const config::ParentChoice choice = setup->ParentOf(plan.info, inputs[i].path);
      node.reason = choice.reason;
      if (choice.parent != nullptr) {
        for (std::size_t j = 0; j < plans.size(); ++j) {
          if (plans[j].info.file == choice.parent->info.file) node.parent = static_cast<int>(j);
        }
        if (node.parent < 0) node.parent_file = choice.parent->info.file;
      }
    }
    nodes.push_back(std::move(node));
  }
  out << (command.format == "json" ? report::PlansToJson(nodes)
                                   : report::PlansToText(nodes, command.language.value_or("zh")));
  err << input_errors.ToString();
  bool unreadable = !input_errors.empty();
  for (const engine::RunPlan& plan : plans) unreadable = unreadable || !plan.ok;
  return unreadable ? kExitError : kExitOk;
}

}  // namespace plancheck::cli
