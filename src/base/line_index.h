// LineIndex: byte offset <-> 1-based line and code-point column, for one UTF-8 text.
//
// Lines end at '\n'; a '\r' before it belongs to no column. The index keeps a view of
// the text: the text must outlive it and not change.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace plancheck {

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  // Position of byte `offset` (clamped to the text size). An offset inside a multi-byte
  // sequence counts as that character's column.
  Position PositionOf(std::size_t offset) const;
  // Byte offset of a 1-based position; clamped to the line's end.
  std::size_t OffsetOf(Position position) const;
  // The text of 1-based `line`, without its '\r\n' or '\n'.
  std::string_view LineText(int line) const;
  // Byte offset where 1-based `line` starts.
  std::size_t LineStart(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  // Columns are counted from the nearest checkpoint at or before an offset: one at each
  // line start and every kCheckpointBytes within a long line, so a lookup costs one binary
  // search and at most kCheckpointBytes of counting whatever the line length (PDF text can
  // arrive as one huge line, paragraph-shaped notices have lines of several KiB).
  static constexpr std::size_t kCheckpointBytes = 512;
  struct Checkpoint {
    std::size_t offset;
    int line;    // 1-based line of `offset`
    int column;  // 1-based column of the character starting at `offset`
  };
  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::vector<Checkpoint> checkpoints_;
};

}  // namespace plancheck
