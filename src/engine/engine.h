// The engine: runs rules over documents and turns findings into Diagnostics.
//
// LintDocument is the whole per-document step: every enabled rule, on every node of its
// scope, with the rule's effective severity; Diagnostics come back sorted. LintFilesInOrder
// is the run over many files: it reads, parses and lints them on `jobs` threads, keeps one
// document alive per thread, and emits results in input order whatever `jobs` is;
// LintFiles collects them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"
#include "ingest/ingest.h"
#include "model/document.h"
#include "model/target.h"
#include "data/indicators.h"
#include "data/regions.h"
#include "rule/rule.h"

namespace plancheck::engine {

struct FixOptions;  // engine/fix.h
struct FixOutcome;

// A rule as it applies to one document: its effective severity after configuration.
struct ActiveRule {
  const rule::Rule* rule = nullptr;
  Severity severity = Severity::kWarning;
};

struct LintOptions {
  std::string language = "zh";  // "zh" or "en": which message and suggestion texts
  // Target checks: with a dictionary, LintFiles extracts a document's targets after
  // parsing when one of its rules reads them (Check::NeedsTargets); `parent_of` names a document's parent plan (nullptr: none). Both borrowed.
  const data::IndicatorDictionary* indicators = nullptr;
  // The region table: after parsing, it completes a document's level and region
  // (data::RegionTable::Resolve: 重庆市 is province-level, 常熟市 a county-level city).
  // Borrowed; nullptr leaves what the text alone says.
  const data::RegionTable* regions = nullptr;
  std::function<const model::PlanTargets*(const model::Document&)> parent_of = nullptr;
  // Called by LintFiles / LintFilesInOrder on the worker thread with each document after
  // it is linted (must be thread-safe); with it, targets are always extracted.
  std::function<void(const model::Document&)> inspect = nullptr;
  // Copy each finding's source line into Diagnostic::source_line, for a reporter that draws
  // a caret under it (text). JSON, SARIF, GitHub and the audit never print it; on a 20 MB
  // notice with 80,000 findings the copies took 8 MB of a 160 MB peak.
  bool source_lines = true;
  // With fix options (borrowed), LintFiles / LintFilesInOrder fix each file (engine/fix.h)
  // and report the findings left after the fixes.
  const FixOptions* fix = nullptr;
};

std::vector<Diagnostic> LintDocument(const model::Document& doc,
                                     const std::vector<ActiveRule>& rules,
                                     const LintOptions& options);

// The step after ingest: parses `doc`, extracts its targets when a rule needs them (or
// options.inspect is set), lints it with `rules`, and calls options.inspect.
std::vector<Diagnostic> ParseAndLint(model::Document& doc, const std::vector<ActiveRule>& rules,
                                     const LintOptions& options);

// Every enabled rule at its own severity (no configuration applied).
std::vector<ActiveRule> AllEnabled(const std::vector<rule::Rule>& rules);

struct FileResult {
  std::string path;                      // display path
  bool ok = true;                        // false when the file could not be read
  std::vector<Diagnostic> diagnostics;   // includes an input.* diagnostic when !ok
  std::shared_ptr<const FixOutcome> fix;  // with LintOptions::fix: what fixing did
};

// Chooses the rules for one document (configuration lookup); called from worker threads,
// so it must be thread-safe.
using RuleSelector = std::function<std::vector<ActiveRule>(const std::string& display_path)>;

// Reads, parses and lints `inputs` on `jobs` threads (0 = all cores) and hands each
// result to `emit` on the calling thread, in input order, as soon as it and every earlier
// one are done: a run holds only the results it cannot emit yet (at most a few per
// thread), not the whole corpus's. If `emit` throws, the exception propagates once the
// workers are stopped.
void LintFilesInOrder(const std::vector<ingest::InputFile>& inputs, const RuleSelector& select,
                      const LintOptions& options, unsigned jobs,
                      const std::function<void(FileResult&&)>& emit);

// Reads, parses and lints `inputs` on `jobs` threads (0 = all cores).
std::vector<FileResult> LintFiles(const std::vector<ingest::InputFile>& inputs,
                                  const RuleSelector& select, const LintOptions& options,
                                  unsigned jobs);

// The diagnostic for a file that could not be read (rule input.unreadable, error).
Diagnostic InputErrorDiagnostic(const Error& error);

}  // namespace plancheck::engine
