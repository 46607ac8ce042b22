#include "base/line_index.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace plancheck {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  checkpoints_.push_back({0, 1});
  int column = 1;
  std::size_t last = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      starts_.push_back(i + 1);
      checkpoints_.push_back({i + 1, 1});
      last = i + 1;
      column = 1;
      continue;
    }
    // A checkpoint sits on a character boundary, at least kCheckpointBytes past the last.
    if ((byte & 0xC0) != 0x80 && i - last >= kCheckpointBytes) {
      checkpoints_.push_back({i, column});
      last = i;
    }
    if ((byte & 0xC0) != 0x80) ++column;
  }
}

Position LineIndex::PositionOf(std::size_t offset) const {
  if (starts_.empty()) return {1, 1};
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const int line = static_cast<int>(it - starts_.begin());
  const auto checkpoint =
      std::prev(std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                 [](std::size_t value, const Checkpoint& c) {
                                   return value < c.offset;
                                 }));
  const std::size_t start = checkpoint->offset;
  int column = checkpoint->column;
  // Characters are the bytes that are not continuation bytes (10xxxxxx), counted eight at
  // a time: the scan was the hottest loop of a corpus lint.
  std::size_t i = start;
  for (; i + 8 <= offset; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text_.data() + i, sizeof word);
    const std::uint64_t continuation = word & ~(word << 1) & 0x8080808080808080ull;
    column += 8 - std::popcount(continuation);
  }
  for (; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  // An offset pointing into the middle of a character belongs to that character.
  if (offset < text_.size() && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80) {
    --column;
  }
  return {line, std::max(column, 1)};
}

std::size_t LineIndex::LineStart(int line) const {
  if (starts_.empty()) return 0;
  line = std::clamp(line, 1, line_count());
  return starts_[line - 1];
}

std::string_view LineIndex::LineText(int line) const {
  if (starts_.empty() || line < 1 || line > line_count()) return {};
  const std::size_t start = starts_[line - 1];
  std::size_t end = line < line_count() ? starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

std::size_t LineIndex::OffsetOf(Position position) const {
  const std::size_t start = LineStart(position.line);
  const std::string_view line = LineText(position.line);
  std::size_t offset = 0;
  for (int column = 1; column < position.column && offset < line.size(); ++column) {
    do {
      ++offset;
    } while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80);
  }
  return start + offset;
}

}  // namespace plancheck
