#include "base/line_index.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace plancheck {

namespace {

bool IsContinuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Characters (bytes that are not continuation bytes, 10xxxxxx) in text[begin, end), eight
// bytes at a time: counting columns was the hottest loop of a corpus lint. The per-byte
// flags are summed by a multiply, not popcount, which without -mpopcnt is a library call.
int CountCharacters(std::string_view text, std::size_t begin, std::size_t end) {
  int count = 0;
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    const std::uint64_t continuation = (word & ~(word << 1) & 0x8080808080808080ull) >> 7;
    count += 8 - static_cast<int>((continuation * 0x0101010101010101ull) >> 56);
  }
  for (; i < end; ++i) {
    if (!IsContinuation(text[i])) ++count;
  }
  return count;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  std::size_t line_start = 0;
  int line = 1;
  while (true) {
    starts_.push_back(line_start);
    checkpoints_.push_back({line_start, line, 1});
    const void* newline = std::memchr(text.data() + line_start, '\n', text.size() - line_start);
    const std::size_t line_end =
        newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data())
                           : text.size();
    // A long line gets a checkpoint on the first character boundary every kCheckpointBytes.
    std::size_t last = line_start;
    int column = 1;
    while (line_end - last > kCheckpointBytes) {
      std::size_t next = last + kCheckpointBytes;
      while (next < line_end && IsContinuation(text[next])) ++next;
      if (next >= line_end) break;
      column += CountCharacters(text, last, next);
      checkpoints_.push_back({next, line, column});
      last = next;
    }
    if (newline == nullptr) break;
    line_start = line_end + 1;
    ++line;
  }
}

Position LineIndex::PositionOf(std::size_t offset) const {
  if (checkpoints_.empty()) return {1, 1};
  offset = std::min(offset, text_.size());
  const Checkpoint& checkpoint =
      *std::prev(std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                  [](std::size_t value, const Checkpoint& c) {
                                    return value < c.offset;
                                  }));
  int column = checkpoint.column + CountCharacters(text_, checkpoint.offset, offset);
  // An offset pointing into the middle of a character belongs to that character.
  if (offset < text_.size() && IsContinuation(text_[offset])) --column;
  return {checkpoint.line, std::max(column, 1)};
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
