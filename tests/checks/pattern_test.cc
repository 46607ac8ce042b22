#include "checks/pattern.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;
using testing::Make;
using testing::Run;
using testing::TestDoc;

// The assignment separator rule of the default pack (units.assignment-format).
constexpr const char* kSeparator =
    "field: assignment\nnot_match: '([。，,．])\\s*(?:配合单位|协办单位)\\s*[:：]'";

TEST_CASE("pattern reports what must not match, at the first group",
          "[checks][pattern]") {
  auto [assignment, expected] = GENERATE(table<std::string, std::string>({
      // fixtures/seeds/000 task 153.
      {"责任单位：区政府办公室。配合单位：区政府各部门。", "2:12 value=责任单位：区政府办公室。配合单位：区政府各部门。 match=。 task=1"},
      {"责任单位：区政府办公室，配合单位：区政府各部门。", "2:12 value=责任单位：区政府办公室，配合单位：区政府各部门。 match=， task=1"},
      {"责任单位：区政府办公室；配合单位：区政府各部门。", ""},
      {"责任单位：区政府办公室。", ""},
  }));
  TestDoc d("1.坚持依法全面履行政府职责。\n" + assignment + "\n");
  d.Task("1.", 1, NumberStyle::kArabicDot).Assignment(assignment);
  auto check = Make<PatternCheck>(kSeparator, rule::Scope::kTask);
  CHECK(Run(*check, d.doc, rule::Scope::kTask) == expected);
}

TEST_CASE("pattern reports items that must match and do not", "[checks][pattern]") {
  TestDoc d("1.甲\n责任单位：区科技局、科技局、区财政局\n");
  d.Task("1.", 1, NumberStyle::kArabicDot).Lead("区科技局").Lead("科技局").Lead("区财政局");
  auto per_item = Make<PatternCheck>("field: lead_units\nmatch: '^[区市]'", rule::Scope::kTask);
  CHECK(Run(*per_item, d.doc, rule::Scope::kTask) == "2:11 value=科技局 match= task=1");
  auto per_node =
      Make<PatternCheck>("field: lead_units\nmatch: '^市'\nreport: node", rule::Scope::kTask);
  CHECK(Run(*per_node, d.doc, rule::Scope::kTask) == "2:6 value=区科技局 match= task=1");
}

TEST_CASE("pattern parameters load with located errors", "[checks][pattern]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"field: text\nmatch: '。$'", ""},
      {"field: text", "<test>:1:1: error: missing parameter 'match' or 'not_match'"},
      {"field: text\nmatch: a\nnot_match: b",
       "<test>:3:12: error: give only one of 'match' and 'not_match'"},
      {"field: text\nnot_match: '(配合单位'",
       "<test>:2:12: error: invalid regular expression in 'not_match': missing ): (配合单位 "
       "(at '(配合单位')"},
      {"field: text\nmatch: 'a**'",
       "<test>:2:8: error: invalid regular expression in 'match': bad repetition operator: ** "
       "(at '**')"},
      {"field: txt\nmatch: a",
       "<test>:1:8: error: unknown field 'txt' for scope 'task' (fields: number, text, "
       "lead_units, cooperating_units, units, lead_leaders, deadline, category, assignment)"},
      {"field: text\nmatch: a\nreport: all",
       "<test>:3:9: error: parameter 'report' must be one of: item, node"},
  }));
  CHECK(testing::LoadErrors<PatternCheck>(yaml, rule::Scope::kTask) == error);
}

}  // namespace
}  // namespace plancheck::checks
