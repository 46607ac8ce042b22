#include "base/utf8.h"

#include <unicode/uchar.h>

namespace plancheck {
bool IsValidUtf8(std::string_view text, std::size_t* bad_offset) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const int len = utf8_internal::SequenceLength(lead);
    bool ok = len > 0 && i + len <= n;
    for (int k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (ok && len >= 3) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      if (lead == 0xE0 && second < 0xA0) ok = false;  // overlong
      if (lead == 0xED && second > 0x9F) ok = false;  // surrogate
      if (lead == 0xF0 && second < 0x90) ok = false;  // overlong
      if (lead == 0xF4 && second > 0x8F) ok = false;  // > U+10FFFF
    }
    if (!ok) {
      if (bad_offset != nullptr) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string ToUtf8(char32_t cp) {
  std::string out;
  AppendUtf8(out, cp);
  return out;
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

int DisplayWidth(char32_t cp) {
  if (cp == '\t') return 1;
  if (cp < 0x20 || cp == 0x7F) return 0;
  const auto category = u_charType(static_cast<UChar32>(cp));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
      category == U_FORMAT_CHAR) {
    return 0;
  }
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

int DisplayWidth(std::string_view text) {
  int cells = 0;
  std::size_t offset = 0;
  while (offset < text.size()) cells += DisplayWidth(DecodeUtf8(text, offset));
  return cells;
}

bool IsCjkPunctuation(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
         cp == 0x2019 || cp == 0x2026 || cp == 0x2014 || cp == 0x00B7;
}

bool IsCjk(char32_t cp) { return IsHan(cp) || IsCjkPunctuation(cp); }

std::string_view TrimSpace(std::string_view text) {
  auto is_space_at_front = [&](std::size_t& len) {
    if (text.empty()) return false;
    const auto c = static_cast<unsigned char>(text.front());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      len = 1;
      return true;
    }
    if (text.substr(0, 3) == "\xE3\x80\x80") {  // U+3000
      len = 3;
      return true;
    }
    if (text.substr(0, 2) == "\xC2\xA0") {  // U+00A0
      len = 2;
      return true;
    }
    return false;
  };
  std::size_t len = 0;
  while (is_space_at_front(len)) text.remove_prefix(len);
  for (;;) {
    if (text.empty()) break;
    const auto c = static_cast<unsigned char>(text.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      text.remove_suffix(1);
    } else if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE3\x80\x80") {
      text.remove_suffix(3);
    } else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

std::string EscapeControls(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t start = offset;
    const char32_t cp = DecodeUtf8(text, offset);
    const bool invalid = cp == 0xFFFD && text.compare(start, offset - start, "\xEF\xBF\xBD") != 0;
    if (invalid) {
      const auto byte = static_cast<unsigned char>(text[start]);
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else if (!IsTerminalControl(cp)) {
      out.append(text, start, offset - start);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x100) {
      out += "\\x";
      out += kHex[(cp >> 4) & 0xF];
      out += kHex[cp & 0xF];
    } else {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
    }
  }
  return out;
}

}  // namespace plancheck
