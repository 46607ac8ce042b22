// Shared checks for the libFuzzer targets in fuzz/ (built with -DPLANCHECK_FUZZ=ON).
//
// A target feeds arbitrary bytes to one entry point and traps (through FuzzCheck) when a
// documented contract is broken: an error that is not reported as one, a span outside
// the text, output that is not UTF-8. Crashes, leaks and UB are caught by the sanitizers.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "ingest/ingest.h"
#include "model/document.h"
#include "parse/parser.h"

namespace plancheck::fuzz {

// Aborts with `what` when `ok` is false: libFuzzer records the input as a crash.
inline void FuzzCheck(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz contract broken: %s\n", what);
  std::abort();
}

// Every span of the outline lies inside the normalized text and begins before it ends.
inline void CheckOutline(const model::Document& doc) {
  const auto inside = [&](const model::Location& loc) {
    return loc.span.begin <= loc.span.end && loc.span.end <= doc.text.size();
  };
  for (const model::Task* task : doc.AllTasks()) {
    FuzzCheck(inside(task->loc), "task span outside the text");
    FuzzCheck(inside(task->text_loc), "task text span outside the text");
    for (const model::Located& unit : task->lead_units) {
      FuzzCheck(inside(unit.loc), "lead unit span outside the text");
    }
    for (const model::Located& unit : task->cooperating_units) {
      FuzzCheck(inside(unit.loc), "cooperating unit span outside the text");
    }
  }
}

// The path of a document file through plancheck: ingest::LoadDocumentFromString (decode,
// or the .docx, web page or PDF reader, then normalize) and parse::ParseDocument, with
// the contracts checked: a refused input is an Error naming `display_path`; accepted text
// is UTF-8 and its outline's spans lie inside it. Returns the parsed document, or nullopt
// when the input was refused.
inline std::optional<model::Document> LoadAndParse(std::string bytes,
                                                   const std::string& display_path) {
  Result<model::Document> doc = ingest::LoadDocumentFromString(std::move(bytes), display_path);
  if (!doc) {
    FuzzCheck(doc.error().file == display_path, "input error does not name the file");
    FuzzCheck(!doc.error().message.empty(), "input error without a message");
    return std::nullopt;
  }
  FuzzCheck(IsValidUtf8(doc->text), "normalized text is not UTF-8");
  parse::ParseDocument(*doc);
  CheckOutline(*doc);
  return std::move(*doc);
}

}  // namespace plancheck::fuzz
