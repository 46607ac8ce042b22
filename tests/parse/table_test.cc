// Tables copied from web pages (table.cc): one cell a line, blank-separated cells, cells
// between "|" lines, and rows of "|"- or tab-delimited cells, each read by its header.
#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace plancheck::parse {
namespace {

// "number:lead/cooperating/leaders@line" per task, "; "-separated; the shape first.
std::string Summary(const std::string& text) {
  const model::Document doc = testing::ParseSnippet(text);
  std::string out = doc.metadata.shape + ":";
  auto join = [](const std::vector<model::Located>& list) {
    std::string s;
    for (const model::Located& item : list) s += (s.empty() ? "" : "、") + item.text;
    return s;
  };
  for (const model::Task* task : doc.AllTasks()) {
    out += " " + (task->number.value ? std::to_string(*task->number.value) : std::string("-")) +
           ":" + join(task->lead_units) + "/" + join(task->cooperating_units) + "/" +
           join(task->lead_leaders) + "@" + std::to_string(task->loc.start.line);
  }
  return out;
}

}  // namespace

TEST_CASE("tables copied from web pages are read by their header", "[parse][table]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // 芜湖 2019: one cell a line, 牵头责任单位 leads and 责任单位 cooperates.
      {"附件\n分解表\n序号\n目   标   与   任   务\n牵头责任单位\n责任单位\n"
       "      1        \n扎实推进蓝天、碧水、净土三大保卫战。\n市生态环境局\n各县区政府\n"
       "      2        \n增林地、增绿地、增湿地。\n市自然资源和规划局\n各县区政府\n",
       "table: 1:市生态环境局/各县区政府/@7 2:市自然资源和规划局/各县区政府/@11"},
      // 辽中 2024: blank lines between cells; a part heading; row 1 lost its 责任领导 cell.
      {"序号\n\n主要工作举措\n\n牵头单位\n\n配合单位\n\n责任领导\n\n一、做大做强主导产业\n\n"
       "1\n\n加快构建现代化产业体系，推进全产业链布局。\n\n区农业农村局\n\n区发展改革局、区工业和信息化局\n\n"
       "2\n\n加快在建项目的建设进度，推动签约项目开工。\n\n沈阳近海经济区管委会\n\n自然资源分局\n\n冯冬昌\n",
       "table: 1:区农业农村局/区发展改革局、区工业和信息化局/@13 "
       "2:沈阳近海经济区管委会/自然资源分局/冯冬昌@21"},
      // 沈河 2024: no 序号 column, numbers in the statement, a 责任单位 cell over two lines.
      {"主要工作任务\n\n牵头单位\n\n责任单位\n\n1.主动对接国家战略，完善现代化产业体系。\n\n区发改局\n\n"
       "区工信局、区商务局\n\n2.大力发展新兴数字产业，培育工业互联网。\n\n发改局\n\n区工信局\n\n各街道办事处\n",
       "table: 1:区发改局/区工信局、区商务局/@7 2:发改局/区工信局、各街道办事处/@13"},
      // 余杭 2018: empty 序号 cells, two leaders in two cells.
      {"序号\n\n重点工作任务\n\n牵头领导\n\n牵头单位\n\n"
       "未来科技城要围绕打造创新驱动策源地，深化与浙江大学的合作。\n\n祝振伟\n\n陈夏林\n\n未来科技城（海创园）\n\n"
       "临平新城要围绕打造时尚产业新地标，启动建设数字商贸城。\n\n祝振伟\n\n李敏华\n\n临平新城\n",
       "table: -:未来科技城（海创园）//祝振伟、陈夏林@9 -:临平新城//祝振伟、李敏华@17"},
      // 吴江 2024: cells between "|" lines, the lead marked ★, task numbers in the statement.
      {"序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n||||\n1\n|\n主要预期目标\n|\n"
       "1.地区生产总值增长5%以上。\n|\n钱 宇\n|\n★区发改委、统计局\n|\n2.一般公共预算收入增长6%以上。\n|\n"
       "★区财政局、税务局\n|\n|||\n",
       "table: 1:区发改委/统计局/钱宇@16 2:区财政局/税务局/@22"},
      // Delimited rows: "|" and tabs.
      {"序号|工作任务|牵头单位|配合单位|完成时限\n1|建成城市快速路二期。|区住房城乡建委|区交通局|2023年6月底前\n"
       "2|推进污水管网建设。|区水利局||年底前\n",
       "table: 1:区住房城乡建委/区交通局/@2 2:区水利局//@3"},
      {"序号\t工作任务\t牵头单位\t配合单位\n1\t建成城市快速路二期。\t区住房城乡建委\t区交通局\n",
       "table: 1:区住房城乡建委/区交通局/@2"},
      // 杭州市 2021: a part heading above the header; the header again below the next part,
      // its task label counting that part's tasks; "A,B、C、D" sets the first apart as lead.
      {"一、涉杭任务\n\n序号\n\n重点工作任务(杭州市2项配合工作)\n\n责任单位\n\n"
       "1\n\n建设城西科创大走廊。\n\n城西科创产业集聚区管委会,市科技局、市发改委、市经信局\n\n"
       "二、重点工作\n\n序号\n\n重点工作任务(杭州市2项牵头工作、19项配合工作)\n\n责任单位\n\n"
       "1\n\n推进消费新政。\n\n市商务局、市发改委、市经信局\n",
       "table: 1:城西科创产业集聚区管委会/市科技局、市发改委、市经信局/@9 "
       "1:市商务局、市发改委、市经信局//@23"},
      // 常熟 2018: a header of space-separated words ending a line of prose, rows "序号
      // statement units" (spaces the normalizer drops between Chinese words still part the
      // cells), a heading, and a row whose last words are prose, not units.
      {"附件：分解表 常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n\n"
       "一、主要预期目标\n\n1 地区生产总值增长7%以上. 发改委\n\n"
       "2 全社会固定资产投资额550亿元. 发改委、经信委、科技局\n\n3 外贸进出口总额 保持增长\n",
       "table: 1:发改委//@5 2:发改委、经信委、科技局//@7 3://@9"},
      {"序号 工作任务 分管领导 牵头单位 配合单位\n1、建成城市快速路二期。 张三 区住房城乡建委 区交通局\n",
       "table: 1:区住房城乡建委/区交通局/张三@2"},
      // 吉水: a 落实情况 column; units a space apart in one cell are two, spaces inside a
      // name ("市 财政局", "资源规划 局") are not.
      {"序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |\n"
       "1 | 完成吉水二中迁建项目。 | 毛晓青 | 县教体局 各相关乡镇政府 | 已完成。 |\n"
       "2 | 推进医共体建设。 | 毛晓青 | 市 财政局 | 已完成。 |\n"
       "3 | 加强城市管理。 | 毛晓青 | 资源规划 局、城管局 | 已完成。 |\n",
       "table: 1:县教体局、各相关乡镇政府//毛晓青@2 2:市财政局//毛晓青@3 "
       "3:资源规划局、城管局//毛晓青@4"},
      // Near miss: space-separated header words without a 序号 word.
      {"名称 工作任务 牵头责任单位\n1.建成城市快速路二期。\n责任单位：区住房城乡建委\n",
       "line-per-task: 1:区住房城乡建委//@2"},
      // Near misses: a comma before a single further unit, commas throughout.
      {"序号\n\n重点工作任务\n\n责任单位\n\n1\n\n建设城西科创大走廊。\n\n城西管委会,市科技局\n\n"
       "2\n\n推进消费新政。\n\n市商务局,市发改委,市经信局\n",
       "table: 1:城西管委会、市科技局//@7 2:市商务局、市发改委、市经信局//@13"},
      // Near misses: a column word in prose, two header words only.
      {"序号问题由各单位核对。\n1.建成城市快速路二期。\n责任单位：区住房城乡建委\n",
       "line-per-task: 1:区住房城乡建委//@2"},
      {"序号\n牵头单位\n1.建成城市快速路二期。\n责任单位：区住房城乡建委\n",
       "line-per-task: 1:区住房城乡建委//@3"},
  }));
  CAPTURE(text);
  CHECK(Summary(text) == expected);
}

TEST_CASE("a web table's deadline column and unmarked rows", "[parse][table]") {
  const model::Document doc = testing::ParseSnippet(
      "序号\n主要工作\n责任单位\n完成时限\n"
      "1\n生产总值增长7.5%左右\n▲发改局，各部门\n2023年12月底前\n"
      "2\n工业投资增长10%\n经信局，各镇乡（街道）\n年底前\n");
  const std::vector<const model::Task*> tasks = doc.AllTasks();
  REQUIRE(tasks.size() == 2);
  REQUIRE(tasks[0]->deadline);
  CHECK(tasks[0]->deadline->text == "2023年12月底前");
  CHECK(testing::Names(tasks[0]->lead_units) == std::vector<std::string>{"发改局"});
  CHECK(testing::Names(tasks[0]->cooperating_units) == std::vector<std::string>{"各部门"});
  // The table marks its leads, so the unmarked row's first unit leads.
  CHECK(testing::Names(tasks[1]->lead_units) == std::vector<std::string>{"经信局"});
  CHECK(testing::Names(tasks[1]->cooperating_units) == std::vector<std::string>{"各镇乡（街道）"});
}

}  // namespace plancheck::parse
