// Editing the text of a Word .docx in place, for `plancheck lint --fix`.
//
// An edit names a span of the text ExtractDocx yields (a Fix's span in Document::source)
// and its replacement. It is made in the character data of the w:t elements of
// word/document.xml the span lies in (docx_reader.h: DocxTextPiece): the replacement goes
// where the span starts, and the rest of the span is removed from the runs it covers, so
// every run keeps its properties (font, size, colour, bold) and no element is added or
// removed. Only those bytes of document.xml change; every other entry of the package is
// copied unchanged (libzip copies the compressed data as it is).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"

namespace plancheck::ingest {

struct TextEdit {
  ByteSpan span;  // in the extracted text
  std::string replacement;
};

// Applies `edits` (sorted by span, not overlapping) to the package `bytes`. An edit whose
// span is not wholly text of w:t elements (a list number Word generates, a tab, a table
// cell's layout, the repeated value of a merged cell) is not made; `made`, when given, says
// for each edit whether it was. Errors name `display_path`: a package ExtractDocx refuses,
// or one libzip cannot write.
Result<std::string> EditDocxText(const std::string& bytes, const std::string& display_path,
                                 const std::vector<TextEdit>& edits,
                                 std::vector<bool>* made = nullptr);

}  // namespace plancheck::ingest
