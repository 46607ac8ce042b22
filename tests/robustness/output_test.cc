// What plancheck writes: never a device node or an input replaced, the umask respected,
// every failed write an error (exit 2), an audit folder replaced as a set, and no
// temporary left behind by SIGTERM or SIGINT. Anything that changes the process (umask,
// mount namespace, signals) runs in a forked child (child.h).
#include <fcntl.h>
#include <linux/fs.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "base/atomic_file.h"
#include "base/fd_stream.h"
#include "child.h"
#include "cli/app.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {
namespace fs = std::filesystem;

const std::string kSeed = "seeds/000_d5b961fa901fa4dc.txt";

// A directory holding a copy of the seed as plan.txt.
std::string DirWithPlan() {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt", ReadFile(FixturePath(kSeed)));
  return dir;
}

// Names in `dir`, sorted: a temporary left behind shows here.
std::string Listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : " ") + name;
  return out;
}

std::string ModeOf(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "missing";
  char text[8];
  std::snprintf(text, sizeof text, "%03o", info.st_mode & 0777);
  return text;
}

// In-process plancheck with `out` written through an FdStreamBuf over `fd`, as main does.
CliResult RunCliToDescriptor(const std::vector<std::string>& args, int fd) {
  std::vector<std::string> full = {"plancheck"};
  full.insert(full.end(), args.begin(), args.end());
  FdStreamBuf buffer(fd);
  std::ostream out(&buffer);
  std::ostringstream err;
  CliResult result;
  result.exit_code = cli::Run(full, out, err);
  result.err = err.str();
  return result;
}

// The immutable attribute (chattr +i), cleared again when the guard goes.
class Immutable {
 public:
  explicit Immutable(const std::string& path) : path_(path) { ok_ = Set(true); }
  ~Immutable() {
    if (ok_) Set(false);
  }
  bool ok() const { return ok_; }

 private:
  bool Set(bool on) {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    int flags = 0;
    bool done = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    done = done && ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    ::close(fd);
    return done;
  }
  std::string path_;
  bool ok_ = false;
};

}  // namespace

