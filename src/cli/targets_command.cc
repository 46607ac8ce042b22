#include "cli/targets_command.h"

#include <filesystem>
#include <ostream>

#include "cli/app.h"
#include "cli/rule_loading.h"
#include "config/config.h"
#include "config/plans.h"
#include "config/rule_pack.h"
#include "engine/setup.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "parse/targets.h"
#include "report/targets_report.h"

namespace plancheck::cli {
namespace fs = std::filesystem;

int RunTargets(const TargetsCommand& command, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  const std::unique_ptr<config::TargetSetup> setup =
      LoadRunTargetSetup(command.config, command.parent, errors);
  if (!errors.empty()) {
    err << errors.ToString();
    return kExitError;
  }

  const std::vector<ingest::InputFile> inputs = ingest::CollectInputs(command.paths, errors);
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  bool header = true;
  for (const ingest::InputFile& input : inputs) {
    report::TargetListing listing;
    const std::string ext = fs::path(input.path).extension().string();
    if (ext == ".yaml" || ext == ".yml") {
      std::optional<model::PlanTargets> sheet =
          config::LoadTargetsSheet(input.path, setup->indicators, errors);
      if (!sheet) continue;
      sheet->info.file = input.display_path;
      listing.plan = std::move(*sheet);
      const config::ParentChoice choice = setup->ParentOf(listing.plan.info, input.path);
      listing.parent = choice.parent;
      listing.parent_reason = choice.reason;
    } else {
      Result<model::Document> doc = engine::ReadDocument(input, &setup->indicators);
      if (!doc) {
        errors.Add(doc.error());
        continue;
      }
      listing.plan = config::PlanOfDocument(*doc);
      const config::ParentChoice choice = setup->ParentOf(*doc);
      listing.parent = choice.parent;
      listing.parent_reason = choice.reason;
    }
    if (command.format == "json") {
      all.push_back(report::TargetsToJson(listing, setup->indicators));
    } else if (command.format == "csv") {
      out << report::TargetsToCsv(listing, setup->indicators, header);
      header = false;
    } else {
      out << report::TargetsToText(listing, setup->indicators);
    }
  }
  if (command.format == "json") out << all.dump(2) << '\n';
  err << errors.ToString();
  return errors.empty() ? kExitOk : kExitError;
}

}  // namespace plancheck::cli
