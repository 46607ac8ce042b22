#include "parse/web_chrome.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_util.h"

namespace plancheck::parse {
namespace {

// "label=value;label=value" for the fields of `line`.
std::string Fields(const std::string& line) {
  std::string out;
  for (const ChromeValue& field : ChromeFields(line)) {
    out += (out.empty() ? "" : ";") + field.label + "=" + field.value;
  }
  return out;
}

}  // namespace

TEST_CASE("ChromeFields reads a saved page's information box", "[parse][chrome]") {
  auto [line, expected] = GENERATE(table<std::string, std::string>({
      // 泾县 2023 (安徽): two fields a line, separated by spaces.
      {"发布机构：泾县人民政府（办公室） 主题分类：综合政务 / 其他 / 通知",
       "发布机构=泾县人民政府（办公室）;主题分类=综合政务 / 其他 / 通知"},
      {"名称：泾县人民政府关于分解落实政府工作报告目标任务的通知 文号：泾政〔2023〕1号",
       "名称=泾县人民政府关于分解落实政府工作报告目标任务的通知;文号=泾政〔2023〕1号"},
      // 华容县 2021 (湖南): bulleted.
      {"  • 索引号:6735597301/2021-1801120", "索引号=6735597301/2021-1801120"},
      // 谯城区 2020 (安徽): cells separated by "|", a label with spaces, 无 as no value.
      {"发文字号: | 无 | 有 效 性: | 失效 |", "发文字号=;有效性=失效"},
      {"成文日期: | 发布日期: | 2020-04-09 08:44 | |", "成文日期=;发布日期=2020-04-09 08:44"},
      {"发布日期 :2021-02-03 ", "发布日期=2021-02-03"},
      // Near misses: a label inside a sentence, a task, a unit list.
      {"各单位要在发布日期后十日内上报。", ""},
      {"1.完善科技创新体制机制。", ""},
      {"责任单位：区科技局", ""},
      {"", ""},
  }));
  CAPTURE(line);
  CHECK(Fields(line) == expected);
}

TEST_CASE("IsWebChromeLine tells page chrome from the notice", "[parse][chrome]") {
  auto [line, chrome] = GENERATE(table<std::string, bool>({
      {"【字体：大 中 小】【打印本页】【关闭窗口】", true},
      {"【打印本页】 【关闭窗口】", true},
      {"分享到：", true},
      {"扫一扫在手机打开当前页", true},
      {"您现在所在的位置：网站首页 > 政府信息公开 > 通知", true},
      {"发布时间：2023-01-30 08:56 来源：泾县人民政府（办公室） 浏览次数： 字体：[ ]", true},
      {"  • 无障碍", true},
      // Near misses.
      {"大中小", false},
      {"（一）打印产业发展。", false},
      {"二、强化责任落实。", false},
      {"责任单位：县财政局", false},
      {"", false},
  }));
  CAPTURE(line);
  CHECK(IsWebChromeLine(line) == chrome);
}

TEST_CASE("a saved page's information box gives the notice's metadata", "[parse][chrome]") {
  const model::Document doc = testing::ParseSnippet(
      "索引号：11341729003257952H/202301-00044 组配分类：年度重点工作任务分解\n"
      "发布机构：泾县人民政府（办公室） 主题分类：综合政务\n"
      "名称：泾县人民政府关于分解落实政府工作报告目标任务的通知 文号：泾政〔2023〕1号\n"
      "发布日期：2023-01-30 08:56\n"
      "【字体：大 中 小】【打印本页】\n"
      "泾县人民政府关于分解落实政府工作报告目标任务的通知\n"
      "各乡镇人民政府，县政府各部门：\n"
      "现将《2023年政府工作报告目标任务分解方案》印发给你们。\n"
      "2023年政府工作报告目标任务分解方案\n"
      "1.地区生产总值增长6.5%。\n"
      "责任单位：县发展改革委\n");
  CHECK(doc.metadata.document_number == "泾政〔2023〕1号");
  CHECK(doc.metadata.issue_date == "2023-01-30");
  CHECK(doc.metadata.issuer == "泾县人民政府（办公室）");
  CHECK(doc.metadata.region == "泾县");
  CHECK(doc.task_count() == 1);
}

}  // namespace plancheck::parse
