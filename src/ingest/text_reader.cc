#include "ingest/text_reader.h"

#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include "base/line_index.h"
#include "ingest/doc_reader.h"
#include "ingest/docx_reader.h"
#include "ingest/html_reader.h"
#include "ingest/ofd_reader.h"
#include "ingest/pdf_reader.h"
#include "base/utf8.h"

namespace plancheck::ingest {
namespace {

Error FileError(const std::string& file, std::string message) {
  return Error{file, {}, std::move(message)};
}

// UTF-16 with a BOM, converted by ICU; a failure is a located error.
Result<DecodedText> DecodeUtf16(const std::string& bytes, const char* charset,
                                const std::string& display_path) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  if (U_FAILURE(status)) {
    return FileError(display_path, std::string("无法打开编码转换器 ") + charset);
  }
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter);
    return FileError(display_path, std::string("无法设置编码转换器 ") + charset);
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  const int32_t length =
      ucnv_toAlgorithmic(UCNV_UTF8, converter, out.data(), static_cast<int32_t>(out.size()),
                         bytes.data() + 2, static_cast<int32_t>(bytes.size() - 2), &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) {
    return FileError(display_path, std::string("文件声明为 ") + charset +
                                       "（有字节序标记），但内容不是有效的 " + charset);
  }
  out.resize(static_cast<std::size_t>(length));
  return DecodedText{std::move(out), charset, {}};
}

// What ICU's charset detector thinks of bytes that are not UTF-8.
struct Detection {
  int gb18030_confidence = 0;  // 0-100; 0 when GB18030 was not among the matches
  std::string best_name;       // the most confident match other than GB18030 ("Big5")
  int best_confidence = 0;
  bool failed = false;  // the detector itself could not run
};

// How much of a file charset detection reads. Every one of ICU's two dozen recognizers runs
// over the sample: with 64 KiB, detection took most of the time of reading a GB18030 file.
// 2 KiB of Chinese text (about 1,000 characters) scores 100 for GB18030, like the whole file.
constexpr std::size_t kDetectionSampleBytes = 2 * 1024;

// `from` is where the sample starts: the first byte that is not UTF-8, so that a long ASCII
// head (a title block, a table of numbers) does not fill the sample.
Detection DetectCharset(const std::string& bytes, std::size_t from) {
  Detection result;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) {
    result.failed = true;
    return result;
  }
  // The strict conversion still checks every byte.
  from = std::min(from, bytes.size());
  const std::size_t sample = std::min<std::size_t>(bytes.size() - from, kDetectionSampleBytes);
  ucsdet_setText(detector, bytes.data() + from, static_cast<int32_t>(sample), &status);
  if (U_FAILURE(status)) {
    ucsdet_close(detector);
    result.failed = true;
    return result;
  }
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector, &count, &status);
  if (U_FAILURE(status)) {
    ucsdet_close(detector);
    result.failed = true;
    return result;
  }
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode match_status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &match_status);
    if (U_FAILURE(match_status)) continue;
    const int confidence = ucsdet_getConfidence(matches[i], &match_status);
    if (U_FAILURE(match_status)) continue;
    if (std::strcmp(name, "GB18030") == 0) {
      result.gb18030_confidence = std::max(result.gb18030_confidence, confidence);
    } else if (confidence > result.best_confidence) {
      result.best_confidence = confidence;
      result.best_name = name;
    }
  }
  ucsdet_close(detector);
  return result;
}

// Converts GB18030 (which includes GBK and GB2312) to UTF-8, stopping at the first
// byte sequence that is not GB18030; nullopt then.
std::optional<std::string> ConvertGb18030Strictly(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("GB18030", &status);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter);
    return std::nullopt;
  }
  // A GB18030 character takes 1, 2 or 4 bytes and at most 4 bytes in UTF-8: twice the
  // input size is always enough.
  std::string out(bytes.size() * 2 + 16, '\0');
  const int32_t length =
      ucnv_toAlgorithmic(UCNV_UTF8, converter, out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// The detector's GB18030 confidence (0-100) a file needs, besides converting without
// error, to be read as GB18030. Whole seeds converted with iconv score 100; so does a
// single line such as "责任单位：区科技局；配合单位：区经济信息委。", while a handful of
// Han characters scores 10 and could as well be EUC-KR or Big5.
constexpr int kMinGb18030Confidence = 50;

// Bytes that are not UTF-8 and carry no BOM: GB18030/GBK when ICU's detector agrees
// and a strict conversion succeeds; otherwise an error naming what was found.
// `bad_utf8` is the offset of the first invalid UTF-8 sequence (for the position).
Result<DecodedText> DecodeLegacy(const std::string& bytes, std::size_t bad_utf8,
                                 const std::string& display_path) {
  const Position where =
      LineIndex(std::string_view(bytes).substr(0, bad_utf8)).PositionOf(bad_utf8);
  const std::string prefix = "无法确定文件编码：不是有效的 UTF-8（第一个无效字节在此）";
  const Detection detection = DetectCharset(bytes, bad_utf8);
  if (detection.failed) {
    return Error{display_path, where, prefix + "，ICU 编码检测失败；请另存为 UTF-8"};
  }
  std::optional<std::string> converted = ConvertGb18030Strictly(bytes);
  if (!converted || !IsValidUtf8(*converted)) {
    return Error{display_path, where, prefix + "，也不是 GB18030/GBK 文本；请另存为 UTF-8"};
  }
  if (detection.gb18030_confidence < kMinGb18030Confidence ||
      detection.gb18030_confidence < detection.best_confidence) {
    std::string detail = "GB18030 置信度 " + std::to_string(detection.gb18030_confidence);
    if (!detection.best_name.empty()) {
      detail += "，" + detection.best_name + " 置信度 " + std::to_string(detection.best_confidence);
    }
    return Error{display_path, where,
                 prefix + "，按 GB18030/GBK 解码把握不足（" + detail + "）；请另存为 UTF-8"};
  }
  return DecodedText{std::move(*converted), "GB18030", {}};
}

// Why the system refused a file, in Chinese for the reasons a person can act on, with the
// system's own words after them.
std::string SystemReason(int err) {
  const char* reason = nullptr;
  switch (err) {
    case EACCES:
    case EPERM:
      reason = "没有读取权限";
      break;
    case ELOOP:
      reason = "符号链接循环";
      break;
    case ENAMETOOLONG:
      reason = "路径过长";
      break;
    case EIO:
      reason = "磁盘读写错误";
      break;
    default:
      return std::strerror(err);
  }
  return std::string(reason) + "（" + std::strerror(err) + "）";
}

}  // namespace

