#include "checks/width.h"

#include "checks/check_harness.h"

namespace plancheck::checks {
namespace {

using testing::Make;
using testing::Run;
using testing::TestDoc;

std::string RunOnText(const std::string& text, const std::string& yaml = "{}") {
  TestDoc d(text);
  auto check = Make<WidthCheck>(yaml, rule::Scope::kDocument);
  return Run(*check, d.doc, rule::Scope::kDocument);
}

TEST_CASE("width reports half-width punctuation in Chinese text", "[checks][width]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // fixtures/seeds/004, as extracted from the PDF.
      {"发布日期 :2021-02-03\n", "1:6 char=: full=： count=1 fix=:->："},
      {"各区县 (自治县 )人民政府，有关单位 :\n",
       "1:5 char=( full=（ count=3 fix=(自治县 )人民政府，有关单位 :->（自治县 ）人民政府，有关单位 ："},
      {"增长6.5%,比上年提高\n", "1:7 char=, full=， count=1 fix=,->，"},
      {"（1)坚持创新\n", "1:3 char=) full=） count=1 fix=)->）"},
      // ASCII contexts stay as written.
      {"增长6.5%，2021-02-03发布\n", ""},
      {"详见 http://www.cq.gov.cn/a?b=1\n", ""},
      {"城乡居民收入比缩小至1.9:1。\n", ""},
      {"Hello, world! (test)\n", ""},
      {"全角，：；（）？！\n", ""},
      // A half-width period between Han characters, a space after it: reported, no fix.
      {"推动武隆等. 协同发展\n", "1:6 char=. full=。 count=1"},
      {"推动武隆等.协同发展, 建设\n", "1:6 char=. full=。 count=2"},
      // A table cell (tab-separated) is Chinese text too.
      {"\t1\t推动武隆等, 协同发展\t区发展改革委\n", "1:9 char=, full=， count=1 fix=,->，"},
      // Near misses for '.': numbers, a task number, an ellipsis, a period before Latin text.
      {"增长6.5%。1.完善机制\n", ""},
      {"12.完善科技创新体制机制\n", ""},
      {"等等...协同发展\n", ""},
      {"使用Node.js开发。见图.A\n", ""},
  }));
  CHECK(RunOnText(text) == expected);
}

TEST_CASE("width groups by line or reports each mark", "[checks][width]") {
  const std::string text = "甲,乙;丙\n丁!\n";
  CHECK(RunOnText(text) == "1:2 char=, full=， count=2 fix=,乙;->，乙；\n2:2 char=! full=！ count=1 fix=!->！");
  CHECK(RunOnText(text, "group: char") ==
        "1:2 char=, full=， count=1 fix=,->，\n1:4 char=; full=； count=1 fix=;->；\n"
        "2:2 char=! full=！ count=1 fix=!->！");
  CHECK(RunOnText(text, "chars: '!'") == "2:2 char=! full=！ count=1 fix=!->！");
}

TEST_CASE("width parameters load with located errors", "[checks][width]") {
  auto [yaml, error] = GENERATE(table<std::string, std::string>({
      {"{}", ""},
      {"field: body\nchars: ',;'", ""},
      {"chars: ',.'", ""},
      {"chars: ',。'", "<test>:1:8: error: parameter 'chars' may hold only the marks ,:;()?!. (got ',。')"},
      {"group: paragraph", "<test>:1:8: error: parameter 'group' must be one of: line, char"},
      {"field: assignment",
       "<test>:1:8: error: unknown field 'assignment' for scope 'document' (fields: text, title, "
       "body)"},
  }));
  CHECK(testing::LoadErrors<WidthCheck>(yaml, rule::Scope::kDocument) == error);
}

}  // namespace
}  // namespace plancheck::checks
