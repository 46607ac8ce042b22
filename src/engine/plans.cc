#include "engine/plans.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "parse/parser.h"
#include "parse/targets.h"

namespace plancheck::engine {

std::vector<RunPlan> ReadRunPlans(const std::vector<ingest::InputFile>& inputs,
                                  const config::TargetSetup& setup, unsigned jobs) {
  std::vector<RunPlan> plans(inputs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      RunPlan& plan = plans[i];
      plan.info.file = inputs[i].display_path;
      Result<model::Document> doc = ingest::LoadDocument(inputs[i]);
      if (!doc) {
        plan.ok = false;
        continue;
      }
      parse::ParseHead(*doc);
      plan.info = setup.InfoOf(*doc);
      plan.region_from = doc->metadata.region_from;
      plan.year_from = doc->metadata.year_from;
    }
  };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, inputs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& thread : threads) thread.join();
  return plans;
}

std::size_t AddRunParents(const std::vector<ingest::InputFile>& inputs,
                          const std::vector<RunPlan>& plans, config::TargetSetup& setup) {
  std::size_t added = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const model::PlanInfo& outer = plans[i].info;
    if (!plans[i].ok || !outer.year || outer.region.empty()) continue;
    const bool parent_of_another = std::any_of(plans.begin(), plans.end(), [&](const RunPlan& p) {
      return p.ok && &p != &plans[i] && p.info.year == outer.year &&
             setup.regions.Contains(outer.region, p.info.region, p.info.within);
    });
    if (!parent_of_another || setup.plans.FindFile(outer.file) != nullptr) continue;
    Result<model::Document> doc = ingest::LoadDocument(inputs[i]);
    if (!doc) continue;
    parse::ParseDocument(*doc);
    setup.regions.Resolve(doc->metadata);
    parse::ExtractTargets(*doc, setup.indicators);
    model::PlanTargets plan;
    plan.info = setup.InfoOf(*doc);
    plan.targets = std::move(doc->targets);
    plan.tasks = config::TasksOf(*doc);
    setup.plans.Add(std::move(plan));
    ++added;
  }
  return added;
}

}  // namespace plancheck::engine
