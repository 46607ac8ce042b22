// Baselines: accepted findings recorded in a file, so CI fails only on new ones.
//
// A finding is matched by rule id, file and its fingerprint: the task number when the
// finding concerns a task, else the excerpt text — never by line alone, so edits above
// a finding do not revive it. The file is JSON (version 1) with one entry per finding
// and a count, so two identical findings need two entries.
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
  // Reads a baseline; a missing or malformed file is an error in `errors`.
  static Baseline Load(const std::string& path, ErrorList& errors);
  // The baseline that accepts exactly `diagnostics`.
  static Baseline FromDiagnostics(const std::vector<Diagnostic>& diagnostics);
  // Writes atomically (temp file beside it, then rename); false and an error on failure.
  bool Write(const std::string& path, ErrorList& errors) const;
  // Removes from `diagnostics` those the baseline accepts (each entry accepts as many
  // findings as its count); returns how many were removed.
  std::size_t Filter(std::vector<Diagnostic>& diagnostics) const;
  std::size_t size() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // rule, file, fingerprint
  static Key KeyOf(const Diagnostic& diagnostic);
  std::map<Key, int> counts_;
};

}  // namespace plancheck::config
