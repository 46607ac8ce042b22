// Fixing documents: what `plancheck lint --fix` and `--fix-dry-run` do to one file.
//
// FixDocument lints a file, applies the fixes of its findings that the options allow (a
// rule's `fix:` policy, rule::FixPolicy), and lints the result again, until a pass applies
// nothing (at most kMaxFixPasses). In a pass fixes are taken in the order of the findings;
// one whose span overlaps a fix already taken waits, and the next pass re-checks it on the
// fixed text (first wins). A second run therefore changes nothing.
//
// Plain text keeps its encoding (UTF-8 with or without BOM, UTF-16 with its BOM, GB18030)
// and its line endings, which no fix touches; a .docx has the text of its runs edited in
// word/document.xml (ingest/docx_editor.h). PDFs, web pages, .doc and OFD files are linted
// but never fixed (FixOutcome::not_fixable says so).
//
// With FixOptions::write the file is replaced atomically (base/atomic_file.h keeps its
// permissions) only when something changed and its bytes on disk are still those that were
// read: a file edited meanwhile is left alone and reported.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "engine/engine.h"

namespace plancheck::engine {

inline constexpr int kMaxFixPasses = 8;

struct FixOptions {
  bool numbering = false;  // also the fixes of `fix: numbering` rules (--fix=numbering)
  bool write = true;       // false: --fix-dry-run, nothing is written
};

// What fixing one file did.
struct FixOutcome {
  std::string before;  // the text as read (Document::source: decoded UTF-8)
  std::string after;   // the text with the fixes applied; == before when none was
  // The findings whose fixes were applied, pass after pass (each in its pass's text).
  std::vector<Diagnostic> applied;
  int passes = 0;  // lint passes that applied something
  // Why nothing was written although fixes apply, or why the file cannot be fixed (PDF,
  // changed on disk, a write failure): a sentence for the user; empty when all went well.
  std::string problem;
  bool not_fixable = false;  // a format plancheck does not fix (PDF, web page, .doc, OFD)
  bool written = false;      // the file on disk now holds `after`
  bool failed = false;       // fixes applied but the file could not be written: exit 2
};

// Fixes a document in memory, as FixDocument does but writing nothing: `original` is the
// file's bytes, `rules` those that apply to it. `fixed` gets the file's new bytes (in its
// encoding, or the edited package), or "" when nothing is to be written (no fix applied,
// a format not fixed, a problem).
FixOutcome FixBytes(const std::string& original, const std::string& display_path,
                    const std::vector<ActiveRule>& rules, const LintOptions& options,
                    const FixOptions& fix_options, FileResult& result, std::string& fixed);

// Reads `input` and fixes it as above with the rules `select` chooses. `result` gets the
// findings left after the fixes (those of the file as written, or as it would be written
// with write off), or the input error when the file cannot be read.
FixOutcome FixDocument(const ingest::InputFile& input, const RuleSelector& select,
                       const LintOptions& options, const FixOptions& fix_options,
                       FileResult& result);

// The fixes of `diagnostics` one pass applies to `source`: those `fix_options` allows, that
// change something, taken first come first served among overlapping spans; sorted by span.
std::vector<const Diagnostic*> ChooseFixes(const std::vector<Diagnostic>& diagnostics,
                                           std::string_view source, const FixOptions& fix_options);

// `source` with the (non-overlapping, sorted) fixes applied.
std::string ApplyFixes(std::string_view source, const std::vector<const Diagnostic*>& fixes);

}  // namespace plancheck::engine
