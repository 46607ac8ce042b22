// Issue 12 shapes 1-5: trailing brackets, 牵头 phrases and division lines, group headings,
// first-listed conventions and role words, each read by the whole parser from a snippet.
#include <catch2/catch.hpp>
#include <string>

#include "parse/metadata.h"
#include "parse/roles.h"
#include "parse/place.h"
#include "parse/units.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {

std::string Join(const std::vector<model::Located>& list) {
  std::string s;
  for (const model::Located& item : list) s += (s.empty() ? "" : "、") + item.text;
  return s;
}

// Each task: "number text | lead | cooperating | leaders | lead_label/cooperating_label/
// leader_label | lead_source", one a line.
std::string Tasks(const std::string& text) {
  const model::Document doc = ParseSnippet(text);
  std::string out;
  for (const model::Task* task : doc.AllTasks()) {
    out += task->number.text + task->text + " | " + Join(task->lead_units) + " | " +
           Join(task->cooperating_units) + " | " + Join(task->lead_leaders) + " | " +
           task->lead_label + "/" + task->cooperating_label + "/" + task->leader_label + " | " +
           task->lead_source + "\n";
  }
  return out;
}

// A notice head that makes the snippet a county plan.
const std::string kHead =
    "长兴县人民政府办公室关于印发2023年政府工作报告重点工作责任分解的通知\n"
    "2023年政府工作报告重点工作责任分解\n";

}  // namespace

TEST_CASE("a trailing bracket assigns the task it follows", "[parse][roles]") {
  auto [body, expected] = GENERATE(table<std::string, std::string>({
      // 嘉鱼县 2021: square brackets, a nested "(粮食局)", commas between units.
      {"1.地区生产总值增长11%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区]\n",
       "1.地区生产总值增长11%。 | 县发改局（粮食局） | 各镇人民政府、嘉鱼经济开发区 |  | "
       "牵头单位/责任单位/ | label\n"},
      {"1.完善科技创新体制机制。（牵头单位：县财政局）\n2.建设新城。\n",
       "1.完善科技创新体制机制。 | 县财政局 |  |  | 牵头单位// | label\n"
       "2.建设新城。 |  |  |  | // | \n"},
      {"1.推进改革。（牵头单位：县发改局，配合单位：县财政局〈含开发区〉、县商务局）。\n",
       "1.推进改革。 | 县发改局 | 县财政局〈含开发区〉、县商务局 |  | 牵头单位/配合单位/ | label\n"},
      {"1.推进改革。【牵头单位：区商务委；责任单位：区财政局（含两江新区）】\n",
       "1.推进改革。 | 区商务委 | 区财政局（含两江新区） |  | 牵头单位/责任单位/ | label\n"},
      {"1.推进改革。〔牵头单位：县商务局〕\n",
       "1.推进改革。 | 县商务局 |  |  | 牵头单位// | label\n"},
      // Near misses: brackets that assign nothing stay in the statement.
      {"1.建成都梁新区（含两江新区）。\n责任单位：区商务委。\n",
       "1.建成都梁新区（含两江新区）。 | 区商务委 |  |  | 责任单位// | label\n"},
      {"1.推进改革（2023年12月底前完成）。\n",
       "1.推进改革（2023年12月底前完成）。 |  |  |  | // | \n"},
  }));
  CAPTURE(body);
  CHECK(Tasks(kHead + body) == expected);
}

