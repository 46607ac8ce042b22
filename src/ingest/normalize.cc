#include "ingest/normalize.h"

#include <vector>

#include "base/utf8.h"

namespace plancheck::ingest {
namespace {

struct CodePoint {
  char32_t cp;
  std::size_t begin;  // byte offset in the source
  std::size_t size;   // bytes
};

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

}  // namespace

NormalizedText Normalize(std::string_view source) {
  std::vector<CodePoint> cps;
  cps.reserve(source.size() / 2);
  for (std::size_t offset = 0; offset < source.size();) {
    const std::size_t begin = offset;
    const char32_t cp = DecodeUtf8(source, offset);
    cps.push_back({cp, begin, offset - begin});
  }
  // Nearest non-space neighbour on the same line, or 0. The look is bounded so that a
  // line of a million spaces stays linear.
  auto neighbour = [&](std::size_t i, int step) -> char32_t {
    const auto origin = static_cast<std::ptrdiff_t>(i);
    for (std::ptrdiff_t j = origin + step;
         j >= 0 && j < static_cast<std::ptrdiff_t>(cps.size()) && (j - origin) * step <= 64;
         j += step) {
      const char32_t cp = cps[j].cp;
      if (cp == '\n' || cp == '\r' || cp == '\t') return 0;
      if (!IsLineSpace(cp)) return cp;
    }
    return 0;
  };

  // Brackets widen as a pair, so "(1)" never becomes "(1）": a pair on one line widens
  // when it encloses Chinese text or touches Chinese text on either side.
  std::vector<char> widen(cps.size(), 0);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i].cp;
    if (cp != '(' && cp != ')' && FullWidthFor(cp) != 0) {
      widen[i] = IsCjk(neighbour(i, -1)) || IsCjk(neighbour(i, +1));
    }
  }
  std::vector<char> paired(cps.size(), 0);
  std::size_t open = cps.size();  // the last unmatched '(' on this line
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i].cp;
    if (cp == '\n') {
      open = cps.size();
    } else if (cp == '(') {
      open = i;
    } else if (cp == ')' && open < i) {
      bool cjk = IsCjk(neighbour(open, -1)) || IsCjk(neighbour(i, +1));
      // Bounded look inside: brackets around a long run are judged by their edges.
      for (std::size_t k = open + 1; k < i && k < open + 64 && !cjk; ++k) cjk = IsCjk(cps[k].cp);
      widen[open] = widen[i] = cjk;
      paired[open] = paired[i] = 1;
      open = cps.size();
    }
  }
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if ((cps[i].cp == '(' || cps[i].cp == ')') && !paired[i]) {
      widen[i] = IsCjk(neighbour(i, -1)) || IsCjk(neighbour(i, +1));
    }
  }

  NormalizedText out;
  out.text.reserve(source.size());
  auto copy = [&](const CodePoint& c) {
    out.text.append(source.substr(c.begin, c.size));
    out.origin.Append(c.size, c.size, true);
  };
  auto replace = [&](const CodePoint& c, std::string_view with) {
    out.text.append(with);
    out.origin.Append(with.size(), c.size, false);
  };

  bool at_line_start = true;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const CodePoint& c = cps[i];
    if (c.cp == '\r') {
      if (i + 1 < cps.size() && cps[i + 1].cp == '\n') {
        replace(c, "");  // the '\n' that follows is copied
      } else {
        replace(c, "\n");
        at_line_start = true;
      }
      continue;
    }
    if (c.cp == '\n') {
      copy(c);
      at_line_start = true;
      continue;
    }
    if (IsLineSpace(c.cp)) {
      if (at_line_start) {
        copy(c);
        continue;
      }
      // A run of spaces: drop it at a line end, or between two characters one of
      // which is Chinese.
      std::size_t j = i;
      while (j < cps.size() && IsLineSpace(cps[j].cp)) ++j;
      const bool at_end = j == cps.size() || cps[j].cp == '\n' || cps[j].cp == '\r';
      const char32_t before = i > 0 ? cps[i - 1].cp : 0;
      const char32_t after = j < cps.size() ? cps[j].cp : 0;
      const bool cjk_side = IsCjk(before) || IsCjk(after);
      const bool tab_side = before == '\t' || after == '\t';
      if (at_end || (cjk_side && !tab_side)) {
        for (std::size_t k = i; k < j; ++k) replace(cps[k], "");
      } else {
        for (std::size_t k = i; k < j; ++k) copy(cps[k]);
      }
      i = j - 1;
      continue;
    }
    at_line_start = false;
    if ((c.cp >= 0xFF10 && c.cp <= 0xFF19) || (c.cp >= 0xFF21 && c.cp <= 0xFF3A) ||
        (c.cp >= 0xFF41 && c.cp <= 0xFF5A)) {
      replace(c, ToUtf8(c.cp - 0xFEE0));
      continue;
    }
    if (widen[i]) {
      replace(c, ToUtf8(FullWidthFor(c.cp)));
      continue;
    }
    copy(c);
  }
  return out;
}

}  // namespace plancheck::ingest
