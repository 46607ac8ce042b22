#include "ingest/doc_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/utf8.h"
#include "ingest/companion.h"
#include "ingest/doc_helper.h"

extern char** environ;

namespace plancheck::ingest {
namespace {

Error DocError(const std::string& file, std::string message) {
  return Error{file, {}, std::move(message)};
}

// A file descriptor closed when it goes out of scope.
struct Fd {
  int fd = -1;
  explicit Fd(int value) : fd(value) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string HelperPath() {
  for (const std::string& path : CompanionCandidates("PLANCHECK_DOC_HELPER",
                                                     PLANCHECK_INSTALLED_DOC_HELPER,
                                                     PLANCHECK_BUILD_DOC_HELPER)) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0) {
      return path;
    }
  }
  return "";
}

// The helper's environment: ours, and for a sanitizer build of the helper (where its
// address-space limit cannot apply) leak detection off (libwv's allocations live until the
// process ends, by design) and a resident-set limit in its place.
std::vector<std::string> HelperEnvironment() {
  std::vector<std::string> env;
  const std::string helper_options =
      "detect_leaks=0:hard_rss_limit_mb=" +
      std::to_string(doc_helper::kAddressSpaceBytes / (1024 * 1024));
  std::string asan = "ASAN_OPTIONS=" + helper_options;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view value(*entry);
    if (value.rfind("ASAN_OPTIONS=", 0) == 0) {
      asan = std::string(value) + ":" + helper_options;
    } else {
      env.emplace_back(value);
    }
  }
  env.push_back(asan);
  return env;
}

struct HelperRun {
  std::string output;
  int exit_status = -1;   // when it exited
  int signal = 0;         // when a signal ended it
  bool timed_out = false;
  bool output_too_large = false;
  std::string spawn_error;
};

// Runs the helper at `path` on `bytes`; collects its standard output within the limits.
HelperRun RunHelper(const std::string& path, const std::string& bytes) {
  HelperRun run;
  Fd input(::memfd_create("plancheck-doc-input", MFD_CLOEXEC));
  if (input.fd < 0) {
    run.spawn_error = std::strerror(errno);
    return run;
  }
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t n = ::write(input.fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      run.spawn_error = std::strerror(errno);
      return run;
    }
    written += static_cast<std::size_t>(n);
  }
  ::lseek(input.fd, 0, SEEK_SET);
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    run.spawn_error = std::strerror(errno);
    return run;
  }
  Fd read_end(pipe_fds[0]);
  Fd write_end(pipe_fds[1]);
  Fd null(::open("/dev/null", O_WRONLY | O_CLOEXEC));

  // Every descriptor is close-on-exec, so a helper started by another thread of this
  // run never holds this pipe open; dup2 onto 0, 1 and 2 clears the flag on those.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd, 1);
  if (null.fd >= 0) posix_spawn_file_actions_adddup2(&actions, null.fd, 2);
  std::vector<std::string> env = HelperEnvironment();
  std::vector<char*> envp;
  for (std::string& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::string program = path;
  char* argv[] = {program.data(), nullptr};
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, path.c_str(), &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    run.spawn_error = std::strerror(spawned);
    return run;
  }
  ::close(write_end.fd);
  write_end.fd = -1;

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kDocHelperSeconds);
  char buffer[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      run.timed_out = true;
      break;
    }
    pollfd poll_fd{read_end.fd, POLLIN, 0};
    const int ready = ::poll(&poll_fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      run.timed_out = true;
      break;
    }
    const ssize_t got = ::read(read_end.fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    run.output.append(buffer, static_cast<std::size_t>(got));
    if (run.output.size() > kMaxDocTextBytes + kMaxDocTextBytes / 8) {
      run.output_too_large = true;
      break;
    }
  }
  if (run.timed_out || run.output_too_large) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) run.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  return run;
}

