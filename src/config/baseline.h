// Baselines: accepted findings recorded in a file, so CI fails only on new ones.
//
// A finding is matched by rule id, file and its fingerprint: the task number when the
// finding concerns a task ("task:52"), else the excerpt text ("text:..."), or the message
// when there is no excerpt — never by line, so edits above a finding do not revive it.
// The file is JSON (version 1) with one entry per (rule, file, fingerprint) and a count,
// so an entry with count 2 accepts two identical findings and no more:
//
//   {"version": 1, "findings": [{"rule": "units.vague-lead", "file": "docs/plan.txt",
//     "fingerprint": "task:52", "count": 1, "message": "..."}]}
//
// Files in the baseline are relative to the baseline's own directory, so a baseline works
// whatever directory plancheck runs from; in memory they are absolute.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"

namespace plancheck::config {

class Baseline {
 public:
  // Reads a baseline; a missing file, malformed JSON (located at line:col) or a wrong
  // shape (located at the offending finding) is an error in `errors`. Well-formed
  // entries are kept.
  static Baseline Load(const std::string& path, ErrorList& errors);
  // The same from JSON text (tests); `path` names it in errors and gives its directory.
  static Baseline LoadFromString(const std::string& json, const std::string& path,
                                 ErrorList& errors);
  // The baseline that accepts exactly `diagnostics`.
  static Baseline FromDiagnostics(const std::vector<Diagnostic>& diagnostics);
  // Writes atomically (temp file beside it, fsync, then rename); false and an error
  // naming `path` on failure, leaving any existing file untouched.
  bool Write(const std::string& path, ErrorList& errors) const;
  // The JSON text Write stores, with files relative to `directory`.
  std::string ToJson(const std::string& directory) const;
  // Removes from `diagnostics` those the baseline accepts (each entry accepts as many
  // findings as its count, the first ones in order); returns how many were removed.
  std::size_t Filter(std::vector<Diagnostic>& diagnostics) const;
  // Number of entries (not counting repeats).
  std::size_t size() const { return entries_.size(); }

  // "task:<task>" when the diagnostic has a task, else "text:<excerpt or message>".
  static std::string Fingerprint(const Diagnostic& diagnostic);

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // rule, file, fingerprint
  struct Entry {
    int count = 0;
    std::string message;  // the first finding's, for people reading the file
  };
  static Key KeyOf(const Diagnostic& diagnostic);
  std::map<Key, Entry> entries_;
};

}  // namespace plancheck::config
