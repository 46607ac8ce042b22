// Word 97-2003 .doc: body paragraphs and tables as text in the shapes the parser reads,
// the same shapes as a .docx (docx_reader.h): a line per body paragraph, each table row
// as the flattened-table shape of fixtures/seeds/001_*.txt.
//
// Read with libwv in the helper process plancheck-doc (doc_helper.h), found like the PDF
// module: $PLANCHECK_DOC_HELPER, <libdir>/plancheck/plancheck-doc beside an installed
// binary, or the build tree's. The document goes to the helper through an in-memory file
// and its records come back through a pipe; the helper limits its CPU time and memory, and
// this side stops it after kDocHelperSeconds of wall-clock time or kMaxDocTextBytes of
// output. Numbers Word generates from list numbering are not in the text (libwv does not
// give them); a .doc whose numbers are typed, as most notices' are, reads in full.
//
// Refused with one Error naming the file and what is wrong: more than kMaxDocBytes, an
// encrypted document, a format older than Word 6 (Word 2, Word 5), an OLE2 file that is
// not a Word document (.xls, .ppt), a document the helper cannot read (corrupt, or a limit
// reached), no text, or a helper that cannot be run.
#pragma once

#include <cstddef>
#include <string>

#include "base/error_list.h"
#include "ingest/extracted_text.h"

namespace plancheck::ingest {

inline constexpr std::size_t kMaxDocBytes = 64u * 1024u * 1024u;
inline constexpr std::size_t kMaxDocTextBytes = 64u * 1024u * 1024u;
inline constexpr int kDocHelperSeconds = 60;

// True when `bytes` starts with the OLE2 compound-file signature (D0 CF 11 E0 A1 B1 1A E1),
// the container of .doc (and of .xls and .ppt, which the helper then refuses).
bool LooksLikeOle2(const std::string& bytes);

// The document's text (UTF-8, '\n' line ends). Places as for .docx: "paragraph N" for the
// N-th body paragraph; table T, row R and column C for the lines of a table cell; the blank
// line opening a row has the row alone, the one closing a table the table alone.
Result<ExtractedText> ExtractDoc(const std::string& bytes, const std::string& display_path);

}  // namespace plancheck::ingest
