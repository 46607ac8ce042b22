#include "report/diff.h"

#include <algorithm>
#include <vector>

namespace plancheck::report {
namespace {

// Lines with their '\n' (the last may lack one).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, stop - start));
    start = stop;
  }
  return lines;
}

void AppendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "@@ -a,b +c,d @@" in unified diff's numbering: a range of no lines starts one before.
std::string Range(std::size_t first, std::size_t count) {
  return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

}  // namespace

std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after,
                        int context) {
  if (before == after) return "";
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);
  // Changed blocks as [begin, end) line ranges of a and of b.
  struct Block {
    std::size_t a_begin, a_end, b_begin, b_end;
  };
  std::vector<Block> blocks;
  if (a.size() == b.size()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) blocks.push_back({i, i + 1, i, i + 1});
    }
  } else {
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
      ++tail;
    }
    blocks.push_back({head, a.size() - tail, head, b.size() - tail});
  }
  const auto ctx = static_cast<std::size_t>(std::max(context, 0));
  // git's a/ and b/ prefixes for a relative path (`git apply`, `patch -p1`); an absolute
  // path is named as it is (`patch -p0`).
  const bool absolute = !path.empty() && path.front() == '/';
  std::string out = (absolute ? "--- " : "--- a/") + path + (absolute ? "\n+++ " : "\n+++ b/") +
                    path + "\n";
  for (std::size_t i = 0; i < blocks.size();) {
    // A hunk takes the blocks whose context touches.
    std::size_t j = i;
    while (j + 1 < blocks.size() && blocks[j + 1].a_begin <= blocks[j].a_end + 2 * ctx) ++j;
    const std::size_t a_start = blocks[i].a_begin - std::min(blocks[i].a_begin, ctx);
    const std::size_t b_start = blocks[i].b_begin - (blocks[i].a_begin - a_start);
    const std::size_t a_stop = std::min(a.size(), blocks[j].a_end + ctx);
    const std::size_t b_stop = blocks[j].b_end + (a_stop - blocks[j].a_end);
    out += "@@ -" + Range(a_start, a_stop - a_start) + " +" + Range(b_start, b_stop - b_start) + " @@\n";
    std::size_t at = a_start;
    for (std::size_t k = i; k <= j; ++k) {
      for (; at < blocks[k].a_begin; ++at) AppendLine(out, ' ', a[at]);
      for (std::size_t l = blocks[k].a_begin; l < blocks[k].a_end; ++l) AppendLine(out, '-', a[l]);
      for (std::size_t l = blocks[k].b_begin; l < blocks[k].b_end; ++l) AppendLine(out, '+', b[l]);
      at = blocks[k].a_end;
    }
    for (; at < a_stop; ++at) AppendLine(out, ' ', a[at]);
    i = j + 1;
  }
  return out;
}

}  // namespace plancheck::report
