// Writing a file so that readers see either the old content or the new, never half.
//
// The content goes to a temporary file beside the target (same file system), is flushed
// to disk, takes over the target's permission bits (0644 for a new file), and is renamed
// over the target; the directory is then synced so the rename survives a crash. Used for
// every file plancheck writes: reports (--output), audit files and baselines.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace plancheck {

// Writes `content` to `path` atomically. Returns nullopt on success, else why it failed
// (the system's message); the target is then untouched and no temporary file is left.
std::optional<std::string> WriteFileAtomically(const std::string& path, std::string_view content);

// The same, for content too large to hold: `write` streams it to the temporary file (a
// large audit's report.html is over 100 MB).
std::optional<std::string> WriteFileAtomically(const std::string& path,
                                               const std::function<void(std::ostream&)>& write);

}  // namespace plancheck
