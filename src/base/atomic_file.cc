#include "base/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <random>

#include "base/fd_stream.h"

namespace plancheck {
namespace fs = std::filesystem;
namespace {

// ---------------------------------------------------------------------------------------
// Files a signal handler must clean up: fixed slots, so that the handler neither
// allocates nor locks. A slot either names a temporary to remove, or a file moved aside
// (`path`) to rename back over `restore_to`.

constexpr std::size_t kSlots = 32;
constexpr std::size_t kSlotPathBytes = PATH_MAX;

struct Slot {
  std::atomic<int> state{0};  // kFree, kBusy (being filled or emptied), kLive
  char path[kSlotPathBytes];
  char restore_to[kSlotPathBytes];
};
constexpr int kFree = 0;
constexpr int kBusy = 1;
constexpr int kLive = 2;

std::array<Slot, kSlots> g_slots;

bool Fits(const std::string& path) { return path.size() < kSlotPathBytes; }

// Registers a cleanup; -1 when every slot is taken or a path is too long (the write still
// goes ahead, it is only not cleaned up on a signal).
int Register(const std::string& path, const std::string& restore_to = "") {
  if (!Fits(path) || !Fits(restore_to)) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_slots[i].state.compare_exchange_strong(expected, kBusy)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    std::memcpy(g_slots[i].restore_to, restore_to.c_str(), restore_to.size() + 1);
    g_slots[i].state.store(kLive);
    return static_cast<int>(i);
  }
  return -1;
}

void Release(int slot) {
  if (slot >= 0) g_slots[static_cast<std::size_t>(slot)].state.store(kFree);
}

// Async-signal-safe: unlink and rename only. Temporaries first, then the files moved aside
// go back (over a new file already moved in, which restores the old set).
void UndoLiveSlots() {
  for (Slot& slot : g_slots) {
    if (slot.state.load() == kLive && slot.restore_to[0] == '\0') ::unlink(slot.path);
  }
  for (Slot& slot : g_slots) {
    if (slot.state.load() == kLive && slot.restore_to[0] != '\0') {
      ::rename(slot.path, slot.restore_to);
    }
  }
}

void OnFatalSignal(int signal_number) {
  const int saved = errno;
  UndoLiveSlots();
  errno = saved;
  // SA_RESETHAND restored the default action; the signal is blocked until the handler
  // returns, then ends the process as it would have without us.
  ::raise(signal_number);
}

// ---------------------------------------------------------------------------------------

std::string Reason(int error) { return std::strerror(error); }

std::string DirectoryOf(const fs::path& path) {
  const std::string directory = path.parent_path().string();
  return directory.empty() ? "." : directory;
}

// A new, empty temporary file ".<name>.<tag>-XXXXXX" in `directory`, mode 0666 less the
// umask (O_EXCL with our own random names rather than mkstemp, whose 0600 would need the
// umask read back). Returns the descriptor, or -1 with errno set.
int CreateTemporary(const std::string& directory, const std::string& name, const char* tag,
                    std::string& temp_path) {
  static std::mutex mutex;
  static std::mt19937_64 random{std::random_device{}()};
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix(6, 'x');
    {
      const std::lock_guard<std::mutex> lock(mutex);
      for (char& c : suffix) c = kAlphabet[random() % (sizeof(kAlphabet) - 1)];
    }
    temp_path = (fs::path(directory) / ("." + name + "." + tag + "-" + suffix)).string();
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

// Streams `write` into `fd`; false with errno set when a write or the flush failed.
bool Fill(int fd, const std::function<void(std::ostream&)>& write) {
  FdStreamBuf buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() != 0 || !out) {
    // A writer that failed on its own (badbit without a write error) counts as an I/O error.
    errno = buffer.error() != 0 ? buffer.error() : EIO;
    return false;
  }
  return true;
}

// A temporary written, synced and closed, registered for removal on a signal.
struct Temporary {
  std::string path;
  int slot = -1;
};

// Creates, fills and closes a temporary for `name` in `directory`; an existing target's
// mode (and, when allowed, owner) carry over. On failure nothing is left and the reason
// is returned.
std::optional<std::string> WriteTemporary(const std::string& directory, const std::string& name,
                                          const struct stat* existing,
                                          const std::function<void(std::ostream&)>& write,
                                          Temporary& temp) {
  const int fd = CreateTemporary(directory, name, "tmp", temp.path);
  if (fd < 0) return Reason(errno);
  temp.slot = Register(temp.path);
  auto fail = [&](int error) {
    ::close(fd);
    ::unlink(temp.path.c_str());
    Release(temp.slot);
    temp.slot = -1;
    return Reason(error);
  };
  bool filled = false;
  try {
    filled = Fill(fd, write);
  } catch (...) {
    // A writer that throws (out of memory) leaves no temporary behind.
    fail(0);
    throw;
  }
  if (!filled) return fail(errno);
  if (existing != nullptr) {
    if (::fchmod(fd, existing->st_mode & 07777) != 0) return fail(errno);
    // Keeping the owner needs privilege; a file of one's own keeps it anyway.
    if (::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
      // Not an error: the replacement then belongs to whoever writes it.
    }
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    // Devices and some file systems cannot sync; anything else is a real failure.
    if (error != EINVAL && error != EROFS) return fail(error);
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.path.c_str());
    Release(temp.slot);
    temp.slot = -1;
    return Reason(error);
  }
  return std::nullopt;
}