Result<DecodedText> DecodeText(std::string bytes, const std::string& display_path) {
  // A Word document is recognized by its content, not its name; so is an OFD file, a ZIP
  // package too, by its OFD.xml.
  if (LooksLikeOfd(bytes)) {
    Result<ExtractedText> text = ExtractOfd(bytes, display_path);
    if (!text) return text.error();
    return DecodedText{std::move(text->text), "OFD", std::move(text->line_places)};
  }
  if (LooksLikeZip(bytes)) {
    Result<ExtractedText> text = ExtractDocx(bytes, display_path);
    if (!text) return text.error();
    return DecodedText{std::move(text->text), "DOCX", std::move(text->line_places)};
  }
  if (LooksLikeOle2(bytes)) {
    Result<ExtractedText> text = ExtractDoc(bytes, display_path);
    if (!text) return text.error();
    return DecodedText{std::move(text->text), "DOC", std::move(text->line_places)};
  }
  if (LooksLikePdf(bytes)) {
    Result<ExtractedText> text = ExtractPdf(bytes, display_path);
    if (!text) return text.error();
    return DecodedText{std::move(text->text), "PDF", std::move(text->line_places)};
  }
  if (LooksLikeHtml(bytes)) {
    Result<ExtractedText> text = ExtractHtml(bytes, display_path);
    if (!text) return text.error();
    return DecodedText{std::move(text->text), "HTML", std::move(text->line_places)};
  }
  if (bytes.empty()) return FileError(display_path, "文件为空");
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    return DecodeUtf16(bytes, "UTF-16LE", display_path);
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF) {
    return DecodeUtf16(bytes, "UTF-16BE", display_path);
  }
  bool utf8_bom = false;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    utf8_bom = true;
    if (bytes.empty()) return FileError(display_path, "文件为空（只有字节序标记）");
  }
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    const Position where = LineIndex(std::string_view(bytes).substr(0, nul)).PositionOf(nul);
    return Error{display_path, where, "这是二进制文件（含有 NUL 字节），不是文本文件"};
  }
  std::size_t bad = 0;
  if (IsValidUtf8(bytes, &bad)) {
    return DecodedText{std::move(bytes), utf8_bom ? "UTF-8 (BOM)" : "UTF-8", {}};
  }
  if (utf8_bom) {
    // The BOM declares UTF-8: no guessing at other encodings.
    const Position where = LineIndex(std::string_view(bytes).substr(0, bad)).PositionOf(bad);
    return Error{display_path, where,
                 "文件以 UTF-8 字节序标记开头，但内容不是有效的 UTF-8（第一个无效字节在此）"};
  }
  return DecodeLegacy(bytes, bad, display_path);
}

Result<DecodedText> ReadTextFile(const std::string& path, const std::string& display_path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int err = errno;
    if (err == ENOENT) return FileError(display_path, "文件不存在");
    return FileError(display_path, std::string("无法读取文件：") + SystemReason(err));
  }
  if (S_ISDIR(info.st_mode)) return FileError(display_path, "这是目录，不是文件");
  if (!S_ISREG(info.st_mode)) return FileError(display_path, "不是普通文件（设备、管道或套接字）");
  if (static_cast<std::size_t>(info.st_size) > kMaxFileBytes) {
    return FileError(display_path, "文件过大（超过 256 MiB）");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return FileError(display_path, std::string("无法打开文件：") + SystemReason(errno));
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size())) {
    return FileError(display_path, "读取文件时出错");
  }
  return DecodeText(std::move(bytes), display_path);
}

}  // namespace plancheck::ingest
