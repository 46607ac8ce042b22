// parent-coverage's matching: key terms, their weights and the clause rule, hit and near miss.
#include "checks/parent_coverage.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace plancheck::checks {
namespace {

// Every pair of neighbouring Han characters is a term, across word boundaries too ("强预").
TEST_CASE("KeyTerms keeps Han bigrams and drops generic verbs and function words",
          "[checks][parent-coverage]") {
  CHECK(KeyTerms("加强预算绩效管理") ==
        std::set<std::string>{"强预", "预算", "算绩", "绩效", "效管", "管理"});
  CHECK(KeyTerms("推进养老和托育") == std::set<std::string>{"进养", "养老", "托育"});
  CHECK(KeyTerms("2021年GDP") == std::set<std::string>{});  // no two Han characters in a row
}

// Seed 004 (重庆市 2021) against seed 000 (梁平区 2021): a district takes up one clause of a
// parent task that joins several measures.
TEST_CASE("a child task holding one clause of the parent task takes it up",
          "[checks][parent-coverage]") {
  const std::string parent = "全面推进预算管理一体化改革，加强预算绩效管理，完善绩效指标和标准体系。";
  auto [child, at_least, below] = GENERATE(table<std::string, int, int>({
      {"落实积极的财政政策要提质增效、更可持续，强化预算绩效管理、财力整合。", 80, 101},
      {"深化投融资体制改革，确保融资合规适度、结构优化、风险可控。", 0, 30},  // near miss
  }));
  const int score = TaskCoverageScore(parent, KeyTerms(child));
  CHECK(score >= at_least);
  CHECK(score < below);
}

TEST_CASE("a term most of the child's tasks hold weighs less than a rare one",
          "[checks][parent-coverage]") {
  const std::vector<std::set<std::string>> tasks = {
      KeyTerms("完善公共文化服务体系"), KeyTerms("完善全民健身公共服务体系"),
      KeyTerms("完善就业服务体系"), KeyTerms("建成乡镇养老服务中心")};
  const TermWeights weights(tasks);
  CHECK(weights.Of("养老") > weights.Of("服务"));
  // "健全养老服务体系" against a culture task: the shared 服务体系 alone is a weak match.
  const std::set<std::string> parent = KeyTerms("健全养老服务体系");
  CHECK(CoverageScore(parent, tasks[0]) == 50);  // 服务 务体 体系 of 全养 养老 老服 服务 务体 体系
  CHECK(CoverageScore(parent, tasks[0], &weights) < 50);
  CHECK(CoverageScore(parent, tasks[3], &weights) > CoverageScore(parent, tasks[0], &weights));
}

}  // namespace
}  // namespace plancheck::checks