// Renames `target` to a fresh hidden name beside it, registered (in `slot`) to be renamed
// back on a signal. The name is new: RENAME_NOREPLACE refuses to overwrite, where the file
// system supports it. nullopt with errno set on failure (nothing moved).
std::optional<std::string> MoveAside(const std::string& target, int& slot) {
  static std::mutex mutex;
  static std::mt19937_64 random{std::random_device{}()};
  const fs::path path(target);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix;
    {
      const std::lock_guard<std::mutex> lock(mutex);
      suffix = std::to_string(random() % 1000000000);
    }
    const std::string aside =
        (path.parent_path() / ("." + path.filename().string() + ".old-" + suffix)).string();
    slot = Register(aside, target);
    int moved = ::renameat2(AT_FDCWD, target.c_str(), AT_FDCWD, aside.c_str(), RENAME_NOREPLACE);
    if (moved != 0 && errno == EINVAL) moved = ::rename(target.c_str(), aside.c_str());
    if (moved == 0) return aside;
    const int error = errno;
    Release(slot);
    slot = -1;
    if (error != EEXIST) {
      errno = error;
      return std::nullopt;
    }
  }
  errno = EEXIST;
  return std::nullopt;
}

void SyncDirectory(const std::string& directory) {
  // Makes the renames durable; failure here loses nothing already visible.
  if (const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Writes through to an existing file that is not a regular one (a device, a FIFO).
std::optional<std::string> WriteThrough(const std::string& path,
                                        const std::function<void(std::ostream&)>& write) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return Reason(errno);
  bool filled = false;
  try {
    filled = Fill(fd, write);
  } catch (...) {
    ::close(fd);
    throw;
  }
  const int error = filled ? 0 : errno;
  if (::close(fd) != 0 && filled) return Reason(errno);
  if (!filled) return Reason(error);
  return std::nullopt;
}

std::optional<std::string> WriteFile(const std::string& path,
                                     const std::function<void(std::ostream&)>& write) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) return Reason(EISDIR);
    if (!S_ISREG(info.st_mode)) return WriteThrough(path, write);
  } else if (errno != ENOENT) {
    return Reason(errno);
  }
  const bool exists = S_ISREG(info.st_mode);
  // A symlink to a regular file: replace the file it points to and keep the link.
  fs::path target(path);
  if (exists) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(target, ec);
    if (!ec) target = resolved;
  }
  const std::string directory = DirectoryOf(target);
  Temporary temp;
  if (auto failure = WriteTemporary(directory, target.filename().string(),
                                    exists ? &info : nullptr, write, temp)) {
    return failure;
  }
  if (::rename(temp.path.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.path.c_str());
    Release(temp.slot);
    return Reason(error);
  }
  Release(temp.slot);
  SyncDirectory(directory);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> WriteFileAtomically(const std::string& path, std::string_view content) {
  return WriteFile(path, [&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  });
}

