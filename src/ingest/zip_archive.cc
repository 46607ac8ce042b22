#include "ingest/zip_archive.h"

#include <zip.h>

namespace plancheck::ingest {

bool LooksLikeZip(const std::string& bytes) { return bytes.rfind("PK\x03\x04", 0) == 0; }

void ZipArchive::Closer::operator()(zip* archive) const { zip_discard(archive); }

Result<ZipArchive> ZipArchive::Open(const std::string& bytes, std::string display_path,
                                    std::string kind) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Error{display_path, {}, "无法读取 " + kind};
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    std::string message = kind + "已损坏（不是有效的 ZIP 包）：" + zip_error_strerror(&error);
    zip_error_fini(&error);
    return Error{display_path, {}, message};
  }
  zip_error_fini(&error);
  return ZipArchive(archive, std::move(display_path), std::move(kind));
}

bool ZipArchive::Contains(const std::string& name) const {
  return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::Read(const std::string& name, bool required) const {
  auto fail = [&](std::string message) { return Error{display_path_, {}, std::move(message)}; };
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) {
    if (!required) return std::string();
    return fail("不是有效的 " + kind_ + "：缺少 " + name);
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
    return fail(kind_ + "已加密，无法读取");
  }
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > kMaxZipEntryBytes) {
    return fail(name + " 解压后过大（超过 64 MiB），已拒绝读取");
  }
  if ((stat.valid & ZIP_STAT_COMP_SIZE) != 0 && stat.comp_size > 0 &&
      stat.size / stat.comp_size > kMaxCompressionRatio) {
    return fail(name + " 的压缩比异常（疑似压缩炸弹），已拒绝读取");
  }
  zip_file_t* entry = zip_fopen(archive_.get(), name.c_str(), 0);
  if (entry == nullptr) {
    return fail("无法读取 " + name + "：" + zip_strerror(archive_.get()));
  }
  std::string content(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_fread(entry, content.data(), stat.size);
  zip_fclose(entry);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return fail(kind_ + "已损坏：" + name + " 读取不完整");
  }
  return content;
}

}  // namespace plancheck::ingest
