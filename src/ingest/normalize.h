// Normalization of decoded text before parsing, with a map back to the source.
//
// What changes (each change is recorded in the OriginMap):
//   - "\r\n" and "\r" become "\n";
//   - full-width digits and Latin letters become ASCII;
//   - half-width ( ) : ; , ? ! next to Chinese text become （ ）：；，？！;
//   - runs of horizontal spaces between two characters on a line, when one side is
//     Chinese, are dropped (PDF extraction puts them in "建党 100周年", "钟  涛");
//   - horizontal spaces at the end of a line are dropped.
// Leading indentation, tabs (table cells) and everything else are kept as they are.
#pragma once

#include <string>
#include <string_view>

#include "model/origin_map.h"

namespace plancheck::ingest {

struct NormalizedText {
  std::string text;
  model::OriginMap origin;
};

NormalizedText Normalize(std::string_view source);

}  // namespace plancheck::ingest
