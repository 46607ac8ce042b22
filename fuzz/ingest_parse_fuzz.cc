// Fuzz target: bytes as a document file -> decode, normalize (ingest::LoadDocumentFromString,
// which also routes ZIP and HTML-looking bytes to their readers) -> parse::ParseDocument.
// An undecodable input must come back as an Error naming the file; a decoded one must be
// valid UTF-8 and parse into an outline whose spans lie inside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plancheck::fuzz::LoadAndParse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  return 0;
}
