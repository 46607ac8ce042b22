#include "ingest/text_reader.h"

#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include "base/line_index.h"
#include "base/read_file.h"
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

// Converts `bytes` in `charset` (an ICU converter name) to UTF-8, stopping at the first
// byte sequence that is not in it; nullopt then, or when ICU has no such converter.
std::optional<std::string> ConvertStrictly(const std::string& bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter);
    return std::nullopt;
  }
  // A character takes at least 1 byte in any charset and at most 4 bytes in UTF-8 (a
  // GB18030 character takes 1, 2 or 4 bytes): 3 times the input plus a little is enough.
  std::string out(bytes.size() * 3 + 16, '\0');
  const int32_t length =
      ucnv_toAlgorithmic(UCNV_UTF8, converter, out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// Converts GB18030 (which includes GBK and GB2312) to UTF-8 strictly.
std::optional<std::string> ConvertGb18030Strictly(const std::string& bytes) {
  return ConvertStrictly(bytes, "GB18030");
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

}  // namespace

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
    case EMFILE:
    case ENFILE:
      reason = "打开的文件过多";
      break;
    case EIO:
      reason = "磁盘读写错误";
      break;
    default:
      return std::strerror(err);
  }
  return std::string(reason) + "（" + std::strerror(err) + "）";
}


namespace {

// The charset a page declares in its first 4 KiB (`<meta charset="gbk">` or
// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), lower case;
// empty when none.
std::string DeclaredCharset(const std::string& page) {
  std::string head = page.substr(0, 4096);
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const std::size_t end = head.find('>', meta);
    const std::string tag = head.substr(meta, end == std::string::npos ? std::string::npos : end - meta);
    std::size_t at = tag.find("charset");
    if (at == std::string::npos) continue;
    at += 7;
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '=' || tag[at] == '"' || tag[at] == '\'')) {
      ++at;
    }
    std::size_t stop = at;
    while (stop < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[stop])) ||
                                 tag[stop] == '-' || tag[stop] == '_' || tag[stop] == ':')) {
      ++stop;
    }
    if (stop > at) return tag.substr(at, stop - at);
  }
  return "";
}

bool IsGbCharset(const std::string& name) {
  return name == "gb2312" || name == "gbk" || name == "gb18030" || name == "x-gbk" ||
         name == "cp936" || name == "windows-936" || name == "euc-cn" || name == "x-euc-cn";
}

// Text decoded with a declared single-byte charset that holds no Han character but
// letters of U+0080-U+00FF: Chinese read as Latin-1 ("ÒÒ¡¢ÎÈÔö³¤"), not a notice.
bool LooksLikeMojibake(std::string_view text) {
  bool han = false;
  std::size_t latin = 0;
  for (std::size_t offset = 0; offset < text.size();) {
    const char32_t cp = DecodeUtf8(text, offset);
    han = han || IsHan(cp);
    if (cp >= 0x80 && cp <= 0xFF) ++latin;
  }
  return !han && latin > 0;
}

// A web page's bytes as UTF-8, detected as for text: a BOM; else valid UTF-8; else the
// charset it declares when that is GB2312/GBK/GB18030 and the bytes convert strictly;
// else GB18030 when ICU's detector is confident (a page without, or with a wrong, <meta
// charset>); else any other declared charset, unless what it gives is Latin-1 mojibake.
// libxml2 alone fell back to Latin-1 and the lint said "未发现问题".
Result<std::string> DecodeHtml(std::string bytes, const std::string& display_path) {
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    std::size_t bad = 0;
    if (IsValidUtf8(bytes, &bad)) return bytes;
    const Position where = LineIndex(std::string_view(bytes).substr(0, bad)).PositionOf(bad);
    return Error{display_path, where,
                 "网页以 UTF-8 字节序标记开头，但内容不是有效的 UTF-8（第一个无效字节在此）"};
  }
  std::size_t bad = 0;
  if (IsValidUtf8(bytes, &bad)) return bytes;
  const std::string declared = DeclaredCharset(bytes);
  if (IsGbCharset(declared)) {
    if (std::optional<std::string> converted = ConvertGb18030Strictly(bytes)) return *converted;
  }
  Result<DecodedText> detected = DecodeLegacy(bytes, bad, display_path);
  if (detected) return std::move(detected->text);
  if (!declared.empty() && !IsGbCharset(declared) && declared != "utf-8" && declared != "utf8") {
    std::optional<std::string> converted = ConvertStrictly(bytes, declared.c_str());
    if (converted && IsValidUtf8(*converted) && !LooksLikeMojibake(*converted)) return *converted;
    return Error{display_path, detected.error().position,
                 "无法确定网页编码：网页声明为 " + declared + "，但按 " + declared +
                     " 解码得到的不是中文文字，也不能确定为 GB18030/GBK；请另存为 UTF-8"};
  }
  return detected.error();
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
    // Office saves a password-protected .docx as an OLE compound file holding the
    // encrypted package: it is no .doc, and "not a Word document" would not tell the user
    // what to do.
    static const std::string kEncryptedPackage(
        "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(kEncryptedPackage) != std::string::npos) {
      return FileError(display_path, "Word 文档已加密（设有打开密码），无法读取；请取消密码后另存为 .docx");
    }
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
    Result<std::string> page = DecodeHtml(std::move(bytes), display_path);
    if (!page) return page.error();
    Result<ExtractedText> text = ExtractHtml(*page, display_path);
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
  ReadResult read = ReadRegularFile(path, kMaxFileBytes);
  switch (read.status) {
    case ReadStatus::kOk:
      break;
    case ReadStatus::kSystemError:
      if (read.error == ENOENT) return FileError(display_path, "文件不存在");
      return FileError(display_path, std::string("无法打开文件：") + SystemReason(read.error));
    case ReadStatus::kDirectory:
      return FileError(display_path, "这是目录，不是文件");
    case ReadStatus::kNotRegular:
      return FileError(display_path, "不是普通文件（设备、管道或套接字）");
    case ReadStatus::kTooLarge:
      return FileError(display_path, "文件过大（超过 256 MiB）");
  }
  return DecodeText(std::move(read.bytes), display_path);
}

}  // namespace plancheck::ingest