// Item 1. As root in a CI container, renaming over /dev/null breaks it for every later
// step. The device nodes here are made on a private tmpfs in a private mount namespace, so
// the machine's /dev is never touched.
TEST_CASE("output onto a device node or /dev/stdout is written through, never replaced",
          "[robustness][output]") {
  const std::string seed = FixturePath(kSeed);
  const ChildResult r = RunLimited([&](std::string& out, std::string& err) {
    if (::unshare(CLONE_NEWNS) != 0) {
      err = std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
      return 77;
    }
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
      err = std::string("mount --make-rprivate /: ") + std::strerror(errno);
      return 77;
    }
    const std::string dev = MakeTempDir();
    if (::mount("tmpfs", dev.c_str(), "tmpfs", 0, "size=1m") != 0 ||
        ::mknod((dev + "/null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0 ||
        ::mknod((dev + "/full").c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0 ||
        ::symlink("/proc/self/fd/1", (dev + "/stdout").c_str()) != 0) {
      err = std::string("tmpfs with device nodes: ") + std::strerror(errno);
      return 77;
    }
    auto is_device = [&](const std::string& name) {
      struct stat info {};
      return ::lstat((dev + "/" + name).c_str(), &info) == 0 && S_ISCHR(info.st_mode);
    };
    const CliResult full = RunCli({"lint", seed, "-o", dev + "/full"});
    out += "full: exit " + std::to_string(full.exit_code) + ", device " +
           std::to_string(is_device("full")) + ", says ENOSPC " +
           std::to_string(full.err.find(std::strerror(ENOSPC)) != std::string::npos) + "\n";
    const CliResult null = RunCli({"lint", seed, "-o", dev + "/null", "--fail-on", "never"});
    out += "null: exit " + std::to_string(null.exit_code) + ", device " +
           std::to_string(is_device("null")) + "\n";
    const CliResult baseline = RunCli(
        {"lint", seed, "--write-baseline", dev + "/null", "--format", "json", "--fail-on", "never"});
    out += "baseline to null: exit " + std::to_string(baseline.exit_code) + ", device " +
           std::to_string(is_device("null")) + "\n";
    const CliResult baseline_full =
        RunCli({"lint", seed, "--write-baseline", dev + "/full", "--fail-on", "never"});
    out += "baseline to full: exit " + std::to_string(baseline_full.exit_code) + ", device " +
           std::to_string(is_device("full")) + "\n";
    // /dev/stdout is this process's standard output: the report goes to `out`.
    const CliResult std_out = RunCli({"lint", seed, "-o", dev + "/stdout", "--fail-on", "never"});
    struct stat link {};
    out += "stdout: exit " + std::to_string(std_out.exit_code) + ", on out " +
           std::to_string(std_out.out.find("共 1 个文件") != std::string::npos) + ", link " +
           std::to_string(::lstat((dev + "/stdout").c_str(), &link) == 0 && S_ISLNK(link.st_mode)) +
           "\n";
    return 0;
  });
  INFO(r.Describe());
  if (r.exited && r.exit_code == 77) {
    WARN("SKIPPED: needs root and a private mount namespace: " << r.err);
    return;
  }
  REQUIRE(r.exited);
  CHECK(r.out ==
        "full: exit 2, device 1, says ENOSPC 1\n"
        "null: exit 0, device 1\n"
        "baseline to null: exit 0, device 1\n"
        "baseline to full: exit 2, device 1\n"
        "stdout: exit 0, on out 1, link 1\n");
}

// Item 2: "plancheck never writes to the documents it checks".
TEST_CASE("an output that is one of the run's inputs is refused", "[robustness][output]") {
  const std::string dir = DirWithPlan();
  const std::string plan = dir + "/plan.txt";
  const std::string original = ReadFile(plan);
  REQUIRE(::symlink("plan.txt", (dir + "/alias.out").c_str()) == 0);
  REQUIRE(::link(plan.c_str(), (dir + "/hard.out").c_str()) == 0);
  const std::vector<std::vector<std::string>> runs = {
      {"lint", plan, "-o", plan},
      {"lint", plan, "--write-baseline", plan},
      {"lint", plan, "-o", dir + "/alias.out"},  // through a symlink
      {"lint", plan, "-o", dir + "/hard.out"},   // a hard link
      {"lint", dir, "-o", dir + "/./plan.txt"},  // found by the directory walk
      {"lint", dir + "/alias.out", "--parent", plan, "-o", plan},  // the parent plan
  };
  for (const auto& args : runs) {
    const CliResult r = RunCli(args);
    INFO(args[1] + " " + args[2] + " " + args[3] + "\n" + r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("不会覆盖它读取的文件") != std::string::npos);
    CHECK(r.out.empty());
  }
  CHECK(ReadFile(plan) == original);
  CHECK(Listing(dir) == "alias.out hard.out plan.txt");

  // Two outputs naming one file, new or existing.
  const CliResult both = RunCli({"lint", plan, "-o", dir + "/r.txt", "--write-baseline", dir + "/./r.txt"});
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("指向同一个文件") != std::string::npos);
  WriteFile(dir + "/r.txt", "old\n");
  const CliResult same = RunCli({"lint", plan, "-o", dir + "/r.txt", "--write-baseline", dir + "/r.txt"});
  CHECK(same.exit_code == 2);
  CHECK(same.err.find("指向同一个文件") != std::string::npos);
  CHECK(ReadFile(dir + "/r.txt") == "old\n");

  // The audit folder's files are outputs too: a page saved from an earlier audit among the
  // documents is not overwritten by the next.
  WriteFile(dir + "/docs/report.html", "<html><body><p>1.推进工作。</p></body></html>");
  const CliResult audit = RunCli({"audit", dir + "/docs", "--out", dir + "/docs"});
  CHECK(audit.exit_code == 2);
  CHECK(audit.err.find("report.html") != std::string::npos);
}

// Item 3: reports quote document lines.
TEST_CASE("reports, baselines and audit files respect the umask", "[robustness][output]") {
  const std::string dir = MakeTempDir();
  const std::string seed = FixturePath(kSeed);
  const ChildResult r = RunLimited([&](std::string& out, std::string&) {
    ::umask(077);
    RunCli({"lint", seed, "-o", dir + "/r.txt", "--write-baseline", dir + "/b.json"});
    RunCli({"audit", seed, "--out", dir + "/aud"});
    out = ModeOf(dir + "/r.txt") + " " + ModeOf(dir + "/b.json");
    for (const char* name : {"report.html", "findings.csv", "targets.csv", "units.csv"}) {
      out += " " + ModeOf(dir + "/aud/" + name);
    }
    // An existing file keeps its mode.
    ::chmod((dir + "/r.txt").c_str(), 0640);
    RunCli({"lint", seed, "-o", dir + "/r.txt"});
    out += " / " + ModeOf(dir + "/r.txt");
    return 0;
  });
  INFO(r.Describe());
  REQUIRE(r.exited);
  CHECK(r.out == "600 600 600 600 600 600 / 640");
}

// Item 4: a report cut short must not end with exit 0.
TEST_CASE("a failed write to standard output is exit 2 with the reason", "[robustness][output]") {
  const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (full < 0) {
    WARN("SKIPPED: /dev/full cannot be opened: " << std::strerror(errno));
    return;
  }
  for (const char* format : {"text", "json", "sarif", "github"}) {
    const CliResult r =
        RunCliToDescriptor({"lint", FixturePath(kSeed), "--format", format, "--fail-on", "never"}, full);
    INFO(format << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(std::strerror(ENOSPC)) != std::string::npos);
  }
  // Other commands too.
  const CliResult parse = RunCliToDescriptor({"parse", FixturePath(kSeed)}, full);
  CHECK(parse.exit_code == 2);
  const CliResult rules = RunCliToDescriptor({"rules"}, full);
  CHECK(rules.exit_code == 2);
  ::close(full);

  // The real binary, standard output on /dev/full: main's stream reports it as well.
  const ChildResult binary = RunBinaryLimited({"lint", FixturePath(kSeed)}, "/dev/full");
  INFO(binary.Describe());
  REQUIRE(binary.exited);
  CHECK(binary.exit_code == 2);
  CHECK(binary.err.find(std::strerror(ENOSPC)) != std::string::npos);
}

TEST_CASE("a closed pipe ends the run quietly", "[robustness][output]") {
  // SIGPIPE ignored (as some CI runners leave it): the write fails with EPIPE, the exit is
  // 2 and nothing is said. With SIGPIPE at its default the process ends by the signal.
  for (const bool ignored : {true, false}) {
    const std::string seed = FixturePath(kSeed);
    const ChildResult r = RunLimited([&](std::string& out, std::string& err) {
      std::signal(SIGPIPE, ignored ? SIG_IGN : SIG_DFL);
      int fds[2];
      if (::pipe(fds) != 0) return 96;
      ::close(fds[0]);
      const CliResult result = RunCliToDescriptor({"lint", seed, "--format", "json"}, fds[1]);
      out = "exit " + std::to_string(result.exit_code);
      err = result.err;
      return 0;
    });
    INFO(r.Describe());
    if (ignored) {
      REQUIRE(r.exited);
      CHECK(r.out == "exit 2");
      CHECK(r.err.empty());
    } else {
      CHECK_FALSE(r.exited);
      CHECK(r.signal == SIGPIPE);
    }
  }
}

TEST_CASE("the output path \"-\" means standard output", "[robustness][output]") {
  const std::string dir = MakeTempDir();
  const std::string seed = FixturePath(kSeed);
  const ChildResult r = RunLimited([&](std::string& out, std::string&) {
    if (::chdir(dir.c_str()) != 0) return 96;
    const CliResult result = RunCli({"lint", seed, "-o", "-", "--format", "json", "--fail-on", "never"});
    out = result.out;
    return result.exit_code;
  });
  INFO(r.Describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("{", 0) == 0);
  CHECK(Listing(dir).empty());  // no file named "-"
}

// Item 5: one failed file leaves the previous set, not a mix of two runs.
TEST_CASE("an audit folder is replaced as a set or not at all", "[robustness][output]") {
  const std::string dir = MakeTempDir();
  const std::string first = FixturePath("seeds/000_d5b961fa901fa4dc.txt");
  const std::string second = FixturePath("seeds/001_8ef760ff784be5ac.txt");
  REQUIRE(RunCli({"audit", first, "--out", dir + "/aud"}).exit_code <= 1);
  std::map<std::string, std::string> before;
  for (const char* name : {"report.html", "findings.csv", "targets.csv", "units.csv", "matrix.csv"}) {
    before[name] = ReadFile(dir + "/aud/" + name);
    CHECK(before[name].find("000_d5b961fa901fa4dc") != std::string::npos);
  }
  {
    // units.csv, the last file, cannot be replaced (as `chattr +i` makes it).
    const Immutable immutable(dir + "/aud/units.csv");
    if (!immutable.ok()) {
      WARN("SKIPPED (immutable file): FS_IOC_SETFLAGS needs root and ext4/xfs/btrfs: "
           << std::strerror(errno));
    } else {
      const CliResult r = RunCli({"audit", second, "--out", dir + "/aud"});
      INFO(r.err);
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("原有报告未改动") != std::string::npos);
      for (const auto& [name, content] : before) {
        INFO(name);
        CHECK(ReadFile(dir + "/aud/" + name) == content);
      }
      CHECK(Listing(dir + "/aud") == "findings.csv matrix.csv report.html targets.csv units.csv");
    }
  }
  // A file of the set that fails while written (here its writer fails): nothing replaced.
  std::vector<FileInSet> set;
  for (const auto& [name, content] : before) {
    set.push_back({name, [&, name = name](std::ostream& out) {
                     out << "new " << name;
                     if (name == "targets.csv") out.setstate(std::ios::badbit);
                   }});
  }
  REQUIRE(ReplaceFileSet(dir + "/aud", set));
  for (const auto& [name, content] : before) CHECK(ReadFile(dir + "/aud/" + name) == content);
  CHECK(Listing(dir + "/aud") == "findings.csv matrix.csv report.html targets.csv units.csv");
  // And when all succeed, all are new.
  for (FileInSet& file : set) {
    if (file.name == "targets.csv") file.write = [](std::ostream& out) { out << "new targets.csv"; };
  }
  REQUIRE_FALSE(ReplaceFileSet(dir + "/aud", set));
  for (const auto& [name, content] : before) CHECK(ReadFile(dir + "/aud/" + name) == "new " + name);
  CHECK(Listing(dir + "/aud") == "findings.csv matrix.csv report.html targets.csv units.csv");
}

