#include "ingest/docx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "base/utf8.h"
#include "ingest/zip_archive.h"

namespace plancheck::ingest {
namespace {

Error DocxError(const std::string& file, std::string message) {
  return Error{file, {}, std::move(message)};
}

// Word list numbering: numId -> abstract levels (format, text, start).
struct Level {
  std::string format = "decimal";
  std::string text = "%1.";
  int start = 1;
};
struct Numbering {
  std::map<std::string, std::map<int, Level>> levels_by_num;
  // numId -> counter per level. 64-bit: a w:start may be INT_MAX (pugixml saturates
  // longer numbers) and the next item counts one further; fuzz/docx_xml found the
  // overflow (tests/robustness/fuzz/docx_xml/crash-c3ac688f1591d8683878f50fdacf45836795aa51).
  std::map<std::string, std::vector<std::int64_t>> counters;

  void Load(const pugi::xml_document& xml) {
    std::map<std::string, std::map<int, Level>> abstract;
    const pugi::xml_node root = xml.child("w:numbering");
    for (pugi::xml_node a : root.children("w:abstractNum")) {
      auto& levels = abstract[a.attribute("w:abstractNumId").value()];
      for (pugi::xml_node l : a.children("w:lvl")) {
        Level level;
        if (auto f = l.child("w:numFmt")) level.format = f.attribute("w:val").value();
        if (auto t = l.child("w:lvlText")) level.text = t.attribute("w:val").value();
        if (auto s = l.child("w:start")) level.start = s.attribute("w:val").as_int(1);
        levels[l.attribute("w:ilvl").as_int()] = level;
      }
    }
    for (pugi::xml_node n : root.children("w:num")) {
      const std::string id = n.attribute("w:numId").value();
      const std::string abstract_id = n.child("w:abstractNumId").attribute("w:val").value();
      if (abstract.count(abstract_id) != 0) levels_by_num[id] = abstract[abstract_id];
    }
  }

  static std::string Format(std::int64_t value, const std::string& format) {
    static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五",
                                          "六", "七", "八", "九"};
    if (format.rfind("chinese", 0) == 0 || format.rfind("ideograph", 0) == 0 ||
        format == "taiwaneseCounting") {
      if (value <= 0 || value >= 100) return std::to_string(value);
      if (value < 10) return kDigits[value];
      std::string out = value / 10 == 1 ? "" : kDigits[value / 10];
      out += "十";
      if (value % 10 != 0) out += kDigits[value % 10];
      return out;
    }
    if (format == "decimalEnclosedCircle" && value >= 1 && value <= 20) {
      return ToUtf8(static_cast<char32_t>(0x2460 + value - 1));
    }
    return std::to_string(value);
  }

  // The label Word shows for the next paragraph of list `num_id` at `ilvl`.
  std::string Next(const std::string& num_id, int ilvl) {
    const auto found = levels_by_num.find(num_id);
    if (found == levels_by_num.end() || ilvl < 0 || ilvl > 8) return "";
    std::vector<std::int64_t>& counter = counters[num_id];
    counter.resize(9, 0);
    const auto& levels = found->second;
    auto start_of = [&](int level) -> std::int64_t {
      const auto it = levels.find(level);
      return it == levels.end() ? 1 : it->second.start;
    };
    counter[ilvl] = counter[ilvl] == 0 ? start_of(ilvl) : counter[ilvl] + 1;
    for (int deeper = ilvl + 1; deeper < 9; ++deeper) counter[deeper] = 0;
    const auto level = levels.find(ilvl);
    if (level == levels.end()) return "";
    std::string label;
    const std::string& text = level->second.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        const int which = text[i + 1] - '1';
        const auto which_level = levels.find(which);
        const std::int64_t value = counter[which] == 0 ? start_of(which) : counter[which];
        label += Format(value, which_level == levels.end() ? "decimal" : which_level->second.format);
        ++i;
      } else {
        label += text[i];
      }
    }
    return label;
  }
};

// The visible text of one paragraph: runs' w:t, tabs as spaces, breaks as spaces.
std::string ParagraphText(pugi::xml_node paragraph, Numbering& numbering) {
  std::string text;
  if (pugi::xml_node num = paragraph.child("w:pPr").child("w:numPr")) {
    text += numbering.Next(num.child("w:numId").attribute("w:val").value(),
                           num.child("w:ilvl").attribute("w:val").as_int(0));
  }
  // Runs may sit inside hyperlinks, smart tags or fields, so walk every descendant.
  struct Walker : pugi::xml_tree_walker {
    std::string* out;
    bool for_each(pugi::xml_node& node) override {
      const std::string_view name = node.name();
      if (name == "w:t") {
        *out += node.text().get();
      } else if (name == "w:tab" || name == "w:br" || name == "w:cr") {
        *out += ' ';
      }
      return true;
    }
  } walker;
  walker.out = &text;
  paragraph.traverse(walker);
  return text;
}

