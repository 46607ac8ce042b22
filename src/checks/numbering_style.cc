#include "checks/numbering_style.h"

#include <algorithm>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "checks/node_walk.h"

namespace plancheck::checks {
namespace {

using model::NumberStyle;

constexpr NumberStyle kAllStyles[] = {
    NumberStyle::kChineseComma, NumberStyle::kChineseParen, NumberStyle::kArabicDot,
    NumberStyle::kArabicComma,  NumberStyle::kArabicParen,  NumberStyle::kCircled,
    NumberStyle::kArabicBare,   NumberStyle::kArticle,
};
constexpr const char* kLevelNames[] = {"part", "section", "task", "sub_item"};

std::string ChineseNumeral(std::int64_t value) {
  static constexpr const char* kDigits[] = {"零", "一", "二", "三", "四",
                                            "五", "六", "七", "八", "九"};
  static constexpr const char* kUnits[] = {"", "十", "百", "千"};
  std::string out;
  bool zero_pending = false;
  for (int unit = 3; unit >= 0; --unit) {
    std::int64_t divisor = 1;
    for (int i = 0; i < unit; ++i) divisor *= 10;
    const std::int64_t digit = value / divisor % 10;
    if (digit == 0) {
      zero_pending = !out.empty();
      continue;
    }
    if (zero_pending) out += kDigits[0];
    zero_pending = false;
    // 十一, not 一十一: a leading 1 before 十 is dropped.
    if (!(digit == 1 && unit == 1 && out.empty())) out += kDigits[digit];
    out += kUnits[unit];
  }
  return out;
}

// A style by name; an error at `key` of `params` when there is no such style.
std::optional<NumberStyle> ParseStyle(const rule::Params& params, const char* key,
                                      const std::string& name, ErrorList& errors) {
  for (NumberStyle style : kAllStyles) {
    if (name == NumberStyleName(style)) return style;
  }
  std::string list;
  for (NumberStyle s : kAllStyles) list += (list.empty() ? "" : ", ") + std::string(NumberStyleName(s));
  params.AddError(key, "unknown numbering style '" + name + "' (styles: " + list + ")", errors);
  return std::nullopt;
}

// A node's number and where to report it.
struct Numbered {
  const model::Numbering* number;
  rule::NodeRef ref;
};

}  // namespace

std::string FormatNumber(NumberStyle style, std::int64_t value) {
  switch (style) {
    case NumberStyle::kNone:
      return "";
    case NumberStyle::kChineseComma:
    case NumberStyle::kChineseParen: {
      if (value < 1 || value > 9999) return "";
      const std::string numeral = ChineseNumeral(value);
      return style == NumberStyle::kChineseComma ? numeral + "、" : "（" + numeral + "）";
    }
    case NumberStyle::kArabicDot:
      return std::to_string(value) + ".";
    case NumberStyle::kArabicComma:
      return std::to_string(value) + "、";
    case NumberStyle::kArabicParen:
      return "（" + std::to_string(value) + "）";
    case NumberStyle::kCircled:
      // ① is U+2460; the circled numbers run to ⑳ (U+2473).
      if (value < 1 || value > 20) return "";
      return ToUtf8(static_cast<char32_t>(0x2460 + value - 1));
    case NumberStyle::kArabicBare:
      return std::to_string(value);
    case NumberStyle::kArticle:
      if (value < 1 || value > 9999) return "";
      return "第" + ChineseNumeral(value) + "条";
  }
  return "";
}

std::string RenumberText(const model::Numbering& number, std::int64_t value) {
  if (!number.value) return "";
  std::string from;
  std::string to;
  switch (number.style) {
    case NumberStyle::kNone:
      return "";
    case NumberStyle::kChineseComma:
    case NumberStyle::kChineseParen:
    case NumberStyle::kArticle:
      if (*number.value < 1 || *number.value > 9999 || value < 1 || value > 9999) return "";
      from = ChineseNumeral(*number.value);
      to = ChineseNumeral(value);
      break;
    case NumberStyle::kArabicDot:
    case NumberStyle::kArabicComma:
    case NumberStyle::kArabicParen:
    case NumberStyle::kArabicBare:
      if (value < 0) return "";
      from = std::to_string(*number.value);
      to = std::to_string(value);
      break;
    case NumberStyle::kCircled:
      return FormatNumber(NumberStyle::kCircled, value);
  }
  const std::size_t at = number.text.find(from);
  if (at == std::string::npos) return "";
  // The whole numeral: "12." holds "1" too, but only "12" is the number.
  if (number.text.find(from, at + 1) != std::string::npos) return "";
  std::string out = number.text;
  out.replace(at, from.size(), to);
  return out;
}

std::unique_ptr<rule::Check> NumberingStyleCheck::Create(const rule::Params& params,
                                                         ErrorList& errors) {
  const std::size_t before = errors.size();
  std::array<std::vector<NumberStyle>, kLevelCount> allowed;
  const std::optional<rule::Params> levels = params.Map("levels", errors);
  if (!levels && errors.size() == before) {
    errors.Add(params.file(), params.position(), "missing parameter 'levels'");
  }
  if (levels) {
    for (int level = 0; level < kLevelCount; ++level) {
      for (const std::string& name : levels->StringList(kLevelNames[level], errors)) {
        if (const auto style = ParseStyle(*levels, kLevelNames[level], name, errors)) {
          allowed[level].push_back(*style);
        }
      }
    }
    for (const std::string& key : levels->UnreadKeys({})) {
      levels->AddError(key, "unknown level '" + key + "' in 'levels' (levels: part, section, task, sub_item)",
                       errors);
    }
  }
  const bool consistent = params.Bool("consistent", true, errors);
  std::vector<NumberStyle> ignore;
  for (const std::string& name : params.StringList("consistent_ignore", errors)) {
    if (const auto style = ParseStyle(params, "consistent_ignore", name, errors)) ignore.push_back(*style);
  }
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(
      new NumberingStyleCheck(std::move(allowed), consistent, std::move(ignore)));
}

void NumberingStyleCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  std::array<std::vector<Numbered>, kLevelCount> nodes;
  auto add = [&](int level, const model::Numbering& number, const rule::NodeRef& ref) {
    if (number.style != NumberStyle::kNone && !allowed_[level].empty()) {
      nodes[level].push_back({&number, ref});
    }
  };
  for (const model::Part& part : node.doc->parts) {
    if (!part.implicit) add(kPart, part.number, ChildRef(node, part));
    for (const model::Section& section : part.sections) {
      if (!section.implicit) add(kSection, section.number, ChildRef(node, part, &section));
      for (const model::Task& task : section.tasks) {
        const rule::NodeRef ref = ChildRef(node, part, &section, &task);
        add(kTask, task.number, ref);
        for (const model::SubItem& item : task.sub_items) add(kSubItem, item.number, ref);
      }
    }
  }

