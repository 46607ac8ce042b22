#include "ingest/ofd_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "ingest/zip_archive.h"

namespace plancheck::ingest {
namespace {

constexpr const char* kKind = "OFD 文件";

Error OfdError(const std::string& file, std::string message) {
  return Error{file, {}, std::move(message)};
}

// Element names carry whatever prefix the producer bound the OFD namespace to ("ofd:Page",
// "Page"): compare local names.
std::string_view LocalName(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (LocalName(child) == local) return child;
  }
  return {};
}

// The numbers of a space-separated list ("10 20.5 30 40"); stops at the first that is not
// one.
std::vector<double> Numbers(std::string_view text) {
  std::vector<double> out;
  std::string buffer(text);
  const char* at = buffer.c_str();
  while (*at != '\0') {
    char* end = nullptr;
    const double value = std::strtod(at, &end);
    if (end == at) break;
    if (std::isfinite(value)) out.push_back(value);
    at = end;
  }
  return out;
}

// DeltaX / DeltaY: each character's advance; "g N d" stands for N times d.
std::vector<double> Deltas(std::string_view text, std::size_t max_count) {
  std::vector<double> out;
  std::size_t at = 0;
  auto next_token = [&]() -> std::string_view {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' ||
                                text[at] == '\r')) {
      ++at;
    }
    const std::size_t start = at;
    while (at < text.size() && text[at] != ' ' && text[at] != '\t' && text[at] != '\n' &&
           text[at] != '\r') {
      ++at;
    }
    return text.substr(start, at - start);
  };
  while (out.size() < max_count) {
    const std::string_view token = next_token();
    if (token.empty()) break;
    if (token == "g") {
      const std::vector<double> count = Numbers(next_token());
      const std::vector<double> value = Numbers(next_token());
      if (count.empty() || value.empty()) break;
      // A count larger than the characters left is cut to them (an OFD cannot make us
      // allocate more than its own text).
      const double wanted = std::clamp(count[0], 0.0, static_cast<double>(max_count - out.size()));
      out.insert(out.end(), static_cast<std::size_t>(wanted), value[0]);
      continue;
    }
    const std::vector<double> value = Numbers(token);
    if (value.empty()) break;
    out.push_back(value[0]);
  }
  return out;
}

// A path inside the package: `ref` absolute ("/Doc_0/Pages/...") or relative to the
// directory of the entry that names it; "." and ".." resolved, never above the root.
std::string ResolvePath(const std::string& base_entry, std::string_view ref) {
  std::vector<std::string> parts;
  auto push_all = [&](std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t slash = path.find_first_of("/\\", start);
      if (slash == std::string_view::npos) slash = path.size();
      const std::string_view part = path.substr(start, slash - start);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      start = slash + 1;
    }
  };
  if (ref.empty() || (ref.front() != '/' && ref.front() != '\\')) {
    const std::size_t slash = base_entry.rfind('/');
    if (slash != std::string::npos) push_all(std::string_view(base_entry).substr(0, slash));
  }
  push_all(ref);
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

// One character on the page: its baseline origin (millimetres, y downwards), its advance
// and the font size.
struct Glyph {
  double x = 0;
  double y = 0;
  double advance = 0;
  double size = 0;
  std::string text;  // one code point, UTF-8
};

// An affine map (a b c d e f): x' = a x + c y + e, y' = b x + d y + f.
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  double MapX(double x, double y) const { return a * x + c * y + e; }
  double MapY(double x, double y) const { return b * x + d * y + f; }
};

// Page blocks nest; deeper than this they are not read (no producer nests them more than a
// few levels, and the recursion must not exhaust the stack on a hostile file).
constexpr int kMaxBlockDepth = 64;

