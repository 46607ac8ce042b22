// Fuzz target: bytes as a .docx file -> ingest::DocxToText (libzip + pugixml).
// A corrupt, encrypted or oversized archive must come back as an Error naming the file;
// text that comes out must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/utf8.h"
#include "fuzz_util.h"
#include "ingest/docx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const Result<std::string> text = ingest::DocxToText(bytes, "fuzz.docx");
  if (!text) {
    fuzz::FuzzCheck(text.error().file == "fuzz.docx" && !text.error().message.empty(),
                    "docx error does not name the file");
    return 0;
  }
  fuzz::FuzzCheck(IsValidUtf8(*text), "docx text is not UTF-8");
  return 0;
}
