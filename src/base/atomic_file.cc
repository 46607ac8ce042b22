#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <streambuf>
#include <vector>

namespace plancheck {
namespace {

bool WriteAll(int fd, std::string_view data) {
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// An output stream buffer over a file descriptor, 64 KiB at a time; after a write error
// `error` is its errno (and the stream sets badbit).
class FdBuffer final : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd), buffer_(64 * 1024) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    if (error_ == 0 && !WriteAll(fd_, pending)) error_ = errno != 0 ? errno : EIO;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ != 0 ? -1 : 0;
  }

 private:
  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

// Creates the temporary file, lets `fill` write it (false: failed, errno set), and renames
// it over `path`.
std::optional<std::string> ReplaceAtomically(const std::string& path,
                                             const std::function<bool(int fd)>& fill) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::string directory = target.parent_path().string();
  if (directory.empty()) directory = ".";
  std::string temp = (fs::path(directory) / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return std::string(std::strerror(errno));
  struct stat existing {};
  const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
  bool filled = false;
  try {
    filled = fill(fd);
  } catch (...) {
    // A writer that throws (out of memory) leaves neither the target changed nor a
    // temporary file behind.
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (!filled || ::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return std::string(std::strerror(saved));
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    return std::string(std::strerror(saved));
  }
  // Make the rename itself durable; failure here loses nothing already visible.
  if (const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> WriteFileAtomically(const std::string& path, std::string_view content) {
  return ReplaceAtomically(path, [&](int fd) { return WriteAll(fd, content); });
}

std::optional<std::string> WriteFileAtomically(const std::string& path,
                                               const std::function<void(std::ostream&)>& write) {
  return ReplaceAtomically(path, [&](int fd) {
    FdBuffer buffer(fd);
    std::ostream out(&buffer);
    write(out);
    out.flush();
    if (buffer.error() != 0) errno = buffer.error();
    return buffer.error() == 0;
  });
}

}  // namespace plancheck
