// The checking service behind `plancheck serve`: the run's setup (rule packs, configuration,
// indicator dictionary, regions, targets sheets) loaded once at start, and one call that
// checks a document held in memory, as `plancheck lint` checks a file.
//
// A document is never written to disk: Check reads it from the request's bytes and the
// result holds only what the response needs. Every member is read-only after Load, so one
// service answers any number of threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"
#include "config/config.h"
#include "config/plans.h"
#include "model/document.h"
#include "report/report.h"
#include "rule/rule.h"

namespace plancheck::serve {

struct ServiceOptions {
  std::vector<std::string> rule_packs;  // --rules FILE|DIR, after the default pack
  bool no_default_rules = false;        // --no-default-rules
  // --config: the configuration every document is checked under; when absent, the
  // .plancheck.yaml nearest the working directory at start, if any.
  std::optional<std::string> config;
};

// A document as uploaded: the name it is reported under and its bytes, in any format
// `plancheck lint` reads (recognized by content, not by name).
struct Upload {
  std::string name;
  std::string bytes;
};

// The parent plan the targets.* rules compare a document with.
struct ParentRequest {
  enum class Kind {
    kAuto,      // as lint chooses it: the configuration's, else inferred (docs/targets.md)
    kNone,      // no parent: targets.weaker-than-parent and targets.missing-binding stay quiet
    kSheet,     // one of the built-in targets sheets, by id (LintService::sheets)
    kDocument,  // an uploaded parent notice
  };
  Kind kind = Kind::kAuto;
  std::string sheet;  // kSheet: the sheet's id
  Upload document;    // kDocument
};

struct CheckRequest {
  Upload document;
  std::string language;  // "zh" or "en"; empty: the configuration's, else Chinese
  ParentRequest parent;
  bool keep_document = false;  // keep the parsed Document in the result (the page shows it)
  bool source_lines = false;   // copy each finding's source line (the text format prints it)
};

struct CheckResult {
  std::string path;      // the document's name, as reports print it
  std::string language;  // "zh" or "en"
  // False when the document could not be read: `diagnostics` then holds its input.*
  // finding, as lint's report does, and `document` is empty.
  bool readable = true;
  std::vector<Diagnostic> diagnostics;  // sorted (DiagnosticLess)
  std::optional<model::Document> document;
};

// A built-in targets sheet a document may be compared with (GET /api/plans).
struct SheetInfo {
  std::string id;  // the file name without .yaml: "national-2024"
  const model::PlanTargets* plan = nullptr;
};

class LintService {
 public:
  // Loads the rule packs, the configuration and the reference data. Errors (a broken rule
  // pack, configuration or sheet) are added to `errors` at their YAML positions; the
  // caller refuses to start on any.
  static std::unique_ptr<LintService> Load(const ServiceOptions& options, ErrorList& errors);

  // Checks one document under the service's rules and configuration (per-path overrides
  // match its name). A request the service cannot satisfy (an unknown sheet id, a parent
  // notice that cannot be read) is an Error naming what is wrong, in the request's
  // language; an unreadable document is not (see CheckResult::readable).
  Result<CheckResult> Check(CheckRequest request) const;

  // The result as `plancheck lint --format <format>` prints it for this one file, byte for
  // byte (text without colour).
  std::string Format(const CheckResult& result, report::OutputFormat format) const;
  // The findings as CSV: UTF-8 with a byte-order mark, the columns of the audit's
  // findings.csv.
  std::string FormatCsv(const CheckResult& result) const;

  // The language a request gets when it names none.
  const std::string& default_language() const { return default_language_; }
  // Every rule loaded, in pack order (the base rules, then the configuration's packs).
  const std::vector<rule::Rule>& rules() const { return rules_; }
  const rule::Rule* FindRule(const std::string& id) const;
  const std::vector<SheetInfo>& sheets() const { return sheets_; }

 private:
  LintService() = default;
  std::vector<report::RuleInfo> RuleInfos(const std::string& language) const;

  config::Config config_;
  std::vector<rule::Rule> rules_;
  std::unique_ptr<config::TargetSetup> targets_;
  std::vector<SheetInfo> sheets_;
  std::string default_language_ = "zh";
};

}  // namespace plancheck::serve
