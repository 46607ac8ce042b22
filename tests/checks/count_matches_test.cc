#include "checks/count_matches.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

constexpr const char* kYaml = "declared: task_count\nactual: tasks";

TEST_CASE("count-matches compares the declared task count with the tasks",
          "[checks][count-matches]") {
  auto [declared, expected] = GENERATE(table<int, std::string>({
      {2, ""},
      {3, "1:2 expected=3 actual=2"},
      {0, ""},  // nothing declared: silent
  }));
  TestDoc d("将" + std::to_string(declared) + "项目标任务抓早抓实\n1.甲\n2.乙\n");
  if (declared > 0) d.DeclaredCount(std::to_string(declared) + "项", declared);
  d.Task("1.", 1, NumberStyle::kArabicDot).Task("2.", 2, NumberStyle::kArabicDot);
  auto check = Make<CountMatchesCheck>(kYaml, rule::Scope::kDocument);
  CHECK(Run(*check, d.doc, rule::Scope::kDocument) == expected);
}

TEST_CASE("count-matches compares a heading's count with the tasks below it",
          "[checks][count-matches]") {
  auto [declared, tasks, expected] = GENERATE(table<int, int, std::string>({
      {2, 2, ""},
      {3, 2, "1:17 expected=3 actual=2"},
      {3, 0, ""},  // no task read below the heading: the parser missed them, silent
  }));
  TestDoc d("一、县经济开发区管委会牵头工作（" + std::to_string(declared) + "项）\n1.甲\n2.乙\n");
  d.Part("一、", 1, NumberStyle::kChineseComma).GroupCount(std::to_string(declared) + "项", declared);
  if (tasks > 0) d.Task("1.", 1, NumberStyle::kArabicDot).Task("2.", 2, NumberStyle::kArabicDot);
  auto check =
      Make<CountMatchesCheck>("declared: group_count\nactual: tasks", rule::Scope::kPart);
  CHECK(Run(*check, d.doc, rule::Scope::kPart) == expected);
}

TEST_CASE("count-matches parameters load with located errors", "[checks][count-matches]") {
  auto [yaml, scope, error] = GENERATE(table<std::string, rule::Scope, std::string>({
      {kYaml, rule::Scope::kDocument, ""},
      {"actual: tasks", rule::Scope::kDocument, "<test>:1:1: error: missing parameter 'declared'"},
      {"declared: target_count\nactual: tasks", rule::Scope::kDocument,
       "<test>:1:11: error: parameter 'declared' must be one of: task_count, group_count"},
      {kYaml, rule::Scope::kTask,
       "<test>:1:1: error: check 'count-matches' needs 'scope: document'"},
      {"declared: group_count\nactual: tasks", rule::Scope::kPart, ""},
      {"declared: group_count\nactual: tasks", rule::Scope::kDocument,
       "<test>:1:1: error: check 'count-matches' with 'declared: group_count' needs 'scope: part' "
       "or 'scope: section'"},
  }));
  CHECK(testing::LoadErrors<CountMatchesCheck>(yaml, scope) == error);
}

}  // namespace
}  // namespace plancheck::checks
