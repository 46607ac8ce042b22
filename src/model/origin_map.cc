#include "model/origin_map.h"

#include <algorithm>

namespace plancheck::model {

void OriginMap::Append(std::size_t normalized_len, std::size_t source_len, bool copied) {
  if (normalized_len == 0 && source_len == 0) return;
  // Merge adjacent copied runs so that the table stays small for mostly-clean text.
  if (!(copied && !pieces_.empty() && pieces_.back().copied)) {
    pieces_.push_back({normalized_size_, source_size_, copied ? 1u : 0u});
  }
  normalized_size_ += normalized_len;
  source_size_ += source_len;
}

OriginMap OriginMap::Identity(std::size_t size) {
  OriginMap map;
  map.Append(size, size, true);
  return map;
}

std::size_t OriginMap::ToSource(std::size_t normalized_offset) const {
  if (pieces_.empty()) return normalized_offset;
  if (normalized_offset >= normalized_size_) return source_size_;
  // The last piece whose normalized_begin <= offset (pieces of zero normalized length
  // are skipped by taking the last one).
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), normalized_offset,
      [](std::size_t offset, const Piece& piece) { return offset < piece.normalized_begin; });
  auto index = static_cast<std::size_t>(it - pieces_.begin()) - 1;
  while (index > 0 && NormalizedEnd(index) == pieces_[index].normalized_begin) --index;
  const Piece& piece = pieces_[index];
  const std::size_t delta = normalized_offset - piece.normalized_begin;
  if (piece.copied) return piece.source_begin + delta;
  return piece.source_begin;
}

std::size_t OriginMap::ToNormalized(std::size_t source_offset) const {
  if (pieces_.empty()) return source_offset;
  if (source_offset >= source_size_) return normalized_size_;
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), source_offset,
      [](std::size_t offset, const Piece& piece) { return offset < piece.source_begin; });
  auto index = static_cast<std::size_t>(it - pieces_.begin()) - 1;
  while (index > 0 && SourceEnd(index) == pieces_[index].source_begin) --index;
  const Piece& piece = pieces_[index];
  const std::size_t delta = source_offset - piece.source_begin;
  if (piece.copied) return piece.normalized_begin + delta;
  return piece.normalized_begin;
}

}  // namespace plancheck::model
