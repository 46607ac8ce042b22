// Reading a whole file that must be a regular file of bounded size: documents,
// configurations, rule packs, unit registries, targets sheets.
//
// The file is opened without blocking and checked on the open descriptor (fstat), so a
// FIFO is refused rather than waited on forever, /dev/zero is refused rather than read
// until memory runs out, and nothing can be swapped in between the check and the read.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/error_list.h"

namespace plancheck {

enum class ReadStatus {
  kOk,
  kSystemError,  // open or read failed: `error` is the errno (ENOENT, EACCES, ...)
  kDirectory,
  kNotRegular,   // a device, FIFO or socket
  kTooLarge,     // more than the limit
};

struct ReadResult {
  ReadStatus status = ReadStatus::kOk;
  int error = 0;      // for kSystemError
  std::string bytes;  // for kOk
};

// Reads `path` (symlinks followed) whole when it is a regular file of at most `max_bytes`.
ReadResult ReadRegularFile(const std::string& path, std::size_t max_bytes);

// Largest configuration, rule pack, registry or sheet plancheck reads: YAML written by
// people, the largest shipped (a unit registry) is under 1 MiB.
inline constexpr std::size_t kMaxConfigFileBytes = 16u * 1024u * 1024u;

// "not a regular file (a device, FIFO or socket)", "larger than 16 MiB", the system's
// message: what ReadRegularFile's failure means, in English, for configuration errors.
std::string DescribeReadFailure(const ReadResult& result, std::size_t max_bytes);

// Reads a configuration, rule pack, unit registry, sheet or baseline of at most
// `max_bytes`. On failure adds "<what> not found" or "cannot read <what>: <reason>" at
// `path` to `errors` and returns nullopt (`what`: "config file", "rule pack", ...).
std::optional<std::string> ReadConfigFile(const std::string& path, const std::string& what,
                                          ErrorList& errors,
                                          std::size_t max_bytes = kMaxConfigFileBytes);

// True when `path`, symlinks resolved (as far as it exists), is one of `roots` or lies
// below one; always true when `roots` is empty. `roots` are canonical absolute paths.
bool PathIsInside(const std::string& path, const std::vector<std::string>& roots);

// `path` made absolute and canonical (symlinks resolved as far as it exists).
std::string CanonicalPath(const std::string& path);

}  // namespace plancheck