  for (int level = 0; level < kLevelCount; ++level) {
    const std::vector<NumberStyle>& allowed = allowed_[level];
    if (nodes[level].empty()) continue;
    // The style the document settled on: the most used allowed style, the first seen on a
    // tie; the first allowed style when the document uses none of them.
    NumberStyle settled = allowed.front();
    if (consistent_) {
      std::vector<std::pair<NumberStyle, int>> counts;
      for (const Numbered& n : nodes[level]) {
        if (std::find(allowed.begin(), allowed.end(), n.number->style) == allowed.end()) continue;
        // A style exempt from the comparison does not settle it either: nine "（一）" targets
        // before two "1." tasks (fixtures/real/heilongjiang-sheng-2013) leave "1." settled.
        if (std::find(ignore_.begin(), ignore_.end(), n.number->style) != ignore_.end()) continue;
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto& c) { return c.first == n.number->style; });
        if (it == counts.end()) {
          counts.push_back({n.number->style, 1});
        } else {
          ++it->second;
        }
      }
      int best = 0;
      for (const auto& [style, count] : counts) {
        if (count > best) {
          best = count;
          settled = style;
        }
      }
    }
    auto is_allowed = [&](NumberStyle style) {
      return std::find(allowed.begin(), allowed.end(), style) != allowed.end();
    };
    // The level's own convention, allowed or not: its most used style.
    std::vector<std::pair<NumberStyle, int>> all_counts;
    for (const Numbered& n : nodes[level]) {
      auto it = std::find_if(all_counts.begin(), all_counts.end(),
                             [&](const auto& c) { return c.first == n.number->style; });
      if (it == all_counts.end()) {
        all_counts.push_back({n.number->style, 1});
      } else {
        ++it->second;
      }
    }
    const auto convention = std::max_element(
        all_counts.begin(), all_counts.end(),
        [](const auto& a, const auto& b) { return a.second < b.second; });
    const bool systematic = !is_allowed(convention->first) && convention->second > 1;
    bool systematic_reported = false;
    for (const Numbered& n : nodes[level]) {
      const NumberStyle style = n.number->style;
      const bool ignored =
          is_allowed(style) && std::find(ignore_.begin(), ignore_.end(), style) != ignore_.end();
      const bool ok = consistent_ && !ignored ? style == settled : is_allowed(style);
      if (ok) continue;
      if (systematic && style == convention->first) {
        if (systematic_reported) continue;
        systematic_reported = true;
      }
      const NumberStyle want = consistent_ ? settled : allowed.front();
      rule::Finding finding;
      finding.span = n.number->loc.span;
      const std::string expected =
          n.number->value ? FormatNumber(want, *n.number->value) : std::string();
      finding.args = {{"expected", expected.empty() ? NumberStyleName(want) : expected},
                      {"actual", n.number->text}};
      if (!expected.empty()) {
        finding.suggestion = expected;
        const model::Document& doc = *node.doc;
        finding.fix = MakeFix(SourceSpan(doc, finding.span), expected);
      }
      out.Report(n.ref, std::move(finding));
    }
  }
}

}  // namespace plancheck::checks
