#include "checks/line_endings.h"

#include "checks/check_harness.h"
#include "test_util.h"

namespace plancheck::checks {
namespace {

using testing::Make;
using testing::Run;

TEST_CASE("line-endings reports a file that mixes CRLF and LF, once", "[checks][line-endings]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"甲\n乙\n丙\n", ""},
      {"甲\r\n乙\r\n丙\r\n", ""},
      {"甲\r乙\r丙", ""},
      // The first break of the kind fewer lines use, wherever it is.
      {"甲\r\n乙\n丙\r\n丁\r\n", "2:2 first=LF count=1 other=CRLF other_count=3"},
      {"甲\n乙\n丙\r\n丁\n戊\r\n", "3:3 first=CRLF count=2 other=LF other_count=3"},
      {"甲\n乙\r丙\n", "2:2 first=CR count=1 other=LF other_count=2"},
      // No line break at all.
      {"甲", ""},
  }));
  CAPTURE(text);
  const model::Document doc = plancheck::testing::ParseSnippet(text);
  auto check = Make<LineEndingsCheck>("{}", rule::Scope::kDocument);
  CHECK(Run(*check, doc, rule::Scope::kDocument) == expected);
}

TEST_CASE("line-endings needs document scope", "[checks][line-endings]") {
  CHECK(testing::LoadErrors<LineEndingsCheck>("{}", rule::Scope::kTask) ==
        "<test>:1:1: error: check 'line-endings' needs 'scope: document'");
}

}  // namespace
}  // namespace plancheck::checks
