// The entry points every command and the test runners share: reading a document (ingest,
// parse, targets), the language of a run, its configuration and target setup, and lint
// options wired to that setup. The CLI wires options to these; it does not rebuild them.
#pragma once

#include <optional>
#include <string>

#include "config/config.h"
#include "config/plans.h"
#include "engine/engine.h"

namespace plancheck::engine {

// How every command reads a document: ingest, parse, and extract its targets when
// `indicators` is given (borrowed). An unreadable file is the error.
Result<model::Document> ReadDocument(const ingest::InputFile& input,
                                     const data::IndicatorDictionary* indicators);
// The same for bytes in memory (an upload), `name` naming the document in findings.
Result<model::Document> ReadDocumentFromString(std::string bytes, const std::string& name,
                                               const data::IndicatorDictionary* indicators);

// The language of a run: `flag` (--lang), else the configuration's `language:`, else "zh".
std::string RunLanguage(const std::optional<std::string>& flag, const config::Config& config);

// The configuration a run's settings come from: `explicit_file` (--config), else the
// .plancheck.yaml nearest the current directory, else none (an empty Config). Errors are
// added to `errors`.
config::Config LoadRunConfig(const std::optional<std::string>& explicit_file, ErrorList& errors);

// The target setup of a run (docs/targets.md): the default indicators, regions and sheets,
// the `plans:` of `config`, and `parent` (--parent). Errors are located.
std::unique_ptr<config::TargetSetup> LoadTargetSetup(const config::Config& config,
                                                     const std::optional<std::string>& parent,
                                                     ErrorList& errors);

// Lint options whose target checks use `setup` (borrowed: it must outlive the options):
// its dictionary for extraction and its choice of each document's parent plan.
LintOptions TargetLintOptions(const config::TargetSetup& setup, const std::string& language);

}  // namespace plancheck::engine
