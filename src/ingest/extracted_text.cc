#include "ingest/extracted_text.h"

#include <algorithm>

namespace plancheck::ingest {

Error ExpansionError(const std::string& display_path, const ExtractedText& text,
                     std::string_view what, std::size_t markup_bytes) {
  const std::string where = PlaceLabel(text.stopped_at(), false);
  const std::size_t limit_lines = kExpansionFloorLines + markup_bytes / kMarkupBytesPerLine;
  const std::size_t limit_mib = (kExpansionFloorBytes + kMaxTextPerMarkupByte * markup_bytes) >> 20;
  return Error{display_path, {},
               std::string(what) + "展开后的文字过多" + (where.empty() ? "" : "（到" + where + "）") +
                   "：超过 " + std::to_string(limit_lines) + " 行或 " +
                   std::to_string(std::max<std::size_t>(limit_mib, 1)) +
                   " MiB（按文件内容的大小限定，合并单元格、跨列单元格会重复展开），已拒绝读取"};
}

bool TooManyTags(std::string_view markup) {
  return static_cast<std::size_t>(std::count(markup.begin(), markup.end(), '<')) > kMaxMarkupTags;
}

}  // namespace plancheck::ingest
