#include "checks/parent_coverage.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/utf8.h"

namespace plancheck::checks {
namespace {

// Bigrams too common in task statements to tell one task from another.
bool IsGeneric(std::string_view bigram) {
  static constexpr std::array<std::string_view, 40> kGeneric = {
      "推进", "加快", "加强", "推动", "实施", "开展", "落实", "做好", "提升", "完善",
      "深入", "持续", "积极", "全面", "进一步", "工作", "有效", "不断", "切实", "着力",
      "大力", "健全", "强化", "促进", "坚持", "支持", "确保", "力争", "以上", "左右",
      "完成", "实现", "达到", "年度", "全年", "全区", "全县", "全市", "重点", "各项"};
  for (std::string_view word : kGeneric) {
    if (word == bigram) return true;
  }
  return false;
}

std::string Shorten(std::string_view text, std::size_t max_chars) {
  std::size_t offset = 0;
  for (std::size_t chars = 0; offset < text.size() && chars < max_chars; ++chars) {
    DecodeUtf8(text, offset);
  }
  return offset < text.size() ? std::string(text.substr(0, offset)) + "……" : std::string(text);
}

}  // namespace

std::set<std::string> KeyTerms(std::string_view text) {
  std::set<std::string> terms;
  std::size_t previous = std::string_view::npos;  // start of the previous Han character
  for (std::size_t offset = 0; offset < text.size();) {
    const std::size_t begin = offset;
    const char32_t cp = DecodeUtf8(text, offset);
    if (!IsHan(cp) || cp == U'的' || cp == U'和' || cp == U'与' || cp == U'及' || cp == U'等') {
      previous = std::string_view::npos;
      continue;
    }
    if (previous != std::string_view::npos) {
      const std::string_view bigram = text.substr(previous, offset - previous);
      if (!IsGeneric(bigram)) terms.emplace(bigram);
    }
    previous = begin;
  }
  return terms;
}

int CoverageScore(const std::set<std::string>& parent, const std::set<std::string>& child,
                  const TermWeights* weights) {
  if (parent.empty()) return 0;
  double shared = 0;
  double total = 0;
  for (const std::string& term : parent) {
    const double weight = weights == nullptr ? 1.0 : weights->Of(term);
    total += weight;
    if (child.count(term) > 0) shared += weight;
  }
  return total > 0 ? static_cast<int>(shared * 100 / total) : 0;
}

TermWeights::TermWeights(const std::vector<std::set<std::string>>& documents)
    : documents_(documents.size()) {
  for (const std::set<std::string>& terms : documents) {
    for (const std::string& term : terms) ++frequency_[term];
  }
}

double TermWeights::Of(const std::string& term) const {
  const auto it = frequency_.find(term);
  const double n = it == frequency_.end() ? 0 : it->second;
  return std::log((documents_ + 1.0) / (n + 1.0)) + 1.0;
}

int TaskCoverageScore(std::string_view parent, const std::set<std::string>& child,
                      const TermWeights* weights) {
  int best = CoverageScore(KeyTerms(parent), child, weights);
  // A parent task often joins several measures in one statement ("全面推进预算管理一体化改革，
  // 加强预算绩效管理，完善绩效指标和标准体系", seed 004 task 222), and a district takes up the
  // one that concerns it ("强化预算绩效管理", seed 000 task 125): a clause of enough key terms
  // that the child task holds also counts. Short clauses ("深化改革") would match anything.
  constexpr std::size_t kMinClauseTerms = 4;
  std::size_t start = 0;
  for (std::size_t offset = 0; offset <= parent.size();) {
    std::size_t end = offset;
    bool stop = offset == parent.size();
    if (!stop) {
      const char32_t cp = DecodeUtf8(parent, offset);
      stop = cp == U'，' || cp == U'；' || cp == U'。' || cp == U'：' || cp == U',' || cp == U';';
    } else {
      ++offset;
    }
    if (!stop) continue;
    const std::set<std::string> terms = KeyTerms(parent.substr(start, end - start));
    if (terms.size() >= kMinClauseTerms) best = std::max(best, CoverageScore(terms, child, weights));
    start = offset;
  }
  return best;
}

std::unique_ptr<rule::Check> ParentCoverageCheck::Create(const rule::Params& params,
                                                        ErrorList& errors) {
  const std::size_t before = errors.size();
  std::vector<std::string> assigned_to = params.StringList("assigned_to", errors);
  if (assigned_to.empty() && errors.size() == before) {
    params.AddError("assigned_to", "needs at least one unit prefix such as 各区县", errors);
  }
  const int min_score = static_cast<int>(params.Int("min_score", errors).value_or(30));
  if (min_score < 0 || min_score > 100) params.AddError("min_score", "must be 0 to 100", errors);
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(new ParentCoverageCheck(std::move(assigned_to), min_score));
}

void ParentCoverageCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.doc == nullptr || node.plan == nullptr || node.plan->parent == nullptr) return;
  const model::PlanTargets& parent = *node.plan->parent;
  if (parent.tasks.empty()) return;
  struct ChildTask {
    const model::Task* task;
    std::set<std::string> terms;
  };
  std::vector<ChildTask> children;
  for (const model::Part& part : node.doc->parts) {
    for (const model::Section& section : part.sections) {
      for (const model::Task& task : section.tasks) children.push_back({&task, KeyTerms(task.text)});
    }
  }
  std::vector<std::set<std::string>> child_terms;
  for (const ChildTask& child : children) child_terms.push_back(child.terms);
  const TermWeights weights(child_terms);
  const std::size_t begin = node.doc->body.empty() ? 0 : node.doc->body.begin;
  for (const model::PlanTask& task : parent.tasks) {
    const bool below = std::any_of(task.units.begin(), task.units.end(), [&](const std::string& unit) {
      return std::any_of(assigned_to_.begin(), assigned_to_.end(), [&](const std::string& prefix) {
        return unit.compare(0, prefix.size(), prefix) == 0;
      });
    });
    if (!below) continue;
    const std::set<std::string> terms = KeyTerms(task.text);
    if (terms.empty()) continue;
    int best = -1;
    const model::Task* candidate = nullptr;
    for (const ChildTask& child : children) {
      const int score = TaskCoverageScore(task.text, child.terms, &weights);
      if (score > best) {
        best = score;
        candidate = child.task;
      }
    }
    if (best >= min_score_) continue;
    rule::Finding finding;
    finding.span = {begin, begin};
    finding.args = {{"parent_number", task.number},
                    {"parent_task", Shorten(task.text, 40)},
                    {"parent_file", parent.info.file + ":" + std::to_string(task.start.line)},
                    {"candidate_number", candidate == nullptr           ? ""
                                         : candidate->number.value ? std::to_string(*candidate->number.value)
                                                                   : candidate->number.text},
                    {"candidate", candidate != nullptr ? Shorten(candidate->text, 40) : ""},
                    {"score", std::to_string(std::max(best, 0))}};
    finding.related.push_back({parent.info.file, task.start, Shorten(task.text, 40)});
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
