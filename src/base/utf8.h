// UTF-8 helpers over std::string_view: validation, decoding, encoding, and character
// classes used by the normalizer, the parser and the caret renderer.
//
// Functions that decode assume valid UTF-8 (every Document's text is validated once on
// ingest); given invalid bytes they return U+FFFD and advance one byte, never read past
// the end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plancheck {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates). On failure sets
// `*bad_offset` (if given) to the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view text, std::size_t* bad_offset = nullptr);

namespace utf8_internal {
// Length of the sequence that starts with `lead`, 0 for a byte that cannot lead.
constexpr int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}
}  // namespace utf8_internal

// Decodes the code point at `offset` and advances `offset` past it. Inline: the parser and
// the checks call it for every character, and a call per character was the largest single
// cost of a lint.
inline char32_t DecodeUtf8(std::string_view text, std::size_t& offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) {
    ++offset;
    return lead;
  }
  const int len = utf8_internal::SequenceLength(lead);
  if (len == 0 || offset + len > text.size()) {
    ++offset;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto byte = static_cast<unsigned char>(text[offset + k]);
    if ((byte & 0xC0) != 0x80) {
      ++offset;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte & 0x3F);
  }
  offset += len;
  return cp;
}

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, char32_t cp);
std::string ToUtf8(char32_t cp);

// Characters that would act on a terminal or a log rather than show: C0 controls, DEL, C1
// controls, and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) that reorder what follows them.
inline bool IsTerminalControl(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// `text` safe to print as one field of a line: each IsTerminalControl character written
// as an escape ("\n", "\t", "\r", "\x1b", "\u202e") and each byte that is not UTF-8 as
// "\xNN", so that a unit name holding ESC sequences cannot restyle the terminal and a
// file name holding a newline cannot forge a line. Anything else is unchanged.
std::string EscapeControls(std::string_view text);

// Number of code points in `text`.
std::size_t CodePointCount(std::string_view text);

// Terminal cells a code point takes: 2 for East Asian wide/fullwidth, 0 for combining
// marks and controls, else 1.
int DisplayWidth(char32_t cp);
// Sum of DisplayWidth over `text`; a tab counts as one cell.
int DisplayWidth(std::string_view text);

// Han ideographs (CJK unified, extensions, compatibility).
inline bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         cp == 0x3007;  // 〇
}
// Full-width CJK punctuation and symbols (U+3000-U+303F, U+FF00-U+FFEF ranges, and the
// curly quotes “”‘’ and ellipsis/dash used in Chinese text).
bool IsCjkPunctuation(char32_t cp);
// IsHan || IsCjkPunctuation.
bool IsCjk(char32_t cp);
// ASCII space, tab-free horizontal white space: U+0020, U+00A0, U+3000, U+2002-U+200B.
inline bool IsHorizontalSpace(char32_t cp) {
  return cp == 0x20 || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2002 && cp <= 0x200B);
}

// Trims ASCII and ideographic white space (including tabs and newlines) at both ends.
std::string_view TrimSpace(std::string_view text);

}  // namespace plancheck
