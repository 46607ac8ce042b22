// `plancheck lint`: rules, configuration and baseline around the engine, then a report.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>

#include "base/atomic_file.h"
#include "base/fd_stream.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "data/unit_registry_loader.h"
#include "cli/rule_loading.h"
#include "config/baseline.h"
#include "config/config.h"
#include "config/plans.h"
#include "config/rule_pack.h"
#include "engine/engine.h"
#include "engine/fix.h"
#include "report/diff.h"
#include "engine/plans.h"
#include "engine/setup.h"
#include "report/report.h"

namespace plancheck::cli {
namespace fs = std::filesystem;
namespace {

// One configuration in force for some documents, with the rules it adds.
struct ConfigScope {
  config::Config config;
  std::vector<rule::Rule> rules;  // base rules followed by the config's own packs
};

std::optional<Severity> FailThreshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return ParseSeverity(fail_on).value_or(Severity::kError);
}

std::string ParentDirectory(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

bool ReportWriteFailure(const std::string& path, const std::optional<std::string>& failure,
                        std::ostream& err) {
  if (failure) err << "plancheck: error: cannot write " << path << ": " << *failure << "\n";
  return !failure;
}

// --config names a file the person running plancheck chose; otherwise the configuration
// was discovered beside the documents and may name files only inside its own tree.
config::ConfigSource SourceOf(const std::optional<std::string>& explicit_config) {
  return explicit_config ? config::ConfigSource::kCommandLine : config::ConfigSource::kDiscovered;
}

// A report that could not be written (StreamError's reason), thrown from inside the run
// to stop it.
struct OutputFailed {
  std::string reason;
};

// What --fix did to one file, on standard error: how many fixes of which rules, or why
// none was written.
void ReportFixes(const std::string& path, const engine::FixOutcome& fix, bool english,
                 std::ostream& err) {
  if (!fix.problem.empty()) err << "plancheck: " << path << ": " << fix.problem << "\n";
  if (fix.applied.empty() || !fix.problem.empty()) return;
  std::map<std::string, int> by_rule;
  for (const Diagnostic& d : fix.applied) ++by_rule[d.rule_id];
  std::string rules;
  for (const auto& [rule, count] : by_rule) {
    rules += (rules.empty() ? "" : english ? ", " : "，") + rule + " " + std::to_string(count);
  }
  const std::string count = std::to_string(fix.applied.size());
  if (english) {
    err << "plancheck: " << path << ": " << (fix.written ? "fixed " : "would fix ") << count
        << " finding(s) (" << rules << ")\n";
  } else {
    err << "plancheck: " << path << "：" << (fix.written ? "已修复 " : "可修复 ") << count << " 处（"
        << rules << "）\n";
  }
}

}  // namespace

bool IsStandardOutput(const std::string& path) {
  if (path == "-") return true;
  const std::optional<FileId> file = IdentityOf(path);
  return file && file == IdentityOfDescriptor(STDOUT_FILENO);
}

bool CheckOutputsAreNotInputs(const std::vector<OutputPath>& outputs,
                              const std::vector<std::string>& inputs, const std::string& language,
                              std::ostream& err) {
  if (outputs.empty()) return true;
  const bool english = language == "en";
  std::vector<std::pair<FileId, const std::string*>> read;
  for (const std::string& input : inputs) {
    if (const std::optional<FileId> id = IdentityOf(input)) read.emplace_back(*id, &input);
  }
  bool ok = true;
  // Two outputs are the same file when they have one identity or, not existing yet, one
  // absolute path.
  auto same_output = [](const std::string& a, const std::string& b) {
    const std::optional<FileId> id_a = IdentityOf(a);
    if (id_a || IdentityOf(b)) return id_a == IdentityOf(b);
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(a, ec), ec) == fs::weakly_canonical(fs::absolute(b, ec), ec);
  };
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const std::optional<FileId> id = IdentityOf(outputs[i].path);
    for (const auto& [input_id, input] : read) {
      if (!id || !(input_id == *id)) continue;  // a new file cannot be an input
      err << "plancheck: error: "
          << (english ? outputs[i].option + " " + outputs[i].path + " is " + *input +
                            ", which this run reads; plancheck never overwrites its inputs\n"
                      : outputs[i].option + " " + outputs[i].path + " 就是本次检查读取的 " + *input +
                            "；plancheck 不会覆盖它读取的文件，请换一个输出路径\n");
      ok = false;
      break;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (!same_output(outputs[j].path, outputs[i].path)) continue;
      err << "plancheck: error: "
          << (english ? outputs[j].option + " and " + outputs[i].option + " name the same file " +
                            outputs[i].path + "\n"
                      : outputs[j].option + " 与 " + outputs[i].option + " 指向同一个文件 " +
                            outputs[i].path + "\n");
      ok = false;
    }
  }
  return ok;
}

