#include "cli/app.h"

#include <catch2/catch.hpp>

#include "test_util.h"

namespace plancheck::cli {
using plancheck::testing::CliResult;
using plancheck::testing::MakeTempDir;
using plancheck::testing::RunCli;
using plancheck::testing::WriteFile;

TEST_CASE("parse reports each bad file and still processes the others", "[cli][parse]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/good.txt", "一、总体\n1.甲。\n责任单位：区科技局。\n");
  WriteFile(dir + "/empty.txt", "");
  WriteFile(dir + "/binary.txt", std::string("a\0b", 3));
  const CliResult result = RunCli({"parse", "--format", "json", dir, dir + "/missing.txt"});
  CHECK(result.exit_code == kExitError);
  CHECK(result.out.find("\"path\": \"" + dir + "/good.txt\"") != std::string::npos);
  CHECK(result.err.find(dir + "/empty.txt: error: 文件为空") != std::string::npos);
  CHECK(result.err.find(dir + "/binary.txt:1:2: error: 这是二进制文件") != std::string::npos);
  CHECK(result.err.find(dir + "/missing.txt: error: 文件或目录不存在") != std::string::npos);
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(RunCli({}).exit_code == kExitError);
  CHECK(RunCli({"frobnicate"}).exit_code == kExitError);
  CHECK(RunCli({"parse", "--format", "xml", "x.txt"}).exit_code == kExitError);
  CHECK(RunCli({"--version"}).exit_code == kExitOk);
}

}  // namespace plancheck::cli
