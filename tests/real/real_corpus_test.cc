// The real corpus (fixtures/real/): plancheck's `parse` and `lint` against each notice's
// reviewed expectation, with the bars of tests/real/bars.yaml. The figures and every miss
// are printed by scripts/real-corpus-report.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "real/corpus.h"
#include "test_util.h"

namespace plancheck::real {
namespace {

TEST_CASE("the real corpus meets its bars", "[real]") {
  std::vector<std::string> errors;
  const std::vector<Notice> notices = LoadCorpus(testing::FixturePath("real"), errors);
  const Bars bars = LoadBars(testing::TestDataPath("real/bars.yaml"), errors);
  INFO("expectation errors:\n" << [&] {
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    return all;
  }());
  REQUIRE(errors.empty());

  const CorpusResult result = Evaluate(notices);
  std::ostringstream report;
  PrintReport(result, report);
  INFO(report.str());

  for (const NoticeResult& r : result.notices) {
    INFO(r.name);
    CHECK(r.error.empty());
    const bool pending = std::find(bars.task_count_pending.begin(), bars.task_count_pending.end(),
                                   r.name) != bars.task_count_pending.end();
    if (!pending) CHECK(r.parsed_tasks == r.expected_tasks);
  }
  CHECK(result.RightLeadPercent() >= bars.right_lead_percent_min);
  CHECK(result.FalseAlarmsPer100Tasks() <= bars.false_alarms_per_100_max);
}

TEST_CASE("the corpus runner compares leads with half- and full-width folded", "[real]") {
  auto [a, b, same] = GENERATE(table<std::string, std::string, bool>({
      {"县财政局(含开发区)", "县财政局（含开发区）", true},
      {"省发展改革委", "省发展改革委", true},
      {"县 财政局", "县财政局", true},
      {"县财政局", "县财政局）", false},  // the near miss: a stray bracket is no width fold
      {"县财政局", "市财政局", false},
  }));
  CHECK((FoldWidth(a) == FoldWidth(b)) == same);
}

TEST_CASE("the corpus runner counts right leads, misses and false alarms", "[real]") {
  const std::string dir = testing::MakeTempDir();
  const std::string folder = dir + "/sample";
  testing::WriteFile(folder + "/notice.txt",
                     "一、重点工作\n"
                     "1.完善科技创新体制机制。\n"
                     "责任单位：区科技局\n"
                     "2.建成数字经济产业园。\n"
                     "责任单位：区经济信息委\n"
                     "4.壮大主导产业。\n"
                     "责任单位：区发展改革委\n");
  testing::WriteFile(folder + "/expected.yaml",
                     "task_count: 3\n"
                     "tasks:\n"
                     "  - {number: 1, line: 2, lead: [区科技局]}\n"
                     "  - {number: 2, line: 4, lead: [区科技局]}\n"   // reviewed differently
                     "  - {number: 3, line: 6, lead: [区发展改革委]}\n"  // not found: it is 4
                     "findings: []\n");
  std::vector<std::string> errors;
  const std::vector<Notice> notices = LoadCorpus(dir, errors);
  REQUIRE(errors.empty());
  REQUIRE(notices.size() == 1);
  const CorpusResult result = Evaluate(notices);
  REQUIRE(result.notices.size() == 1);
  const NoticeResult& r = result.notices[0];
  CHECK(r.error.empty());
  CHECK(r.parsed_tasks == 3);
  CHECK(r.right_lead == 1);
  REQUIRE(r.misses.size() == 2);
  CHECK(r.misses[0].found);
  CHECK(r.misses[0].lead == std::vector<std::string>{"区经济信息委"});
  CHECK_FALSE(r.misses[1].found);
  // The skipped number 4 is an error on line 6, which the review calls correct.
  REQUIRE_FALSE(r.false_alarms.empty());
  CHECK(r.false_alarms[0].line == 6);
  CHECK(r.false_alarms[0].rule == "numbering.task-continuous");
  CHECK(result.RightLeadPercent() == Approx(100.0 / 3));
}

TEST_CASE("a malformed expectation is an error naming its file and line", "[real]") {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/bad/notice.txt", "1.甲\n");
  testing::WriteFile(dir + "/bad/expected.yaml", "task_count: 1\ntasks:\n  - {number: 1}\n");
  std::vector<std::string> errors;
  const std::vector<Notice> notices = LoadCorpus(dir, errors);
  CHECK(notices.empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("bad/expected.yaml:3: a task needs its line") != std::string::npos);
}

}  // namespace
}  // namespace plancheck::real