// Collects the glyphs of every TextObject under `node` (layers, page blocks) in file order.
// `max_bytes` bounds the text kept; false once it is passed.
bool CollectGlyphs(const pugi::xml_node& node, std::vector<Glyph>& glyphs, std::size_t& bytes,
                   std::size_t max_bytes, int depth = 0) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = LocalName(child);
    if (name == "PageBlock" || name == "Layer" || name == "Content") {
      if (depth < kMaxBlockDepth && !CollectGlyphs(child, glyphs, bytes, max_bytes, depth + 1)) {
        return false;
      }
      continue;
    }
    if (name != "TextObject") continue;
    const std::vector<double> boundary = Numbers(child.attribute("Boundary").value());
    const double left = boundary.size() >= 2 ? boundary[0] : 0;
    const double top = boundary.size() >= 2 ? boundary[1] : 0;
    const double size = std::fabs(child.attribute("Size").as_double(0));
    Matrix ctm;
    if (const std::vector<double> m = Numbers(child.attribute("CTM").value()); m.size() == 6) {
      ctm = Matrix{m[0], m[1], m[2], m[3], m[4], m[5]};
    }
    const double scale = std::hypot(ctm.a, ctm.b) > 0 ? std::hypot(ctm.a, ctm.b) : 1;
    // A TextCode without X or Y goes on from where the previous one ended.
    double pen_x = 0;
    double pen_y = 0;
    for (pugi::xml_node code : child.children()) {
      if (LocalName(code) != "TextCode") continue;
      const std::string_view text = code.text().get();
      if (pugi::xml_attribute x = code.attribute("X")) pen_x = x.as_double(pen_x);
      if (pugi::xml_attribute y = code.attribute("Y")) pen_y = y.as_double(pen_y);
      const std::size_t count = CodePointCount(text);
      const std::vector<double> dx = Deltas(code.attribute("DeltaX").value(), count);
      const std::vector<double> dy = Deltas(code.attribute("DeltaY").value(), count);
      std::size_t offset = 0;
      for (std::size_t i = 0; offset < text.size(); ++i) {
        const std::size_t start = offset;
        const char32_t cp = DecodeUtf8(text, offset);
        // Without DeltaX the font's advance is unknown: a full em for CJK, half for the rest.
        const double em = size > 0 ? size : 1;
        const double advance = i < dx.size() ? dx[i] : (IsCjk(cp) ? em : em / 2);
        Glyph glyph;
        glyph.x = left + ctm.MapX(pen_x, pen_y);
        glyph.y = top + ctm.MapY(pen_x, pen_y);
        glyph.advance = std::fabs(advance) * scale;
        glyph.size = em * scale;
        glyph.text.assign(text, start, offset - start);
        bytes += glyph.text.size();
        if (bytes > max_bytes) return false;
        glyphs.push_back(std::move(glyph));
        pen_x += advance;
        if (i < dy.size()) pen_y += dy[i];
      }
    }
  }
  return true;
}

// The page's glyphs as lines of text, top to bottom, each left to right. Glyphs share a
// line when their baselines are closer than a third of the font size; a gap wider than a
// full em inside a line is a space; a gap between baselines of more than 2.25 times the
// font size (a blank line at the usual 1.5 line spacing) is an empty line.
std::vector<std::string> PageLines(std::vector<Glyph> glyphs) {
  std::stable_sort(glyphs.begin(), glyphs.end(),
                   [](const Glyph& a, const Glyph& b) { return a.y < b.y; });
  struct Line {
    double y = 0;
    double size = 0;
    std::vector<Glyph> glyphs;
  };
  std::vector<Line> lines;
  for (Glyph& glyph : glyphs) {
    if (!lines.empty()) {
      Line& last = lines.back();
      const double tolerance = std::max(last.size, glyph.size) / 3;
      if (std::fabs(glyph.y - last.y) <= tolerance) {
        last.size = std::max(last.size, glyph.size);
        last.glyphs.push_back(std::move(glyph));
        continue;
      }
    }
    Line line;
    line.y = glyph.y;
    line.size = glyph.size;
    line.glyphs.push_back(std::move(glyph));
    lines.push_back(std::move(line));
  }
  std::vector<std::string> out;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    Line& line = lines[index];
    if (index > 0 && line.y - lines[index - 1].y > 2.25 * std::max(line.size, lines[index - 1].size)) {
      out.emplace_back();
    }
    std::stable_sort(line.glyphs.begin(), line.glyphs.end(),
                     [](const Glyph& a, const Glyph& b) { return a.x < b.x; });
    std::string text;
    double end = 0;
    for (std::size_t i = 0; i < line.glyphs.size(); ++i) {
      const Glyph& glyph = line.glyphs[i];
      if (i > 0 && glyph.x - end > glyph.size && !text.empty() && text.back() != ' ') text += ' ';
      text += glyph.text;
      end = glyph.x + glyph.advance;
    }
    const std::size_t last = text.find_last_not_of(" \t");
    text.erase(last == std::string::npos ? 0 : last + 1);
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

Result<pugi::xml_document*> LoadXml(const ZipArchive& archive, const std::string& entry,
                                    pugi::xml_document& xml, const std::string& what) {
  Result<std::string> bytes = archive.Read(entry, true);
  if (!bytes) return bytes.error();
  const pugi::xml_parse_result parsed =
      xml.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    return OfdError(archive.display_path(), std::string("OFD 文件已损坏：") + what + "（" + entry +
                                                "）不是有效的 XML（" + parsed.description() + "）");
  }
  return &xml;
}

}  // namespace

