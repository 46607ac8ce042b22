#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace plancheck::testing {
namespace {

// The outline, one node a line: "P 一、 title", "S （一） title", "T 1. text | lead | coop".
std::string Outline(const std::string& text) {
  const model::Document doc = ParseSnippet(text);
  std::string out;
  auto join = [](const std::vector<model::Located>& list) {
    std::string s;
    for (const model::Located& item : list) s += (s.empty() ? "" : "、") + item.text;
    return s;
  };
  for (const model::Part& part : doc.parts) {
    if (!part.implicit) out += "P " + part.number.text + " " + part.title + "\n";
    for (const model::Section& section : part.sections) {
      if (!section.implicit) out += "S " + section.number.text + " " + section.title + "\n";
      for (const model::Task& task : section.tasks) {
        out += "T " + task.number.text + " " + task.text + " | " + join(task.lead_units) + " | " +
               join(task.cooperating_units) + "\n";
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("an arabic-comma line is a part only before a section", "[parse][outline]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // fixtures/seeds/002: "2、 重点任务" where "二、" was meant.
      {"一、总体要求\n2、 重点任务\n（一）实施行动。\n1．强化能力。\n",
       "P 一、 总体要求\nP 2、 重点任务\nS （一） 实施行动。\nT 1． 强化能力。 |  | \n"},
      // Near misses: a sentence, or no section after it.
      {"2、加强管理，提升服务。\n（一）实施行动。\n",
       "T 2、 加强管理，提升服务。 |  | \nS （一） 实施行动。\n"},
      {"2、重点任务\n1．强化能力。\n", "T 2、 重点任务 |  | \nT 1． 强化能力。 |  | \n"},
  }));
  CAPTURE(text);
  CHECK(Outline(text) == expected);
}

TEST_CASE("PDF text starts a task mid-line only at the expected number", "[parse][outline]") {
  // Three inline labels make the text pdf-text (fixtures/seeds/004).
  const std::string prefix =
      "1.甲。责任单位：市科技局。 2.乙。责任单位：市教委。 3.丙。责任单位：市财政局。";
  auto [rest, expected] = GENERATE(table<std::string, std::string>({
      {" 4.丁。责任单位：市民政局。\n", "T 4. 丁。 | 市民政局 | \n"},
      // One skipped number is still a task (a rule reports the gap)...
      {" 5.丁。责任单位：市民政局。\n", "T 5. 丁。 | 市民政局 | \n"},
      // ...a far-off one is not, nor a decimal.
      {" 40.丁。责任单位：市民政局。\n", ""},
      {"\n4.丁2.5%。责任单位：市民政局。\n", "T 4. 丁2.5%。 | 市民政局 | \n"},
      // A repeated number right after an assignment is a task of its own: one item each.
      {" 3.丁。责任单位：市民政局。\n", "T 3. 丁。 | 市民政局 | \n"},
  }));
  CAPTURE(rest);
  const std::string head =
      "T 1. 甲。 | 市科技局 | \nT 2. 乙。 | 市教委 | \nT 3. 丙。 | 市财政局 | \n";
  CHECK(Outline(prefix + rest) == head + expected);
}

TEST_CASE("tasks run together on one line start after an assignment in any shape",
          "[parse][outline]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"1.甲。\n责任单位：区科技局。2.乙。\n责任单位：区财政局。\n",
       "T 1. 甲。 | 区科技局 | \nT 2. 乙。 | 区财政局 | \n"},
      // Near miss: without an assignment before it, a number in a sentence is text.
      {"1.甲，增长2.乙。\n责任单位：区财政局。\n", "T 1. 甲，增长2.乙。 | 区财政局 | \n"},
  }));
  CAPTURE(text);
  CHECK(Outline(text) == expected);
}

TEST_CASE("wrapped statements and assignments are joined", "[parse][outline]") {
  const std::string text =
      "一、重点工作\n（一）创新。引言不是任务。\n1.健全 "
      "\n“马路办公”长效机制。责任单位：市城市管理局；配合单位：市住房\n"
      "城乡建委、市科\n协等。\n2.\n提升品质。\n责任单位：区林业局。配合单位：区水利局。\n";
  CHECK(Outline(text) ==
        "P 一、 重点工作\nS （一） 创新。\n"
        "T 1. 健全“马路办公”长效机制。 | 市城市管理局 | 市住房城乡建委、市科协\n"
        "T 2. 提升品质。 | 区林业局 | 区水利局\n");
}

}  // namespace plancheck::testing

