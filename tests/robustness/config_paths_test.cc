// What a configuration may make plancheck read: a discovered `.plancheck.yaml` only files
// inside its own tree (or the installed rules), and every configuration, rule pack,
// registry or sheet only as a regular file of bounded size, so that a FIFO cannot block
// the run and /dev/zero cannot exhaust its memory. Each run is a child process under a
// memory limit and a watchdog (child.h).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "child.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {

const char* kNotice = "一、稳增长\n（一）工业\n1.实施计划。\n责任单位：区科技局；配合单位：区财政局。\n";

// A tree with docs/plan.txt and the given .plancheck.yaml at its top.
std::string TreeWithConfig(const std::string& config) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/docs/plan.txt", kNotice);
  WriteFile(dir + "/.plancheck.yaml", config);
  return dir;
}

ChildResult LintIn(const std::string& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"lint", dir + "/docs/plan.txt"};
  args.insert(args.end(), extra.begin(), extra.end());
  ChildLimits limits;
  limits.address_space = 1024u << 20;
  limits.wall_seconds = 30;  // a FIFO read would block: the watchdog reports it as hung
  return RunCliLimited(args, limits);
}

}  // namespace

// Item 14: `rules:` took any path: absolute, ../../etc/shadow, a symlink to /dev/zero
// (memory grew until abort), a FIFO (blocked forever).
TEST_CASE("a discovered configuration names files only inside its own tree",
          "[robustness][config]") {
  SECTION("a symlink to /dev/zero") {
    const std::string dir = TreeWithConfig("rules: [team-rules.yaml]\n");
    REQUIRE(symlink("/dev/zero", (dir + "/team-rules.yaml").c_str()) == 0);
    const ChildResult r = LintIn(dir);
    INFO(r.Describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(".plancheck.yaml:1:9: error: rule pack 'team-rules.yaml' (/dev/zero) lies "
                     "outside the directory of this configuration") != std::string::npos);
  }
  SECTION("a FIFO inside the tree") {
    const std::string dir = TreeWithConfig("rules: [pipe.yaml]\n");
    REQUIRE(mkfifo((dir + "/pipe.yaml").c_str(), 0600) == 0);
    const ChildResult r = LintIn(dir);
    INFO(r.Describe());
    CHECK_FALSE(r.hung);
    REQUIRE(r.exited);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("pipe.yaml: error: cannot read rule pack: not a regular file") !=
          std::string::npos);
  }
  SECTION("a path up and out, an absolute path, a plan file outside") {
    const std::string dir = TreeWithConfig(
        "rules: [../../../../../../etc/shadow, /etc/passwd]\n"
        "plans:\n  - {file: ../outside.txt, level: district}\n");
    const ChildResult r = LintIn(dir);
    INFO(r.Describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("rule pack '../../../../../../etc/shadow' (/etc/shadow) lies outside") !=
          std::string::npos);
    CHECK(r.err.find("rule pack '/etc/passwd' (/etc/passwd) lies outside") != std::string::npos);
    CHECK(r.err.find("plan file '../outside.txt'") != std::string::npos);
    CHECK(r.err.find("root:") == std::string::npos);
  }
  SECTION("a rule pack inside whose unit registry is outside") {
    const std::string dir = TreeWithConfig("rules: [pack.yaml]\n");
    WriteFile(dir + "/pack.yaml",
              "- id: team.unit\n"
              "  title: 单位名录\n"
              "  message: 单位“{unit}”不在名录中\n"
              "  severity: warning\n"
              "  scope: unit\n"
              "  check: registered-unit\n"
              "  registries: [/etc]\n");
    const ChildResult r = LintIn(dir);
    INFO(r.Describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'registries' path '/etc' (/etc) lies outside") != std::string::npos);
  }
  SECTION("department stems outside") {
    const std::string dir = TreeWithConfig("rules: [pack.yaml]\n");
    WriteFile(dir + "/pack.yaml",
              "- id: team.unit\n"
              "  title: 单位名录\n"
              "  message: 单位“{unit}”不在名录中\n"
              "  severity: warning\n"
              "  scope: unit\n"
              "  check: registered-unit\n"
              "  registries: [" + RulesPath("units") + "]\n"
              "  stems: /etc/passwd\n");
    const ChildResult r = LintIn(dir);
    INFO(r.Describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'stems' path '/etc/passwd' (/etc/passwd) lies outside") != std::string::npos);
  }
  SECTION("inside the tree and in the installed rules, paths work as before") {
    const std::string dir = TreeWithConfig("rules: [team/]\n");
    WriteFile(dir + "/team/pack.yaml",
              "- id: team.unit\n"
              "  title: 单位名录\n"
              "  message: 单位“{unit}”不在名录中\n"
              "  severity: warning\n"
              "  scope: unit\n"
              "  check: registered-unit\n"
              "  registries: [" + RulesPath("units") + "]\n");
    const ChildResult r = LintIn(dir);
    INFO(r.Describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code <= 1);
  }
}

TEST_CASE("files named on the command line may be anywhere, but are still bounded",
          "[robustness][config]") {
  const std::string outside = MakeTempDir();
  WriteFile(outside + "/pack.yaml",
            "- id: team.title\n"
            "  title: 标题\n"
            "  message: 检查\n"
            "  severity: info\n"
            "  scope: document\n"
            "  check: required\n"
            "  field: title\n");
  WriteFile(outside + "/config.yaml", "rules: [" + outside + "/pack.yaml]\n");
  const std::string dir = TreeWithConfig("disable: []\n");
  const ChildResult named = LintIn(dir, {"--config", outside + "/config.yaml"});
  INFO(named.Describe());
  REQUIRE(named.exited);
  CHECK(named.exit_code <= 1);
  const ChildResult rules = LintIn(dir, {"--rules", outside + "/pack.yaml"});
  INFO(rules.Describe());
  CHECK(rules.exit_code <= 1);
  // --rules /dev/zero: refused as not a regular file, not read until memory runs out.
  const ChildResult zero = LintIn(dir, {"--rules", "/dev/zero"});
  INFO(zero.Describe());
  REQUIRE(zero.exited);
  CHECK(zero.exit_code == 2);
  CHECK(zero.err.find("/dev/zero: error: cannot read rule pack: not a regular file") !=
        std::string::npos);
}

}  // namespace plancheck::testing