bool WriteFileAtomically(const std::string& path, const std::string& content, std::ostream& err) {
  return ReportWriteFailure(path, plancheck::WriteFileAtomically(path, content), err);
}

bool WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                         std::ostream& err) {
  return ReportWriteFailure(path, plancheck::WriteFileAtomically(path, write), err);
}

int RunLint(const LintCommand& command, bool stdout_is_terminal, std::ostream& out,
            std::ostream& err, const LintHooks& hooks) {
  // The target setup (dictionary, regions, plan sheets) needs only the run's `plans:`
  // entries, so it loads on a second thread while the rule packs load: the two are most
  // of a small run's start-up. A configuration with errors is left to the scope loading
  // below, which reports them in order; the setup then loads after it.
  const std::string run_config_file =
      command.config ? *command.config : config::DiscoverConfig(".").value_or("");
  ErrorList target_errors;
  std::future<std::unique_ptr<config::TargetSetup>> target_future;
  {
    ErrorList config_errors;
    std::vector<config::Config::PlanEntry> plans;
    if (!run_config_file.empty() && fs::is_regular_file(run_config_file)) {
      plans = config::LoadConfig(run_config_file, config_errors, SourceOf(command.config)).plans;
    }
    if (config_errors.empty()) {
      const bool default_rules = !command.sources.no_default_rules;
      target_future = std::async(std::launch::async, [&command, &target_errors, plans, default_rules] {
        // The default pack's unit registries are the largest YAML it reads: parsing them
        // here first leaves the rule-pack thread a cached copy (data/unit_registry_loader).
        if (default_rules) {
          ErrorList ignored;  // reported, if any, by the rule that names them
          data::LoadUnitRegistries(config::RulesDir() + "/units", ignored);
        }
        return config::LoadTargetSetup(config::RulesDir(), command.parent, plans, target_errors);
      });
    }
  }

  ErrorList setup_errors;
  std::vector<rule::Rule> base_rules = LoadRuleSources(command.sources, setup_errors);

  ErrorList input_errors;
  const std::vector<ingest::InputFile> inputs = ingest::CollectInputs(command.paths, input_errors);

  // Configuration: --config for every document, else the nearest .plancheck.yaml.
  std::map<std::string, std::unique_ptr<ConfigScope>> scopes;  // by config file ("" = none)
  std::vector<std::string> config_of(inputs.size());
  auto load_scope = [&](const std::string& file) {
    if (scopes.count(file) != 0) return;
    auto scope = std::make_unique<ConfigScope>();
    if (!file.empty()) {
      const bool named = command.config && file == *command.config;
      scope->config = config::LoadConfig(file, setup_errors, SourceOf(named ? command.config : std::nullopt));
    }
    scope->rules = base_rules;
    for (const std::string& pack : scope->config.rule_packs) {
      config::LoadRulePack(pack, scope->rules, setup_errors, scope->config.allowed_roots);
    }
    // A mistyped rule id in disable/enable/severity would otherwise be silently ignored.
    if (!file.empty()) config::CheckRuleReferences(scope->config, scope->rules, setup_errors);
    scopes.emplace(file, std::move(scope));
  };
  if (command.config) {
    if (!fs::is_regular_file(*command.config)) {
      setup_errors.Add(*command.config, {}, "configuration file not found");
    } else {
      load_scope(*command.config);
    }
  }
  for (std::size_t i = 0; i < inputs.size() && setup_errors.empty(); ++i) {
    config_of[i] = command.config ? *command.config
                                  : config::DiscoverConfig(ParentDirectory(inputs[i].path))
                                        .value_or("");
    load_scope(config_of[i]);
  }
  // The run's settings come from the command line, else --config, else the configuration
  // nearest the current directory.
  if (setup_errors.empty()) load_scope(run_config_file);
  if (!setup_errors.empty()) {
    err << setup_errors.ToString();
    return kExitError;
  }
  const config::Config& run_config = scopes.at(run_config_file)->config;
  const std::string fail_on = command.fail_on.value_or(run_config.fail_on.value_or("error"));
  engine::LintOptions options;
  options.language = engine::RunLanguage(command.language, run_config);
  // Target checks: dictionary, regions, sheets and the parent plan (docs/targets.md).
  const std::unique_ptr<config::TargetSetup> target_setup =
      target_future.valid()
          ? target_future.get()
          : config::LoadTargetSetup(config::RulesDir(), command.parent, run_config.plans,
                                    target_errors);
  if (!target_errors.empty()) {
    err << target_errors.ToString();
    return kExitError;
  }
  // Parents among the documents of the run (a folder holding 重庆市 2021 and 梁平区 2021):
  // every input's head is read first, and those containing another's region that year are
  // parsed whole as parents. --parent names the parent of every document instead.
  if (!command.parent && inputs.size() >= 2) {
    engine::AddRunParents(inputs, engine::ReadRunPlans(inputs, *target_setup, command.jobs),
                          *target_setup);
  }
  options.indicators = &target_setup->indicators;
  options.regions = &target_setup->regions;
  options.parent_of = [&](const model::Document& doc) { return target_setup->ParentOf(doc).parent; };
  if (hooks.document) {
    options.inspect = [&](const model::Document& doc) { hooks.document(doc, *target_setup); };
  }

  std::map<std::string, const ConfigScope*> scope_by_path;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    scope_by_path[inputs[i].display_path] = scopes.at(config_of[i]).get();
  }
  // Read-only after this point, so the selector is safe on worker threads.
  const engine::RuleSelector select = [&](const std::string& path) {
    const ConfigScope& scope = *scope_by_path.at(path);
    std::vector<engine::ActiveRule> active;
    for (const rule::Rule& r : scope.rules) {
      const config::Effective effective =
          config::Resolve(scope.config, r.id, r.tags, r.enabled, r.severity, path);
      if (effective.enabled) active.push_back({&r, effective.severity});
    }
    return active;
  };
  // A baseline that cannot be read stops the run before any output.
  std::optional<config::Baseline> baseline;
  if (command.baseline) {
    ErrorList errors;
    baseline = config::Baseline::Load(*command.baseline, errors);
    if (!errors.empty()) {
      err << errors.ToString();
      return kExitError;
    }
  }

  std::vector<report::RuleInfo> rule_infos;
  std::set<std::string> seen_rules;
  for (const auto& [file, scope] : scopes) {
    for (const rule::Rule& r : scope->rules) {
      if (!seen_rules.insert(r.id).second) continue;
      const bool english = options.language == "en";
      rule_infos.push_back({r.id, english && !r.title_en.empty() ? r.title_en : r.title,
                            r.severity, r.description});
    }
  }
  report::ReportOptions report_options;
  report_options.language = options.language;
  report_options.tool_version = PLANCHECK_VERSION;
  // `-o -`, `-o /dev/stdout` or the file standard output already goes to: standard output.
  const std::optional<std::string> output_file =
      command.output && !IsStandardOutput(*command.output) ? command.output : std::nullopt;
  report_options.color = command.color == "always" ||
                         (command.color == "auto" && stdout_is_terminal && !output_file &&
                          std::getenv("NO_COLOR") == nullptr);

  // Nothing plancheck writes may be one of the files it reads.
  std::vector<OutputPath> outputs = hooks.outputs;
  if (output_file && hooks.writer == nullptr) outputs.push_back({"--output", *output_file});
  if (command.write_baseline) outputs.push_back({"--write-baseline", *command.write_baseline});
  std::vector<std::string> read_paths;
  for (const ingest::InputFile& input : inputs) read_paths.push_back(input.path);
  if (command.parent) read_paths.push_back(*command.parent);
  if (!CheckOutputsAreNotInputs(outputs, read_paths, options.language, err)) return kExitError;

  // --fix and --fix-dry-run: the engine fixes each file, and the report shows what is left
  // (the dry run prints the diff instead).
  if (!command.fix.empty() && command.fix != "certain" && command.fix != "numbering") {
    err << "plancheck: error: --fix=" << command.fix
        << (options.language == "en" ? ": expected --fix or --fix=numbering\n"
                                     : "：只能是 --fix 或 --fix=numbering\n");
    return kExitError;
  }
  engine::FixOptions fix_options;
  fix_options.numbering = command.fix == "numbering";
  fix_options.write = !command.fix_dry_run;
  const bool fixing = !command.fix.empty() || command.fix_dry_run;
  if (fixing) options.fix = &fix_options;
  bool fix_failed = false;

  // The report is written file by file as results arrive in input order, so a run holds
  // one file's diagnostics at a time (docs/json-output.md); with --output it streams into
  // the temporary file that replaces the target at the end.
  const std::optional<Severity> threshold = FailThreshold(fail_on);
  bool input_failed = !input_errors.empty();
  bool over_threshold = false;
  std::size_t baselined = 0;
  std::vector<Diagnostic> for_baseline;  // every finding, only with --write-baseline
  options.source_lines =
      hooks.writer == nullptr && report::ParseOutputFormat(command.format) == report::OutputFormat::kText;
  auto run = [&](std::ostream& sink) {
    std::unique_ptr<report::ReportWriter> own_writer;
    if (hooks.writer == nullptr) {
      own_writer = report::MakeReportWriter(*report::ParseOutputFormat(command.format), sink,
                                            rule_infos, report_options);
    }
    report::ReportWriter* const writer = hooks.writer != nullptr ? hooks.writer : own_writer.get();
    auto take = [&](const std::string& path, std::vector<Diagnostic> diags) {
      std::stable_sort(diags.begin(), diags.end(), DiagnosticLess);
      if (command.write_baseline) for_baseline.insert(for_baseline.end(), diags.begin(), diags.end());
      if (baseline) baselined += baseline->Filter(diags);
      for (const Diagnostic& d : diags) over_threshold = over_threshold || (threshold && d.severity >= *threshold);
      if (!command.fix_dry_run) writer->AddFile(path, diags);
      // A report nobody can receive (a full disk, a closed pipe) stops the run.
      if (!sink) throw OutputFailed{StreamError(sink)};
    };
    engine::LintFilesInOrder(inputs, select, options, command.jobs, [&](engine::FileResult&& result) {
      input_failed = input_failed || !result.ok;
      if (result.fix) {
        fix_failed = fix_failed || result.fix->failed;
        ReportFixes(result.path, *result.fix, options.language == "en", err);
        if (command.fix_dry_run) sink << report::UnifiedDiff(result.path, result.fix->before, result.fix->after);
      }
      take(result.path, std::move(result.diagnostics));
    });
    // Paths that could not be collected (one that does not exist) follow the files, as
    // report::ReportFiles orders them.
    std::vector<Diagnostic> collect_errors;
    for (const Error& error : input_errors.errors()) {
      collect_errors.push_back(engine::InputErrorDiagnostic(error));
    }
    report::ForEachReportFile(collect_errors, {}, take);
    if (!command.fix_dry_run) writer->Finish();
  };
  try {
    if (output_file && hooks.writer == nullptr) {
      if (!WriteFileAtomically(*output_file, run, err)) return kExitError;
    } else {
      run(out);
    }
  } catch (const OutputFailed& failure) {
    // Standard output: cli::Run says why once the command returns.
    if (!output_file || hooks.writer != nullptr) return kExitError;
    ReportWriteFailure(*output_file, failure.reason, err);
    return kExitError;
  }

  if (baselined > 0) {
    err << (options.language == "en" ? "plancheck: " + std::to_string(baselined) +
                                           " finding(s) hidden by the baseline\n"
                                     : "plancheck: 基线已接受 " + std::to_string(baselined) +
                                           " 条结果，未显示\n");
  }
  if (command.write_baseline) {
    ErrorList errors;
    std::stable_sort(for_baseline.begin(), for_baseline.end(), DiagnosticLess);
    if (!config::Baseline::FromDiagnostics(for_baseline).Write(*command.write_baseline, errors)) {
      err << errors.ToString();
      return kExitError;
    }
  }

  if (input_failed || fix_failed) return kExitError;
  return over_threshold ? kExitFindings : kExitOk;
}

}  // namespace plancheck::cli
