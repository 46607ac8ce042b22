#include "base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace plancheck {

ReadResult ReadRegularFile(const std::string& path, std::size_t max_bytes) {
  ReadResult result;
  auto fail = [&](ReadStatus status, int error = 0) {
    result.status = status;
    result.error = error;
    result.bytes.clear();
    return result;
  };
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return fail(ReadStatus::kSystemError, errno);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error = errno;
    ::close(fd);
    return fail(ReadStatus::kSystemError, error);
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    return fail(S_ISDIR(info.st_mode) ? ReadStatus::kDirectory : ReadStatus::kNotRegular);
  }
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    ::close(fd);
    return fail(ReadStatus::kTooLarge);
  }
  // The size as it was; a file that grows meanwhile is read up to the limit and refused
  // past it, never without bound.
  result.bytes.resize(static_cast<std::size_t>(info.st_size));
  std::size_t filled = 0;
  for (;;) {
    if (filled == result.bytes.size()) {
      if (result.bytes.size() >= max_bytes + 1) break;
      result.bytes.resize(std::min(max_bytes + 1, result.bytes.size() + 64 * 1024));
    }
    const ssize_t n = ::read(fd, result.bytes.data() + filled, result.bytes.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return fail(ReadStatus::kSystemError, error);
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (filled > max_bytes) return fail(ReadStatus::kTooLarge);
  result.bytes.resize(filled);
  return result;
}

std::string DescribeReadFailure(const ReadResult& result, std::size_t max_bytes) {
  switch (result.status) {
    case ReadStatus::kOk:
      return "";
    case ReadStatus::kSystemError:
      return std::strerror(result.error);
    case ReadStatus::kDirectory:
      return "is a directory";
    case ReadStatus::kNotRegular:
      return "not a regular file (a device, FIFO or socket)";
    case ReadStatus::kTooLarge:
      return "larger than " + std::to_string(max_bytes >> 20) + " MiB";
  }
  return "";
}

std::optional<std::string> ReadConfigFile(const std::string& path, const std::string& what,
                                          ErrorList& errors, std::size_t max_bytes) {
  ReadResult read = ReadRegularFile(path, max_bytes);
  if (read.status == ReadStatus::kOk) return std::move(read.bytes);
  const bool missing = read.status == ReadStatus::kSystemError && read.error == ENOENT;
  errors.Add(path, {}, missing ? what + " not found"
                               : "cannot read " + what + ": " + DescribeReadFailure(read, max_bytes));
  return std::nullopt;
}

std::string CanonicalPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path absolute = fs::absolute(path.empty() ? "." : path, ec);
  if (ec) return path;
  const fs::path canonical = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute.lexically_normal() : canonical).generic_string();
}

bool PathIsInside(const std::string& path, const std::vector<std::string>& roots) {
  if (roots.empty()) return true;
  const std::string resolved = CanonicalPath(path);
  for (const std::string& root : roots) {
    if (resolved == root) return true;
    const std::string prefix = root.back() == '/' ? root : root + "/";
    if (resolved.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

}  // namespace plancheck
