#include "base/fd_stream.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace plancheck {

bool WriteAll(int fd, std::string_view data) {
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) {  // a device that takes nothing: report it rather than spin
      errno = EIO;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd), buffer_(64 * 1024) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdStreamBuf::~FdStreamBuf() { Flush(); }

bool FdStreamBuf::Flush() {
  const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  if (error_ == 0 && !pending.empty() && !WriteAll(fd_, pending)) {
    error_ = errno != 0 ? errno : EIO;
  }
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return error_ == 0;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
  if (!Flush()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize FdStreamBuf::xsputn(const char* data, std::streamsize size) {
  if (error_ != 0) return 0;
  const std::size_t room = static_cast<std::size_t>(epptr() - pptr());
  const std::size_t length = static_cast<std::size_t>(size);
  if (length <= room) {
    std::memcpy(pptr(), data, length);
    pbump(static_cast<int>(length));
    return size;
  }
  // Larger than what is left: flush the buffer and write this block directly.
  if (!Flush()) return 0;
  if (length < buffer_.size()) {
    std::memcpy(pptr(), data, length);
    pbump(static_cast<int>(length));
    return size;
  }
  if (!WriteAll(fd_, std::string_view(data, length))) {
    error_ = errno != 0 ? errno : EIO;
    return 0;
  }
  return size;
}

int FdStreamBuf::sync() { return Flush() ? 0 : -1; }

int StreamErrno(const std::ostream& out) {
  if (const auto* buffer = dynamic_cast<const FdStreamBuf*>(out.rdbuf()); buffer != nullptr) {
    return buffer->error();
  }
  return 0;
}

std::string StreamError(const std::ostream& out) {
  const int error = StreamErrno(out);
  return error != 0 ? std::strerror(error) : "write error";
}

}  // namespace plancheck
