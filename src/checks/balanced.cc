#include "checks/balanced.h"

#include <string_view>

#include "base/utf8.h"
#include "checks/node_walk.h"

namespace plancheck::checks {
namespace {

// Where a paragraph may end: after sentence-final punctuation.
bool EndsSentence(char32_t cp) {
  return cp == U'。' || cp == U'；' || cp == U'！' || cp == U'？' || cp == U'：' || cp == ';' ||
         cp == '!' || cp == '?' || cp == ':';
}

}  // namespace

std::unique_ptr<rule::Check> BalancedCheck::Create(const rule::Params& params, ErrorList& errors) {
  const std::size_t before = errors.size();
  const auto field = params.Field("field", errors);
  std::vector<Pair> pairs;
  std::vector<std::string> written = params.StringList("pairs", errors);
  if (!params.Has("pairs")) written = {"“”", "‘’", "（）", "《》", "【】", "〔〕"};
  for (const std::string& pair : written) {
    std::size_t offset = 0;
    std::vector<char32_t> cps;
    while (offset < pair.size()) cps.push_back(DecodeUtf8(pair, offset));
    if (cps.size() != 2 || cps[0] == cps[1]) {
      params.AddError("pairs",
                      "each item of 'pairs' must be two different characters, an opening and a "
                      "closing mark (got '" + pair + "')",
                      errors);
      continue;
    }
    for (const Pair& other : pairs) {
      if (other.open == cps[0] || other.open == cps[1] || other.close == cps[0] ||
          other.close == cps[1]) {
        params.AddError("pairs", "'" + pair + "' shares a mark with another pair", errors);
      }
    }
    pairs.push_back({cps[0], cps[1]});
  }
  const std::string reset = params.Enum("reset_at", {"item", "paragraph", "line"}, "paragraph", errors);
  const std::int64_t limit = params.Int("limit", errors).value_or(10);
  if (limit < 1) params.AddError("limit", "parameter 'limit' must be at least 1", errors);
  if (errors.size() != before || !field) return nullptr;
  const Reset r = reset == "item" ? Reset::kItem : reset == "line" ? Reset::kLine : Reset::kParagraph;
  return std::unique_ptr<rule::Check>(
      new BalancedCheck(*field, std::move(pairs), r, static_cast<std::size_t>(limit)));
}

BalancedCheck::BalancedCheck(std::string field, std::vector<Pair> pairs, Reset reset,
                             std::size_t limit)
    : field_(std::move(field)), pairs_(std::move(pairs)), reset_(reset), limit_(limit) {
  for (const Pair& pair : pairs_) han_marks_ = han_marks_ || IsHan(pair.open) || IsHan(pair.close);
}

void BalancedCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  const std::string_view source(doc.source);

  struct Open {
    std::size_t pair;
    std::size_t begin;  // in the source
    std::size_t end;
  };
  std::vector<Open> stack;
  std::vector<std::size_t> open_count(pairs_.size(), 0);
  std::size_t reported = 0;

  auto report = [&](std::size_t pair, bool is_open, std::size_t begin, std::size_t end) {
    if (reported >= limit_) return;
    ++reported;
    const char32_t partner = is_open ? pairs_[pair].close : pairs_[pair].open;
    rule::Finding finding;
    finding.span = {doc.origin.ToNormalized(begin), doc.origin.ToNormalized(end)};
    finding.args = {{"char", std::string(source.substr(begin, end - begin))},
                    {"missing", ToUtf8(partner)},
                    {"open", ToUtf8(pairs_[pair].open)},
                    {"close", ToUtf8(pairs_[pair].close)}};
    const rule::NodeRef at =
        node.scope == rule::Scope::kDocument ? NodeAt(node, finding.span.begin) : node;
    out.Report(at, std::move(finding));
  };
  // Reports what is still open, earliest first, and starts afresh.
  auto flush = [&] {
    for (const Open& open : stack) report(open.pair, true, open.begin, open.end);
    stack.clear();
    std::fill(open_count.begin(), open_count.end(), 0);
  };
  auto pair_of = [&](char32_t cp, bool* is_open) -> std::size_t {
    // Half-width parentheses are the same marks as full-width ones, written narrow.
    if (cp == '(') cp = U'（';
    if (cp == ')') cp = U'）';
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
      if (cp == pairs_[i].open || cp == pairs_[i].close) {
        *is_open = cp == pairs_[i].open;
        return i;
      }
    }
    return pairs_.size();
  };

  for (const rule::FieldItem& item : node.Field(field_)) {
    const std::size_t end = doc.origin.ToSource(item.span.end);
    char32_t last = 0;        // last non-space code point of the current line
    char32_t last_text = 0;   // last non-space code point of the last line with text
    bool blank_line = true;   // the current line has nothing but spaces so far
    bool carried = false;     // marks were carried over one blank line
    for (std::size_t offset = doc.origin.ToSource(item.span.begin); offset < end;) {
      const std::size_t begin = offset;
      const char32_t cp = DecodeUtf8(source, offset);
      if (cp == '\n') {
        // Web copies space every line, so a title wrapped mid-name shows a blank line
        // inside its 《》 ("关于印发《2023年县政府工作报告任务分解" / "" / "一览表》的通知",
        // 西乡县 2023): an open mark after a line that ends no sentence is carried over one
        // blank line, and reported where it opened if the next text does not close it.
        const bool carry = reset_ == Reset::kParagraph && blank_line && !carried &&
                           !stack.empty() && last_text != 0 && !EndsSentence(last_text);
        if (carry) {
          carried = true;
        } else if (reset_ == Reset::kLine ||
                   (reset_ == Reset::kParagraph && (blank_line || EndsSentence(last)))) {
          flush();
          carried = false;
        }
        if (!blank_line) last_text = last;
        blank_line = true;
        last = 0;
        continue;
      }
      if (cp == '\r' || IsHorizontalSpace(cp) || cp == '\t') continue;
      blank_line = false;
      last = cp;
      // Most characters are Han and no mark is (unless a rule says so): skip the lookup.
      if (!han_marks_ && IsHan(cp)) continue;
      bool is_open = false;
      const std::size_t pair = pair_of(cp, &is_open);
      if (pair == pairs_.size()) continue;
      if (is_open) {
        stack.push_back({pair, begin, offset});
        ++open_count[pair];
        continue;
      }
      if (open_count[pair] == 0) {
        report(pair, false, begin, offset);
        continue;
      }
      // Marks opened inside this pair and never closed: each is its own finding. Every
      // mark is pushed and popped once, so this stays linear.
      while (stack.back().pair != pair) {
        report(stack.back().pair, true, stack.back().begin, stack.back().end);
        --open_count[stack.back().pair];
        stack.pop_back();
      }
      --open_count[pair];
      stack.pop_back();
    }
    flush();
    reported = 0;
  }
}

}  // namespace plancheck::checks
