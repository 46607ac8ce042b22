#include "ingest/normalize.h"

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace plancheck::ingest {
namespace {

// One code point of the line being normalized: offsets are relative to the line, so a
// code point costs 8 bytes (a whole-document table of 24-byte entries was the peak of a
// run's memory: 14 bytes per input byte).
struct CodePoint {
  char32_t cp;
  std::uint32_t begin;  // byte offset in the line
};

// A line longer than this is normalized in pieces (cut at a character boundary).
constexpr std::size_t kMaxPieceBytes = std::size_t{1} << 31;

// What NormalizeLine rewrites (these marks, spaces, '\r', full-width letters and digits)
// is also what CopiesUnchanged looks for: a new rewrite must be added there too
// (tests/ingest/normalize_test.cc lists every character).
char32_t FullWidthFor(char32_t cp) {
  switch (cp) {
    case '(':
      return U'（';
    case ')':
      return U'）';
    case ':':
      return U'：';
    case ';':
      return U'；';
    case ',':
      return U'，';
    case '?':
      return U'？';
    case '!':
      return U'！';
    default:
      return 0;
  }
}

bool IsLineSpace(char32_t cp) { return IsHorizontalSpace(cp); }

// Normalizes one line (its '\n' included) onto `out`. Everything the normalizer decides
// looks no further than the line: neighbours stop at its end, brackets pair within it,
// a run of spaces ends at it. `cps`, `widen` and `paired` are scratch reused across lines.
void NormalizeLine(std::string_view line, NormalizedText& out, std::vector<CodePoint>& cps,
                   std::vector<char>& widen, std::vector<char>& paired) {
  cps.clear();
  for (std::size_t offset = 0; offset < line.size();) {
    const std::size_t begin = offset;
    const char32_t cp = DecodeUtf8(line, offset);
    cps.push_back({cp, static_cast<std::uint32_t>(begin)});
  }
  const std::size_t count = cps.size();
  // Sentinel: the end of the line, so that a code point's size is the next one's begin
  // minus its own.
  cps.push_back({0, static_cast<std::uint32_t>(line.size())});
  auto bytes = [&](std::size_t i) { return line.substr(cps[i].begin, cps[i + 1].begin - cps[i].begin); };

  // Nearest non-space neighbour on the same line, or 0. The look is bounded so that a
  // line of a million spaces stays linear.
  auto neighbour = [&](std::size_t i, int step) -> char32_t {
    const auto origin = static_cast<std::ptrdiff_t>(i);
    for (std::ptrdiff_t j = origin + step;
         j >= 0 && j < static_cast<std::ptrdiff_t>(count) && (j - origin) * step <= 64;
         j += step) {
      const char32_t cp = cps[j].cp;
      if (cp == '\n' || cp == '\r' || cp == '\t') return 0;
      if (!IsLineSpace(cp)) return cp;
    }
    return 0;
  };

  // Brackets widen as a pair, so "(1)" never becomes "(1）": a pair on one line widens
  // when it encloses Chinese text or touches Chinese text on either side.
  widen.assign(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t cp = cps[i].cp;
    if (cp != '(' && cp != ')' && FullWidthFor(cp) != 0) {
      widen[i] = IsCjk(neighbour(i, -1)) || IsCjk(neighbour(i, +1));
    }
  }
  paired.assign(count, 0);
  std::size_t open = count;  // the last unmatched '('
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t cp = cps[i].cp;
    if (cp == '(') {
      open = i;
    } else if (cp == ')' && open < i) {
      bool cjk = IsCjk(neighbour(open, -1)) || IsCjk(neighbour(i, +1));
      // Bounded look inside: brackets around a long run are judged by their edges.
      for (std::size_t k = open + 1; k < i && k < open + 64 && !cjk; ++k) cjk = IsCjk(cps[k].cp);
      widen[open] = widen[i] = cjk;
      paired[open] = paired[i] = 1;
      open = count;
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    if ((cps[i].cp == '(' || cps[i].cp == ')') && !paired[i]) {
      widen[i] = IsCjk(neighbour(i, -1)) || IsCjk(neighbour(i, +1));
    }
  }

  auto copy = [&](std::size_t i) {
    const std::string_view b = bytes(i);
    out.text.append(b);
    out.origin.Append(b.size(), b.size(), true);
  };
  auto replace = [&](std::size_t i, std::string_view with) {
    out.text.append(with);
    out.origin.Append(with.size(), bytes(i).size(), false);
  };

  bool at_line_start = true;
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t cp = cps[i].cp;
    if (cp == '\r') {
      if (i + 1 < count && cps[i + 1].cp == '\n') {
        replace(i, "");  // the '\n' that follows is copied
      } else {
        replace(i, "\n");
        at_line_start = true;
      }
      continue;
    }
    if (cp == '\n') {
      copy(i);
      at_line_start = true;
      continue;
    }
    if (IsLineSpace(cp)) {
      if (at_line_start) {
        copy(i);
        continue;
      }
      // A run of spaces: drop it at a line end, or between two characters one of
      // which is Chinese.
      std::size_t j = i;
      while (j < count && IsLineSpace(cps[j].cp)) ++j;
      const bool at_end = j == count || cps[j].cp == '\n' || cps[j].cp == '\r';
      const char32_t before = i > 0 ? cps[i - 1].cp : 0;
      const char32_t after = j < count ? cps[j].cp : 0;
      const bool cjk_side = IsCjk(before) || IsCjk(after);
      const bool tab_side = before == '\t' || after == '\t';
      if (at_end || (cjk_side && !tab_side)) {
        for (std::size_t k = i; k < j; ++k) replace(k, "");
      } else {
        for (std::size_t k = i; k < j; ++k) copy(k);
      }
      i = j - 1;
      continue;
    }
    at_line_start = false;
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A)) {
      replace(i, ToUtf8(cp - 0xFEE0));
      continue;
    }
    if (widen[i]) {
      replace(i, ToUtf8(FullWidthFor(cp)));
      continue;
    }
    copy(i);
  }
}

