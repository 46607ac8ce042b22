#include "parse/deadline.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace plancheck::parse {
namespace {

// "2023-06-30 2023-12-31" for the dates of `text` (plan year 2023).
std::string Dates(const std::string& text) {
  std::string out;
  for (const DateMention& date : FindDates(text, {0, text.size()}, 2023)) {
    model::DeadlineDate d;
    d.year = date.year;
    d.month = date.month;
    d.day = date.day;
    out += (out.empty() ? "" : " ") + d.Iso() + "=" +
           text.substr(date.span.begin, date.span.size());
  }
  return out;
}

std::string Trailing(const std::string& text) {
  const std::optional<ByteSpan> inside = TrailingDeadline(text, {0, text.size()});
  return inside ? text.substr(inside->begin, inside->size()) : "";
}

}  // namespace

TEST_CASE("FindDates reads the dates of a deadline as the last day they allow",
          "[parse][deadline]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"2023年12月底前完成", "2023-12-31=2023年12月底"},
      {"2023年6月30日前", "2023-06-30=2023年6月30日"},
      {"2024年2月", "2024-02-29=2024年2月"},
      {"6月底前", "2023-06-30=6月底"},
      {"年底前", "2023-12-31=年底"},
      {"2023年底", "2023-12-31=2023年底"},
      {"2023年", "2023-12-31=2023年"},
      {"上半年", "2023-06-30=上半年"},
      {"三季度末", "2023-09-30=三季度末"},
      {"2023年第一季度", "2023-03-31=2023年第一季度"},
      {"9月中旬", "2023-09-20=9月中旬"},
      {"十一月底", "2023-11-30=十一月底"},
      {"2023.10", "2023-10-31=2023.10"},
      {"2023-06-15", "2023-06-15=2023-06-15"},
      // Several dates; a month after a year takes that year.
      {"2022年6月底前完成前期工作，12月底前开工",
       "2022-06-30=2022年6月底 2022-12-31=12月底"},
      // No date.
      {"长期坚持", ""},
      {"持续推进", ""},
      {"13月底", ""},
      {"2023年2月30日", ""},
      {"12345年", ""},
  }));
  CAPTURE(text);
  CHECK(Dates(text) == expected);
}

TEST_CASE("TrailingDeadline finds a deadline bracket ending a task", "[parse][deadline]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"加快推进城市快速路建设（2023年12月底前完成）。", "2023年12月底前完成"},
      {"推进污水管网建设(6月底前)", "6月底前"},
      {"启动老旧小区改造【年底前完成】", "年底前完成"},
      {"建成5G基站（2023年6月底前开工、12月底前建成）", "2023年6月底前开工、12月底前建成"},
      // Near misses: a bracket that says more than a deadline, or none at the end.
      {"建设科技馆（含2023年新建展厅）。", ""},
      {"推进项目（牵头单位：县发改局）", ""},
      {"2023年12月底前完成改造。", ""},
      {"（2023年）", "2023年"},
      {"", ""},
  }));
  CAPTURE(text);
  CHECK(Trailing(text) == expected);
}

TEST_CASE("a task's deadline is read from its label, its bracket or its column",
          "[parse][deadline]") {
  const model::Document doc = testing::ParseSnippet(
      "2023年政府工作报告目标任务分解方案\n"
      "1.建成城市快速路二期（2023年6月底前完成）。\n"
      "责任单位：区住房城乡建委\n"
      "2.推进污水管网建设。\n"
      "责任单位：区住房城乡建委；完成时限：9月底前\n"
      "3.推进公园建设。\n"
      "责任单位：区城市管理局\n");
  const std::vector<const model::Task*> tasks = doc.AllTasks();
  REQUIRE(tasks.size() == 3);
  REQUIRE(tasks[0]->deadline);
  CHECK(tasks[0]->deadline->text == "2023年6月底前完成");
  REQUIRE(tasks[0]->deadline_dates.size() == 1);
  CHECK(tasks[0]->deadline_dates[0].Iso() == "2023-06-30");
  CHECK(tasks[0]->deadline_dates[0].text == "2023年6月底");
  REQUIRE(tasks[1]->deadline);
  REQUIRE(tasks[1]->deadline_dates.size() == 1);
  CHECK(tasks[1]->deadline_dates[0].Iso() == "2023-09-30");  // the plan year completes it
  CHECK_FALSE(tasks[2]->deadline);
  CHECK(tasks[2]->deadline_dates.empty());
}

}  // namespace plancheck::parse
