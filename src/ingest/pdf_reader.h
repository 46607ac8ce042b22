// PDF: the text layer of a published notice, as text in the shapes the parser reads.
//
// Read with poppler's C++ API (libpoppler-cpp), in the module plancheck-pdf.so loaded on
// the first PDF (pdf_module.h), in reading order, the way `pdftotext`
// without -layout shows it: one line per text line of the page, pages one after the
// other. That is the PDF-extracted shape of fixtures/seeds/004_*.txt (half-width
// punctuation, tasks run together, lines broken where the page broke them); the parser,
// not this reader, deals with it. Poppler's own messages never reach stderr: they are
// captured and the first one is quoted in the error.
//
// Refused with one Error naming the file and what is wrong: more than kMaxPdfBytes,
// more than kMaxPdfPages pages, more than kMaxPdfTextBytes of text, a file poppler cannot
// open (corrupt or truncated), an encrypted file that needs a password, and a PDF with
// no text layer (a scan).
#pragma once

#include <cstddef>
#include <string>

#include "base/error_list.h"
#include "ingest/extracted_text.h"

namespace plancheck::ingest {

inline constexpr std::size_t kMaxPdfBytes = 64u * 1024u * 1024u;
inline constexpr int kMaxPdfPages = 5000;
inline constexpr std::size_t kMaxPdfTextBytes = 64u * 1024u * 1024u;

// True when `bytes` starts with the PDF header "%PDF-".
bool LooksLikePdf(const std::string& bytes);

// The document's text (UTF-8, '\n' line ends, no form feeds). Each line's place is its
// page and its text line on the page (empty lines not counted; an empty line has the
// page alone).
Result<ExtractedText> ExtractPdf(const std::string& bytes, const std::string& display_path);

// The text alone.
Result<std::string> PdfToText(const std::string& bytes, const std::string& display_path);

}  // namespace plancheck::ingest