// True when normalizing `line` cannot change it: none of its bytes can start something
// NormalizeLine rewrites (a '\r', a space of any kind, an ASCII bracket or punctuation
// that may widen, a full-width letter or digit). Most lines of a notice are like that, and
// are copied whole without decoding.
bool CopiesUnchanged(std::string_view line) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  for (std::size_t i = 0; i < n; ++i) {
    switch (p[i]) {
      case '\r':
      case ' ':
      case '(':
      case ')':
      case ':':
      case ';':
      case ',':
      case '?':
      case '!':
        return false;
      case 0xC2:  // U+00A0 (C2 A0)
        if (i + 1 < n && p[i + 1] == 0xA0) return false;
        break;
      case 0xE2:  // U+2002-U+200B (E2 80 82-8B)
        if (i + 2 < n && p[i + 1] == 0x80 && p[i + 2] >= 0x82 && p[i + 2] <= 0x8B) return false;
        break;
      case 0xE3:  // U+3000
        if (i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) return false;
        break;
      case 0xEF:  // U+FF10-U+FF19 (EF BC 90-99), U+FF21-U+FF3A (EF BC A1-BA),
                  // U+FF41-U+FF5A (EF BD 81-9A)
        if (i + 2 < n && ((p[i + 1] == 0xBC && ((p[i + 2] >= 0x90 && p[i + 2] <= 0x99) ||
                                                (p[i + 2] >= 0xA1 && p[i + 2] <= 0xBA))) ||
                          (p[i + 1] == 0xBD && p[i + 2] >= 0x81 && p[i + 2] <= 0x9A))) {
          return false;
        }
        break;
      default:
        break;
    }
  }
  return true;
}

}  // namespace

NormalizedText Normalize(std::string_view source) {
  NormalizedText out;
  out.text.reserve(source.size());
  std::vector<CodePoint> cps;
  std::vector<char> widen;
  std::vector<char> paired;
  for (std::size_t begin = 0; begin < source.size();) {
    const std::size_t newline = source.find('\n', begin);
    std::size_t end = newline == std::string_view::npos ? source.size() : newline + 1;
    if (end - begin > kMaxPieceBytes) {
      end = begin + kMaxPieceBytes;
      while (end > begin && (static_cast<unsigned char>(source[end]) & 0xC0) == 0x80) --end;
    }
    const std::string_view line = source.substr(begin, end - begin);
    if (CopiesUnchanged(line)) {
      out.text.append(line);
      out.origin.Append(line.size(), line.size(), true);
    } else {
      NormalizeLine(line, out, cps, widen, paired);
    }
    begin = end;
  }
  out.origin.ShrinkToFit();
  return out;
}

}  // namespace plancheck::ingest
