// Runs plancheck in a forked child under resource limits, so a test bounds itself without
// timing assertions: RLIMIT_CPU turns an accidentally quadratic algorithm into a SIGXCPU,
// RLIMIT_AS turns a memory blow-up into a failed allocation, and a wall-clock watchdog
// turns a hang (a blocking read of a FIFO) into a SIGKILL the test reports.
#pragma once

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/app.h"
#include "test_util.h"

namespace plancheck::testing {

struct ChildLimits {
  int cpu_seconds = 20;                      // RLIMIT_CPU (all threads together)
  std::size_t address_space = 2048ul << 20;  // RLIMIT_AS; ignored under AddressSanitizer
  int wall_seconds = 60;                     // then SIGKILL: "hung"
};

struct ChildResult {
  bool exited = false;  // false: killed by a signal (crash, CPU limit, watchdog)
  int exit_code = -1;
  int signal = 0;
  bool hung = false;  // the watchdog killed it
  std::string out;
  std::string err;
  std::string Describe() const {
    std::string s = exited ? "exit " + std::to_string(exit_code)
                           : "signal " + std::to_string(signal) + (hung ? " (hung)" : "");
    return s + "\nstderr: " + err.substr(0, 2000) + "\nstdout: " + out.substr(0, 2000);
  }
};

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderAsan = true;
#else
inline constexpr bool kUnderAsan = false;
#endif
#else
inline constexpr bool kUnderAsan = false;
#endif

// `plancheck <args>` in a child process; stdout and stderr come back through files.
inline ChildResult RunCliLimited(const std::vector<std::string>& args, const ChildLimits& limits = {}) {
  const std::string dir = MakeTempDir();
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  const pid_t pid = fork();
  if (pid == 0) {
    rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds)};
    setrlimit(RLIMIT_CPU, &cpu);
    if (!kUnderAsan) {
      rlimit as{limits.address_space, limits.address_space};
      setrlimit(RLIMIT_AS, &as);
    }
    int code = 99;
    try {
      const CliResult result = RunCli(args);
      WriteFile(out_path, result.out);
      WriteFile(err_path, result.err);
      code = result.exit_code;
    } catch (...) {
      code = 98;  // an exception escaped the CLI
    }
    _exit(code);
  }
  ChildResult result;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.wall_seconds);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.hung = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  result.exited = !result.hung && WIFEXITED(status);
  if (result.exited) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  try {
    result.out = ReadFile(out_path);
    result.err = ReadFile(err_path);
  } catch (...) {
  }
  return result;
}

}  // namespace plancheck::testing
