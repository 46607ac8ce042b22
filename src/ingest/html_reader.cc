#include "ingest/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace plancheck::ingest {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

// Inline formatting elements: their tags carry nothing the text writer reads (it reads
// their text as if they were not there).
bool IsInlineFormatting(std::string_view name) {
  static const char* const kInline[] = {"font", "b",   "i",     "u",   "s",     "strike",
                                        "em",   "strong", "span", "small", "big", "tt",
                                        "a",    "o:p", "ins",   "nobr"};
  return std::any_of(std::begin(kInline), std::end(kInline), [&](const char* tag) {
    return name.size() == std::strlen(tag) &&
           std::equal(name.begin(), name.end(), tag, [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  });
}

// `page` without the start and end tags of inline formatting elements. Old government
// pages leave `<font>` open line after line (tag soup): each unclosed one nests the rest
// of the page one level deeper, and libxml2 stops at 256 levels, so a 301-task notice lost
// its last 47 tasks (and a false "未明确牵头单位" followed). Dropping these tags loses no
// text (the writer reads through them) and leaves the nesting that structure makes.
std::string WithoutInlineFormatting(const std::string& page) {
  std::string out;
  out.reserve(page.size());
  std::size_t i = 0;
  while (i < page.size()) {
    const std::size_t open = page.find('<', i);
    if (open == std::string::npos) break;
    out.append(page, i, open - i);
    std::size_t name_begin = open + 1;
    if (name_begin < page.size() && page[name_begin] == '/') ++name_begin;
    std::size_t name_end = name_begin;
    while (name_end < page.size() &&
           (std::isalnum(static_cast<unsigned char>(page[name_end])) || page[name_end] == ':')) {
      ++name_end;
    }
    const bool tag_name_ends = name_end < page.size() &&
                               (page[name_end] == '>' || page[name_end] == '/' ||
                                std::isspace(static_cast<unsigned char>(page[name_end])));
    if (name_end == name_begin || !tag_name_ends ||
        !IsInlineFormatting(std::string_view(page).substr(name_begin, name_end - name_begin))) {
      out += '<';
      i = open + 1;
      continue;
    }
    // Skip to the tag's '>', past quoted attribute values.
    std::size_t end = name_end;
    char quote = 0;
    while (end < page.size() && (quote != 0 || page[end] != '>')) {
      if (quote == 0 && (page[end] == '"' || page[end] == '\'')) {
        quote = page[end];
      } else if (quote != 0 && page[end] == quote) {
        quote = 0;
      }
      ++end;
    }
    if (end >= page.size()) {  // an unterminated tag: leave the rest to the parser
      out.append(page, open, std::string::npos);
      return out;
    }
    i = end + 1;
  }
  if (i < page.size()) out.append(page, i, std::string::npos);
  return out;
}

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
  // Extracts at most what `markup_bytes` of page may expand to (extracted_text.h).
  explicit TextWriter(std::size_t markup_bytes) : markup_bytes_(markup_bytes) {
    out_.SetBudget(markup_bytes);
  }
  bool over_budget() const { return out_.over_budget(); }
  const ExtractedText& text() const { return out_; }

  // The text so far, ending the open line.
  ExtractedText Finish() {
    EndLine();
    return std::move(out_);
  }

  void Block(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr && !out_.over_budget();
         child = child->next) {
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
    TextWriter inner(markup_bytes_);  // a nested table expands within the same budget
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
      if (out_.over_budget()) return;
      ++row_number;
      out_.AddLine("", Place{.table = table_number, .row = row_number});
      int column = 0;
      for (const xmlNode* cell = row->children; cell != nullptr && !out_.over_budget();
           cell = cell->next) {
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
          for (int extra = 1; extra < span && !out_.over_budget(); ++extra) {
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

  std::size_t markup_bytes_;
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
  if (TooManyTags(bytes)) {
    return Error{display_path, {},
                 "网页结构过于庞大（超过 " + std::to_string(kMaxMarkupTags / 10000) +
                     " 万个标记），已拒绝读取"};
  }
  const std::string page = WithoutInlineFormatting(bytes);
  // The text is UTF-8 by now (text_reader.cc decodes a page first): naming the encoding
  // also makes libxml2 ignore a <meta charset> that says otherwise.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;
  std::unique_ptr<htmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
  if (!context) return Error{display_path, {}, "无法解析网页（HTML）"};
  std::unique_ptr<xmlDoc, DocFree> doc(htmlCtxtReadMemory(
      context.get(), page.data(), static_cast<int>(std::min<std::size_t>(page.size(), INT32_MAX)),
      display_path.c_str(), "UTF-8", options));
  // libxml2 stops at 256 nested elements ("Excessive depth") and keeps what it had: the
  // rest of the page would be lost without a word. With inline formatting gone, only a
  // page nested that deep in earnest gets here, and it is refused where it got too deep.
  const xmlError& last = context->lastError;
  if (last.code == XML_ERR_INTERNAL_ERROR && last.message != nullptr &&
      std::string_view(last.message).find("Excessive depth") != std::string_view::npos) {
    return Error{display_path, {last.line > 0 ? last.line : 0, 0},
                 "网页的元素嵌套超过 256 层（此处），已拒绝读取，以免丢失后面的文字"};
  }
  if (!doc) return Error{display_path, {}, "无法解析网页（HTML）"};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* body = nullptr;
  for (const xmlNode* child = root != nullptr ? root->children : nullptr; child != nullptr;
       child = child->next) {
    if (child->type == XML_ELEMENT_NODE && NameOf(child) == "body") body = child;
  }
  if (body == nullptr) body = root;
  if (body == nullptr) return Error{display_path, {}, "网页中没有正文"};
  TextWriter writer(bytes.size());
  writer.Block(ArticleRoot(body));
  if (writer.over_budget()) return ExpansionError(display_path, writer.text(), "网页", bytes.size());
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
