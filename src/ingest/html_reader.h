// Saved web pages: the article body of a published notice, as text in the shapes the
// parser reads.
//
// Parsed with libxml2's HTML parser (recovering from tag soup, no network access, no
// entity loading). Navigation chrome is ignored: script, style, nav, header, footer,
// aside, form and select elements are skipped, and of the page's containers the one
// holding the most Chinese text (the article body on government sites) is read. Block
// elements (p, div, h1-h6, li, br) become lines; a table becomes the flattened-table shape
// of fixtures/seeds/001_*.txt, one tab-indented line per cell, a cell's further
// paragraphs untabbed after a blank line (see docx_reader.h).
//
// The bytes given are UTF-8 (text_reader.cc decodes a page first: BOM, UTF-8, declared
// GBK, detected GB18030, another declared charset). Inline formatting tags (font, b, span,
// ...) are dropped before parsing: they carry nothing read, and left unclosed (old sites'
// tag soup) they nest the page deeper than libxml2's 256 levels. A page still nested that
// deep is refused with its line, as is one of more than kMaxMarkupTags tags or one whose
// tables expand past what its size allows (extracted_text.h).
#pragma once

#include <string>

#include "base/error_list.h"
#include "ingest/extracted_text.h"

namespace plancheck::ingest {

// True when `bytes` (after white space and a BOM) starts with "<!DOCTYPE html" or "<html".
bool LooksLikeHtml(const std::string& bytes);

// The article text (UTF-8, '\n' line ends); an Error when the page holds no text. Each
// line's place: "paragraph N" for the N-th line of text outside tables (the N-th block as
// the page shows it), or table / row / column as for .docx (docx_reader.h), a column
// spanned by colspan counted once per column.
Result<ExtractedText> ExtractHtml(const std::string& bytes, const std::string& display_path);

// The text alone.
Result<std::string> HtmlToText(const std::string& bytes, const std::string& display_path);

}  // namespace plancheck::ingest