namespace plancheck::testing {

TEST_CASE("drafting notes after the plan's title are no tasks", "[parse][outline]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // 西安 2022: "说明" and its numbered paragraphs, then the first part.
      {"西安市人民政府办公厅关于印发2022年政府工作报告任务分解意见的通知\n\n各区、县人民政府：\n\n"
       "《西安市2022年〈政府工作报告〉任务分解意见》已经市政府同意，现印发给你们。\n\n"
       "西安市人民政府办公厅\n\n2022年4月29日\n\n"
       "西安市2022年《政府工作报告》任务分解意见\n\n说明\n\n1.任务分解意见是对报告的分解。\n\n"
       "2.主要负责单位确定为责任单位。\n\n一、主要目标\n\n1.地区生产总值增长6%。\n责任单位：市发改委\n",
       "P 一、 主要目标\nT 1. 地区生产总值增长6%。 | 市发改委 | \n"},
      // Near miss: "说明" inside a task's text is no notes heading.
      {"西安市人民政府办公厅关于印发2022年政府工作报告任务分解意见的通知\n\n各区、县人民政府：\n\n"
       "《西安市2022年〈政府工作报告〉任务分解意见》已经市政府同意，现印发给你们。\n\n"
       "西安市人民政府办公厅\n\n2022年4月29日\n\n"
       "西安市2022年《政府工作报告》任务分解意见\n\n1.说明并推进改革。\n责任单位：市发改委\n",
       "T 1. 说明并推进改革。 | 市发改委 | \n"},
  }));
  CAPTURE(text);
  CHECK(Outline(text) == expected);
}

}  // namespace plancheck::testing

namespace plancheck::testing {

TEST_CASE("a row copied without its header ends in its lead units", "[parse][outline]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // 常熟 2018's rows, without the header: the field after the sentence, a space apart.
      {"一、主要预期目标\n1.地区生产总值增长7%以上。 发改委\n2.全社会固定资产投资增长5%。 发改委、经信委\n",
       "P 一、 主要预期目标\nT 1. 地区生产总值增长7%以上。 | 发改委 | \n"
       "T 2. 全社会固定资产投资增长5%。 | 发改委、经信委 | \n"},
      // Near misses: another sentence, a place, no sentence end before the field, a label.
      {"1.推进改革。 加快建设\n2.优化布局。 打造国家级开发区\n3.建设示范 区发改委\n"
       "4.推进改革。 责任单位：区发改委\n",
       "T 1. 推进改革。加快建设 |  | \nT 2. 优化布局。打造国家级开发区 |  | \n"
       "T 3. 建设示范区发改委 |  | \nT 4. 推进改革。 | 区发改委 | \n"},
  }));
  CAPTURE(text);
  CHECK(Outline(text) == expected);
}

}  // namespace plancheck::testing

namespace plancheck::testing {

TEST_CASE("the next task may follow an assigning bracket on its line", "[parse][outline]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // 黑龙江省 2013: "（一）…（X负责）（二）…", "…（X主办，Y协办）2.…".
      {"一、主要目标\n（一）地区生产总值增长11%左右。（省发改委负责）（二）公共财政收入增长13%左右。"
       "（省财政厅主办，省国税局、地税局协办）\n二、重点任务\n（一）推进项目建设。\n"
       "1.抓好重点产业项目。（省发改委主办，省工信委协办）2.抓好技术改造。（省工信委负责）\n",
       "P 一、 主要目标\nT （一） 地区生产总值增长11%左右。 | 省发改委 | \n"
       "T （二） 公共财政收入增长13%左右。 | 省财政厅 | 省国税局、地税局\n"
       "P 二、 重点任务\nS （一） 推进项目建设。\n"
       "T 1. 抓好重点产业项目。 | 省发改委 | 省工信委\nT 2. 抓好技术改造。 | 省工信委 | \n"},
      // Near miss: a number that is not the next one stays in the statement.
      {"1.抓好重点产业项目。（省发改委负责）5.抓好技术改造。\n",
       "T 1. 抓好重点产业项目。（省发改委负责）5.抓好技术改造。 | 省发改委 | \n"},
  }));
  CAPTURE(text);
  CHECK(Outline(text) == expected);
}

}  // namespace plancheck::testing
