#include "ingest/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace plancheck::ingest {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string_view NameOf(const xmlNode* node) {
  return node->name != nullptr ? reinterpret_cast<const char*>(node->name) : "";
}

bool IsSkipped(std::string_view name) {
  static const char* const kSkipped[] = {"script", "style", "nav",    "header", "footer",
                                         "aside",  "form",  "select", "noscript", "iframe"};
  return std::any_of(std::begin(kSkipped), std::end(kSkipped),
                     [&](const char* skipped) { return name == skipped; });
}

bool IsBlock(std::string_view name) {
  static const char* const kBlocks[] = {"p",  "div", "h1", "h2", "h3", "h4", "h5", "h6",
                                        "li", "ul",  "ol", "section", "article", "center",
                                        "blockquote", "pre", "table", "tr"};
  return std::any_of(std::begin(kBlocks), std::end(kBlocks),
                     [&](const char* block) { return name == block; });
}

// Chinese characters under `node`, outside skipped elements: how article-like it is.
std::size_t HanCount(const xmlNode* node) {
  std::size_t count = 0;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content != nullptr) {
      const std::string_view text(reinterpret_cast<const char*>(child->content));
      for (std::size_t offset = 0; offset < text.size();) {
        if (IsHan(DecodeUtf8(text, offset))) ++count;
      }
    } else if (child->type == XML_ELEMENT_NODE && !IsSkipped(NameOf(child))) {
      count += HanCount(child);
    }
  }
  return count;
}

// The container to read: starting at body, descend into the child holding most of the
// text while one child holds at least 70% of it (the article body inside page chrome).
const xmlNode* ArticleRoot(const xmlNode* body) {
  const xmlNode* current = body;
  for (int depth = 0; depth < 64; ++depth) {
    const std::size_t total = HanCount(current);
    const xmlNode* best = nullptr;
    std::size_t best_count = 0;
    for (const xmlNode* child = current->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE || IsSkipped(NameOf(child))) continue;
      const std::size_t count = HanCount(child);
      if (count > best_count) {
        best = child;
        best_count = count;
      }
    }
    // Descend only into containers (never into a paragraph or a table, read whole).
    const std::string_view best_name = best != nullptr ? NameOf(best) : "";
    const bool container = best_name == "div" || best_name == "article" ||
                           best_name == "section" || best_name == "main" ||
                           best_name == "center";
    if (best == nullptr || total == 0 || best_count * 10 < total * 7 || !container) {
      return current;
    }
    current = best;
  }
  return current;
}

class TextWriter {
 public:
  // The text so far, ending the open line.
  ExtractedText Finish() {
    EndLine();
    return std::move(out_);
  }

  void Block(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && child->content != nullptr) {
        Inline(reinterpret_cast<const char*>(child->content));
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = NameOf(child);
      if (IsSkipped(name)) continue;
      if (name == "br") {
        EndLine();
      } else if (name == "table") {
        EndLine();
        Table(child);
      } else if (IsBlock(name)) {
        EndLine();
        Block(child);
        EndLine();
      } else {
        Block(child);
      }
    }
  }

 private:
  // Text inside a line: white space runs (HTML source line breaks) become one space.
  void Inline(std::string_view text) {
    for (char c : text) {
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (space) {
        pending_space_ = !line_.empty();
      } else {
        if (pending_space_) line_ += ' ';
        pending_space_ = false;
        line_ += c;
      }
    }
  }
  // A line of text outside tables is the next paragraph.
  void EndLine() {
    const std::string_view trimmed = TrimSpace(line_);
    if (!trimmed.empty()) out_.AddLine(trimmed, Place{.paragraph = ++paragraphs_});
    line_.clear();
    pending_space_ = false;
  }
  // One paragraph list per cell, each paragraph a line of the cell's text.
  std::vector<std::string> CellParagraphs(const xmlNode* cell) {
    TextWriter inner;
    inner.Block(cell);
    std::vector<std::string> paragraphs;
    const std::string text = inner.Finish().text;
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      paragraphs.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return paragraphs;
  }
  void Table(const xmlNode* table) {
    const int table_number = ++tables_;
    std::vector<const xmlNode*> rows;
    CollectRows(table, rows);
    int row_number = 0;
    for (const xmlNode* row : rows) {
      ++row_number;
      out_.AddLine("", Place{.table = table_number, .row = row_number});
      int column = 0;
      for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE || (NameOf(cell) != "td" && NameOf(cell) != "th")) {
          continue;
        }
        ++column;
        const Place place{.table = table_number, .row = row_number, .column = column};
        const std::vector<std::string> paragraphs = CellParagraphs(cell);
        out_.AddLine("\t" + (paragraphs.empty() ? std::string() : paragraphs.front()), place);
        for (std::size_t i = 1; i < paragraphs.size(); ++i) {
          if (i == 1) out_.AddLine("", place);
          out_.AddLine(paragraphs[i], place);
        }
        xmlChar* colspan = xmlGetProp(cell, reinterpret_cast<const xmlChar*>("colspan"));
        if (colspan != nullptr) {
          const int span = std::clamp(std::atoi(reinterpret_cast<const char*>(colspan)), 1, 64);
          xmlFree(colspan);
          for (int extra = 1; extra < span; ++extra) {
            out_.AddLine("\t", Place{.table = table_number, .row = row_number, .column = ++column});
          }
        }
      }
    }
    out_.AddLine("", Place{.table = table_number});
  }
  static void CollectRows(const xmlNode* node, std::vector<const xmlNode*>& rows) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      if (NameOf(child) == "tr") {
        rows.push_back(child);
      } else if (NameOf(child) != "table") {  // thead, tbody, tfoot; not nested tables
        CollectRows(child, rows);
      }
    }
  }

  ExtractedText out_;
  std::string line_;
  bool pending_space_ = false;
  int paragraphs_ = 0;  // lines of text outside tables so far
  int tables_ = 0;
};

}  // namespace

bool LooksLikeHtml(const std::string& bytes) {
  std::size_t i = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::string head = bytes.substr(i, 14);
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

Result<ExtractedText> ExtractHtml(const std::string& bytes, const std::string& display_path) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX)),
      display_path.c_str(), nullptr, options));
  if (!doc) return Error{display_path, {}, "无法解析网页（HTML）"};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* body = nullptr;
  for (const xmlNode* child = root != nullptr ? root->children : nullptr; child != nullptr;
       child = child->next) {
    if (child->type == XML_ELEMENT_NODE && NameOf(child) == "body") body = child;
  }
  if (body == nullptr) body = root;
  if (body == nullptr) return Error{display_path, {}, "网页中没有正文"};
  TextWriter writer;
  writer.Block(ArticleRoot(body));
  ExtractedText text = writer.Finish();
  if (TrimSpace(text.text).empty()) return Error{display_path, {}, "网页中没有正文文字"};
  if (!IsValidUtf8(text.text)) return Error{display_path, {}, "网页含有无效的字符"};
  return text;
}

Result<std::string> HtmlToText(const std::string& bytes, const std::string& display_path) {
  Result<ExtractedText> extracted = ExtractHtml(bytes, display_path);
  if (!extracted) return extracted.error();
  return std::move(extracted->text);
}

}  // namespace plancheck::ingest
