#include "ingest/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <vector>

#include "base/utf8.h"

namespace plancheck::ingest {
namespace {

Error PdfError(const std::string& file, std::string message) {
  return Error{file, {}, std::move(message)};
}

// Poppler reports problems through one process-wide callback, by default to stderr. It
// is replaced once by one that keeps the messages of the calling thread (documents are
// read on several threads at once), so they can be quoted in our error and never printed.
thread_local std::vector<std::string>* t_poppler_messages = nullptr;

void KeepPopplerMessage(const std::string& message, void* /*closure*/) {
  if (t_poppler_messages != nullptr && t_poppler_messages->size() < 8) {
    t_poppler_messages->push_back(message);
  }
}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&KeepPopplerMessage, nullptr); });
}

// Collects poppler's messages while alive.
class MessageScope {
 public:
  MessageScope() : previous_(t_poppler_messages) { t_poppler_messages = &messages_; }
  ~MessageScope() { t_poppler_messages = previous_; }
  MessageScope(const MessageScope&) = delete;
  MessageScope& operator=(const MessageScope&) = delete;

  // "（poppler：Couldn't find trailer dictionary）", or "" when poppler said nothing.
  std::string Detail() const {
    if (messages_.empty()) return "";
    std::string first(TrimSpace(messages_.front()));
    if (first.size() > 200) first.resize(200);
    if (!IsValidUtf8(first)) return "";
    return "（poppler：" + first + "）";
  }

 private:
  std::vector<std::string> messages_;
  std::vector<std::string>* previous_;
};

std::string ToUtf8String(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Appends one page's text: '\r\n' and '\r' become line ends and every line ends with
// '\n', trailing white space dropped. Poppler ends each block of lines with an empty line
// (kept: it is where the page had a gap) and the page with a form feed; the empty lines
// at the end of a page are dropped, so pages join without a gap made up by the reader.
// Each line's place is page `page_number` and its count among the page's non-empty lines.
void AppendPage(std::string_view page, int page_number, ExtractedText& out) {
  std::vector<std::string> lines;
  std::string line;
  auto end_line = [&] {
    const std::size_t last = line.find_last_not_of(" \t");
    line.erase(last == std::string::npos ? 0 : last + 1);
    lines.push_back(std::move(line));
    line.clear();
  };
  for (std::size_t i = 0; i < page.size(); ++i) {
    const char c = page[i];
    if (c == '\r') {
      if (i + 1 < page.size() && page[i + 1] == '\n') ++i;
      end_line();
    } else if (c == '\n' || c == '\f') {
      end_line();
    } else {
      line += c;
    }
  }
  if (!line.empty()) end_line();
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  int line_number = 0;
  for (const std::string& text : lines) {
    out.AddLine(text, text.empty() ? Place{.page = page_number}
                                   : Place{.page = page_number, .line = ++line_number});
  }
}

}  // namespace

bool LooksLikePdf(const std::string& bytes) { return bytes.rfind("%PDF-", 0) == 0; }

Result<ExtractedText> ExtractPdf(const std::string& bytes, const std::string& display_path) {
  if (bytes.size() > kMaxPdfBytes) {
    return PdfError(display_path, "PDF 文件过大（超过 64 MiB），已拒绝读取");
  }
  SilencePoppler();
  MessageScope messages;
  // load_from_raw_data reads `bytes` in place; it outlives the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return PdfError(display_path, "PDF 文件已损坏或不完整，无法读取" + messages.Detail());
  }
  if (doc->is_locked()) {
    return PdfError(display_path, "PDF 文件已加密（需要密码才能打开），无法读取");
  }
  const int pages = doc->pages();
  if (pages <= 0) {
    return PdfError(display_path, "PDF 文件中没有页面" + messages.Detail());
  }
  if (pages > kMaxPdfPages) {
    return PdfError(display_path, "PDF 页数过多（" + std::to_string(pages) + " 页，上限 " +
                                      std::to_string(kMaxPdfPages) + " 页），已拒绝读取");
  }
  ExtractedText out;
  for (int index = 0; index < pages; ++index) {
    std::unique_ptr<poppler::page> page(doc->create_page(index));
    if (!page) {
      return PdfError(display_path, "PDF 文件已损坏：第 " + std::to_string(index + 1) +
                                        " 页无法读取" + messages.Detail());
    }
    // Reading order, as `pdftotext` without -layout: physical layout would pad columns
    // with spaces, raw order would keep the order of the content stream.
    const std::string text =
        ToUtf8String(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    AppendPage(text, index + 1, out);
    if (out.text.size() > kMaxPdfTextBytes) {
      return PdfError(display_path, "PDF 中的文字过多（超过 64 MiB），已拒绝读取");
    }
  }
  if (TrimSpace(out.text).empty()) {
    return PdfError(display_path,
                    "PDF 文件中没有可提取的文字（可能是扫描件，请先做文字识别或提供文字版）");
  }
  if (!IsValidUtf8(out.text)) return PdfError(display_path, "PDF 中含有无效的字符");
  return out;
}

Result<std::string> PdfToText(const std::string& bytes, const std::string& display_path) {
  Result<ExtractedText> extracted = ExtractPdf(bytes, display_path);
  if (!extracted) return extracted.error();
  return std::move(extracted->text);
}

}  // namespace plancheck::ingest