std::optional<std::string> WriteFileAtomically(const std::string& path,
                                               const std::function<void(std::ostream&)>& write) {
  return WriteFile(path, write);
}

std::optional<std::string> ReplaceFileSet(const std::string& directory,
                                          const std::vector<FileInSet>& files) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return directory + ": " + ec.message();

  struct Entry {
    std::string target;
    bool exists = false;
    struct stat info {};
    Temporary temp;
    bool written = false;
    std::string aside;  // where the old file was moved, while the set is swapped
    int aside_slot = -1;
    bool moved_in = false;
    int moved_in_slot = -1;  // a new file with no old one: removed if the swap is undone
  };
  std::vector<Entry> entries(files.size());
  auto undo = [&] {
    for (Entry& e : entries) {
      if (e.moved_in && e.aside.empty()) ::unlink(e.target.c_str());
      if (!e.aside.empty()) ::rename(e.aside.c_str(), e.target.c_str());
      if (e.written && !e.moved_in) ::unlink(e.temp.path.c_str());
      Release(e.temp.slot);
      Release(e.aside_slot);
      Release(e.moved_in_slot);
    }
  };

  // 1. Every new file as a temporary; the old set is untouched until all are written.
  for (std::size_t i = 0; i < files.size(); ++i) {
    Entry& e = entries[i];
    e.target = (fs::path(directory) / files[i].name).string();
    if (::stat(e.target.c_str(), &e.info) == 0) {
      if (!S_ISREG(e.info.st_mode)) {
        undo();
        return e.target + ": " + Reason(S_ISDIR(e.info.st_mode) ? EISDIR : EINVAL) +
               " (not a regular file)";
      }
      e.exists = true;
    } else if (errno != ENOENT) {
      const int error = errno;
      undo();
      return e.target + ": " + Reason(error);
    }
    std::optional<std::string> failure;
    try {
      failure = WriteTemporary(directory, files[i].name, e.exists ? &e.info : nullptr,
                               files[i].write, e.temp);
    } catch (...) {
      undo();
      throw;
    }
    if (failure) {
      undo();
      return e.target + ": " + *failure;
    }
    e.written = true;
  }

  // 2. The old files aside, then the new ones in; any failed rename undoes the swap. The
  // cleanup of a file moved aside is registered before the move, under a name that does
  // not exist yet, so that a signal at any point either finds nothing to put back or puts
  // back the old file.
  for (Entry& e : entries) {
    if (!e.exists) continue;
    const std::optional<std::string> aside = MoveAside(e.target, e.aside_slot);
    if (!aside) {
      const int error = errno;
      undo();
      return e.target + ": " + Reason(error);
    }
    e.aside = *aside;
  }
  for (Entry& e : entries) {
    if (!e.exists) e.moved_in_slot = Register(e.target);
    if (::rename(e.temp.path.c_str(), e.target.c_str()) != 0) {
      const int error = errno;
      Release(e.moved_in_slot);
      e.moved_in_slot = -1;
      undo();
      return e.target + ": " + Reason(error);
    }
    e.moved_in = true;
  }

  // 3. The new set is in place: drop the old one.
  for (Entry& e : entries) {
    Release(e.moved_in_slot);
    Release(e.temp.slot);
    Release(e.aside_slot);
    if (!e.aside.empty()) ::unlink(e.aside.c_str());
  }
  SyncDirectory(directory);
  return std::nullopt;
}

void InstallTemporaryFileCleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
      struct sigaction current {};
      if (::sigaction(signal_number, nullptr, &current) != 0) continue;
      if (current.sa_handler == SIG_IGN) continue;  // the parent wants it ignored
      struct sigaction action {};
      action.sa_handler = &OnFatalSignal;
      sigemptyset(&action.sa_mask);
      action.sa_flags = SA_RESETHAND;
      ::sigaction(signal_number, &action, nullptr);
    }
  });
}

std::optional<FileId> IdentityOf(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileId{info.st_dev, info.st_ino};
}

std::optional<FileId> IdentityOfDescriptor(int fd) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) return std::nullopt;
  return FileId{info.st_dev, info.st_ino};
}

}  // namespace plancheck
