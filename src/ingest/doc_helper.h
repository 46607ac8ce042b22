// The boundary between plancheck and its .doc helper (plancheck-doc).
//
// Word 97-2003 .doc files are read with libwv, which is old C code: on a document whose
// last paragraph is in a table it loops until memory runs out (a LibreOffice-written
// .doc of fixtures/seeds/001 did), and hostile files can crash it. So libwv runs in a
// separate process, plancheck-doc, which limits its own CPU time and memory, reads the
// document from standard input and writes its text to standard output as records; a crash,
// a limit or a hang (the caller's wall-clock limit) costs that one file, never the run.
// The helper knows nothing of plancheck; places, limits on the text and messages stay in
// doc_reader.cc. Linked with libwv only, so a run without .doc files never loads it.
//
// Records, one a line, UTF-8, each ending in '\n' (a paragraph's own line breaks, tabs and
// other control characters are already spaces):
//   P<TAB>text   a body paragraph
//   C<TAB>text   a paragraph inside a table cell, more of the cell follows
//   E<TAB>text   the last paragraph of a table cell (the cell mark ended it)
//   R            the end of a table row
#pragma once

namespace plancheck::ingest::doc_helper {

// Exit statuses of plancheck-doc besides 0 (the records are complete).
inline constexpr int kNotWord = 3;       // not a Word document (another OLE2 file, garbage)
inline constexpr int kEncrypted = 4;     // needs a password
inline constexpr int kUnsupported = 5;   // Word 2 / Word 5 and older formats
inline constexpr int kCorrupt = 6;       // libwv could not read it
inline constexpr int kInputTooLarge = 7; // more bytes on stdin than the caller's limit

// The helper's own limits: CPU seconds and address space (not enforced under
// AddressSanitizer, whose shadow memory reserves terabytes of address space).
inline constexpr int kCpuSeconds = 30;
inline constexpr unsigned long kAddressSpaceBytes = 1536ul * 1024ul * 1024ul;

}  // namespace plancheck::ingest::doc_helper
