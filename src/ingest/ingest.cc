#include "ingest/ingest.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

#include "base/atomic_file.h"

#include "ingest/normalize.h"
#include "ingest/text_reader.h"

namespace plancheck::ingest {
namespace fs = std::filesystem;

const std::vector<std::string>& DocumentExtensions() {
  static const std::vector<std::string> kExtensions = {".doc", ".docx", ".htm", ".html", ".ofd", ".pdf", ".txt"};
  return kExtensions;
}

namespace {

bool HasDocumentExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto& known = DocumentExtensions();
  return std::find(known.begin(), known.end(), ext) != known.end();
}

std::string DisplayPath(const fs::path& path) { return path.generic_string(); }
std::string DisplayPath(const std::string& path) { return fs::path(path).generic_string(); }

// Plain text with more lines than kMaxTextLinesFloor + bytes / kMinBytesPerLine is refused:
// each line costs the pipeline about 60 bytes (line tables of the parser), so a file of
// blank lines took 53 times its size (50 MB: 2.65 GB and 16 s). Published notices average
// 24 to 740 bytes a line (fixtures/seeds). Containers are bounded by their own budget
// (extracted_text.h).
constexpr std::size_t kMaxTextLinesFloor = 256u * 1024u;
constexpr std::size_t kMinBytesPerLine = 8;

std::optional<Error> CheckLineDensity(const DecodedText& decoded, const std::string& display_path) {
  if (!decoded.line_places.empty()) return std::nullopt;
  const std::size_t bytes = decoded.text.size();
  const std::size_t limit = kMaxTextLinesFloor + bytes / kMinBytesPerLine;
  if (bytes / kMinBytesPerLine + kMaxTextLinesFloor >= bytes) return std::nullopt;  // cannot exceed
  const auto lines = static_cast<std::size_t>(std::count(decoded.text.begin(), decoded.text.end(), '\n'));
  if (lines <= limit) return std::nullopt;
  return Error{display_path, {},
               "文本的行数异常多：" + std::to_string(lines) + " 行只有 " + std::to_string(bytes) +
                   " 字节（平均每行不到 " + std::to_string(kMinBytesPerLine) +
                   " 字节，多为空行），已拒绝读取"};
}

model::Document MakeDocument(DecodedText decoded, const std::string& display_path) {
  model::Document doc;
  doc.path = display_path;
  doc.source = std::move(decoded.text);
  NormalizedText normalized = Normalize(doc.source);
  doc.text = std::move(normalized.text);
  doc.origin = std::move(normalized.origin);
  doc.metadata.encoding = decoded.encoding;
  doc.line_places = std::move(decoded.line_places);
  doc.body = {0, doc.text.size()};
  doc.Reindex();
  return doc;
}

}  // namespace

namespace {

// One entry of a directory: its name and d_type (DT_UNKNOWN when the file system does
// not say).
struct DirEntry {
  std::string name;
  unsigned char type = DT_UNKNOWN;
};

// The entries of the directory open as `fd` (not "." and ".."), sorted by name; the fd
// stays open. False with errno set when it cannot be read to the end.
bool ReadEntries(int fd, std::vector<DirEntry>& entries) {
  const int own = ::dup(fd);
  if (own < 0) return false;
  DIR* dir = ::fdopendir(own);
  if (dir == nullptr) {
    const int error = errno;
    ::close(own);
    errno = error;
    return false;
  }
  errno = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name != "." && name != "..") entries.push_back({std::string(name), entry->d_type});
    errno = 0;
  }
  const int error = errno;
  ::closedir(dir);
  errno = error;
  if (error != 0) return false;
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return true;
}

