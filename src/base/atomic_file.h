// Writing the files plancheck produces (reports with --output, baselines, audit folders)
// so that nothing is destroyed and no failure passes for success.
//
// A regular file, or a path that does not exist yet, is replaced atomically: readers see
// the old content or the new, never half. The content goes to a temporary file beside the
// target (beside the file a symlink points to, so the link stays a link), created with
// mode 0666 less the umask (a report quotes document lines: `umask 077` keeps it private);
// when it replaces an existing file it takes that file's mode (and owner, when allowed).
// The temporary is flushed to disk and renamed over the target, and the directory synced.
//
// An existing path that is not a regular file (a character device such as /dev/null or
// /dev/full, a FIFO, a terminal, /dev/stderr) is written through and never replaced: as
// root, renaming over /dev/null would break it for every later step of a CI job. Every
// write is checked, so /dev/full gives "No space left on device". A directory is refused.
//
// A write in progress registers its temporaries; InstallTemporaryFileCleanup makes
// SIGINT, SIGTERM, SIGHUP and SIGPIPE remove them (and put back files a set replacement
// had moved aside) before the signal takes its usual effect.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

// Writes `content` to `path` as above. Returns nullopt on success, else why it failed (the
// system's message, e.g. "No space left on device"); a regular target is then untouched
// and no temporary file is left.
std::optional<std::string> WriteFileAtomically(const std::string& path, std::string_view content);

// The same, for content too large to hold: `write` streams it (a large audit's
// report.html is over 100 MB). An exception from `write` passes through, leaving the
// target untouched and no temporary file.
std::optional<std::string> WriteFileAtomically(const std::string& path,
                                               const std::function<void(std::ostream&)>& write);

// One file of a set: its name inside the set's directory, and what writes it.
struct FileInSet {
  std::string name;
  std::function<void(std::ostream&)> write;
};

// Replaces files of one directory as a set (created if missing, parents too): every file
// is written to a temporary first; only when all are written are the existing files moved
// aside and the new ones moved in, and if any of those renames fails (an immutable file)
// the moved files are put back. Either the whole new set is in place or the whole old one
// is. Other files in the directory are left alone. Targets must be regular files or
// absent. Returns nullopt on success, else "<file>: <reason>".
std::optional<std::string> ReplaceFileSet(const std::string& directory,
                                          const std::vector<FileInSet>& files);

// Installs the signal handlers described above, for the signals not ignored at the time
// of the call (a signal the parent ignored, such as SIGPIPE or SIGINT under nohup, stays
// ignored). Call once, from main; idempotent.
void InstallTemporaryFileCleanup();

// A file's identity, to tell whether two paths name the same file (through symlinks and
// hard links).
struct FileId {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileId& other) const {
    return device == other.device && inode == other.inode;
  }
};
// The file `path` names, symlinks followed; nullopt when it does not exist.
std::optional<FileId> IdentityOf(const std::string& path);
// The file open as descriptor `fd`; nullopt when it is not open.
std::optional<FileId> IdentityOfDescriptor(int fd);

}  // namespace plancheck
