// The parser on the five seed documents (fixtures/seeds/): direct assertions on counts,
// numbering and spot-checked tasks. The whole outline of each seed is compared with a
// reviewed golden in tests/golden/seeds_test.cc (tests/golden/outline/<seed>.txt).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "report/model_json.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {

const std::string kSeed000 = "seeds/000_d5b961fa901fa4dc.txt";
const std::string kSeed001 = "seeds/001_8ef760ff784be5ac.txt";
const std::string kSeed002 = "seeds/002_e9c6d1be0a07cf1f.txt";
const std::string kSeed003 = "seeds/003_9f57034e87119ac9.txt";
const std::string kSeed004 = "seeds/004_2bfd8bfabc103b07.txt";

const model::Task& TaskNumbered(const model::Document& doc, std::int64_t value) {
  for (const model::Task* task : doc.AllTasks()) {
    if (task->number.value == value) return *task;
  }
  FAIL("no task numbered " << value);
  return *doc.AllTasks().front();  // not reached: FAIL throws
}

}  // namespace

TEST_CASE("seed 000: line per task after a notice letter", "[parse][seeds]") {
  const model::Document doc = ParseFixture(kSeed000);
  CHECK(doc.metadata.shape == "line-per-task");
  CHECK(doc.metadata.title == "2021年区政府工作报告目标任务分解方案");
  CHECK(doc.metadata.issuer == "重庆市梁平区人民政府办公室");
  CHECK(doc.metadata.issue_date == "2021-03-12");
  CHECK(doc.metadata.plan_year == 2021);
  CHECK(doc.metadata.level == model::AdminLevel::kDistrict);
  CHECK(doc.metadata.region == "梁平区");
  REQUIRE(doc.declared_task_count);
  CHECK(doc.declared_task_count->value == 156);
  CHECK(doc.declared_task_count->loc.start == Position{10, 46});
  // The notice's own 一、二、三、 are not parts.
  REQUIRE(doc.parts.size() == 4);
  CHECK(doc.parts[0].title == "“十四五”时期重点工作");
  CHECK(doc.parts[0].loc.start.line == 19);
  CHECK(doc.parts[0].sections.size() == 11);
  // Part 二 lists its tasks directly: they sit in an implicit section.
  REQUIRE(doc.parts[1].sections.size() == 1);
  CHECK(doc.parts[1].sections[0].implicit);
  CHECK(doc.parts[1].sections[0].number.style == model::NumberStyle::kNone);

  const std::vector<const model::Task*> tasks = doc.AllTasks();
  REQUIRE(tasks.size() == 156);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    CAPTURE(i);
    CHECK(tasks[i]->ordinal == static_cast<int>(i + 1));
    CHECK(tasks[i]->number.value == static_cast<std::int64_t>(i + 1));
    CHECK_FALSE(tasks[i]->lead_units.empty());
    CHECK(tasks[i]->lead_label == "责任单位");
  }
  const model::Task& t52 = TaskNumbered(doc, 52);
  // "区经济信委" is misspelt in the source and stays so.
  CHECK(Names(t52.lead_units) ==
        std::vector<std::string>{"工业园区管委会", "区经济信委", "区科技局", "区招商投资局"});
  CHECK(Names(t52.cooperating_units) == std::vector<std::string>{"各乡镇（街道）"});
  CHECK(t52.cooperating_label == "配合单位");
  CHECK(t52.loc.start == Position{136, 1});
  CHECK(t52.text_loc.start == Position{136, 4});
  REQUIRE(t52.assignment);
  CHECK(t52.assignment->start == Position{137, 1});
  // "。" instead of "；" between the lists.
  const model::Task& t153 = TaskNumbered(doc, 153);
  CHECK(Names(t153.lead_units) == std::vector<std::string>{"区政府办公室"});
  CHECK(Names(t153.cooperating_units) ==
        std::vector<std::string>{"区政府各部门", "各乡镇（街道）"});
  CHECK(TaskNumbered(doc, 11).cooperating_units.empty());
}

