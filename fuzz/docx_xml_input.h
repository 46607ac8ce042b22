// The input of the docx_xml fuzz target (fuzz/docx_xml_fuzz.cc) and of its regression
// replay (tests/robustness/fuzz_regressions_test.cc): fuzzed bytes as the XML parts of a
// .docx, wrapped in a valid archive so that libzip's CRC check passes and the reader's
// XML code (paragraphs, tables, list numbering) sees every mutation.
//
// Input layout: word/document.xml, then optionally kNumberingSeparator and
// word/numbering.xml. The separator holds NUL bytes, which well-formed XML never
// contains, so a document that parses is never cut by it.
#pragma once

#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace plancheck::fuzz {

inline constexpr std::string_view kNumberingSeparator{"\0word/numbering.xml\0", 20};

struct DocxXmlParts {
  std::string_view document;                  // word/document.xml
  std::optional<std::string_view> numbering;  // word/numbering.xml, absent without separator
};

// Splits `input` at the first kNumberingSeparator. The views point into `input`.
inline DocxXmlParts SplitDocxXmlInput(std::string_view input) {
  const std::size_t at = input.find(kNumberingSeparator);
  if (at == std::string_view::npos) return {input, std::nullopt};
  return {input.substr(0, at), input.substr(at + kNumberingSeparator.size())};
}

namespace detail {

// Harness failures (libzip cannot write to memory) are bugs of the harness, not findings
// about the reader; they abort with a distinct message.
[[noreturn]] inline void WrapFailed(const char* what) {
  std::fprintf(stderr, "docx_xml harness: %s\n", what);
  std::abort();
}

inline void AddStored(zip_t* archive, const char* name, std::string_view content) {
  zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
  if (source == nullptr) WrapFailed("zip_source_buffer");
  const zip_int64_t index = zip_file_add(archive, name, source, ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(source);
    WrapFailed("zip_file_add");
  }
  // Stored, not deflated: the archive is built once per execution and compressing 64 KB
  // would cost more than reading it back.
  if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) != 0) {
    WrapFailed("zip_set_file_compression");
  }
}

}  // namespace detail

// A .docx (ZIP archive, entries stored) holding `parts`: word/document.xml always,
// word/numbering.xml when present. Uses libzip, as ingest/docx_reader.cc does; the bytes
// returned start with "PK\3\4", so ingest::DecodeText routes them to the .docx reader.
inline std::string WrapInDocx(const DocxXmlParts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) detail::WrapFailed("zip_source_buffer_create");
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) detail::WrapFailed("zip_open_from_source");
  zip_error_fini(&error);
  zip_source_keep(buffer);  // zip_close would free it; its bytes are read below
  detail::AddStored(archive, "word/document.xml", parts.document);
  if (parts.numbering) detail::AddStored(archive, "word/numbering.xml", *parts.numbering);
  if (zip_close(archive) != 0) detail::WrapFailed("zip_close");

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_open(buffer) != 0 || zip_source_stat(buffer, &stat) != 0 ||
      (stat.valid & ZIP_STAT_SIZE) == 0) {
    detail::WrapFailed("reading the archive back");
  }
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) detail::WrapFailed("short read");
  return bytes;
}

}  // namespace plancheck::fuzz
