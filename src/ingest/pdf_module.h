// The boundary between plancheck and its PDF module (plancheck-pdf.so).
//
// Poppler and the two dozen libraries it needs (fonts, images, NSS, ...) are linked into a
// module that ingest::ExtractPdf loads on the first PDF, never at start-up: loading them
// took a tenth of the start-up of a lint that reads no PDF. The module does only what needs
// poppler (open, count pages, take each page's text in reading order) and knows nothing of
// plancheck; limits, places and messages stay in pdf_reader.cc.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plancheck::ingest::pdf_module {

enum class Status {
  kOk,
  kCannotOpen,    // corrupt or truncated
  kLocked,        // needs a password
  kNoPages,
  kTooManyPages,  // more than the caller's max_pages (page_count says how many)
  kBadPage,       // page `page_count` (1-based) could not be read
  kTextTooLarge,  // more than the caller's max_text_bytes of text
};

struct Pages {
  Status status = Status::kOk;
  int page_count = 0;
  std::string first_message;       // poppler's first message, as poppler wrote it ("" if none)
  std::vector<std::string> texts;  // each page's text, UTF-8, as poppler gives it
};

// The module's one entry point, found by this name.
inline constexpr const char* kEntryPoint = "plancheck_pdf_read_pages";
using ReadPages = void (*)(const char* data, std::size_t size, int max_pages,
                           std::size_t max_text_bytes, Pages* out);

}  // namespace plancheck::ingest::pdf_module
