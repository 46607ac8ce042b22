#include "checks/parent_coverage.h"

#include <algorithm>
#include <array>

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

int CoverageScore(const std::set<std::string>& parent, const std::set<std::string>& child) {
  if (parent.empty()) return 0;
  std::size_t shared = 0;
  for (const std::string& term : parent) shared += child.count(term);
  return static_cast<int>(shared * 100 / parent.size());
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
      const int score = CoverageScore(terms, child.terms);
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
                    {"candidate_number", candidate != nullptr ? candidate->number.text : ""},
                    {"candidate", candidate != nullptr ? Shorten(candidate->text, 40) : ""},
                    {"score", std::to_string(std::max(best, 0))}};
    finding.related.push_back({parent.info.file, task.start, Shorten(task.text, 40)});
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
