#include "base/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>

#include "test_util.h"

namespace plancheck {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Names in `dir` other than `keep`: a temporary file left behind would show here.
std::vector<std::string> Others(const std::string& dir, const std::string& keep) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename() != keep) out.push_back(entry.path().filename().string());
  }
  return out;
}

}  // namespace

TEST_CASE("WriteFileAtomically creates and replaces, keeping the mode", "[base]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/report.json";
  REQUIRE_FALSE(WriteFileAtomically(path, "first\n"));
  CHECK(Read(path) == "first\n");
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  // A new file: 0666 less the umask (tests/robustness/output_test.cc runs it under 077).
  const mode_t umask_bits = ::umask(0);
  ::umask(umask_bits);
  CHECK((info.st_mode & 0777) == (0666 & ~umask_bits));

  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  REQUIRE_FALSE(WriteFileAtomically(path, std::string("二\0三", 7)));
  CHECK(Read(path) == std::string("二\0三", 7));
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK(Others(dir, "report.json").empty());

  // A symlink to the report: the file it leads to is replaced, the link stays a link.
  REQUIRE(::symlink("report.json", (dir + "/latest.json").c_str()) == 0);
  REQUIRE_FALSE(WriteFileAtomically(dir + "/latest.json", "third\n"));
  CHECK(Read(path) == "third\n");
  struct stat link {};
  REQUIRE(::lstat((dir + "/latest.json").c_str(), &link) == 0);
  CHECK(S_ISLNK(link.st_mode));
}

TEST_CASE("WriteFileAtomically reports a failure and leaves nothing behind", "[base]") {
  const std::string dir = testing::MakeTempDir();
  const std::optional<std::string> missing = WriteFileAtomically(dir + "/no/such/dir/a.txt", "x");
  REQUIRE(missing);
  CHECK(*missing == "No such file or directory");
  // The target is a directory: refused before any temporary file is made.
  std::filesystem::create_directory(dir + "/taken");
  const std::optional<std::string> taken = WriteFileAtomically(dir + "/taken", "x");
  REQUIRE(taken);
  CHECK(Others(dir, "taken").empty());
}

TEST_CASE("WriteFileAtomically streams content larger than its buffer", "[base]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/report.html";
  REQUIRE_FALSE(WriteFileAtomically(path, "old\n"));
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  // 300,000 lines, 2.4 MB: many times the 64 KiB buffer, written a piece at a time.
  std::string expected;
  for (int i = 0; i < 300000; ++i) expected += "行" + std::to_string(i % 10) + "\n";
  const auto failure = WriteFileAtomically(path, [](std::ostream& out) {
    for (int i = 0; i < 300000; ++i) out << "行" << (i % 10) << '\n';
  });
  REQUIRE_FALSE(failure);
  CHECK(Read(path) == expected);
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK(Others(dir, "report.html").empty());

  // A writer that throws: the exception passes, the old content stays, no temporary.
  CHECK_THROWS_AS(WriteFileAtomically(path,
                                      [](std::ostream& out) {
                                        out << "half";
                                        throw std::bad_alloc();
                                      }),
                  std::bad_alloc);
  CHECK(Read(path) == expected);
  CHECK(Others(dir, "report.html").empty());

  // A directory that does not exist: an error, and nothing written.
  const auto missing = WriteFileAtomically(dir + "/no/such/report.html",
                                           [](std::ostream& out) { out << "x"; });
  REQUIRE(missing);
  CHECK(*missing == std::strerror(ENOENT));
  CHECK(Others(dir, "report.html").empty());
}

}  // namespace plancheck
