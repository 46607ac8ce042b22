// The same output for any --jobs, and the checked files left untouched.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "test_util.h"

namespace plancheck::testing {
namespace fs = std::filesystem;

TEST_CASE("lint JSON is byte-identical with one job and with four", "[robustness]") {
  const std::string seeds = FixturePath("seeds");
  const CliResult one = RunCli({"lint", seeds, "--format", "json", "--jobs", "1"});
  const CliResult four = RunCli({"lint", seeds, "--format", "json", "--jobs", "4"});
  REQUIRE(one.exit_code == four.exit_code);
  REQUIRE(one.out.size() > 100);
  CHECK(one.out == four.out);
  CHECK(one.err == four.err);
}

TEST_CASE("plancheck never writes to the files it checks", "[robustness]") {
  const std::string dir = MakeTempDir() + "/fixtures";
  fs::copy(FixturePath("seeds"), dir, fs::copy_options::recursive);
  struct Snapshot {
    std::string content;
    fs::file_time_type mtime;
    bool operator==(const Snapshot&) const = default;
  };
  auto snapshot = [&] {
    std::map<std::string, Snapshot> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file()) {
        files[entry.path().string()] = {ReadFile(entry.path().string()), entry.last_write_time()};
      }
    }
    return files;
  };
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) chmod(entry.path().c_str(), 0444);
  }
  const auto before = snapshot();
  REQUIRE(before.size() >= 5);
  for (const char* format : {"text", "json", "sarif", "github"}) {
    const CliResult r = RunCli({"lint", dir, "--format", format});
    CHECK(r.exit_code <= 1);
  }
  CHECK(snapshot() == before);
  CHECK(fs::directory_iterator(dir) != fs::directory_iterator());  // nothing added beside them
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(dir)) ++count;
  CHECK(count == before.size());
}

}  // namespace plancheck::testing
