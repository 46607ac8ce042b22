// Nothing injected: document text and file names cannot drive the terminal or forge a
// diagnostic line, and a CSV cell cannot become a formula.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "test_util.h"

namespace plancheck::testing {

// Item 16: escape sequences in a unit name reached the terminal, and a newline in a file
// name forged a compiler-style line.
TEST_CASE("text output escapes control characters in every field", "[robustness][output]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/esc.txt",
            "一、稳增长\n（一）工业\n1.实施计划。\n"
            "责任单位：区\x1b[2J\x1b[31m红色\x1b[0m局\xe2\x80\xae；配合单位：区财政局。\n");
  const std::string forged = dir + "/x.txt:1:1: error: forged finding [task.lead-unit-required]\nreal.txt";
  WriteFile(forged, "1.实施计划（一期。\n责任单位：区科技局。\n");
  // A rule quoting each lead unit in its message, as the registry rules do.
  WriteFile(dir + "/rules/echo.yaml",
            "- id: test.echo\n"
            "  title: echo\n"
            "  message: 单位“{value}”\n"
            "  suggest: 是否应为“{value}”？\n"
            "  severity: warning\n"
            "  scope: unit\n"
            "  check: pattern\n"
            "  field: name\n"
            "  not_match: '.'\n");
  const CliResult r = RunCli({"lint", dir, "--color", "never", "--rules", dir + "/rules"});
  INFO(r.out + r.err);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);  // RIGHT-TO-LEFT OVERRIDE
  CHECK(r.out.find("区\\x1b[2J\\x1b[31m红色\\x1b[0m局\\u202e") != std::string::npos);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    CHECK(line.rfind("x.txt:1:1", 0) != 0);
    CHECK(line.rfind("real.txt", 0) != 0);
  }
  CHECK(r.out.find("forged finding [task.lead-unit-required]\\nreal.txt:") != std::string::npos);

  // The same for errors on standard error (a path that does not exist).
  const CliResult missing = RunCli({"lint", dir + "/no\nsuch.txt"});
  CHECK(missing.out.find("no\\nsuch.txt") != std::string::npos);
}

// Item 17: units.csv wrote unit names starting with = + - @ as they were, which Excel and
// WPS run as formulas.
TEST_CASE("audit CSV cells from documents cannot be formulas", "[robustness][output]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt",
            "一、稳增长\n（一）工业\n1.实施计划。\n"
            "责任单位：=cmd|' /C calc'!A0；配合单位：+SUM(1+1)*cmd|' /C calc'!A0、-2+3+cmd|' /C "
            "calc'!A0、@SUM(1+1)*cmd|' /C calc'!A0。\n"
            "2.实施计划。\n责任单位：=2+5；配合单位：区财政局。\n");
  const CliResult r = RunCli({"audit", dir + "/plan.txt", "--out", dir + "/aud"});
  INFO(r.err);
  REQUIRE(r.exit_code <= 1);
  const std::string units = ReadFile(dir + "/aud/units.csv");
  INFO(units);
  std::istringstream lines(units);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    const std::size_t comma = line.find(',');
    REQUIRE(comma != std::string::npos);
    const char first = line[comma + 1];
    CHECK(first != '=');
    CHECK(first != '+');
    CHECK(first != '-');
    CHECK(first != '@');
    ++rows;
  }
  CHECK(rows == 7);  // the header and six units
  CHECK(units.find(",'=cmd|' /C calc'!A0,1,0") != std::string::npos);
  CHECK(units.find(",'=2+5,1,0") != std::string::npos);
}

}  // namespace plancheck::testing
