// Reading a text file from disk into validated UTF-8.
//
// Accepts UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM. Refuses, with one
// Error naming the file (and the line/column where it applies): a missing or unreadable
// path, a directory or other non-regular file, an empty file, a binary file (NUL bytes),
// invalid UTF-8, and files above kMaxFileBytes.
#pragma once

#include <cstddef>
#include <string>

#include "base/error_list.h"

namespace plancheck::ingest {

inline constexpr std::size_t kMaxFileBytes = 256u * 1024u * 1024u;

struct DecodedText {
  std::string text;      // UTF-8, BOM removed, line endings as in the file
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE"
};

// `display_path` names the file in errors; `path` is what is opened.
Result<DecodedText> ReadTextFile(const std::string& path, const std::string& display_path);

// Decodes bytes already in memory, with the same checks as ReadTextFile.
Result<DecodedText> DecodeText(std::string bytes, const std::string& display_path);

}  // namespace plancheck::ingest
