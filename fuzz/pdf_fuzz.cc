// Fuzz target: bytes as a PDF -> ingest::PdfToText (poppler-cpp).
// A corrupt, encrypted, text-less or oversized PDF must come back as an Error naming the
// file; text that comes out must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/utf8.h"
#include "fuzz_util.h"
#include "ingest/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const Result<std::string> text = ingest::PdfToText(bytes, "fuzz.pdf");
  if (!text) {
    fuzz::FuzzCheck(text.error().file == "fuzz.pdf" && !text.error().message.empty(),
                    "pdf error does not name the file");
    return 0;
  }
  fuzz::FuzzCheck(IsValidUtf8(*text), "pdf text is not UTF-8");
  return 0;
}
