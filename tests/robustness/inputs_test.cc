// Pathological inputs through the whole CLI (`plancheck lint --format json`), each in a
// child process under RLIMIT_CPU / RLIMIT_AS and a watchdog (child.h): findings (exit 0/1)
// or a located error (exit 2), never a crash, a limit hit or a hang. Sizes are chosen so a
// quadratic step would exceed the CPU limit by far; no test asserts a duration.
#include <catch2/catch.hpp>
#include <string>

#include "child.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {

std::string Write(const std::string& name, const std::string& content) {
  const std::string path = MakeTempDir() + "/" + name;
  WriteFile(path, content);
  return path;
}

// Findings or nothing, and a JSON report on stdout.
void RequireLinted(const ChildResult& r) {
  INFO(r.Describe());
  REQUIRE(r.exited);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  CHECK(r.out.rfind("{", 0) == 0);
}

// An input error naming the file: exit 2.
void RequireInputError(const ChildResult& r, const std::string& name) {
  INFO(r.Describe());
  REQUIRE(r.exited);
  REQUIRE(r.exit_code == 2);
  CHECK((r.out + r.err).find(name) != std::string::npos);
}

ChildResult Lint(const std::string& path, const ChildLimits& limits = {}) {
  return RunCliLimited({"lint", path, "--format", "json"}, limits);
}

}  // namespace

TEST_CASE("50 MB without a line break", "[robustness]") {
  const std::size_t size = (50u << 20) / kSanitizerScaleDown;
  std::string text = "1.甲。责任单位：区科技局。";
  text.reserve(size);
  while (text.size() < size) text += "推进产业发展，提升服务水平";
  RequireLinted(Lint(Write("one-line.txt", text)));
}

TEST_CASE("tasks run together on one 2 MB line", "[robustness]") {
  std::string text = "1.甲。";
  for (int i = 2; text.size() < (2u << 20) / kSanitizerScaleDown; ++i) {
    text += std::to_string(i) + ".推进产业发展。责任单位：区科技局；配合单位：区财政局。 ";
  }
  RequireLinted(Lint(Write("run-together.txt", text)));
}

TEST_CASE("200,000 tasks", "[robustness]") {
  std::string text = "关于印发目标任务分解方案的通知\n一、重点任务\n";
  for (int i = 1; i <= 200000 / kSanitizerScaleDown; ++i) {
    text += std::to_string(i) + ".推进第" + std::to_string(i) + "项工作。\n责任单位：区科技局；配合单位：区财政局。\n";
  }
  RequireLinted(Lint(Write("many-tasks.txt", text)));
}

// No task names a lead unit: task.lead-unit-required (only_if_used) must decide once per
// document that the document uses no lead units, not rescan every task for each task
// (100,000 tasks took 113 s that way).
TEST_CASE("100,000 tasks without a lead unit", "[robustness]") {
  std::string text = "一、稳增长\n（一）工业\n";
  for (int i = 1; i <= 100000; ++i) text += std::to_string(i) + ".\n";
  RequireLinted(Lint(Write("no-units.txt", text)));
}

// 20,000 names that are all slips of each other (区单位1234局 / 区单位1235局): unit-name
// grouping must not compare them pairwise (data::SlipClasses).
TEST_CASE("a unit list of 10,000 names", "[robustness]") {
  const int names = 10000 / kSanitizerScaleDown;
  std::string text = "1.推进工作。\n责任单位：";
  for (int i = 0; i < names; ++i) text += (i ? "、" : "") + std::string("区单位") + std::to_string(i) + "局";
  text += "；配合单位：";
  for (int i = 0; i < names; ++i) text += (i ? "、" : "") + std::string("区配合") + std::to_string(i) + "委";
  text += "。\n";
  RequireLinted(Lint(Write("units.txt", text)));
}

TEST_CASE("10,000 nested brackets", "[robustness]") {
  std::string open;
  std::string close;
  for (int i = 0; i < 10000; ++i) {
    open += i % 2 ? "（" : "(";
    close = (i % 2 ? "）" : ")") + close;
  }
  RequireLinted(Lint(Write("brackets.txt", "1.推进" + open + "工作" + close + "。\n责任单位：" + open +
                                               "区科技局\n2.乙。\n责任单位：" + close + "\n")));
}