// The records as text: body paragraphs as lines; table rows as the flattened-table shape.
Result<ExtractedText> BuildText(const std::string& records, const std::string& display_path) {
  ExtractedText out;
  int paragraphs = 0;
  int tables = 0;
  int row = 0;
  int column = 0;
  bool in_table = false;
  bool row_open = false;
  std::vector<std::string> cell;
  auto close_table = [&] {
    if (!in_table) return;
    out.AddLine("", Place{.table = tables});
    in_table = false;
  };
  std::size_t start = 0;
  while (start < records.size()) {
    std::size_t end = records.find('\n', start);
    if (end == std::string::npos) end = records.size();
    const std::string_view record = std::string_view(records).substr(start, end - start);
    start = end + 1;
    if (record.empty()) continue;
    const char kind = record[0];
    const std::string_view text = record.size() > 2 ? record.substr(2) : std::string_view();
    if (kind == 'P') {
      close_table();
      out.AddLine(text, Place{.paragraph = ++paragraphs});
    } else if (kind == 'C' || kind == 'E') {
      if (!in_table) {
        in_table = true;
        ++tables;
        row = 0;
      }
      if (!row_open) {
        row_open = true;
        column = 0;
        out.AddLine("", Place{.table = tables, .row = ++row});
      }
      cell.emplace_back(text);
      if (kind == 'E') {
        out.AddTableCell(std::move(cell), Place{.table = tables, .row = row, .column = ++column});
        cell.clear();
      }
    } else if (kind == 'R') {
      if (!cell.empty()) {  // a cell the row mark closed without its own mark
        out.AddTableCell(std::move(cell), Place{.table = tables, .row = row, .column = ++column});
        cell.clear();
      }
      row_open = false;
    }
    if (out.text.size() > kMaxDocTextBytes) {
      return DocError(display_path, "Word 文档展开后的文字过多（超过 64 MiB），已拒绝读取");
    }
  }
  if (!cell.empty()) {
    out.AddTableCell(std::move(cell), Place{.table = tables, .row = row, .column = ++column});
  }
  close_table();
  return out;
}

}  // namespace

bool LooksLikeOle2(const std::string& bytes) {
  return bytes.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0;
}

Result<ExtractedText> ExtractDoc(const std::string& bytes, const std::string& display_path) {
  if (bytes.size() > kMaxDocBytes) {
    return DocError(display_path, "Word 文档过大（超过 64 MiB），已拒绝读取");
  }
  const std::string helper = HelperPath();
  if (helper.empty()) {
    return DocError(display_path,
                    "无法读取 Word 97-2003 文档：未找到 plancheck-doc（随 plancheck 安装的 .doc 读取程序）");
  }
  const HelperRun run = RunHelper(helper, bytes);
  namespace status = doc_helper;
  if (!run.spawn_error.empty()) {
    return DocError(display_path, "无法运行 " + helper + "：" + run.spawn_error);
  }
  if (run.timed_out) {
    return DocError(display_path, "Word 97-2003 文档读取超时（超过 " +
                                      std::to_string(kDocHelperSeconds) +
                                      " 秒），文件可能已损坏，已拒绝读取");
  }
  if (run.output_too_large) {
    return DocError(display_path, "Word 文档展开后的文字过多（超过 64 MiB），已拒绝读取");
  }
  if (run.signal != 0) {
    return DocError(display_path,
                    "Word 97-2003 文档已损坏或超出读取限制，无法读取（读取程序异常退出，信号 " +
                        std::to_string(run.signal) + "）");
  }
  switch (run.exit_status) {
    case 0:
      break;
    case status::kNotWord:
      return DocError(display_path, "不是 Word 文档（可能是其他 Office 97-2003 文件，如 .xls、.ppt）");
    case status::kEncrypted:
      return DocError(display_path, "Word 文档已加密，无法读取");
    case status::kUnsupported:
      return DocError(display_path, "不支持 Word 6.0 之前的文档格式，请另存为 .docx 后再检查");
    case status::kInputTooLarge:
      return DocError(display_path, "Word 文档过大，已拒绝读取");
    default:
      return DocError(display_path, "Word 97-2003 文档已损坏，无法读取（读取程序退出码 " +
                                        std::to_string(run.exit_status) + "）");
  }
  Result<ExtractedText> text = BuildText(run.output, display_path);
  if (!text) return text.error();
  if (TrimSpace(text->text).empty()) return DocError(display_path, "Word 文档中没有文字");
  if (!IsValidUtf8(text->text)) return DocError(display_path, "Word 文档含有无效的字符");
  return text;
}

}  // namespace plancheck::ingest