TEST_CASE("seed 001: a flattened table", "[parse][seeds]") {
  const model::Document doc = ParseFixture(kSeed001);
  CHECK(doc.metadata.shape == "table");
  CHECK(doc.metadata.issuer == "重庆市涪陵区人民政府办公室");
  CHECK(doc.metadata.region == "涪陵区");
  CHECK(doc.metadata.level == model::AdminLevel::kDistrict);
  CHECK(doc.metadata.issue_date.empty());
  CHECK_FALSE(doc.declared_task_count);
  REQUIRE(doc.parts.size() == 3);
  // Categories are sections of part 二; repeats after page breaks continue them.
  REQUIRE(doc.parts[1].sections.size() == 9);
  CHECK(doc.parts[1].sections[0].number.text == "一、");
  CHECK(doc.parts[1].sections[0].title == "推动高质量发展要有新作为");
  CHECK(doc.parts[1].sections[0].tasks.size() == 18);

  const std::vector<const model::Task*> tasks = doc.AllTasks();
  REQUIRE(tasks.size() == 193);
  for (const model::Task* task : tasks) {
    CAPTURE(task->ordinal, task->text);
    CHECK_FALSE(task->lead_units.empty());
    CHECK_FALSE(task->lead_leaders.empty());
    CHECK(task->lead_label == "牵头责任单位");
    CHECK(task->cooperating_label == "责任（配合）单位");
  }
  // Part 一: "1、" numbers in the statement cell; an empty cooperating cell.
  const model::Task& first = *tasks[0];
  CHECK(first.number.text == "1、");
  CHECK(first.number.style == model::NumberStyle::kArabicComma);
  CHECK(first.text == "地区生产总值增长6.5%。");
  CHECK(Names(first.lead_leaders) == std::vector<std::string>{"钟涛"});
  CHECK(Names(first.lead_units) == std::vector<std::string>{"区发展改革委"});
  CHECK(first.cooperating_units.empty());
  // Several leaders and lead units stacked in one cell are all leads.
  const model::Task& seventh = *tasks[6];
  CHECK(Names(seventh.lead_leaders) == std::vector<std::string>{"钟涛", "张宇"});
  CHECK(Names(seventh.lead_units) == std::vector<std::string>{"区发展改革委", "区生态环境局"});
  CHECK(seventh.lead_units[1].loc.start.line == seventh.lead_units[0].loc.start.line + 2);
  // Part 二: empty 序号 cells, named by ordinal; the category on every task.
  const model::Task& eighth = *tasks[7];
  CHECK(eighth.number.style == model::NumberStyle::kNone);
  CHECK_FALSE(eighth.number.value);
  CHECK(eighth.category == "一、推动高质量发展要有新作为");
  CHECK(Names(eighth.cooperating_units) ==
        std::vector<std::string>{"各乡镇街道", "区级相关部门单位", "各工业园区"});
  // Part 三: bare numbers in the 序号 column.
  const model::Task& last = *tasks.back();
  CHECK(last.number.text == "6");
  CHECK(last.number.style == model::NumberStyle::kArabicBare);
  CHECK(Names(last.lead_units) == std::vector<std::string>{"区财政局", "区审计局"});
}

TEST_CASE("seed 002: long paragraphs with a mistyped part number", "[parse][seeds]") {
  const model::Document doc = ParseFixture(kSeed002);
  CHECK(doc.metadata.shape == "paragraphs");
  CHECK(doc.metadata.title ==
        "重庆市梁平区落实《重庆市推动成渝地区双城经济圈建设行动方案（2023—2027年）》工作方案");
  CHECK(doc.metadata.issuer == "重庆市梁平区人民政府");
  CHECK(doc.metadata.issue_date == "2023-06-09");
  CHECK_FALSE(doc.metadata.plan_year);  // a five-year range names no single year
  REQUIRE(doc.parts.size() == 3);
  // "2、 重点任务" where "二、" was meant: a part all the same, its style as written.
  CHECK(doc.parts[1].number.text == "2、");
  CHECK(doc.parts[1].number.style == model::NumberStyle::kArabicComma);
  CHECK(doc.parts[1].number.value == 2);
  CHECK(doc.parts[1].title == "重点任务");
  REQUIRE(doc.parts[1].sections.size() == 10);
  // Numbering restarts at 1 in every section.
  for (const model::Section& section : doc.parts[1].sections) {
    CAPTURE(section.title);
    for (std::size_t i = 0; i < section.tasks.size(); ++i) {
      CHECK(section.tasks[i].number.value == static_cast<std::int64_t>(i + 1));
      CHECK(section.tasks[i].number.style == model::NumberStyle::kArabicDot);
    }
  }
  CHECK(doc.task_count() == 44);
  for (const model::Task* task : doc.AllTasks()) {
    CHECK(task->lead_units.empty());  // the plan names no units; none is invented
  }
  CHECK(doc.parts[2].sections.size() == 3);
  CHECK(doc.parts[2].sections[0].title == "强化组织领导。");
}

