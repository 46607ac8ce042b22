#include "model/origin_map.h"

#include <algorithm>

namespace plancheck::model {

void OriginMap::Append(std::size_t normalized_len, std::size_t source_len, bool copied) {
  if (normalized_len == 0 && source_len == 0) return;
  // Merge adjacent copied runs so that the table stays small for mostly-clean text.
  if (copied && !pieces_.empty() && pieces_.back().copied) {
    pieces_.back().normalized_len += normalized_len;
    pieces_.back().source_len += source_len;
  } else {
    pieces_.push_back({normalized_size_, source_size_, normalized_len, source_len, copied});
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
  --it;
  while (it->normalized_len == 0 && it != pieces_.begin()) --it;
  const std::size_t delta = normalized_offset - it->normalized_begin;
  if (it->copied) return it->source_begin + delta;
  return it->source_begin;
}

std::size_t OriginMap::ToNormalized(std::size_t source_offset) const {
  if (pieces_.empty()) return source_offset;
  if (source_offset >= source_size_) return normalized_size_;
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), source_offset,
      [](std::size_t offset, const Piece& piece) { return offset < piece.source_begin; });
  --it;
  while (it->source_len == 0 && it != pieces_.begin()) --it;
  const std::size_t delta = source_offset - it->source_begin;
  if (it->copied) return it->normalized_begin + delta;
  return it->normalized_begin;
}

}  // namespace plancheck::model
