// Word .docx: body paragraphs and tables as text in the shapes the parser reads.
//
// A .docx is a ZIP archive (read with libzip) holding word/document.xml (read with
// pugixml, which neither fetches external entities nor touches the network). The text it
// yields has one line per body paragraph, with numbers Word generates from list
// numbering (w:numPr) written out as Word displays them ("1.", "（一）"), and each table
// row as the flattened-table shape of fixtures/seeds/001_*.txt: a blank line, then one
// tab-indented line per cell, a cell's further paragraphs as a blank line plus an
// untabbed line. Vertically merged cells repeat the value above; a cell spanning columns
// is followed by empty cells so that columns stay aligned with the header.
//
// Defensive limits: those of every ZIP package (zip_archive.h: entry size, compression
// ratio, encrypted or corrupt entries), more than kMaxMarkupTags tags, more extracted text
// or lines than its document.xml may expand to (merged cells, spanned columns and list
// labels repeat text; extracted_text.h), or a missing word/document.xml give one Error
// naming the file (and, for the expansion, the table row where it stopped). A cell spans
// at most kMaxWordColumns columns, Word's own limit.
#pragma once

#include <cstddef>
#include <string>

#include "base/error_list.h"
#include "ingest/extracted_text.h"
#include "ingest/zip_archive.h"

namespace plancheck::ingest {

inline constexpr int kMaxWordColumns = 63;

// The document's text (UTF-8, '\n' line ends). Each line's place: "paragraph N" for
// the N-th paragraph of the body (tables not counted); in the T-th table, row R (the
// blank line opening it), and column C for the lines of the cell at grid column C (a cell
// spanning columns is followed by empty cells at the columns it covers); the blank line
// closing a table has only its table number.
Result<ExtractedText> ExtractDocx(const std::string& bytes, const std::string& display_path);

// The text alone.
Result<std::string> DocxToText(const std::string& bytes, const std::string& display_path);

}  // namespace plancheck::ingest