TEST_CASE("State Council style 牵头 phrases and division lines", "[parse][roles]") {
  auto [body, expected] = GENERATE(table<std::string, std::string>({
      {"1.全面实施行政许可事项清单管理。(市政府办公室、市审改办牵头,市级各有关部门及各县市区政府按职责分工负责)\n",
       "1.全面实施行政许可事项清单管理。 | 市政府办公室、市审改办 | 市级各有关部门、各县市区政府 |  | "
       "牵头/按职责分工负责/ | phrase\n"},
      // 湖南省 2019: persons first, never units.
      {"1.万元GDP能耗下降2.5%（分管副省长、协管副秘书长负责，省发展改革委牵头，省工业和信息化厅、省财政厅等参与）\n",
       "1.万元GDP能耗下降2.5% | 省发展改革委 | 省工业和信息化厅、省财政厅 | 分管副省长、协管副秘书长 | "
       "牵头/参与/负责 | phrase\n"},
      // 广东省 2021: the leader and the division on lines of their own.
      {"1.地区生产总值增长6%以上。\n分管省领导:林克庆\n部门分工:省发展改革委牵头,各地、各部门配合。\n"
       "2.地方一般公共预算收入增长5%左右。\n分管省领导:林克庆\n部门分工:省财政厅牵头,省税务局配合。\n",
       "1.地区生产总值增长6%以上。 | 省发展改革委 | 各地、各部门 | 林克庆 | 牵头/配合/分管省领导 | phrase\n"
       "2.地方一般公共预算收入增长5%左右。 | 省财政厅 | 省税务局 | 林克庆 | 牵头/配合/分管省领导 | phrase\n"},
      // Two brackets in one task: every unit once.
      {"1.稳投资。（省发展改革委牵头）促消费。（省商务厅牵头，省发展改革委配合）\n",
       "1.稳投资。（省发展改革委牵头）促消费。 | 省发展改革委、省商务厅 |  |  | 牵头// | phrase\n"},
      // 国务院 2020: a clause saying when is no role.
      {"1.全面建成小康社会。(国务院各部门分别负责,年内持续推进)\n",
       "1.全面建成小康社会。 | 国务院各部门 |  |  | 分别负责// | phrase\n"},
      // Near misses: no role verb, or 负责 by no body.
      {"1.推进改革（企业自主负责）。\n", "1.推进改革（企业自主负责）。 |  |  |  | // | \n"},
      {"1.推进改革（试点先行，逐步推开）。\n", "1.推进改革（试点先行，逐步推开）。 |  |  |  | // | \n"},
  }));
  CAPTURE(body);
  CHECK(Tasks(kHead + body) == expected);
}

TEST_CASE("a group heading leads the tasks below it", "[parse][roles]") {
  auto [body, expected] = GENERATE(table<std::string, std::string>({
      {"一、县经济开发区管委会牵头工作（2项）\n1.推进园区建设。\n配合单位：县财政局。\n2.招商引资。\n"
       "二、县财政局牵头的重点工作\n3.盘活资产。\n责任单位：县国资办。\n",
       "1.推进园区建设。 | 县经济开发区管委会 | 县财政局 |  | 牵头/配合单位/ | heading\n"
       "2.招商引资。 | 县经济开发区管委会 |  |  | 牵头// | heading\n"
       "3.盘活资产。 | 县国资办 |  |  | 责任单位// | label\n"},
      // 长兴县 2023: a leader's group; the tasks carry their units, the person is a leader.
      {"一、朱伟县长牵头重点工作\n1.财政总收入与经济增长基本同步。\n责任单位:县财政局。\n"
       "二、常务副县长主抓重点工作\n1.全力防范化解风险。\n责任单位:县金融办。\n",
       "1.财政总收入与经济增长基本同步。 | 县财政局 |  | 朱伟 | 责任单位//牵头 | label\n"
       "1.全力防范化解风险。 | 县金融办 |  | 常务副县长 | 责任单位//主抓 | label\n"},
      // Near misses: a heading that merely contains the verb.
      {"一、全面落实牵头工作\n1.推进改革。\n",
       "1.推进改革。 |  |  |  | // | \n"},
      {"一、加强组织领导，明确牵头单位责任\n1.推进改革。\n",
       "1.推进改革。 |  |  |  | // | \n"},
  }));
  CAPTURE(body);
  CHECK(Tasks(kHead + body) == expected);
}

