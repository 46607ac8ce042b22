#include "ingest/text_reader.h"

#include <unicode/ucnv.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include "base/line_index.h"
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
  std::string out(bytes.size() * 2 + 16, '\0');
  status = U_ZERO_ERROR;
  const int32_t length = ucnv_toAlgorithmic(UCNV_UTF8, converter, out.data(),
                                            static_cast<int32_t>(out.size()), bytes.data() + 2,
                                            static_cast<int32_t>(bytes.size() - 2), &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) {
    return FileError(display_path, std::string("文件声明为 ") + charset +
                                       "（有字节序标记），但内容不是有效的 " + charset);
  }
  out.resize(static_cast<std::size_t>(length));
  return DecodedText{std::move(out), charset};
}

}  // namespace

Result<DecodedText> DecodeText(std::string bytes, const std::string& display_path) {
  if (bytes.empty()) return FileError(display_path, "文件为空");
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    return DecodeUtf16(bytes, "UTF-16LE", display_path);
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF) {
    return DecodeUtf16(bytes, "UTF-16BE", display_path);
  }
  std::string encoding = "UTF-8";
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    encoding = "UTF-8 (BOM)";
    if (bytes.empty()) return FileError(display_path, "文件为空（只有字节序标记）");
  }
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    const Position where = LineIndex(std::string_view(bytes).substr(0, nul)).PositionOf(nul);
    return Error{display_path, where, "这是二进制文件（含有 NUL 字节），不是文本文件"};
  }
  std::size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) {
    const Position where = LineIndex(std::string_view(bytes).substr(0, bad)).PositionOf(bad);
    return Error{display_path, where, "文件不是有效的 UTF-8 文本（第一个无效字节在此）"};
  }
  return DecodedText{std::move(bytes), encoding};
}

Result<DecodedText> ReadTextFile(const std::string& path, const std::string& display_path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int err = errno;
    if (err == ENOENT) return FileError(display_path, "文件不存在");
    return FileError(display_path, std::string("无法读取文件：") + std::strerror(err));
  }
  if (S_ISDIR(info.st_mode)) return FileError(display_path, "这是目录，不是文件");
  if (!S_ISREG(info.st_mode)) return FileError(display_path, "不是普通文件（设备、管道或套接字）");
  if (static_cast<std::size_t>(info.st_size) > kMaxFileBytes) {
    return FileError(display_path, "文件过大（超过 256 MiB）");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return FileError(display_path, std::string("无法打开文件：") + std::strerror(errno));
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size())) {
    return FileError(display_path, "读取文件时出错");
  }
  return DecodeText(std::move(bytes), display_path);
}

}  // namespace plancheck::ingest
