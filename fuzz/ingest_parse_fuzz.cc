// Fuzz target: bytes as a document file -> decode, normalize (ingest::LoadDocumentFromString,
// which also routes ZIP and HTML-looking bytes to their readers) -> parse::ParseDocument.
// An undecodable input must come back as an Error naming the file; a decoded one must be
// valid UTF-8 and parse into an outline whose spans lie inside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/utf8.h"
#include "fuzz_util.h"
#include "ingest/ingest.h"
#include "parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Result<model::Document> doc = ingest::LoadDocumentFromString(std::move(bytes), "fuzz.txt");
  if (!doc) {
    fuzz::FuzzCheck(doc.error().file == "fuzz.txt", "input error does not name the file");
    fuzz::FuzzCheck(!doc.error().message.empty(), "input error without a message");
    return 0;
  }
  fuzz::FuzzCheck(IsValidUtf8(doc->text), "normalized text is not UTF-8");
  parse::ParseDocument(*doc);
  fuzz::CheckOutline(*doc);
  return 0;
}