TEST_CASE("a group heading's count is read", "[parse][roles]") {
  const model::Document doc =
      ParseSnippet(kHead + "一、县经济开发区管委会牵头工作（12项）\n1.推进园区建设。\n"
                           "二、主要预期目标（共3项）\n2.地区生产总值增长6%。\n"
                           "三、重点任务（含两江新区）\n3.甲。\n");
  REQUIRE(doc.parts.size() == 3);
  REQUIRE(doc.parts[0].group.declared_count.has_value());
  CHECK(doc.parts[0].group.declared_count->value == 12);
  REQUIRE(doc.parts[1].group.declared_count.has_value());
  CHECK(doc.parts[1].group.declared_count->value == 3);
  CHECK(doc.parts[1].group.lead_units.empty());
  CHECK_FALSE(doc.parts[2].group.declared_count.has_value());
}

TEST_CASE("a first-listed convention makes the first unit the lead", "[parse][roles]") {
  auto [body, expected] = GENERATE(table<std::string, std::string>({
      // 下同: this task and the ones after; the note is no part of a name.
      {"1.甲。\n责任单位：县发改局、县财政局、县商务局（列第一位者为牵头或汇总单位，下同）\n"
       "2.乙。\n责任单位：县教育局、县财政局\n",
       "1.甲。 | 县发改局 | 县财政局、县商务局 |  | 责任单位/责任单位/ | first-listed\n"
       "2.乙。 | 县教育局 | 县财政局 |  | 责任单位/责任单位/ | first-listed\n"},
      // Without 下同: this task only.
      {"1.甲。\n责任单位：县发改局、县财政局（排在第一位的为牵头单位）\n"
       "2.乙。\n责任单位：县教育局、县财政局\n",
       "1.甲。 | 县发改局 | 县财政局 |  | 责任单位/责任单位/ | first-listed\n"
       "2.乙。 | 县教育局、县财政局 |  |  | 责任单位// | label\n"},
      // 牵头单位 given: the convention changes nothing.
      {"1.甲。\n牵头单位：县发改局、县财政局（列第一位者为牵头单位，下同）\n",
       "1.甲。 | 县发改局、县财政局 |  |  | 牵头单位// | label\n"},
      // 丽水市 2023: "分别牵头" names every lead, whatever the convention says.
      {"1.甲。\n责任单位：市发改委、市财政局（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）\n"
       "2.乙。\n责任单位：市人力社保局、市农业农村局分别牵头\n",
       "1.甲。 | 市发改委 | 市财政局 |  | 责任单位/责任单位/ | first-listed\n"
       "2.乙。 | 市人力社保局、市农业农村局 |  |  | 分别牵头// | phrase\n"},
      // A note on a line of its own between tasks holds for the tasks after it.
      {"1.甲。\n责任单位：县发改局、县财政局\n注：排在第一位的为牵头单位。\n2.乙。\n责任单位：县教育局、县财政局\n",
       "1.甲。 | 县发改局、县财政局 |  |  | 责任单位// | label\n"
       "2.乙。 | 县教育局 | 县财政局 |  | 责任单位/责任单位/ | first-listed\n"},
      // Near miss: "第一时间" is no convention.
      {"1.甲。\n责任单位：县发改局、县财政局（第一时间牵头落实）\n",
       "1.甲。 | 县发改局、县财政局（第一时间牵头落实） |  |  | 责任单位// | label\n"},
  }));
  CAPTURE(body);
  CHECK(Tasks(kHead + body) == expected);
}

TEST_CASE("a convention declared in the notice holds for every task", "[parse][roles]") {
  // 杭州市 2020's notice.
  const std::string text =
      "杭州市人民政府办公厅关于印发2020年政府工作报告重点工作责任分解的通知\n"
      "《2020年政府工作报告重点工作责任分解》已经市政府同意，现印发给你们。\n"
      "二、责任分解中，列第一位的责任单位为牵头单位或汇总单位。\n"
      "杭州市人民政府办公厅\n2020年5月20日\n"
      "2020年政府工作报告重点工作责任分解\n"
      "1.甲。\n责任单位：市发改委、市财政局\n";
  CHECK(Tasks(text) == "1.甲。 | 市发改委 | 市财政局 |  | 责任单位/责任单位/ | first-listed\n");
}

