#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <ostream>

#include "base/fd_stream.h"
#include "cli/commands.h"
#include "cli/targets_command.h"

namespace plancheck::cli {
namespace {

void AddRuleSourceOptions(CLI::App* cmd, RuleSources& sources) {
  cmd->add_option("--rules", sources.packs, "add a rule pack (YAML file or directory); repeatable")
      ->check(CLI::ExistingPath);
  cmd->add_flag("--no-default-rules", sources.no_default_rules, "leave the built-in pack out");
}

}  // namespace

namespace {

int RunCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               bool out_is_terminal) {
  CLI::App app{"plancheck: 目标任务分解方案检查工具 (checker for target-task decomposition plans)",
               "plancheck"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("plancheck ") + PLANCHECK_VERSION);

  LintCommand lint;
  CLI::App* lint_cmd = app.add_subcommand("lint", "check documents against the rules");
  lint_cmd->add_option("paths", lint.paths, "files or directories (walked for *.txt, *.docx, *.doc, *.html, *.pdf and *.ofd)")->required();
  AddRuleSourceOptions(lint_cmd, lint.sources);
  lint_cmd->add_option("--format,-f", lint.format,
                       "text, json, sarif, github, junit or codequality")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit", "codequality"}));
  lint_cmd->add_option("--config", lint.config, "use this configuration instead of .plancheck.yaml");
  lint_cmd->add_option("--baseline", lint.baseline, "hide findings recorded in this baseline");
  lint_cmd->add_option("--write-baseline", lint.write_baseline,
                       "record the current findings as the baseline");
  lint_cmd->add_option("--fail-on", lint.fail_on, "lowest severity that fails the run")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  lint_cmd->add_option("--lang", lint.language, "message language: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  lint_cmd->add_option("--color", lint.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  lint_cmd->add_option("--output,-o", lint.output, "write the report to this file");
  lint_cmd->add_option("--jobs,-j", lint.jobs, "files linted in parallel (default: all cores)");
  lint_cmd->add_option("--parent", lint.parent,
                       "parent plan (document or targets sheet) for the targets.* rules");
  lint_cmd->add_flag("--fix{certain}", lint.fix,
                     "apply the certain fixes to the files (.txt and .docx); --fix=numbering "
                     "also renumbers");
  lint_cmd->add_flag("--fix-dry-run", lint.fix_dry_run,
                     "print the fixes --fix would make as a unified diff, writing nothing");

  TargetsCommand targets;
  CLI::App* targets_cmd =
      app.add_subcommand("targets", "list the quantitative targets extracted from documents");
  targets_cmd->add_option("paths", targets.paths, "documents, directories or targets sheets")
      ->required();
  targets_cmd->add_option("--format,-f", targets.format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  targets_cmd->add_option("--parent", targets.parent, "parent plan (document or targets sheet)");
  targets_cmd->add_option("--config", targets.config, "configuration with `plans:` entries");

  ParseCommand parse;
  CLI::App* parse_cmd = app.add_subcommand("parse", "print the parsed model of documents");
  parse_cmd->add_option("paths", parse.paths, "files or directories")->required();
  parse_cmd->add_option("--format,-f", parse.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  parse_cmd->add_option("--lang", parse.language, "language of place labels: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));

  RuleSources rules_sources;
  std::string rules_format = "text";
  CLI::App* rules_cmd = app.add_subcommand("rules", "list the loaded rules");
  AddRuleSourceOptions(rules_cmd, rules_sources);
  rules_cmd->add_option("--format,-f", rules_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));

  ExplainCommand explain;
  CLI::App* explain_cmd = app.add_subcommand("explain", "describe a rule, with an example");
  explain_cmd->add_option("rule", explain.rule_id, "rule id, e.g. task.lead-unit-required")
      ->required();
  AddRuleSourceOptions(explain_cmd, explain.sources);
  explain_cmd->add_option("--lang", explain.language, "zh or en")->check(CLI::IsMember({"zh", "en"}));

  CLI::App* kinds_cmd = app.add_subcommand("list-kinds", "list the check kinds rules can use");

  UnitsCommand units;
  CLI::App* units_cmd =
      app.add_subcommand("units", "list the unit names documents use and their registry match");
  units_cmd->add_option("paths", units.paths, "files or directories")->required();
  units_cmd->add_option("--registries", units.registries, "unit registry file or directory")
      ->check(CLI::ExistingPath);
  units_cmd->add_option("--format,-f", units.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  units_cmd->add_flag("--suggest-registry", units.suggest_registry,
                      "print a draft registry of the names no registry knows");

  AuditCommand audit;
  CLI::App* audit_cmd =
      app.add_subcommand("audit", "write an HTML and CSV auditor report of documents");
  audit_cmd->add_option("paths", audit.paths, "files or directories")->required();
  AddRuleSourceOptions(audit_cmd, audit.sources);
  audit_cmd->add_option("--out", audit.out, "output directory (default ./plancheck-audit)");
  audit_cmd->add_option("--config", audit.config, "use this configuration");
  audit_cmd->add_option("--parent", audit.parent, "parent plan for the targets comparison");
  audit_cmd->add_option("--fail-on", audit.fail_on, "lowest severity that fails the run")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  audit_cmd->add_option("--lang", audit.language, "message language: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));

  PlansCommand plans;
  CLI::App* plans_cmd = app.add_subcommand(
      "plans", "print the tree of plans the documents form (parents found among them)");
  plans_cmd->add_option("paths", plans.paths, "files or directories")->required();
  plans_cmd->add_option("--format,-f", plans.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  plans_cmd->add_option("--config", plans.config, "configuration with `plans:` entries");
  plans_cmd->add_option("--lang", plans.language, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  plans_cmd->add_option("--jobs,-j", plans.jobs, "files read in parallel (default: all cores)");

  DiffCommand diff;
  CLI::App* diff_cmd = app.add_subcommand(
      "diff", "list what changed between two versions of a plan (tasks, units, targets)");
  diff_cmd->add_option("old", diff.old_path, "the earlier version")->required();
  diff_cmd->add_option("new", diff.new_path, "the later version")->required();
  diff_cmd->add_option("--format,-f", diff.format, "text, json or html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  diff_cmd->add_option("--output,-o", diff.output, "write to this file");
  diff_cmd->add_option("--lang", diff.language, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  diff_cmd->add_option("--min-similarity", diff.min_similarity,
                       "percent of shared key terms for a re-worded task (default 50)")
      ->check(CLI::Range(1, 100));

  ServeCommand serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "serve a web page (and a JSON API) that checks uploaded documents");
  AddRuleSourceOptions(serve_cmd, serve.sources);
  serve_cmd->add_option("--config", serve.config, "use this configuration instead of .plancheck.yaml");
  serve_cmd->add_option("--host", serve.host,
                        "address to listen on (default 127.0.0.1: this machine only; "
                        "0.0.0.0: every network interface)");
  serve_cmd->add_option("--port", serve.port, "port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--threads", serve.threads, "connections served at once (default 8)")
      ->check(CLI::Range(1, 256));
  serve_cmd->add_option("--max-checks", serve.max_checks,
                        "documents checked at once (default: the number of cores)");
  serve_cmd->add_option("--max-body", serve.max_body_mib, "largest upload in MiB (default 32)")
      ->check(CLI::Range(1, 1024));
  serve_cmd->add_option("--request-timeout", serve.request_seconds,
                        "seconds an upload may take to arrive (default 60)")
      ->check(CLI::Range(1, 3600));
  serve_cmd->add_option("--stop-after", serve.stop_after_seconds,
                        "stop by itself after this many seconds (scripts and tests)")
      ->check(CLI::Range(0, 1000000));

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
  if (lint_cmd->parsed()) return RunLint(lint, out_is_terminal, out, err);
  if (parse_cmd->parsed()) return RunParse(parse, out, err);
  if (targets_cmd->parsed()) return RunTargets(targets, out, err);
  if (rules_cmd->parsed()) return RunRules(rules_sources, rules_format, out, err);
  if (explain_cmd->parsed()) return RunExplain(explain, out, err);
  if (kinds_cmd->parsed()) return RunListKinds(out);
  if (units_cmd->parsed()) return RunUnits(units, out, err);
  if (audit_cmd->parsed()) return RunAudit(audit, out, err);
  if (plans_cmd->parsed()) return RunPlans(plans, out, err);
  if (diff_cmd->parsed()) return RunDiff(diff, out, err);
  if (serve_cmd->parsed()) return RunServe(serve, out, err);
  return kExitError;
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        bool out_is_terminal) {
  const int code = RunCommand(args, out, err, out_is_terminal);
  // Every write to `out` is checked here, at the end, and by lint after each file: a cut
  // report must not end with exit 0.
  out.flush();
  if (out) return code;
  if (StreamErrno(out) == EPIPE) return kExitError;  // the reader left (`| head`): quietly
  err << "plancheck: error: 无法写入标准输出（cannot write to standard output）：" << StreamError(out)
      << '\n';
  err.flush();
  return kExitError;
}

}  // namespace plancheck::cli
