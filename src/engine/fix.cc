#include "engine/fix.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include "base/atomic_file.h"
#include "ingest/docx_editor.h"
#include "ingest/ingest.h"
#include "ingest/text_reader.h"

namespace plancheck::engine {

std::vector<const Diagnostic*> ChooseFixes(const std::vector<Diagnostic>& diagnostics,
                                           std::string_view source, const FixOptions& fix_options) {
  // Taken spans by begin. Two spans conflict when they share a byte, or when one is an
  // insertion at the other's begin or strictly inside it.
  std::map<std::size_t, const Diagnostic*> taken;
  auto conflicts = [](const ByteSpan& a, const ByteSpan& b) {
    if (a.begin == b.begin) return true;
    return a.begin < b.end && b.begin < a.end;
  };
  for (const Diagnostic& d : diagnostics) {
    if (!d.fix || (d.fix->numbering && !fix_options.numbering)) continue;
    const ByteSpan span = d.fix->span;
    if (span.end > source.size() || span.begin > span.end) continue;
    if (source.substr(span.begin, span.size()) == d.fix->replacement) continue;  // no change
    const auto after = taken.lower_bound(span.begin);
    if (after != taken.end() && conflicts(after->second->fix->span, span)) continue;
    if (after != taken.begin() && conflicts(std::prev(after)->second->fix->span, span)) continue;
    taken.emplace(span.begin, &d);
  }
  std::vector<const Diagnostic*> chosen;
  chosen.reserve(taken.size());
  for (const auto& [begin, d] : taken) chosen.push_back(d);
  return chosen;
}

std::string ApplyFixes(std::string_view source, const std::vector<const Diagnostic*>& fixes) {
  std::string out;
  out.reserve(source.size());
  std::size_t copied = 0;
  for (const Diagnostic* d : fixes) {
    out.append(source.substr(copied, d->fix->span.begin - copied));
    out.append(d->fix->replacement);
    copied = d->fix->span.end;
  }
  out.append(source.substr(copied));
  return out;
}

namespace {

// The formats fixes are written back to; a sentence naming the format otherwise.
std::optional<std::string> NotFixable(const std::string& encoding, bool english) {
  if (ingest::IsPlainTextEncoding(encoding) || encoding == "DOCX") return std::nullopt;
  const std::string what = encoding == "PDF"    ? (english ? "PDF files" : "PDF 文件")
                           : encoding == "HTML" ? (english ? "web pages" : "网页")
                           : encoding == "DOC"  ? (english ? "Word 97-2003 (.doc) files" : "Word 97-2003（.doc）文件")
                           : encoding == "OFD"  ? (english ? "OFD files" : "OFD 文件")
                                                : encoding;
  return english ? what + " are not fixed: edit the original (.docx or text) and export it again"
                 : what + "不做自动修复：请在原稿（.docx 或文本）中修改后重新导出";
}

}  // namespace

FixOutcome FixBytes(const std::string& original, const std::string& display_path,
                    const std::vector<ActiveRule>& rules, const LintOptions& options,
                    const FixOptions& fix_options, FileResult& result, std::string& fixed) {
  FixOutcome outcome;
  const bool english = options.language == "en";
  result.path = display_path;
  fixed.clear();
  // Each pass parses the document again: an inspect hook would see every pass.
  LintOptions pass_options = options;
  pass_options.inspect = nullptr;
  pass_options.fix = nullptr;
  Result<model::Document> doc = ingest::LoadDocumentFromString(original, display_path);
  if (!doc) {
    result.ok = false;
    result.diagnostics = {InputErrorDiagnostic(doc.error())};
    return outcome;
  }
  const std::string encoding = doc->metadata.encoding;
  std::vector<Diagnostic> diagnostics = ParseAndLint(*doc, rules, pass_options);
  outcome.before = doc->source;
  outcome.after = doc->source;
  if (std::optional<std::string> why = NotFixable(encoding, english)) {
    const bool has_fix = std::any_of(diagnostics.begin(), diagnostics.end(),
                                     [](const Diagnostic& d) { return d.fix.has_value(); });
    outcome.not_fixable = true;
    if (has_fix) outcome.problem = *why;
    result.diagnostics = std::move(diagnostics);
    return outcome;
  }

  // The file as it stands after each pass: for plain text the decoded text (encoded once at
  // the end), for a .docx the package.
  const bool docx = encoding == "DOCX";
  std::string current = docx ? original : doc->source;
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    std::vector<const Diagnostic*> chosen = ChooseFixes(diagnostics, doc->source, fix_options);
    std::string next;
    if (docx && !chosen.empty()) {
      std::vector<ingest::TextEdit> edits;
      for (const Diagnostic* d : chosen) edits.push_back({d->fix->span, d->fix->replacement});
      std::vector<bool> made;
      Result<std::string> edited = ingest::EditDocxText(current, display_path, edits, &made);
      if (!edited) {
        outcome.problem = edited.error().message;
        break;
      }
      // A fix in text Word generates (a list number) or repeats (a merged cell) is not made.
      std::vector<const Diagnostic*> kept;
      for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (made[i]) kept.push_back(chosen[i]);
      }
      chosen = std::move(kept);
      next = std::move(*edited);
    } else {
      next = ApplyFixes(doc->source, chosen);
    }
    if (chosen.empty()) break;
    Result<model::Document> reread = ingest::LoadDocumentFromString(next, display_path);
    if (!reread) {
      // A fix must never make a file unreadable; if one did, the file is left as it was.
      outcome.problem = (english ? "the fixed text could not be read back: "
                                 : "修复后的文字无法读回，未写入：") +
                        reread.error().message;
      break;
    }
    for (const Diagnostic* d : chosen) outcome.applied.push_back(*d);
    ++outcome.passes;
    current = std::move(next);
    *doc = std::move(*reread);
    diagnostics = ParseAndLint(*doc, rules, pass_options);
  }
  outcome.after = doc->source;
  result.diagnostics = std::move(diagnostics);
  if (!outcome.problem.empty() || outcome.applied.empty() || outcome.after == outcome.before) {
    return outcome;
  }
  Result<std::string> bytes =
      docx ? Result<std::string>(std::move(current))
           : ingest::EncodeText(outcome.after, encoding, display_path);
  if (!bytes) {
    outcome.problem = bytes.error().message;
    outcome.failed = true;
    return outcome;
  }
  fixed = std::move(*bytes);
  return outcome;
}

