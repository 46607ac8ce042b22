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

// Decodes the code point at `offset` and advances `offset` past it.
char32_t DecodeUtf8(std::string_view text, std::size_t& offset);

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, char32_t cp);
std::string ToUtf8(char32_t cp);

// Number of code points in `text`.
std::size_t CodePointCount(std::string_view text);

// Terminal cells a code point takes: 2 for East Asian wide/fullwidth, 0 for combining
// marks and controls, else 1.
int DisplayWidth(char32_t cp);
// Sum of DisplayWidth over `text`; a tab counts as one cell.
int DisplayWidth(std::string_view text);

// Han ideographs (CJK unified, extensions, compatibility).
bool IsHan(char32_t cp);
// Full-width CJK punctuation and symbols (U+3000-U+303F, U+FF00-U+FFEF ranges, and the
// curly quotes “”‘’ and ellipsis/dash used in Chinese text).
bool IsCjkPunctuation(char32_t cp);
// IsHan || IsCjkPunctuation.
bool IsCjk(char32_t cp);
// ASCII space, tab-free horizontal white space: U+0020, U+00A0, U+3000, U+2002-U+200B.
bool IsHorizontalSpace(char32_t cp);

// Trims ASCII and ideographic white space (including tabs and newlines) at both ends.
std::string_view TrimSpace(std::string_view text);

}  // namespace plancheck
