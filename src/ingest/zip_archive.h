// ZipArchive: a ZIP package in memory (Word .docx, OFD), read with libzip under the limits
// both formats share.
//
// An entry larger than kMaxZipEntryBytes uncompressed or compressed more than
// kMaxCompressionRatio times (a zip bomb), an encrypted entry, an entry that reads short
// (libzip checks each CRC: ZIP_CHECKCONS and the per-entry check), and an archive libzip
// cannot open give one Error naming the file, in the words of the format (`kind`: "Word
// 文档", "OFD 文件").
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "base/error_list.h"

struct zip;

namespace plancheck::ingest {

inline constexpr std::size_t kMaxZipEntryBytes = 64u * 1024u * 1024u;
inline constexpr std::size_t kMaxCompressionRatio = 200;

// True when `bytes` starts like a ZIP archive ("PK\3\4").
bool LooksLikeZip(const std::string& bytes);

class ZipArchive {
 public:
  // Opens `bytes`, which must outlive the archive. `display_path` and `kind` name the file
  // and its format in errors.
  static Result<ZipArchive> Open(const std::string& bytes, std::string display_path,
                                 std::string kind);

  // Whether the archive has an entry of exactly this name.
  bool Contains(const std::string& name) const;
  // The entry's bytes. An absent entry is an Error when `required` ("不是有效的<kind>：缺少
  // <name>"), else an empty string.
  Result<std::string> Read(const std::string& name, bool required) const;

  const std::string& display_path() const { return display_path_; }
  const std::string& kind() const { return kind_; }

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  ZipArchive(zip* archive, std::string display_path, std::string kind)
      : archive_(archive), display_path_(std::move(display_path)), kind_(std::move(kind)) {}
  std::unique_ptr<zip, Closer> archive_;
  std::string display_path_;
  std::string kind_;
};

}  // namespace plancheck::ingest
