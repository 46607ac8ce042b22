// Reading a text file from disk into validated UTF-8.
//
// A Word .docx or .doc, an OFD file, a PDF and a saved web page (recognized by content) are
// read by docx_reader.h, doc_reader.h, ofd_reader.h, pdf_reader.h and html_reader.h. Otherwise accepts UTF-8 (with or
// without BOM), UTF-16 LE/BE with a BOM, and GB18030 (hence GBK and GB2312) without a BOM. Bytes that are not valid UTF-8 are read as GB18030 only when
// ICU's charset detector (ucsdet) rates GB18030 highest with confidence >= 50 and a strict
// ucnv conversion meets no invalid sequence; the file's extension plays no part.
// Refuses, with one Error naming the file (and the line/column where it applies): a
// missing or unreadable path, a directory or other non-regular file, an empty file, a
// binary file (NUL bytes), an encoding that cannot be determined confidently ("无法确定
// 文件编码：…", at the first byte that is not UTF-8), and files above kMaxFileBytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"

namespace plancheck::ingest {

inline constexpr std::size_t kMaxFileBytes = 256u * 1024u * 1024u;

struct DecodedText {
  std::string text;      // UTF-8, BOM removed, line endings as in the file
  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030"; for a container format
  // the format: "DOC", "DOCX", "HTML", "OFD", "PDF"
  std::string encoding;
  // For DOC, DOCX, HTML, OFD and PDF: the place in the file of each line of `text` (see
  // extracted_text.h). Empty for plain text.
  std::vector<Place> line_places;
};

// Why the system refused a file or directory (an errno), in Chinese for the reasons a
// person can act on ("没有读取权限"), with the system's own words after them.
std::string SystemReason(int error);

// `display_path` names the file in errors; `path` is what is opened.
Result<DecodedText> ReadTextFile(const std::string& path, const std::string& display_path);

// Decodes bytes already in memory, with the same checks as ReadTextFile.
Result<DecodedText> DecodeText(std::string bytes, const std::string& display_path);

}  // namespace plancheck::ingest