// Walks the directory `root` for documents, into `found`; every entry that cannot be read
// is an Error naming it, and the walk goes on.
//
// Iterative, with memory linear in the depth and one directory open at a time: a directory
// is read whole and closed, the walk descends with openat() and climbs back with "..",
// checking that it arrives where it left (a tree renamed meanwhile is an error, not a walk
// elsewhere). A recursive or iterator-per-level walk held the whole path at every level
// (quadratic: 10,000 levels took 5 GB) and a descriptor per level (a tree deeper than
// `ulimit -n` ended the walk silently).
//
// Symbolic links: a link to a document inside the walked tree is read; one that leaves
// the tree (a checked-in link to a credentials file would print its lines in the report)
// or leads nowhere is an Error naming it. Linked directories are not followed, so a link
// loop cannot make the walk endless.
void WalkDirectory(const std::string& root, std::vector<InputFile>& found, ErrorList& errors) {
  auto fail = [&](const std::string& path, const std::string& what, int error) {
    errors.Add(DisplayPath(path), {}, what + SystemReason(error));
  };
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    fail(root, "无法读取目录：", errno);
    return;
  }
  char* resolved_root = ::realpath(root.c_str(), nullptr);
  const std::string tree = resolved_root != nullptr ? resolved_root : "";
  std::free(resolved_root);

  struct Frame {
    std::vector<DirEntry> entries;
    std::size_t next = 0;
    std::size_t path_length = 0;  // of `path` while in this directory
    std::optional<FileId> id;
  };
  std::vector<Frame> stack(1);
  std::string path = root;
  stack.back().path_length = path.size();
  stack.back().id = IdentityOfDescriptor(fd);
  if (!ReadEntries(fd, stack.back().entries)) fail(root, "无法读取目录：", errno);

  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next == frame.entries.size()) {
      stack.pop_back();
      if (stack.empty()) break;
      const int parent = ::openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      ::close(fd);
      fd = parent;
      path.resize(stack.back().path_length);
      if (fd < 0 || IdentityOfDescriptor(fd) != stack.back().id) {
        errors.Add(DisplayPath(path), {}, "检查过程中目录被移动或删除，其余文件未检查");
        if (fd >= 0) ::close(fd);
        return;
      }
      continue;
    }
    const DirEntry entry = frame.entries[frame.next++];
    std::string child = path;
    if (child.empty() || child.back() != '/') child += '/';
    child += entry.name;
    unsigned char type = entry.type;
    if (type == DT_UNKNOWN) {
      struct stat info {};
      if (::fstatat(fd, entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        fail(child, "无法读取：", errno);
        continue;
      }
      type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISLNK(info.st_mode) ? DT_LNK : DT_REG;
    }
    if (type == DT_DIR) {
      const int sub = ::openat(fd, entry.name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub < 0) {
        fail(child, "无法读取目录：", errno);
        continue;
      }
      Frame next;
      if (!ReadEntries(sub, next.entries)) {
        fail(child, "无法读取目录：", errno);
        ::close(sub);
        continue;
      }
      ::close(fd);
      fd = sub;
      path = std::move(child);
      next.path_length = path.size();
      next.id = IdentityOfDescriptor(fd);
      stack.push_back(std::move(next));
      continue;
    }
    if (!HasDocumentExtension(fs::path(entry.name))) continue;
    if (child.size() >= PATH_MAX) {
      errors.Add(DisplayPath(child), {}, "路径过长（超过 " + std::to_string(PATH_MAX - 1) +
                                             " 字节），无法打开");
      continue;
    }
    if (type == DT_LNK) {
      struct stat target {};
      if (::fstatat(fd, entry.name.c_str(), &target, 0) != 0) {
        fail(child, "符号链接无法打开：", errno);
        continue;
      }
      if (S_ISDIR(target.st_mode)) continue;  // a linked directory is not followed
      char* resolved = ::realpath(child.c_str(), nullptr);
      const std::string to = resolved != nullptr ? resolved : "";
      std::free(resolved);
      if (tree.empty() || to.compare(0, tree.size(), tree) != 0 ||
          (to.size() > tree.size() && to[tree.size()] != '/' && tree != "/")) {
        errors.Add(DisplayPath(child), {},
                   "符号链接指向被检查目录之外（" + to +
                       "），出于安全未读取；如需检查，请在命令行中直接指定该文件");
        continue;
      }
    }
    found.push_back({child, DisplayPath(child)});
  }
  if (fd >= 0) ::close(fd);
}

}  // namespace

std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths, ErrorList& errors) {
  std::vector<InputFile> inputs;
  for (const std::string& arg : paths) {
    const fs::path root(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      // A dangling symlink or a missing path: one error, the others go on.
      errors.Add(DisplayPath(root), {}, "文件或目录不存在");
      continue;
    }
    if (!fs::is_directory(status)) {
      inputs.push_back({root.string(), DisplayPath(root)});
      continue;
    }
    std::vector<InputFile> found;
    const std::size_t errors_before = errors.size();
    WalkDirectory(arg, found, errors);
    if (found.empty() && errors.size() == errors_before) {
      errors.Add(DisplayPath(root), {}, "目录中没有可检查的文档（*.txt、*.docx、*.doc、*.html、*.pdf、*.ofd）");
      continue;
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.display_path < b.display_path; });
    inputs.insert(inputs.end(), found.begin(), found.end());
  }
  return inputs;
}

Result<model::Document> LoadDocument(const InputFile& input) {
  Result<DecodedText> decoded = ReadTextFile(input.path, input.display_path);
  if (!decoded) return decoded.error();
  if (auto error = CheckLineDensity(*decoded, input.display_path)) return *error;
  return MakeDocument(std::move(*decoded), input.display_path);
}

Result<model::Document> LoadDocumentFromString(std::string bytes, const std::string& display_path) {
  Result<DecodedText> decoded = DecodeText(std::move(bytes), display_path);
  if (!decoded) return decoded.error();
  if (auto error = CheckLineDensity(*decoded, display_path)) return *error;
  return MakeDocument(std::move(*decoded), display_path);
}

}  // namespace plancheck::ingest
