// Walking directories: nothing that could not be read is dropped silently, memory and open
// files stay bounded however deep the tree, and a symbolic link out of the walked tree is
// not followed. Each run is a child process under resource limits (child.h).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "child.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {

// Its finding (an unpaired bracket on line 3) needs no unit registry.
const char* kNotice = "一、稳增长\n（一）工业\n1.实施计划（一期。\n责任单位：区科技局；配合单位：区财政局。\n";

// A chain of `depth` directories named "d" under `base` (made with mkdirat, so no path is
// ever longer than a name), with `leaf` written at the bottom.
void MakeChain(const std::string& base, int depth, const std::string& leaf) {
  int fd = open(base.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  for (int i = 0; i < depth; ++i) {
    REQUIRE(mkdirat(fd, "d", 0755) == 0);
    const int next = openat(fd, "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    close(fd);
    REQUIRE(next >= 0);
    fd = next;
  }
  const int file = openat(fd, leaf.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  REQUIRE(file >= 0);
  REQUIRE(write(file, kNotice, std::strlen(kNotice)) == static_cast<ssize_t>(std::strlen(kNotice)));
  close(file);
  close(fd);
}

// Removes what MakeChain made, bottom up, one directory open at a time (remove_all works
// by path and fails past PATH_MAX).
void RemoveChain(const std::string& base, int depth, const std::string& leaf) {
  int fd = open(base.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  int reached = 0;
  for (; reached < depth; ++reached) {
    const int next = openat(fd, "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (next < 0) break;
    close(fd);
    fd = next;
  }
  unlinkat(fd, leaf.c_str(), 0);
  for (; reached > 0; --reached) {
    const int parent = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    close(fd);
    if (parent < 0) return;
    unlinkat(parent, "d", AT_REMOVEDIR);
    fd = parent;
  }
  close(fd);
}

}  // namespace

// Item 11 (a): a subdirectory the user cannot read was skipped without a word, exit 0.
TEST_CASE("an unreadable subdirectory is reported by name and the rest is checked",
          "[robustness][walk]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a/one.txt", kNotice);
  WriteFile(dir + "/locked/two.txt", kNotice);
  REQUIRE(chmod((dir + "/locked").c_str(), 0) == 0);
  ChildLimits limits;
  limits.without_file_override = true;  // as root (CI), permissions apply only without these
  const ChildResult r = RunCliLimited({"lint", dir, "--format", "json"}, limits);
  chmod((dir + "/locked").c_str(), 0755);
  INFO(r.Describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find(dir + "/locked\"") != std::string::npos);
  CHECK(r.out.find("无法读取目录：没有读取权限") != std::string::npos);
  CHECK(r.out.find(dir + "/a/one.txt") != std::string::npos);
}

// Item 11 (b): a descriptor per level ended the walk at `ulimit -n`, silently (the failed
// increment() had already made the iterator equal to end).
TEST_CASE("a tree deeper than the open-file limit is walked to the bottom", "[robustness][walk]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/top.txt", kNotice);
  MakeChain(dir, 1500, "bottom.txt");
  const ChildResult r = RunLimited([&](std::string& out, std::string& err) {
    const rlimit files{256, 256};
    setrlimit(RLIMIT_NOFILE, &files);
    const CliResult result = RunCli({"lint", dir, "--format", "json"});
    out = result.out;
    err = result.err;
    return result.exit_code;
  });
  RemoveChain(dir, 1500, "bottom.txt");
  INFO(r.Describe().substr(0, 3000));
  REQUIRE(r.exited);
  CHECK(r.exit_code <= 1);  // findings in both files, no input error
  CHECK(r.out.find("/d/bottom.txt\"") != std::string::npos);
  CHECK(r.out.find(dir + "/top.txt") != std::string::npos);
}

// Item 9: memory grew with the square of the depth (10,000 levels: 5.1 GB, 17 s). A file
// whose path is longer than PATH_MAX cannot be opened: it is named, not lost.
TEST_CASE("a 10,000-level tree is walked in memory linear in its depth", "[robustness][walk]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/top.txt", kNotice);
  MakeChain(dir, 10000, "bottom.txt");
  ChildLimits limits;
  limits.address_space = 768u << 20;
  const ChildResult r = RunCliLimited({"lint", dir, "--format", "json"}, limits);
  RemoveChain(dir, 10000, "bottom.txt");
  INFO(r.Describe().substr(0, 3000));
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("路径过长") != std::string::npos);
  CHECK(r.out.find("/d/d/bottom.txt\"") != std::string::npos);
  CHECK(r.out.find(dir + "/top.txt") != std::string::npos);
}

// Item 15: a checked-in symlink to a credentials file printed its lines into CI logs.
TEST_CASE("a symlink leaving the walked tree is not followed", "[robustness][walk]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/secret/creds.env", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI(K7MDENG\nDB_PASSWORD=“hunter2\n");
  WriteFile(dir + "/repo/docs/plan.txt", kNotice);
  REQUIRE(symlink((dir + "/secret/creds.env").c_str(), (dir + "/repo/docs/notes.txt").c_str()) == 0);
  REQUIRE(symlink("../secret/creds.env", (dir + "/repo/relative.txt").c_str()) == 0);
  REQUIRE(symlink("docs/plan.txt", (dir + "/repo/inside.txt").c_str()) == 0);
  const ChildResult r = RunCliLimited({"lint", dir + "/repo"});
  INFO(r.Describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("hunter2") == std::string::npos);
  CHECK(r.out.find("wJalrXUtnFEMI") == std::string::npos);
  CHECK(r.out.find("repo/docs/notes.txt:1:1: error: 符号链接指向被检查目录之外") != std::string::npos);
  CHECK(r.out.find("repo/relative.txt:1:1: error: 符号链接指向被检查目录之外") != std::string::npos);
  // A link that stays inside is read like the file it leads to.
  CHECK(r.out.find("repo/inside.txt:3:") != std::string::npos);
  CHECK(r.out.find("repo/docs/plan.txt:3:") != std::string::npos);
  // Named on the command line, a file is read as given.
  const ChildResult named = RunCliLimited({"lint", dir + "/repo/docs/notes.txt"});
  INFO(named.Describe());
  CHECK(named.out.find("hunter2") != std::string::npos);
}

}  // namespace plancheck::testing
