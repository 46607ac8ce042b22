// The subcommands behind the CLI11 wiring in app.cc, one function each.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace plancheck::model {
struct Document;
}  // namespace plancheck::model
namespace plancheck::config {
struct TargetSetup;
}  // namespace plancheck::config
namespace plancheck::report {
class ReportWriter;
}  // namespace plancheck::report

namespace plancheck::cli {

// Where rules come from, shared by lint, rules and explain.
struct RuleSources {
  std::vector<std::string> packs;  // --rules FILE|DIR, repeatable
  bool no_default_rules = false;   // --no-default-rules
};

struct LintCommand {
  std::vector<std::string> paths;
  RuleSources sources;
  std::string format = "text";  // text | json | sarif | github
  std::optional<std::string> config;
  std::optional<std::string> baseline;
  std::optional<std::string> write_baseline;
  std::optional<std::string> fail_on;   // error | warning | info | never
  std::optional<std::string> language;  // zh | en
  std::string color = "auto";           // auto | always | never
  std::optional<std::string> output;    // write the report here instead of stdout
  unsigned jobs = 0;                    // 0: all cores
  std::optional<std::string> parent;    // --parent FILE: parent plan for the targets.* rules
  std::string fix;                      // --fix: "certain"; --fix=numbering: "numbering"
  bool fix_dry_run = false;             // --fix-dry-run: a diff of the fixes, nothing written
};

struct ParseCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  std::optional<std::string> language;  // zh | en: the places' labels; else the config's
};

struct ExplainCommand {
  std::string rule_id;
  RuleSources sources;
  std::string language = "zh";
};

struct UnitsCommand {
  std::vector<std::string> paths;
  std::optional<std::string> registries;  // --registries FILE|DIR; default: <rules>/units
  std::string format = "text";            // text | json
  bool suggest_registry = false;          // --suggest-registry: print a draft registry
};

// `plancheck audit`: lint's run plus targets and units, written as HTML and CSV into `out`.
struct AuditCommand {
  std::vector<std::string> paths;
  RuleSources sources;
  std::string out = "plancheck-audit";  // --out DIR
  std::optional<std::string> config;
  std::optional<std::string> parent;
  std::optional<std::string> fail_on;
  std::optional<std::string> language;
};

// `plancheck plans PATH...`: the tree of plans the run's documents form, with the reason
// for every link and for every plan without a parent.
struct PlansCommand {
  std::vector<std::string> paths;
  std::string format = "text";  // text | json
  std::optional<std::string> config;
  std::optional<std::string> language;  // zh | en
  unsigned jobs = 0;
};

// `plancheck diff OLD NEW`: what changed between two versions of a plan.
struct DiffCommand {
  std::string old_path;
  std::string new_path;
  std::string format = "text";  // text | json | html
  std::optional<std::string> output;
  std::optional<std::string> language;  // zh | en (text)
  int min_similarity = 50;  // percent of shared key terms for a re-worded task
};

// `plancheck serve`: the page and the JSON API over HTTP (docs/serve.md).
struct ServeCommand {
  RuleSources sources;
  std::optional<std::string> config;
  std::string host = "127.0.0.1";
  int port = 8080;
  unsigned threads = 8;
  unsigned max_checks = 0;        // 0: the number of cores
  std::size_t max_body_mib = 32;  // --max-body, MiB
  int request_seconds = 60;
  int stop_after_seconds = 0;  // --stop-after: stop by itself (scripts, tests); 0: never
};

// A file a command will write, and the option that named it ("--output").
struct OutputPath {
  std::string option;
  std::string path;
};

// What another command (audit) adds to a lint run. All are optional.
struct LintHooks {
  // Files the caller will write after the run: refused, before anything is read, when one
  // of them is a file the run reads.
  std::vector<OutputPath> outputs;
  // Called on a worker thread with each document that was read, after it is linted, with
  // its targets extracted and the run's target setup; must be thread-safe.
  std::function<void(const model::Document&, const config::TargetSetup&)> document;
  // Receives the findings in place of the report lint would print (format, --output and
  // colour are then ignored).
  report::ReportWriter* writer = nullptr;
};

int RunLint(const LintCommand& command, bool stdout_is_terminal, std::ostream& out,
            std::ostream& err, const LintHooks& hooks = {});
int RunParse(const ParseCommand& command, std::ostream& out, std::ostream& err);
int RunRules(const RuleSources& sources, const std::string& format, std::ostream& out,
             std::ostream& err);
int RunExplain(const ExplainCommand& command, std::ostream& out, std::ostream& err);
int RunListKinds(std::ostream& out);
int RunUnits(const UnitsCommand& command, std::ostream& out, std::ostream& err);
int RunAudit(const AuditCommand& command, std::ostream& out, std::ostream& err);
int RunPlans(const PlansCommand& command, std::ostream& out, std::ostream& err);
int RunDiff(const DiffCommand& command, std::ostream& out, std::ostream& err);
// Serves until SIGINT or SIGTERM (or --stop-after); prints the address on `out` once
// listening and the access log on `err`.
int RunServe(const ServeCommand& command, std::ostream& out, std::ostream& err);

// True when `path` means standard output: "-", or a path naming the file descriptor 1
// is open on ("/dev/stdout", or the file a shell redirected standard output to).
bool IsStandardOutput(const std::string& path);

// False, after saying why on `err` (in `language`), when an output names the same file as
// one of `inputs` (same device and inode: through symlinks and hard links too), or two
// outputs name one file.
bool CheckOutputsAreNotInputs(const std::vector<OutputPath>& outputs,
                              const std::vector<std::string>& inputs, const std::string& language,
                              std::ostream& err);

// Writes `content` to `path` atomically: a temp file beside it, then a rename. On failure
// says why on `err` and returns false.
bool WriteFileAtomically(const std::string& path, const std::string& content, std::ostream& err);
// The same, streaming: `write` writes the content as it goes.
bool WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                         std::ostream& err);

}  // namespace plancheck::cli
