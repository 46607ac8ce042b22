#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "base/error_list.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "report/model_json.h"

namespace plancheck::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> paths;
  std::string format = "text";
};

int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  const std::vector<ingest::InputFile> inputs = ingest::CollectInputs(options.paths, errors);
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const ingest::InputFile& input : inputs) {
    Result<model::Document> doc = ingest::LoadDocument(input);
    if (!doc) {
      errors.Add(doc.error());
      continue;
    }
    parse::ParseDocument(*doc);
    if (options.format == "json") {
      all.push_back(report::DocumentToJson(*doc));
    } else {
      out << report::DocumentToText(*doc);
    }
  }
  if (options.format == "json") out << all.dump(2) << '\n';
  err << errors.ToString();
  return errors.empty() ? kExitOk : kExitError;
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{"plancheck: 目标任务分解方案检查工具 (checker for target-task decomposition plans)",
               "plancheck"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("plancheck ") + PLANCHECK_VERSION);

  ParseOptions parse_options;
  CLI::App* parse_cmd = app.add_subcommand("parse", "print the parsed model of documents");
  parse_cmd->add_option("paths", parse_options.paths, "files or directories")->required();
  parse_cmd->add_option("--format", parse_options.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));

  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    out << "plancheck " << PLANCHECK_VERSION << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << "plancheck: error: " << e.what() << '\n';
    return kExitError;
  }
  if (parse_cmd->parsed()) return RunParse(parse_options, out, err);
  return kExitError;
}

}  // namespace plancheck::cli