bool LooksLikeOfd(const std::string& bytes) {
  if (!LooksLikeZip(bytes)) return false;
  Result<ZipArchive> archive = ZipArchive::Open(bytes, "", kKind);
  return archive && archive->Contains("OFD.xml");
}

Result<ExtractedText> ExtractOfd(const std::string& bytes, const std::string& display_path) {
  if (bytes.size() > kMaxOfdBytes) {
    return OfdError(display_path, "OFD 文件过大（超过 64 MiB），已拒绝读取");
  }
  Result<ZipArchive> archive = ZipArchive::Open(bytes, display_path, kKind);
  if (!archive) return archive.error();

  pugi::xml_document root_xml;
  if (auto loaded = LoadXml(*archive, "OFD.xml", root_xml, "入口文件"); !loaded) {
    return loaded.error();
  }
  const pugi::xml_node body = Child(Child(root_xml, "OFD"), "DocBody");
  const std::string doc_root = ResolvePath("OFD.xml", Child(body, "DocRoot").text().get());
  if (!body || doc_root.empty()) {
    return OfdError(display_path, "不是有效的 OFD 文件：OFD.xml 中没有 DocBody/DocRoot");
  }
  // GB/T 33190 packages that are encrypted name their encryption description here; the
  // pages are then unreadable without the key.
  if (Child(body, "Encryptions") || archive->Contains("Encryptions.xml")) {
    return OfdError(display_path, "OFD 文件已加密，无法读取");
  }
  pugi::xml_document document_xml;
  if (auto loaded = LoadXml(*archive, doc_root, document_xml, "文档描述"); !loaded) {
    return loaded.error();
  }
  const pugi::xml_node pages = Child(Child(document_xml, "Document"), "Pages");
  std::vector<std::string> page_entries;
  for (pugi::xml_node page : pages.children()) {
    if (LocalName(page) != "Page") continue;
    if (page_entries.size() == static_cast<std::size_t>(kMaxOfdPages)) {
      return OfdError(display_path, "OFD 页数过多（上限 " + std::to_string(kMaxOfdPages) +
                                        " 页），已拒绝读取");
    }
    page_entries.push_back(ResolvePath(doc_root, page.attribute("BaseLoc").value()));
  }
  if (page_entries.empty()) return OfdError(display_path, "OFD 文件中没有页面");

  ExtractedText out;
  std::size_t text_bytes = 0;
  for (std::size_t index = 0; index < page_entries.size(); ++index) {
    const int page_number = static_cast<int>(index) + 1;
    pugi::xml_document page_xml;
    const std::string what = "第 " + std::to_string(page_number) + " 页";
    if (auto loaded = LoadXml(*archive, page_entries[index], page_xml, what); !loaded) {
      return loaded.error();
    }
    std::vector<Glyph> glyphs;
    if (!CollectGlyphs(Child(Child(page_xml, "Page"), "Content"), glyphs, text_bytes,
                       kMaxOfdTextBytes)) {
      return OfdError(display_path, "OFD 中的文字过多（超过 64 MiB），已拒绝读取");
    }
    int line_number = 0;
    for (const std::string& line : PageLines(std::move(glyphs))) {
      out.AddLine(line, line.empty() ? Place{.page = page_number}
                                     : Place{.page = page_number, .line = ++line_number});
    }
  }
  if (TrimSpace(out.text).empty()) {
    return OfdError(display_path,
                    "OFD 文件中没有可提取的文字（可能是扫描件，请先做文字识别或提供文字版）");
  }
  if (!IsValidUtf8(out.text)) return OfdError(display_path, "OFD 中含有无效的字符");
  return out;
}

}  // namespace plancheck::ingest