FixOutcome FixDocument(const ingest::InputFile& input, const RuleSelector& select,
                       const LintOptions& options, const FixOptions& fix_options,
                       FileResult& result) {
  const bool english = options.language == "en";
  result.path = input.display_path;
  Result<std::string> read = ingest::ReadDocumentBytes(input.path, input.display_path);
  if (!read) {
    result.ok = false;
    result.diagnostics = {InputErrorDiagnostic(read.error())};
    return {};
  }
  const std::string original = std::move(*read);
  std::string fixed;
  FixOutcome outcome = FixBytes(original, input.display_path, select(input.display_path), options,
                                fix_options, result, fixed);
  if (fixed.empty() || !fix_options.write) return outcome;
  // Written only over the bytes that were read: an editor may have saved the file since.
  Result<std::string> on_disk = ingest::ReadDocumentBytes(input.path, input.display_path);
  if (!on_disk || *on_disk != original) {
    outcome.problem = english ? "the file changed on disk while plancheck ran; not overwritten"
                              : "检查期间文件已被修改，未覆盖；请重新运行";
    outcome.failed = true;
    return outcome;
  }
  if (std::optional<std::string> failure = WriteFileAtomically(input.path, fixed)) {
    outcome.problem = (english ? "cannot write: " : "无法写入：") + *failure;
    outcome.failed = true;
    return outcome;
  }
  outcome.written = true;
  return outcome;
}

}  // namespace plancheck::engine