TEST_CASE("role words name their role", "[parse][roles]") {
  auto [body, expected] = GENERATE(table<std::string, std::string>({
      {"1.甲。\n牵头责任单位：县财政局；协同责任单位：县税务局。\n",
       "1.甲。 | 县财政局 | 县税务局 |  | 牵头责任单位/协同责任单位/ | label\n"},
      {"1.甲。\n主办：市经贸委；协办：市建委。\n",
       "1.甲。 | 市经贸委 | 市建委 |  | 主办/协办/ | label\n"},
      {"1.甲。\n牵头县领导：张三；牵头单位：县财政局；责任单位：县税务局。\n",
       "1.甲。 | 县财政局 | 县税务局 | 张三 | 牵头单位/责任单位/牵头县领导 | label\n"},
      // 安徽省 2022.
      {"1.甲。\n牵头负责领导:刘惠。\n牵头责任单位:省发展改革委。\n协同责任单位:省政府各部门、各直属机构。\n",
       "1.甲。 | 省发展改革委 | 省政府各部门、各直属机构 | 刘惠 | 牵头责任单位/协同责任单位/牵头负责领导 | "
       "label\n"},
      {"1.甲。\n主要责任单位：县财政局；其他责任单位：县税务局。\n",
       "1.甲。 | 县财政局 | 县税务局 |  | 主要责任单位/其他责任单位/ | label\n"},
  }));
  CAPTURE(body);
  CHECK(Tasks(kHead + body) == expected);
}

TEST_CASE("a 责任单位 given alone follows the notice's own convention", "[parse][roles]") {
  auto [body, expected] = GENERATE(table<std::string, std::string>({
      // Most tasks pair 牵头单位 and 责任单位: the one given only 责任单位 lacks its lead.
      {"1.甲。\n牵头单位：区发改局\n责任单位：区财政局\n"
       "2.乙。\n牵头单位：区商务局\n责任单位：区财政局\n"
       "3.丙。\n责任单位：各街道\n",
       "1.甲。 | 区发改局 | 区财政局 |  | 牵头单位/责任单位/ | label\n"
       "2.乙。 | 区商务局 | 区财政局 |  | 牵头单位/责任单位/ | label\n"
       "3.丙。 |  | 各街道 |  | /责任单位/ | \n"},
      // 新密 2021: one pair among tasks given only 责任单位, which name their leads.
      {"1.甲。\n责任单位：市财政局\n"
       "2.乙。\n牵头单位：市城镇化服务中心\n责任单位：市发展改革委\n"
       "3.丙。\n责任单位：市住建局、城管局\n",
       "1.甲。 | 市财政局 |  |  | 责任单位// | label\n"
       "2.乙。 | 市城镇化服务中心 | 市发展改革委 |  | 牵头单位/责任单位/ | label\n"
       "3.丙。 | 市住建局、城管局 |  |  | 责任单位// | label\n"},
  }));
  CHECK(Tasks(kHead + body) == expected);
}

}  // namespace plancheck::testing

namespace plancheck::parse {

TEST_CASE("ParseRolePhrase reads clauses and their verbs", "[parse][roles]") {
  auto describe = [](const std::string& text) {
    std::string out;
    const auto clauses = ParseRolePhrase(text, {0, text.size()});
    if (!clauses) return std::string("none");
    for (const PhraseClause& clause : *clauses) {
      const char* role = clause.role == PhraseRole::kLead          ? "lead"
                         : clause.role == PhraseRole::kCooperating ? "coop"
                                                                   : "leader";
      out += std::string(role) + ":" + text.substr(clause.names.begin, clause.names.size()) + "/" +
             clause.verb + ";";
    }
    return out;
  };
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"国家发展改革委、财政部牵头，各有关部门按职责分工负责",
       "lead:国家发展改革委、财政部/牵头;coop:各有关部门/按职责分工负责;"},
      {"由县财政局负责", "lead:县财政局/负责;"},
      {"分管副省长负责，省商务厅牵头", "leader:分管副省长/负责;lead:省商务厅/牵头;"},
      {"省商务厅牵头，2023年底前完成", "lead:省商务厅/牵头;"},
      {"企业自主负责", "none"},
      {"含两江新区", "none"},
      {"县长负责", "none"},
  }));
  CAPTURE(text);
  CHECK(describe(text) == expected);
}