TEST_CASE("seed 003: line per task with blank lines", "[parse][seeds]") {
  const model::Document doc = ParseFixture(kSeed003);
  CHECK(doc.metadata.shape == "line-per-task");
  CHECK(doc.metadata.region == "江津区");
  CHECK(doc.metadata.issue_date == "2023-02-21");
  CHECK_FALSE(doc.declared_task_count);
  const std::vector<const model::Task*> tasks = doc.AllTasks();
  REQUIRE(tasks.size() == 92);
  for (const model::Task* task : tasks) {
    CAPTURE(task->ordinal);
    CHECK_FALSE(task->lead_units.empty());
    CHECK(task->number.value == task->ordinal);
  }
  const model::Task& t43 = TaskNumbered(doc, 43);
  CHECK(t43.number.text == "43．");
  CHECK(Names(t43.lead_units) == std::vector<std::string>{"区科技局", "区委组织部"});
  CHECK(Names(t43.cooperating_units) ==
        std::vector<std::string>{"区经济信息委", "区财政局", "区人力社保局", "区教委", "区科技局",
                                 "区科协", "各工业园发展中心"});
  CHECK(t43.assignment->start.line == 214);
}

TEST_CASE("seed 004: PDF-extracted text", "[parse][seeds]") {
  const model::Document doc = ParseFixture(kSeed004);
  CHECK(doc.metadata.shape == "pdf-text");
  CHECK(doc.metadata.issuer == "重庆市人民政府办公厅");
  CHECK(doc.metadata.issue_date == "2021-02-03");
  CHECK(doc.metadata.document_number == "渝府办发〔2021〕12号");
  CHECK(doc.metadata.level == model::AdminLevel::kProvince);
  CHECK(doc.metadata.region == "重庆市");
  REQUIRE(doc.declared_task_count);
  CHECK(doc.declared_task_count->value == 456);
  REQUIRE(doc.parts.size() == 4);
  CHECK(doc.parts[0].sections.size() == 11);
  CHECK(doc.parts[2].sections.size() == 10);
  // "…成员单位。四、切实加强政府自身建设" starts the last part mid-line.
  CHECK(doc.parts[3].title == "切实加强政府自身建设");

  const std::vector<const model::Task*> tasks = doc.AllTasks();
  REQUIRE(tasks.size() == 456);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    CAPTURE(i);
    CHECK(tasks[i]->number.value == static_cast<std::int64_t>(i + 1));
    CHECK_FALSE(tasks[i]->lead_units.empty());
    CHECK(tasks[i]->text.find('\n') == std::string::npos);
  }
  // Tasks run together on one line, each with its own units.
  const model::Task& t4 = TaskNumbered(doc, 4);
  CHECK(t4.text == "新型研发机构达到300家。");
  CHECK(Names(t4.cooperating_units) == std::vector<std::string>{"市经济信息委", "有关区县政府"});
  // A unit broken across lines is re-joined, its location spanning the break.
  const model::Task& t7 = TaskNumbered(doc, 7);
  const std::vector<std::string> coop7 = Names(t7.cooperating_units);
  CHECK(coop7 == std::vector<std::string>{"市委宣传部", "市教委", "市民政局", "市经济信息委",
                                          "市农业农村委", "市文化旅游委", "市卫生健康委",
                                          "市国资委", "市金融监管局", "市工商联", "市科协"});
  CHECK(t7.cooperating_units[3].loc.start.line == 21);
  CHECK(t7.cooperating_units[3].loc.end.line == 22);
  CHECK(Names(TaskNumbered(doc, 8).cooperating_units).back() == "市住房城乡建委");
  CHECK(Names(TaskNumbered(doc, 9).cooperating_units).back() == "市科协");
  // "配合单\n位:" is still a label; so is the bare "配合 :".
  CHECK(Names(TaskNumbered(doc, 118).cooperating_units) == std::vector<std::string>{"市财政局"});
  CHECK(TaskNumbered(doc, 290).cooperating_label == "配合");
  // A number alone on its line, the statement on the next.
  CHECK(TaskNumbered(doc, 53).text.rfind("提升人行道", 0) == 0);
  // Aliases in brackets stay one unit.
  CHECK(Names(TaskNumbered(doc, 106).lead_units) ==
        std::vector<std::string>{"市委国安委（市委国安办）"});
}

}  // namespace plancheck::testing
