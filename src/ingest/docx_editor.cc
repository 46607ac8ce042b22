#include "ingest/docx_editor.h"

#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "base/utf8.h"
#include "ingest/docx_reader.h"
#include "ingest/zip_archive.h"

namespace plancheck::ingest {
namespace {

constexpr const char* kDocumentXml = "word/document.xml";

// A change to document.xml's bytes.
struct RawEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

// The byte of document.xml that `decoded` bytes into the character data starting at
// `xml_offset` correspond to. pugixml decoded the data: an entity (&amp; &#12289;) is one
// character, and a "\r\n" or lone "\r" is "\n".
std::size_t RawOffset(const std::string& xml, std::size_t xml_offset, std::size_t decoded) {
  std::size_t raw = xml_offset;
  std::size_t count = 0;
  while (count < decoded && raw < xml.size()) {
    const char c = xml[raw];
    if (c == '&') {
      const std::size_t semicolon = xml.find(';', raw);
      if (semicolon == std::string::npos) return raw;
      const std::string_view name(xml.data() + raw + 1, semicolon - raw - 1);
      char32_t cp = '?';
      if (!name.empty() && name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        cp = static_cast<char32_t>(std::strtoul(std::string(name.substr(hex ? 2 : 1)).c_str(),
                                                nullptr, hex ? 16 : 10));
      }
      count += ToUtf8(cp).size();
      raw = semicolon + 1;
    } else if (c == '\r') {
      count += 1;
      raw += (raw + 1 < xml.size() && xml[raw + 1] == '\n') ? 2 : 1;
    } else {
      count += 1;
      raw += 1;
    }
  }
  return raw;
}

std::string EscapeXmlText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

// The changes to document.xml that make `edit`, or nullopt when its span is not wholly w:t
// text. `pieces` are in text order.
std::optional<std::vector<RawEdit>> PlaceEdit(const TextEdit& edit,
                                              const std::vector<DocxTextPiece>& pieces,
                                              const std::string& xml) {
  // The first piece that ends after the span's begin (or at it, for an insertion).
  auto it = std::lower_bound(pieces.begin(), pieces.end(), edit.span.begin,
                             [&](const DocxTextPiece& piece, std::size_t offset) {
                               const std::size_t end = piece.text_begin + piece.size;
                               return edit.span.empty() ? end < offset : end <= offset;
                             });
  if (it == pieces.end() || it->text_begin > edit.span.begin) return std::nullopt;
  std::vector<RawEdit> raw;
  std::size_t at = edit.span.begin;
  do {
    if (it == pieces.end() || it->text_begin > at) return std::nullopt;  // a gap: not run text
    const std::size_t piece_end = it->text_begin + it->size;
    const std::size_t stop = std::min(edit.span.end, piece_end);
    raw.push_back({RawOffset(xml, it->xml_offset, at - it->text_begin),
                   RawOffset(xml, it->xml_offset, stop - it->text_begin),
                   raw.empty() ? EscapeXmlText(edit.replacement) : std::string()});
    at = stop;
    ++it;
  } while (at < edit.span.end);
  return raw;
}

// `bytes` with `name` replaced by `content`, through libzip: the other entries' data are
// copied as they are. nullopt when libzip fails.
std::optional<std::string> ReplaceEntry(const std::string& bytes, const char* name,
                                        const std::string& content) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_t* archive = zip_open_from_source(source, 0, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return std::nullopt;
  }
  zip_source_keep(source);  // read back after zip_close writes into it
  std::optional<std::string> out;
  const zip_int64_t index = zip_name_locate(archive, name, 0);
  zip_stat_t stat;
  zip_stat_init(&stat);
  zip_source_t* entry = nullptr;
  bool ok = index >= 0 && zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0;
  if (ok) {
    entry = zip_source_buffer(archive, content.data(), content.size(), 0);
    ok = entry != nullptr && zip_file_replace(archive, static_cast<zip_uint64_t>(index), entry, 0) == 0;
    if (!ok && entry != nullptr) zip_source_free(entry);
  }
  if (ok) {
    // Compressed as Word compresses it, with the entry's own time stamp.
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
    if ((stat.valid & ZIP_STAT_MTIME) != 0) {
      zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), stat.mtime, 0);
    }
  }
  if (!ok) {
    zip_discard(archive);
    zip_source_free(source);
    return std::nullopt;
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(source);
    return std::nullopt;
  }
  zip_stat_t written;
  zip_stat_init(&written);
  if (zip_source_stat(source, &written) == 0 && (written.valid & ZIP_STAT_SIZE) != 0 &&
      zip_source_open(source) == 0) {
    std::string result(static_cast<std::size_t>(written.size), '\0');
    const zip_int64_t read = zip_source_read(source, result.data(), written.size);
    zip_source_close(source);
    if (read >= 0 && static_cast<zip_uint64_t>(read) == written.size) out = std::move(result);
  }
  zip_source_free(source);
  return out;
}

}  // namespace

Result<std::string> EditDocxText(const std::string& bytes, const std::string& display_path,
                                 const std::vector<TextEdit>& edits, std::vector<bool>* made) {
  if (made != nullptr) made->assign(edits.size(), false);
  std::vector<DocxTextPiece> pieces;
  Result<ExtractedText> extracted = ExtractDocx(bytes, display_path, &pieces);
  if (!extracted) return extracted.error();
  Result<ZipArchive> archive = ZipArchive::Open(bytes, display_path, "Word 文档");
  if (!archive) return archive.error();
  Result<std::string> xml = archive->Read(kDocumentXml, true);
  if (!xml) return xml.error();

  std::vector<RawEdit> raw;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    std::optional<std::vector<RawEdit>> placed = PlaceEdit(edits[i], pieces, *xml);
    if (!placed) continue;
    raw.insert(raw.end(), placed->begin(), placed->end());
    if (made != nullptr) (*made)[i] = true;
  }
  if (raw.empty()) return bytes;
  std::sort(raw.begin(), raw.end(), [](const RawEdit& a, const RawEdit& b) { return a.begin < b.begin; });
  std::string edited;
  edited.reserve(xml->size());
  std::size_t copied = 0;
  for (const RawEdit& change : raw) {
    edited.append(*xml, copied, change.begin - copied);
    edited += change.text;
    copied = change.end;
  }
  edited.append(*xml, copied, std::string::npos);

  std::optional<std::string> package = ReplaceEntry(bytes, kDocumentXml, edited);
  if (!package) {
    return Error{display_path, {}, "无法写回 Word 文档（重新打包 word/document.xml 失败）"};
  }
  return std::move(*package);
}

}  // namespace plancheck::ingest
