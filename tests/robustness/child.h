// Runs plancheck (or any function) in a forked child under resource limits, so a test
// bounds itself without timing assertions: RLIMIT_CPU turns an accidentally quadratic
// algorithm into a SIGXCPU, RLIMIT_AS turns a memory blow-up into a failed allocation, and
// a wall-clock watchdog turns a hang (a blocking read of a FIFO) into a SIGKILL the test
// reports.
//
// Under AddressSanitizer (the sanitizer build of .ci/run) RLIMIT_AS cannot apply: ASan
// reserves terabytes of address space for its shadow memory at start-up. The parent then
// polls the child's resident set instead (/proc/PID/statm, every 20 ms) and kills it above
// `address_space` bytes (times kSanitizerMemoryAllowance), reporting `over_memory`; the CPU
// limit is kept, multiplied by kSanitizerSlowdown. Each such child says so once on stderr
// and in Describe(), so a test never passes believing it was bounded by RLIMIT_AS when it
// was not.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/app.h"
#include "test_util.h"

namespace plancheck::testing {

// How much more CPU time a child gets under the sanitizers (ASan + UBSan at -O1 run the
// robustness inputs about 3 times slower than the RelWithDebInfo build).
inline constexpr int kSanitizerSlowdown = kUnderAsan ? 4 : 1;
// How much more resident memory a child may hold under ASan: its quarantine (256 MB by
// default), redzones and shadow memory count in the resident set the parent polls, which
// in the plain build bounds only the program's own allocations (RLIMIT_AS).
inline constexpr std::size_t kSanitizerMemoryAllowance = kUnderAsan ? 2 : 1;

struct ChildLimits {
  int cpu_seconds = 20;                      // RLIMIT_CPU (all threads together), before
                                             // kSanitizerSlowdown
  std::size_t address_space = 2048ul << 20;  // RLIMIT_AS; under ASan a resident-set ceiling
  int wall_seconds = 60;                     // then SIGKILL: "hung" (also scaled)
  // Drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH in the child, so that file permissions
  // stop it even when the tests run as root (as in CI).
  bool without_file_override = false;
};

// Removes from the effective set the capabilities that let root read any file.
inline bool DropFileOverride() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (syscall(SYS_capget, &header, data) != 0) return false;
  for (int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH}) {
    data[cap / 32].effective &= ~(1u << (cap % 32));
  }
  return syscall(SYS_capset, &header, data) == 0;
}

struct ChildResult {
  bool exited = false;  // false: killed by a signal (crash, CPU limit, watchdog)
  int exit_code = -1;
  int signal = 0;
  bool hung = false;         // the watchdog killed it
  bool over_memory = false;  // under ASan: its resident set passed address_space
  std::string limits;        // how it was bounded, in words
  std::string out;
  std::string err;
  std::string Describe() const {
    std::string s = exited ? "exit " + std::to_string(exit_code)
                           : "signal " + std::to_string(signal) + (hung ? " (hung)" : "") +
                                 (over_memory ? " (over the memory limit)" : "");
    return s + "\nlimits: " + limits + "\nstderr: " + err.substr(0, 2000) +
           "\nstdout: " + out.substr(0, 2000);
  }
};