// Item 6: SIGTERM (a CI job cancelled, `timeout`) or SIGINT (Ctrl-C) while a report is
// being written. The signal is raised by the writer itself, so the test does not depend on
// timing.
TEST_CASE("SIGTERM or SIGINT while writing removes the temporary files", "[robustness][output]") {
  for (const int signal_number : {SIGTERM, SIGINT}) {
    const std::string dir = MakeTempDir();
    WriteFile(dir + "/report.json", "OLD\n");
    WriteFile(dir + "/aud/units.csv", "OLD\n");
    const ChildResult r = RunLimited([&](std::string&, std::string&) {
      InstallTemporaryFileCleanup();
      (void)WriteFileAtomically(dir + "/report.json", [&](std::ostream& out) {
        out << std::string(1 << 20, 'x');
        out.flush();
        std::raise(signal_number);
      });
      return 0;
    });
    INFO(r.Describe());
    CHECK_FALSE(r.exited);
    CHECK(r.signal == signal_number);
    CHECK(ReadFile(dir + "/report.json") == "OLD\n");

    // In a set: the files already written are removed too.
    const ChildResult set = RunLimited([&](std::string&, std::string&) {
      InstallTemporaryFileCleanup();
      (void)ReplaceFileSet(dir + "/aud", {{"report.html", [](std::ostream& out) { out << "new"; }},
                                          {"units.csv", [&](std::ostream& out) {
                                             out << "new";
                                             out.flush();
                                             std::raise(signal_number);
                                           }}});
      return 0;
    });
    INFO(set.Describe());
    CHECK(set.signal == signal_number);
    CHECK(Listing(dir) == "aud report.json");
    CHECK(Listing(dir + "/aud") == "units.csv");
    CHECK(ReadFile(dir + "/aud/units.csv") == "OLD\n");
  }
}

}  // namespace plancheck::testing
