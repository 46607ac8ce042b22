#include "checks/balanced.h"

#include <optional>
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

// A character of an item number: "1", "12", "一", "a".
bool IsItemNumberChar(char32_t cp) {
  static constexpr std::u32string_view kChineseDigits = U"一二三四五六七八九十";
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         kChineseDigits.find(cp) != std::u32string_view::npos;
}

// Where an item may start: a line's start, or after a sentence or clause ends
// ("…：1）新建学校；2）改造校舍").
bool StartsItem(char32_t cp) { return EndsSentence(cp) || cp == U'，' || cp == ','; }

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

  // Unmatched closing marks of the current paragraph, reported when it ends.
  std::vector<Open> unmatched_closes;
  bool tangled = false;
  auto report = [&](std::size_t pair, bool is_open, std::size_t begin, std::size_t end,
                    std::optional<Fix> fix = std::nullopt) {
    if (reported >= limit_) return;
    ++reported;
    const char32_t partner = is_open ? pairs_[pair].close : pairs_[pair].open;
    rule::Finding finding;
    finding.fix = std::move(fix);
    finding.span = {doc.origin.ToNormalized(begin), doc.origin.ToNormalized(end)};
    finding.args = {{"char", std::string(source.substr(begin, end - begin))},
                    {"missing", ToUtf8(partner)},
                    {"open", ToUtf8(pairs_[pair].open)},
                    {"close", ToUtf8(pairs_[pair].close)}};
    const rule::NodeRef at =
        node.scope == rule::Scope::kDocument ? NodeAt(node, finding.span.begin) : node;
    out.Report(at, std::move(finding));
  };
  // A quote pair written with both marks alike is the one slip whose repair is certain:
  // a paragraph whose only unmatched marks are two opening quotes (“十四五“期间) or two
  // closing ones (”十四五”期间) of one pair meant an opening and a closing quote.
  auto is_quote = [&](std::size_t pair) {
    return (pairs_[pair].open == U'“' && pairs_[pair].close == U'”') ||
           (pairs_[pair].open == U'‘' && pairs_[pair].close == U'’');
  };
  // Reports what is unmatched in the paragraph, earliest first, and starts afresh.
  auto flush = [&] {
    const bool two_opens = !tangled && stack.size() == 2 && unmatched_closes.empty() &&
                           stack[0].pair == stack[1].pair && is_quote(stack[0].pair);
    const bool two_closes = !tangled && stack.empty() && unmatched_closes.size() == 2 &&
                            unmatched_closes[0].pair == unmatched_closes[1].pair &&
                            is_quote(unmatched_closes[0].pair);
    for (std::size_t i = 0; i < unmatched_closes.size(); ++i) {
      const Open& close = unmatched_closes[i];
      std::optional<Fix> fix;
      if (two_closes && i == 0) fix = MakeFix({close.begin, close.end}, ToUtf8(pairs_[close.pair].open));
      report(close.pair, false, close.begin, close.end, std::move(fix));
    }
    for (std::size_t i = 0; i < stack.size(); ++i) {
      const Open& open = stack[i];
      std::optional<Fix> fix;
      if (two_opens && i == 1) fix = MakeFix({open.begin, open.end}, ToUtf8(pairs_[open.pair].close));
      report(open.pair, true, open.begin, open.end, std::move(fix));
    }
    stack.clear();
    unmatched_closes.clear();
    tangled = false;
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
    // Item numbers written with a closing bracket alone, "1）" / "2)" / "a)" at the start of
    // an item, are numbers, not brackets: the characters of such a number seen so far, or
    // -1 where no item starts.
    int item_number = 0;
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
        item_number = 0;
        continue;
      }
      if (cp == '\r' || IsHorizontalSpace(cp) || cp == '\t') continue;
      blank_line = false;
      last = cp;
      if (item_number >= 0 && item_number < 3 && IsItemNumberChar(cp)) {
        ++item_number;
        continue;
      }
      const bool after_item_number = item_number > 0;
      item_number = StartsItem(cp) ? 0 : -1;
      // Most characters are Han and no mark is (unless a rule says so): skip the lookup.
      if (!han_marks_ && IsHan(cp)) continue;
      bool is_open = false;
      const std::size_t pair = pair_of(cp, &is_open);
      if (pair == pairs_.size()) continue;
      // "（见附件1，2）" closes its bracket; "；2）改造校舍" with none open numbers an item.
      if (after_item_number && !is_open && (cp == U'）' || cp == ')') && open_count[pair] == 0) {
        continue;
      }
      if (is_open) {
        stack.push_back({pair, begin, offset});
        ++open_count[pair];
        continue;
      }
      if (open_count[pair] == 0) {
        unmatched_closes.push_back({pair, begin, offset});
        continue;
      }
      // Marks opened inside this pair and never closed: each is its own finding. Every
      // mark is pushed and popped once, so this stays linear.
      while (stack.back().pair != pair) {
        tangled = true;  // marks left open inside a pair: no longer two like quotes alone
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
