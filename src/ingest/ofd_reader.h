// OFD (GB/T 33190-2016, China's fixed-layout format): the text of its pages, in reading
// order, as text in the shapes the parser reads.
//
// An OFD file is a ZIP package (zip_archive.h) of XML (read with pugixml): OFD.xml names
// each document's root (DocBody/DocRoot), the document lists its pages (Pages/Page
// BaseLoc), and each page's Content holds layers of TextObjects, each with a Boundary
// ("x y width height", millimetres, y downwards), an optional CTM, and TextCodes whose X, Y
// (the baseline of their first character, inside the Boundary) and DeltaX (the advance of
// each character; "g N d" repeats d N times) place every character. Producers write one
// object per line, per run or per character, in any order, so order in the file means
// nothing: characters are grouped into lines by their baselines and each line is read left
// to right, like `pdftotext` without -layout. A vertical gap of more than two lines becomes an
// empty line (a gap on the page, as the PDF reader keeps). Only the first document of the
// package is read, and only page content: templates (running headers, page numbers),
// annotations and signatures are not text of the notice.
//
// Refused with one Error naming the file (and the page and entry where it applies): the
// limits of every ZIP package, more than kMaxOfdBytes, more than kMaxOfdPages pages or
// kMaxOfdTextBytes of text, a package without OFD.xml or a document it names, XML that does
// not parse, an encrypted package, and pages without any text (a scan).
#pragma once

#include <cstddef>
#include <string>

#include "base/error_list.h"
#include "ingest/extracted_text.h"

namespace plancheck::ingest {

inline constexpr std::size_t kMaxOfdBytes = 64u * 1024u * 1024u;
inline constexpr int kMaxOfdPages = 5000;
inline constexpr std::size_t kMaxOfdTextBytes = 64u * 1024u * 1024u;

// True when `bytes` is a ZIP package with an OFD.xml entry at its root.
bool LooksLikeOfd(const std::string& bytes);

// The document's text (UTF-8, '\n' line ends). Each line's place is its page and its text
// line on the page (empty lines not counted; an empty line has the page alone), as for PDF.
Result<ExtractedText> ExtractOfd(const std::string& bytes, const std::string& display_path);

}  // namespace plancheck::ingest
