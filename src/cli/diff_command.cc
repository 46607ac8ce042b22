// `plancheck diff OLD NEW`: what changed between two versions of a plan (engine/diff.h),
// as text, JSON or an HTML page. Exit 0 when nothing changed, 1 when something did, 2 when
// a version cannot be read.
#include <ostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/rule_loading.h"
#include "engine/diff.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "parse/targets.h"
#include "report/diff_report.h"

namespace plancheck::cli {

int RunDiff(const DiffCommand& command, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  const std::unique_ptr<config::TargetSetup> setup =
      LoadRunTargetSetup(std::nullopt, std::nullopt, errors);
  if (!errors.empty()) {
    err << errors.ToString();
    return kExitError;
  }
  auto load = [&](const std::string& path) -> std::optional<model::Document> {
    Result<model::Document> doc = ingest::LoadDocument({path, path});
    if (!doc) {
      errors.Add(doc.error());
      return std::nullopt;
    }
    parse::ParseDocument(*doc);
    setup->regions.Resolve(doc->metadata);
    parse::ExtractTargets(*doc, setup->indicators);
    return std::move(*doc);
  };
  const std::optional<model::Document> old_doc = load(command.old_path);
  const std::optional<model::Document> new_doc = load(command.new_path);
  if (!old_doc || !new_doc) {
    err << errors.ToString();
    return kExitError;
  }
  const engine::DiffResult diff = engine::DiffPlans(*old_doc, *new_doc, command.min_similarity);
  std::string text;
  if (command.format == "json") {
    text = report::DiffToJson(diff);
  } else if (command.format == "html") {
    text = report::DiffToHtml(diff);
  } else {
    text = report::DiffToText(diff, command.language.value_or("zh"));
  }
  if (command.output) {
    if (!WriteFileAtomically(*command.output, text, err)) return kExitError;
  } else {
    out << text;
  }
  return diff.changes.empty() ? kExitOk : kExitFindings;
}

}  // namespace plancheck::cli