TEST_CASE("IsPersonTitle and LooksLikeBody tell persons from units", "[parse][roles]") {
  auto [name, person, body] = GENERATE(table<std::string, bool, bool>({
      {"常务副市长", true, false},
      {"朱伟县长", true, false},
      {"协管副秘书长", true, false},
      {"县财政局", false, true},
      {"县经济开发区管委会", false, true},
      {"各地", false, true},
      {"企业自主", false, false},
  }));
  CAPTURE(name);
  CHECK(IsPersonTitle(name) == person);
  CHECK(LooksLikeBody(name) == body);
}

}  // namespace plancheck::parse

namespace plancheck::parse {

// The region names the registries and units.no-registry go by, outermost first.
TEST_CASE("PlaceNames splits an issuer into the regions it names", "[parse][metadata]") {
  auto [issuer, names] = GENERATE(table<std::string, std::vector<std::string>>({
      {"重庆市梁平区人民政府办公室", {"重庆市", "梁平区"}},
      {"湖州市人民政府办公室", {"湖州市"}},
      {"苏州市吴江区人民政府", {"苏州市", "吴江区"}},
      {"湖州市长兴县人民政府", {"湖州市", "长兴县"}},
      {"甘孜藏族自治州人民政府", {"甘孜藏族自治州"}},
      {"鄂温克族自治旗人民政府办公室", {"鄂温克族自治旗"}},
      {"郑州市新密市人民政府办公室", {"郑州市", "新密市"}},
      {"贵州省人民政府", {"贵州省"}},
      {"北京市通州区人民政府", {"北京市", "通州区"}},
      {"国务院办公厅", {"全国"}},
      // Near misses: generic words name no place.
      {"县人民政府办公室", {}},
      {"各区县人民政府", {}},
      {"各市、自治州人民政府", {}},
  }));
  CAPTURE(issuer);
  CHECK(PlaceNames(issuer) == names);
}

}  // namespace plancheck::parse

namespace plancheck::testing {

// The notice's own title on one of its first lines names the issuer when no plan title
// follows the letter (a 分工意见 that is its own plan, a saved page).
TEST_CASE("the issuer is read from a notice title below page chrome", "[parse][metadata]") {
  auto [text, issuer, level, region] =
      GENERATE(table<std::string, std::string, model::AdminLevel, std::string>({
          {"返回首页\n国务院关于落实《政府工作报告》重点工作部门分工的意见\n一、总体要求\n",
           "国务院", model::AdminLevel::kNational, "全国"},
          {"【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知\n"
           "一、经济发展\n",
           "滁州市人民政府", model::AdminLevel::kProvince, "滁州市"},
          {"县本级非规范性文件\n长兴县人民政府办公室关于印发2023年政府工作报告重点工作责任分解的通知\n"
           "一、朱伟县长牵头重点工作\n",
           "长兴县人民政府办公室", model::AdminLevel::kDistrict, "长兴县"},
          // Near miss: "关于" after no office.
          {"关于做好2023年工作的通知\n一、总体要求\n", "", model::AdminLevel::kUnknown, ""},
      }));
  CAPTURE(text);
  const model::Document doc = ParseSnippet(text);
  CHECK(doc.metadata.issuer == issuer);
  CHECK(doc.metadata.level == level);
  CHECK(doc.metadata.region == region);
  CHECK_FALSE(doc.declared_task_count.has_value());
}

}  // namespace plancheck::testing
