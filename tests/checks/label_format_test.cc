#include "checks/label_format.h"

#include "checks/check_harness.h"
#include "test_util.h"

namespace plancheck::checks {
namespace {

using testing::Make;
using testing::Run;

constexpr const char* kHead = "2021年区政府工作报告目标任务分解方案\n一、重点工作\n1.完善科技创新体制机制。\n";

TEST_CASE("label-format reports a miswritten label at the label, with the fix",
          "[checks][label-format]") {
  auto [assignment, expected] = GENERATE(table<std::string, std::string>({
      {"责任单位：区科技局；配合单位：区财政局。", ""},
      // A character missing, a space inside the word, the bare word, a semicolon.
      {"责任单：区科技局。", "4:1 label=责任单： expected=责任单位： fix=责任单：->责任单位： task=1"},
      {"责任 单位：区科技局。",
       "4:1 label=责任 单位： expected=责任单位： fix=责任 单位：->责任单位： task=1"},
      {"责任单位：区科技局；配合 :区财政局。",
       "4:11 label=配合 : expected=配合单位： fix=配合 :->配合单位: task=1"},
      {"牵头单位；区科技局。", "4:1 label=牵头单位； expected=牵头单位： fix=牵头单位；->牵头单位： task=1"},
      // PDF layout is no defect: a line break inside the word, a space before the colon,
      // a half-width colon (punctuation.half-width-in-chinese reports that).
      {"责任单位：区科技局；配合单\n位：区财政局。", ""},
      {"责任单位 :区科技局 ;配合单位 :区财政局。", ""},
      // Nor is a space after the colon (a web copy, fixtures/real/henan-xinmi-2021).
      {"责任单位: 区科技局、区财政局", ""},
  }));
  CAPTURE(assignment);
  const model::Document doc = plancheck::testing::ParseSnippet(kHead + assignment + "\n");
  auto check = Make<LabelFormatCheck>("{}", rule::Scope::kTask);
  CHECK(Run(*check, doc, rule::Scope::kTask) == expected);
}

TEST_CASE("label-format needs task scope", "[checks][label-format]") {
  CHECK(testing::LoadErrors<LabelFormatCheck>("{}", rule::Scope::kDocument) ==
        "<test>:1:1: error: check 'label-format' needs 'scope: task'");
}

}  // namespace
}  // namespace plancheck::checks
