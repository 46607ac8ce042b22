// An output stream buffer over a file descriptor that remembers why a write failed.
//
// std::ofstream and std::cout report a failed write only as badbit, and the reason (a full
// disk, a closed pipe) is lost; plancheck must say it and exit 2. FdStreamBuf writes
// through write(2), 64 KiB at a time, retrying after EINTR and short writes; after the
// first failure error() is its errno, every later write fails too, and the stream it
// backs has badbit set. It never closes the descriptor.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

class FdStreamBuf final : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd);
  ~FdStreamBuf() override;
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;

  // 0 while every write succeeded; else the errno of the first that failed.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  bool Flush();
  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

// Writes all of `data` to `fd`, retrying after EINTR and short writes. False on failure,
// with errno set.
bool WriteAll(int fd, std::string_view data);

// Why writing to `out` failed, in words ("No space left on device"), when `out` is backed
// by an FdStreamBuf that saw an error; else a generic reason. Call when `!out`.
std::string StreamError(const std::ostream& out);
// The errno behind a failed `out` (0 when unknown).
int StreamErrno(const std::ostream& out);

}  // namespace plancheck
