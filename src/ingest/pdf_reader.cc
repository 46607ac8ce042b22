#include "ingest/pdf_reader.h"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <vector>

#include "base/utf8.h"
#include "ingest/companion.h"
#include "ingest/pdf_module.h"

namespace plancheck::ingest {
namespace {

namespace fs = std::filesystem;

Error PdfError(const std::string& file, std::string message) {
  return Error{file, {}, std::move(message)};
}

// "（poppler：Couldn't find trailer dictionary）", or "" when poppler said nothing.
std::string Detail(const std::string& message) {
  if (message.empty()) return "";
  std::string first(TrimSpace(message));
  if (first.size() > 200) first.resize(200);
  if (!IsValidUtf8(first)) return "";
  return "（poppler：" + first + "）";
}

// The module's entry point, loaded once per process; nullptr (and `why`) when it cannot be.
pdf_module::ReadPages LoadModule(std::string& why) {
  static std::once_flag once;
  static pdf_module::ReadPages entry = nullptr;
  static std::string error;
  std::call_once(once, [] {
    for (const std::string& path : CompanionCandidates(
             "PLANCHECK_PDF_MODULE", PLANCHECK_INSTALLED_PDF_MODULE, PLANCHECK_BUILD_PDF_MODULE)) {
      std::error_code ec;
      if (!fs::is_regular_file(path, ec)) continue;
      // Never closed: poppler keeps process-wide state.
      void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        const char* message = ::dlerror();
        error = path + "：" + (message != nullptr ? message : "dlopen failed");
        continue;
      }
      entry = reinterpret_cast<pdf_module::ReadPages>(::dlsym(handle, pdf_module::kEntryPoint));
      if (entry != nullptr) return;
      error = path + "：缺少入口 " + pdf_module::kEntryPoint;
    }
    if (error.empty()) error = "未找到 plancheck-pdf.so";
  });
  why = error;
  return entry;
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
  std::string why;
  const pdf_module::ReadPages read_pages = LoadModule(why);
  if (read_pages == nullptr) {
    return PdfError(display_path, "无法加载 PDF 支持模块，不能读取 PDF（" + why + "）");
  }
  pdf_module::Pages pages;
  read_pages(bytes.data(), bytes.size(), kMaxPdfPages, kMaxPdfTextBytes, &pages);
  const std::string detail = Detail(pages.first_message);
  switch (pages.status) {
    case pdf_module::Status::kOk:
      break;
    case pdf_module::Status::kCannotOpen:
      return PdfError(display_path, "PDF 文件已损坏或不完整，无法读取" + detail);
    case pdf_module::Status::kLocked:
      return PdfError(display_path, "PDF 文件已加密（需要密码才能打开），无法读取");
    case pdf_module::Status::kNoPages:
      return PdfError(display_path, "PDF 文件中没有页面" + detail);
    case pdf_module::Status::kTooManyPages:
      return PdfError(display_path, "PDF 页数过多（" + std::to_string(pages.page_count) +
                                        " 页，上限 " + std::to_string(kMaxPdfPages) +
                                        " 页），已拒绝读取");
    case pdf_module::Status::kBadPage:
      return PdfError(display_path, "PDF 文件已损坏：第 " + std::to_string(pages.page_count) +
                                        " 页无法读取" + detail);
    case pdf_module::Status::kTextTooLarge:
      return PdfError(display_path, "PDF 中的文字过多（超过 64 MiB），已拒绝读取");
  }
  ExtractedText out;
  for (std::size_t index = 0; index < pages.texts.size(); ++index) {
    AppendPage(pages.texts[index], static_cast<int>(index) + 1, out);
    std::string().swap(pages.texts[index]);  // one page's text alive twice at most
  }
  if (out.text.size() > kMaxPdfTextBytes) {
    return PdfError(display_path, "PDF 中的文字过多（超过 64 MiB），已拒绝读取");
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
