// OriginMap: a monotone map between offsets of a normalized text and of its source.
//
// The normalizer copies runs of bytes unchanged and replaces or drops others. It
// records each piece with Append(); lookups then answer, for any offset on one side,
// the matching offset on the other. Inside a replaced piece every offset maps to the
// piece's start, so a span never grows past what the user wrote.
#pragma once

#include <cstddef>
#include <vector>

namespace plancheck::model {

class OriginMap {
 public:
  // Records that `normalized_len` bytes of output came from `source_len` bytes of input.
  // Pieces must be appended in order. Equal lengths with `copied` mean byte-for-byte.
  void Append(std::size_t normalized_len, std::size_t source_len, bool copied);
  // An identity map over `size` bytes.
  static OriginMap Identity(std::size_t size);

  std::size_t ToSource(std::size_t normalized_offset) const;
  std::size_t ToNormalized(std::size_t source_offset) const;
  std::size_t normalized_size() const { return normalized_size_; }
  std::size_t source_size() const { return source_size_; }
  // Frees the spare capacity left by appending.
  void ShrinkToFit() { pieces_.shrink_to_fit(); }

 private:
  // A piece's lengths are implicit: it ends where the next piece (or the map) begins. 16
  // bytes a piece, not 40: the map of a 20 MB notice has a quarter of a million pieces.
  struct Piece {
    std::size_t normalized_begin;
    std::size_t source_begin : 63;
    std::size_t copied : 1;
  };
  std::size_t NormalizedEnd(std::size_t index) const {
    return index + 1 < pieces_.size() ? pieces_[index + 1].normalized_begin : normalized_size_;
  }
  std::size_t SourceEnd(std::size_t index) const {
    return index + 1 < pieces_.size() ? pieces_[index + 1].source_begin : source_size_;
  }
  std::vector<Piece> pieces_;
  std::size_t normalized_size_ = 0;
  std::size_t source_size_ = 0;
};

}  // namespace plancheck::model