TEST_CASE("a task number with 40 digits", "[robustness]") {
  RequireLinted(Lint(Write("digits.txt", "1234567890123456789012345678901234567890.推进工作。\n"
                                         "责任单位：区科技局。\n2.乙。\n责任单位：区财政局。\n")));
}

TEST_CASE("a catastrophic-backtracking pattern stays linear under RE2", "[robustness]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/rules/evil.yaml",
            "- id: test.evil\n"
            "  title: evil\n"
            "  message: 匹配“{match}”\n"
            "  severity: warning\n"
            "  scope: task\n"
            "  check: pattern\n"
            "  field: text\n"
            "  not_match: '(a+)+$'\n");
  WriteFile(dir + "/doc.txt", "1." + std::string(1u << 20, 'a') + "b\n责任单位：区科技局。\n2." +
                                  std::string(100000, 'a') + "\n责任单位：区财政局。\n");
  const ChildResult r = RunCliLimited(
      {"lint", dir + "/doc.txt", "--no-default-rules", "--rules", dir + "/rules", "--format", "json"});
  RequireLinted(r);
  CHECK(r.out.find("test.evil") != std::string::npos);  // the second task matches
}

TEST_CASE("NUL bytes are a located input error", "[robustness]") {
  RequireInputError(Lint(Write("nul.txt", std::string("1.甲\n责任\0单位：区科技局\n", 30))), "nul.txt");
}

TEST_CASE("a directory given as a file", "[robustness]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/empty.txt/readme.md", "not a document\n");
  // Named explicitly: walked, holds no *.txt: an error naming it.
  RequireInputError(Lint(dir + "/empty.txt"), "empty.txt");
  // Inside a walk, a directory whose name ends in .txt is not a document.
  WriteFile(dir + "/doc.txt", "1.甲。\n责任单位：区科技局。\n");
  RequireLinted(Lint(dir));
}

TEST_CASE("a FIFO is refused, not read", "[robustness]") {
  const std::string dir = MakeTempDir();
  REQUIRE(mkfifo((dir + "/pipe.txt").c_str(), 0600) == 0);
  ChildLimits limits;
  limits.wall_seconds = 20;
  const ChildResult named = Lint(dir + "/pipe.txt", limits);
  CHECK_FALSE(named.hung);
  RequireInputError(named, "pipe.txt");
  WriteFile(dir + "/doc.txt", "1.甲。\n责任单位：区科技局。\n");
  const ChildResult walked = Lint(dir, limits);
  INFO(walked.Describe());
  CHECK_FALSE(walked.hung);
  REQUIRE(walked.exited);
  CHECK(walked.exit_code <= 2);
}

TEST_CASE("an unreadable file", "[robustness]") {
  const std::string path = Write("secret.txt", "1.甲。\n责任单位：区科技局。\n");
  REQUIRE(chmod(path.c_str(), 0) == 0);
  // As root (CI), the child gives up the capabilities that would let it read anyway.
  ChildLimits limits;
  limits.without_file_override = true;
  const ChildResult r = Lint(path, limits);
  RequireInputError(r, "secret.txt");
  CHECK(r.out.find("无法打开文件：没有读取权限（Permission denied）") != std::string::npos);
}

TEST_CASE("a symlink loop in a walked directory", "[robustness]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a/doc.txt", "1.甲。\n责任单位：区科技局。\n");
  REQUIRE(symlink("..", (dir + "/a/up").c_str()) == 0);           // a directory loop
  REQUIRE(symlink("loop2.txt", (dir + "/a/loop1.txt").c_str()) == 0);  // a link loop
  REQUIRE(symlink("loop1.txt", (dir + "/a/loop2.txt").c_str()) == 0);
  const ChildResult r = Lint(dir);
  INFO(r.Describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code <= 2);
  CHECK(r.out.find("doc.txt") != std::string::npos);
}

}  // namespace plancheck::testing