// Resident set of `pid` in bytes, from /proc; 0 when it cannot be read.
inline std::size_t ResidentBytes(pid_t pid) {
  std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
  std::size_t size_pages = 0;
  std::size_t resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return 0;
  return resident_pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// The limits in words (ChildResult::limits), said once on stderr under ASan.
inline std::string DescribeLimits(const ChildLimits& limits) {
  const int cpu_seconds = limits.cpu_seconds * kSanitizerSlowdown;
  const int wall_seconds = limits.wall_seconds * kSanitizerSlowdown;
  const std::size_t memory_mb = (limits.address_space * kSanitizerMemoryAllowance) >> 20;
  std::string text = "RLIMIT_CPU " + std::to_string(cpu_seconds) + " s, " +
                     (kUnderAsan ? "resident set <= " + std::to_string(memory_mb) +
                                       " MB polled every 20 ms (AddressSanitizer build: "
                                       "RLIMIT_AS not applied)"
                                 : "RLIMIT_AS " + std::to_string(memory_mb) + " MB") +
                     ", wall " + std::to_string(wall_seconds) + " s";
  if (kUnderAsan) {
    static bool said = false;
    if (!said) std::fprintf(stderr, "child.h: %s\n", text.c_str());
    said = true;
  }
  return text;
}

// In the child: the CPU and address-space limits, and the capabilities dropped.
inline void ApplyLimits(const ChildLimits& limits) {
  const int cpu_seconds = limits.cpu_seconds * kSanitizerSlowdown;
  rlimit cpu{static_cast<rlim_t>(cpu_seconds), static_cast<rlim_t>(cpu_seconds)};
  setrlimit(RLIMIT_CPU, &cpu);
  if (!kUnderAsan) {
    rlimit as{limits.address_space, limits.address_space};
    setrlimit(RLIMIT_AS, &as);
  }
  if (limits.without_file_override && !DropFileOverride()) _exit(97);
}

// In the parent: waits for `pid` under the watchdog (and, under ASan, the resident-set
// poll), filling how it ended into `result`.
inline void WaitLimited(pid_t pid, const ChildLimits& limits, ChildResult& result) {
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::seconds(limits.wall_seconds * kSanitizerSlowdown);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    const bool over_memory =
        kUnderAsan && ResidentBytes(pid) > limits.address_space * kSanitizerMemoryAllowance;
    if (over_memory || std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.over_memory = over_memory;
      result.hung = !over_memory;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  result.exited = !result.hung && !result.over_memory && WIFEXITED(status);
  if (result.exited) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
}

// Runs `body` in a forked child under `limits`; what it writes to `out` and `err` comes
// back through files, its return value is the exit code (98 if it throws).
inline ChildResult RunLimited(const std::function<int(std::string& out, std::string& err)>& body,
                              const ChildLimits& limits = {}) {
  const std::string dir = MakeTempDir();
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  ChildResult result;
  result.limits = DescribeLimits(limits);
  const pid_t pid = fork();
  if (pid == 0) {
    ApplyLimits(limits);
    int code = 99;
    try {
      std::string out;
      std::string err;
      code = body(out, err);
      WriteFile(out_path, out);
      WriteFile(err_path, err);
    } catch (...) {
      code = 98;  // an exception escaped
    }
    _exit(code);
  }
  WaitLimited(pid, limits, result);
  try {
    result.out = ReadFile(out_path);
    result.err = ReadFile(err_path);
  } catch (...) {
  }
  return result;
}

// The plancheck executable of this build: beside the test executable.
inline std::string PlancheckBinary() {
  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  std::string path = n > 0 ? std::string(self, static_cast<std::size_t>(n)) : std::string();
  return path.substr(0, path.rfind('/') + 1) + "plancheck";
}

// The real `plancheck <args>` in a child process under `limits`, its standard output
// written to `stdout_path` (a new file in a temporary directory when empty, read back
// into `out`), its standard error read back into `err`.
inline ChildResult RunBinaryLimited(const std::vector<std::string>& args,
                                    std::string stdout_path = "",
                                    const ChildLimits& limits = {}) {
  const std::string dir = MakeTempDir();
  const bool own_stdout = stdout_path.empty();
  if (own_stdout) stdout_path = dir + "/out";
  const std::string err_path = dir + "/err";
  const std::string binary = PlancheckBinary();
  ChildResult result;
  result.limits = DescribeLimits(limits);
  const pid_t pid = fork();
  if (pid == 0) {
    ApplyLimits(limits);
    const int out_fd = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out_fd < 0 || err_fd < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(96);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(95);
  }
  WaitLimited(pid, limits, result);
  try {
    if (own_stdout) result.out = ReadFile(stdout_path);
    result.err = ReadFile(err_path);
  } catch (...) {
  }
  return result;
}

// `plancheck <args>` in a child process.
inline ChildResult RunCliLimited(const std::vector<std::string>& args,
                                 const ChildLimits& limits = {}) {
  return RunLimited(
      [&](std::string& out, std::string& err) {
        CliResult result = RunCli(args);
        out = std::move(result.out);
        err = std::move(result.err);
        return result.exit_code;
      },
      limits);
}

}  // namespace plancheck::testing