// Table `table_number` as the flattened-table shape, each line with its place. False when
// the text went over its budget (the table is left unfinished).
bool AppendTable(pugi::xml_node table, int table_number, Numbering& numbering, ExtractedText& out) {
  std::map<int, std::vector<std::string>> merged_above;  // column -> paragraphs
  int row_number = 0;
  for (pugi::xml_node row : table.children("w:tr")) {
    ++row_number;
    out.AddLine("", Place{.table = table_number, .row = row_number});
    int column = 0;
    for (pugi::xml_node cell : row.children("w:tc")) {
      const pugi::xml_node props = cell.child("w:tcPr");
      const int span =
          std::clamp(props.child("w:gridSpan").attribute("w:val").as_int(1), 1, kMaxWordColumns);
      std::vector<std::string> paragraphs;
      for (pugi::xml_node p : cell.children("w:p")) paragraphs.push_back(ParagraphText(p, numbering));
      if (pugi::xml_node vmerge = props.child("w:vMerge")) {
        const std::string val = vmerge.attribute("w:val").value();
        if (val == "restart") {
          merged_above[column] = paragraphs;
        } else {
          paragraphs = merged_above[column];  // a continued merge repeats the value above
        }
      } else {
        merged_above.erase(column);
      }
      out.AddTableCell(std::move(paragraphs),
                       Place{.table = table_number, .row = row_number, .column = column + 1});
      for (int extra = 1; extra < span; ++extra) {
        out.AddLine("\t",
                    Place{.table = table_number, .row = row_number, .column = column + extra + 1});
      }
      column += span;
      if (out.over_budget()) return false;
    }
  }
  out.AddLine("", Place{.table = table_number});
  return true;
}

}  // namespace

Result<ExtractedText> ExtractDocx(const std::string& bytes, const std::string& display_path) {
  Result<ZipArchive> archive = ZipArchive::Open(bytes, display_path, "Word 文档");
  if (!archive) return archive.error();
  Result<std::string> body = archive->Read("word/document.xml", true);
  if (!body) return body.error();
  Result<std::string> numbering_xml = archive->Read("word/numbering.xml", false);
  if (!numbering_xml) return numbering_xml.error();

  Numbering numbering;
  if (!numbering_xml->empty()) {
    pugi::xml_document xml;
    if (xml.load_buffer(numbering_xml->data(), numbering_xml->size())) numbering.Load(xml);
  }
  if (TooManyTags(*body) || TooManyTags(*numbering_xml)) {
    return DocxError(display_path, "Word 文档结构过于庞大（超过 " +
                                       std::to_string(kMaxMarkupTags / 10000) +
                                       " 万个 XML 标记），已拒绝读取");
  }
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_buffer(body->data(), body->size());
  if (!parsed) {
    return DocxError(display_path, std::string("Word 文档已损坏：word/document.xml 不是有效的 XML（") +
                                       parsed.description() + "）");
  }
  ExtractedText out;
  out.SetBudget(body->size());
  int paragraphs = 0;
  int tables = 0;
  const pugi::xml_node document_body = xml.child("w:document").child("w:body");
  for (pugi::xml_node node : document_body.children()) {
    const std::string name = node.name();
    bool within_limit = true;
    if (name == "w:p") {
      out.AddLine(ParagraphText(node, numbering), Place{.paragraph = ++paragraphs});
      within_limit = !out.over_budget();
    } else if (name == "w:tbl") {
      within_limit = AppendTable(node, ++tables, numbering, out);
    }
    if (!within_limit) return ExpansionError(display_path, out, "Word 文档", body->size());
  }
  if (TrimSpace(out.text).empty()) return DocxError(display_path, "Word 文档中没有文字");
  if (!IsValidUtf8(out.text)) return DocxError(display_path, "Word 文档含有无效的字符");
  return out;
}

Result<std::string> DocxToText(const std::string& bytes, const std::string& display_path) {
  Result<ExtractedText> extracted = ExtractDocx(bytes, display_path);
  if (!extracted) return extracted.error();
  return std::move(extracted->text);
}

}  // namespace plancheck::ingest
