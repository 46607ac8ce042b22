#include "parse/targets.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <cstdlib>
#include <optional>

namespace plancheck::parse {
namespace {

using model::Change;
using model::Comparator;
using model::Period;
using model::PeriodKind;
using model::Target;

RE2::Options Quiet() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// A value phrase: verb, number, unit, bound. Longer verbs come first (RE2 alternation is
// leftmost-first). The units are those the seeds use with targets; a number followed by
// anything else (年, 岁, 千伏) is not a target value.
// A bound word may follow the verb ("增长不低于8%", "下降不超过3%"); a second number after a
// dash or 至 makes a range ("增长6%—6.5%", "7.5%-8%", "6至6.5%").
const RE2& ValuePattern() {
  static const RE2 kPattern(
      "(增速达到|增速达|增速为|增速|增长|提高到|提高至|提升到|提升至|提高|提升|达到|达|"
      "突破|超过|控制在|稳定在|保持在|下降|降低|减少|增加到|增加至|增加|增至|扩大至|扩大到|"
      "不低于|不高于|不超过|低于|高于|在)?"
      "[ \\t\\n]*(不低于|不高于|不超过|超过|高于|低于)?"
      "[ \\t\\n]*([0-9]+(?:\\.[0-9]+)?)[ \\t\\n]*"
      "(?:(?:%|％)?[ \\t]*(?:—{1,2}|–|－|-|~|～|至)[ \\t]*([0-9]+(?:\\.[0-9]+)?)[ \\t]*)?"
      "(万亿斤|亿公斤|亿斤|万吨|亿立方米|亿元|万元|万人次|万人|人次|人|天|家|户|个|%|‰|万亩|亩|"
      "公里|所|项|口|座|辆)"
      "(以上|左右|以内|以下)?",
      Quiet());
  return kPattern;
}

// Words allowed between an indicator and its value phrase.
const RE2& FillerPattern() {
  static const RE2 kPattern(
      "(?:[ \\t\\n]|全年|年均|全市|全区|累计|分别|均|力争|争取|确保|实现|继续|同比|比上年|较上年|"
      "预计|稳定|保持|要)*",
      Quiet());
  return kPattern;
}

// Qualitative statements right after an indicator (from the seeds and the national
// reports: 000 task 51, 003 tasks 7-8, README of the plans; the 2018 and 2024-2026
// national reports write 和经济增长同步).
const RE2& QualitativePattern() {
  static const RE2 kPattern(
      "(?:[ \\t\\n]|全年|年均|均)*(?:增长|增速)?"
      "((?:与|和)经济增长(?:基本)?同步|基本同步|快于经济增长|稳步增长|继续下降|量稳质升|"
      "基本平衡|完成(?:国家|市里|市上|市级|全市|上级)?(?:下达|分解)?(?:的)?(?:目标)?任务|"
      // Relative to the level above (every province's county notices): "高于全市平均水平",
      // "快于全省平均", "与全市基本同步", "与全国同步".
      "(?:高于|快于|略高于|不低于|优于|好于)(?:全国|全省|全区|全市|全州|全盟|全县|省|市|区|县)"
      "(?:平均水平|平均增速|平均|水平|增速)?|"
      "(?:与|和|同)(?:全国|全省|全区|全市|全州|全盟|全县)(?:平均水平)?(?:基本)?同步)",
      Quiet());
  return kPattern;
}

const RE2& YearPattern() {
  static const RE2 kPattern("(到|至)(20[0-9]{2})年", Quiet());
  return kPattern;
}

const RE2& FiveYearPattern() {
  static const RE2 kPattern("(十[一二三四五六七八九]五)[”\"]?[ \\t]*(末|期间|时期)?", Quiet());
  return kPattern;
}

// Sub-areas of a district named before a target (001: "提质建设高新区，……，规上工业产值增长
// 6%"; "提速建设临港经济区，……，增长43%"): such targets are not the district's own.
const RE2& SubAreaPattern() {
  static const RE2 kPattern(
      "([\\p{Han}]{0,6}(?:高新区|经济区|工业园区|园区|科技城|开发区|产业园|新城))", Quiet());
  return kPattern;
}

bool IsFiller(std::string_view gap) {
  // Filler is a few words; a long gap is never one (and is not worth a regex run).
  if (gap.size() > 48) return false;
  return RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), FillerPattern());
}

// Separators that chain indicators sharing one value ("基础设施投资、民间投资均增长12%").
bool IsListSeparator(std::string_view gap) {
  return gap == "、" || gap == "和" || gap == "及" || gap == "以及";
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// How far back a target's sentence is searched for its period and sub-area, in bytes: far
// more than any seed sentence, and it keeps a hostile single-line input linear.
constexpr std::size_t kContextBytes = 1200;

// The earliest offset the context of `pos` may start at, on a UTF-8 boundary.
std::size_t ContextFloor(std::string_view text, std::size_t pos) {
  std::size_t floor = pos > kContextBytes ? pos - kContextBytes : 0;
  while (floor < pos && (static_cast<unsigned char>(text[floor]) & 0xC0) == 0x80) ++floor;
  return floor;
}

// Start of the last piece before `pos` ended by one of `stops`, searching back no further
// than `floor`. One backward scan: the first stop found from the end is the one that ends
// last (a stop's rfind per stop compared at every byte of the window, and was the largest
// cost of target extraction).
std::size_t AfterLast(std::string_view text, std::size_t floor, std::size_t pos,
                      std::initializer_list<std::string_view> stops) {
  for (std::size_t end = pos; end > floor; --end) {
    const char last = text[end - 1];
    for (std::string_view stop : stops) {
      if (stop.back() == last && end - floor >= stop.size() &&
          text.substr(end - stop.size(), stop.size()) == stop) {
        return end;
      }
    }
  }
  return floor;
}

// Start of the sentence (after the last 。；！？ or line start) holding `pos`.
std::size_t SentenceStart(std::string_view text, std::size_t pos) {
  return AfterLast(text, ContextFloor(text, pos), pos, {"。", "；", "！", "？", ";", "\n"});
}

// Start of the clause (also after ，：) holding `pos`.
std::size_t ClauseStart(std::string_view text, std::size_t pos) {
  return AfterLast(text, SentenceStart(text, pos), pos, {"，", "：", ",", ":"});
}

// The period set by `prefix` (the sentence up to the indicator) and the gap words.
Period PeriodFor(std::string_view prefix, std::string_view gap, const StatementContext& context) {
  Period period = context.default_period;
  if (period.kind == PeriodKind::kPlanYear) period.year = context.plan_year;
  const bool average = Contains(gap, "年均") || Contains(prefix, "年均");
  std::string plan;
  std::string plan_text;
  bool plan_end = false;
  {
    re2::StringPiece input(prefix.data(), prefix.size());
    re2::StringPiece name;
    re2::StringPiece when;
    re2::StringPiece whole;
    // The last five-year-plan mention before the indicator decides.
    while (RE2::FindAndConsume(&input, FiveYearPattern(), &name, &when)) {
      plan = std::string(name.data(), name.size());
      plan_end = when == "末" || when == "期间" || when == "时期";
      plan_text = std::string(name.data(), name.size()) + std::string(when.data(), when.size());
    }
  }
  int year = 0;
  std::string year_text;
  {
    re2::StringPiece input(prefix.data(), prefix.size());
    re2::StringPiece to;
    re2::StringPiece digits;
    while (RE2::FindAndConsume(&input, YearPattern(), &to, &digits)) {
      year = std::atoi(std::string(digits.data(), digits.size()).c_str());
      year_text = std::string(to.data(), to.size()) + std::string(digits.data(), digits.size()) +
                  "年";
    }
  }
  if (average) {
    period.kind = PeriodKind::kAnnualAverage;
    period.year = 0;
    if (!plan.empty()) period.plan = plan;
    if (period.plan.empty() && context.default_period.kind != PeriodKind::kPlanYear) {
      period.plan = context.default_period.plan;
    }
    period.text = plan_text.empty() ? std::string("年均") : plan_text + "年均";
    return period;
  }
  if (year > 0) {
    if (year == context.plan_year) {
      period = Period{PeriodKind::kPlanYear, year, "", year_text};
    } else {
      period = Period{PeriodKind::kYear, year, "", year_text};
    }
    return period;
  }
  if (!plan.empty() && plan_end) {
    period = Period{PeriodKind::kPlanEnd, 0, plan, plan_text};
  }
  return period;
}

struct ValueMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string verb, prefix, number, number_max, unit, bound;  // prefix: "不低于" after a verb
};

std::vector<ValueMatch> FindValues(std::string_view text) {
  std::vector<ValueMatch> out;
  re2::StringPiece input(text.data(), text.size());
  const char* const base = text.data();
  while (true) {
    re2::StringPiece groups[7];
    const std::size_t offset = static_cast<std::size_t>(input.data() - base);
    if (!ValuePattern().Match(re2::StringPiece(base, text.size()), offset, text.size(),
                              RE2::UNANCHORED, groups, 7)) {
      break;
    }
    ValueMatch m;
    m.begin = static_cast<std::size_t>(groups[0].data() - base);
    m.end = m.begin + groups[0].size();
    auto str = [](const re2::StringPiece& p) {
      return p.data() == nullptr ? std::string() : std::string(p.data(), p.size());
    };
    m.verb = str(groups[1]);
    m.prefix = str(groups[2]);
    if (m.verb.empty()) std::swap(m.verb, m.prefix);  // "不低于8%": the bound is the verb
    m.number = str(groups[3]);
    m.number_max = str(groups[4]);
    m.unit = str(groups[5]);
    m.bound = str(groups[6]);
    // A number glued to a preceding digit or decimal point is part of something else.
    const std::size_t number_begin = static_cast<std::size_t>(groups[3].data() - base);
    const bool glued = m.verb.empty() && number_begin > 0 &&
                       (std::isdigit(static_cast<unsigned char>(text[number_begin - 1])) ||
                        text[number_begin - 1] == '.');
    if (!glued) out.push_back(m);
    input = re2::StringPiece(base + m.end, text.size() - m.end);
    if (m.end >= text.size()) break;
  }
  return out;
}

void ApplyVerbAndBound(const ValueMatch& m, Target& t) {
  t.verb = m.verb + m.prefix;
  // The bound word decides the comparator: "增长不低于8%" is a floor on an increase.
  const std::string& v = m.prefix.empty() ? m.verb : m.prefix;
  const std::string& cv = m.verb;
  if (cv == "增长" || StartsWith(cv, "增速") || cv == "提高" || cv == "提升" || cv == "增加") {
    t.change = Change::kIncrease;
  } else if (cv == "下降" || cv == "降低" || cv == "减少") {
    t.change = Change::kDecrease;
  } else {
    t.change = Change::kLevel;
  }
  if (m.bound == "以上") {
    t.comparator = Comparator::kAtLeast;
  } else if (m.bound == "左右") {
    t.comparator = Comparator::kAbout;
  } else if (m.bound == "以内" || m.bound == "以下") {
    t.comparator = Comparator::kAtMost;
  } else if (v == "控制在" || v == "不超过" || v == "不高于" || v == "低于") {
    t.comparator = Comparator::kAtMost;
  } else if (v == "突破" || v == "超过" || v == "不低于" || v == "高于" || v == "达到" ||
             v == "达" || v == "提高到" || v == "提高至" || v == "提升到" || v == "提升至" ||
             v == "增至" || v == "增加到" || v == "增加至" || v == "扩大至" || v == "扩大到" ||
             v == "增速达到" || v == "增速达") {
    t.comparator = Comparator::kAtLeast;
  } else {
    t.comparator = Comparator::kExact;
  }
  const bool verb_bounds = v == "控制在" || v == "不超过" || v == "不高于" || v == "低于" ||
                           v == "突破" || v == "超过" || v == "不低于" || v == "高于";
  if (verb_bounds && !m.bound.empty()) {
    t.comparator_text = v + "…" + m.bound;
  } else if (!m.bound.empty()) {
    t.comparator_text = m.bound;
  } else if (t.comparator != Comparator::kExact) {
    t.comparator_text = v;
  }
  t.value_text = m.number;
  t.value = std::strtod(m.number.c_str(), nullptr);
  t.unit = m.unit;
  // "6%—6.5%": one target with both bounds (a bound word after it does not narrow it).
  if (!m.number_max.empty()) {
    t.comparator = Comparator::kRange;
    t.comparator_text = "—";
    t.value_max_text = m.number_max;
    t.value_max = std::strtod(m.number_max.c_str(), nullptr);
  }
}

// Whether a value phrase without a known indicator still clearly states a target.
bool ClearlyATarget(const ValueMatch& m) {
  static const std::vector<std::string_view> kVerbs = {
      "增长", "增速", "增速达到", "增速达", "增速为", "达到", "达", "突破", "超过", "提高到",
      "提高至", "提升到", "提升至", "控制在", "下降", "降低", "增加", "增至"};
  static const std::vector<std::string_view> kUnits = {"%", "亿元", "万元", "万人"};
  return std::find(kVerbs.begin(), kVerbs.end(), m.verb) != kVerbs.end() &&
         std::find(kUnits.begin(), kUnits.end(), m.unit) != kUnits.end();
}

// The indicators a target at `anchor` (a mention index) applies to: the anchor and those
// chained before it with 、 / 和.
std::vector<std::size_t> Chain(std::string_view text,
                               const std::vector<data::IndicatorDictionary::Mention>& mentions,
                               std::size_t anchor) {
  std::vector<std::size_t> chain = {anchor};
  for (std::size_t i = anchor; i > 0; --i) {
    const auto& prev = mentions[i - 1];
    const auto& cur = mentions[i];
    if (prev.end > cur.begin) break;
    if (!IsListSeparator(text.substr(prev.end, cur.begin - prev.end))) break;
    chain.insert(chain.begin(), i - 1);
  }
  return chain;
}

std::string SubAreaBefore(std::string_view sentence_prefix) {
  re2::StringPiece input(sentence_prefix.data(), sentence_prefix.size());
  re2::StringPiece area;
  // The first area named leads the sentence (001: "提质建设高新区，……，推动涪陵工业园区升级国家级
  // 经济技术开发区，规上工业产值增长6%" is the 高新区's target).
  if (!RE2::PartialMatch(input, SubAreaPattern(), &area)) return "";
  std::string name(area.data(), area.size());
  for (std::string_view verb : {"建设", "打造", "推动", "创建", "升级"}) {
    const std::size_t at = name.rfind(verb);
    if (at != std::string::npos && at + verb.size() < name.size()) {
      name = name.substr(at + verb.size());
    }
  }
  return name;
}

// Parts of a region written right before an indicator the dictionary names without them
// (002: "城区、乡镇污水处理率均达100%，农村污水处理率达42%" are two parts' rates, neither the
// district's 城市污水处理率): "城区、乡镇", "农村". Empty when none is written there, or when only
// the urban core is: the urban indicators measure it ("城区空气质量优良天数", 000 task 118). 城市
// and 城镇 are left out: the dictionary's names carry them ("城镇调查失业率").
std::string ScopeBefore(std::string_view text, std::size_t mention_begin) {
  static constexpr std::string_view kUrbanCore[] = {"中心城区", "主城区", "城区", "县城"};
  static constexpr std::string_view kScopes[] = {"中心城区", "主城区", "城区", "县城", "乡镇",
                                                 "建制镇", "场镇", "集镇", "镇村", "农村", "乡村"};
  static constexpr std::string_view kJoins[] = {"、", "和", "及"};
  // The bytes of the first of `words` that ends at `end`, 0 for none.
  auto ending_at = [&](std::size_t end, const auto& words) -> std::size_t {
    for (std::string_view word : words) {
      if (end >= word.size() && text.substr(end - word.size(), word.size()) == word) {
        return word.size();
      }
    }
    return 0;
  };
  std::size_t begin = mention_begin;
  // Scopes, back to front; a join continues the list only with another scope before it.
  for (std::size_t scope = ending_at(begin, kScopes); scope != 0;) {
    begin -= scope;
    const std::size_t join = ending_at(begin, kJoins);
    scope = join != 0 ? ending_at(begin - join, kScopes) : 0;
    if (scope != 0) begin -= join;
  }
  const std::string_view scope = text.substr(begin, mention_begin - begin);
  for (std::string_view core : kUrbanCore) {
    if (scope == core) return "";
  }
  return std::string(scope);
}

// Words right before an indicator that make its value an increment: "新增高新技术企业30户"
// is 30 more, not 30 in all (001, 000 task 58).
bool IncrementBefore(std::string_view text, std::size_t mention_begin) {
  for (std::string_view word : {"新增", "新培育", "新引进", "新建", "新认定"}) {
    if (mention_begin >= word.size() &&
        text.substr(mention_begin - word.size(), word.size()) == word) {
      return true;
    }
  }
  return false;
}

}  // namespace

// "城乡居民人均可支配收入" before "分别" names two indicators, the 城镇 one and the 农村 one, when
// the dictionary knows both; each keeps the span of the words as written. Empty otherwise.
std::vector<data::IndicatorDictionary::Mention> SplitTownAndCountry(
    std::string_view text, const data::IndicatorDictionary::Mention& mention,
    const data::IndicatorDictionary& dict) {
  const std::string_view written = text.substr(mention.begin, mention.end - mention.begin);
  constexpr std::string_view kBoth = "城乡";
  if (written.substr(0, kBoth.size()) != kBoth) return {};
  std::vector<data::IndicatorDictionary::Mention> out;
  for (std::string_view side : {"城镇", "农村"}) {
    const std::string name = std::string(side) + std::string(written.substr(kBoth.size()));
    const std::vector<data::IndicatorDictionary::Mention> found = dict.FindMentions(name);
    if (found.size() != 1 || found[0].begin != 0 || found[0].end != name.size()) return {};
    out.push_back({found[0].indicator, mention.begin, mention.end});
  }
  return out;
}

// "文化产业增加值、旅游产业增加值占GDP比重分别达到3.5%、5.5%" (fixtures/seeds/000 task 37): the
// last name's tail ("占GDP比重") is shared by the `count` names listed before it with 、. Each
// such name plus a tail of the mention, the longest that makes one whole indicator, names
// it; the mention spans the name as written ("“十四五”末" before it is no part of it). Empty
// unless all `count` names are found.
std::vector<data::IndicatorDictionary::Mention> DistributeTail(
    std::string_view text, const data::IndicatorDictionary::Mention& mention, std::size_t count,
    const data::IndicatorDictionary& dict) {
  constexpr std::string_view kComma = "、";
  const std::size_t floor = ClauseStart(text, mention.begin);
  std::vector<ByteSpan> items;  // right to left
  std::size_t end = mention.begin;
  while (items.size() < count) {
    if (end < floor + kComma.size() || text.substr(end - kComma.size(), kComma.size()) != kComma) {
      return {};
    }
    end -= kComma.size();
    const std::size_t begin = AfterLast(text, floor, end, {kComma});
    if (begin >= end) return {};
    items.push_back({begin, end});
    end = begin;
  }
  const std::string_view written = text.substr(mention.begin, mention.end - mention.begin);
  std::vector<data::IndicatorDictionary::Mention> out;
  for (auto item = items.rbegin(); item != items.rend(); ++item) {
    const std::string_view name = text.substr(item->begin, item->size());
    std::optional<data::IndicatorDictionary::Mention> found;
    // Tails of the mention from the longest proper one, on character boundaries.
    for (std::size_t cut = 1; cut < written.size() && !found; ++cut) {
      if ((static_cast<unsigned char>(written[cut]) & 0xC0) == 0x80) continue;
      const std::string candidate = std::string(name) + std::string(written.substr(cut));
      const std::vector<data::IndicatorDictionary::Mention> hits = dict.FindMentions(candidate);
      if (hits.size() == 1 && hits[0].end == candidate.size() && hits[0].begin < name.size()) {
        found = data::IndicatorDictionary::Mention{hits[0].indicator, item->begin + hits[0].begin,
                                                   item->end};
      }
    }
    if (!found) return {};
    out.push_back(*found);
  }
  out.push_back(mention);
  return out;
}

std::vector<Target> ExtractFromText(std::string_view text, const data::IndicatorDictionary& dict,
                                    const StatementContext& context, std::size_t base_offset) {
  std::vector<Target> out;
  const std::vector<data::IndicatorDictionary::Mention> mentions = dict.FindMentions(text);
  const std::vector<ValueMatch> values = FindValues(text);

  auto make = [&](const data::IndicatorDictionary::Mention* mention, std::size_t begin,
                  std::size_t end, std::string_view gap) {
    Target t;
    if (mention != nullptr) {
      t.indicator_id = mention->indicator->id;
      t.indicator_text = std::string(text.substr(mention->begin, mention->end - mention->begin));
    }
    const std::size_t sentence = SentenceStart(text, begin);
    const std::size_t clause = ClauseStart(text, begin);
    t.period = PeriodFor(text.substr(sentence, begin - sentence), gap, context);
    const std::string_view clause_text = text.substr(clause, end - clause);
    t.aspirational = Contains(clause_text, "力争") || Contains(clause_text, "争取");
    t.sub_area = SubAreaBefore(text.substr(sentence, begin - sentence));
    if (t.sub_area.empty() && mention != nullptr) t.sub_area = ScopeBefore(text, mention->begin);
    t.text = std::string(text.substr(begin, end - begin));
    t.span = {base_offset + begin, base_offset + end};
    t.task_ordinal = context.task_ordinal;
    t.task_number = context.task_number;
    return t;
  };

  std::vector<bool> mention_used(mentions.size(), false);
  std::size_t before = 0;  // mentions[0, before) end at or before the current value
  for (std::size_t vi = 0; vi < values.size(); ++vi) {
    const ValueMatch& v = values[vi];
    // The nearest mention before the value with only filler between. Values and mentions
    // are both in text order, so `before` only moves forward.
    while (before < mentions.size() && mentions[before].end <= v.begin) ++before;
    std::optional<std::size_t> anchor;
    if (before > 0) {
      const auto& m = mentions[before - 1];
      if (IsFiller(text.substr(m.end, v.begin - m.end))) anchor = before - 1;
    }
    if (!anchor) {
      if (ClearlyATarget(v)) {
        Target t = make(nullptr, v.begin, v.end, "");
        ApplyVerbAndBound(v, t);
        out.push_back(std::move(t));
      }
      continue;
    }
    // A second value right after a used mention ("工业总产值突破500亿元，工业投资…" is two
    // mentions; "增长8%、9%" is not supported) is left to the first value.
    if (mention_used[*anchor]) continue;
    const std::string_view gap = text.substr(mentions[*anchor].end, v.begin - mentions[*anchor].end);
    if (Contains(gap, "分别")) {
      // "分别增长6%、6.5%": the values listed after 分别, one target each.
      std::vector<const ValueMatch*> listed = {&v};
      while (vi + 1 < values.size() &&
             IsListSeparator(text.substr(listed.back()->end,
                                         values[vi + 1].begin - listed.back()->end))) {
        listed.push_back(&values[++vi]);
      }
      mention_used[*anchor] = true;
      const std::vector<std::size_t> chain = Chain(text, mentions, *anchor);
      std::vector<const data::IndicatorDictionary::Mention*> paired;
      if (chain.size() == listed.size()) {
        // "城镇、农村居民人均可支配收入分别增长8%、9%": the indicators in order.
        for (std::size_t index : chain) paired.push_back(&mentions[index]);
      }
      // "城乡居民人均可支配收入分别增长7.5%、8%" (成都市 2019): 城乡 names 城镇 then 农村.
      const std::vector<data::IndicatorDictionary::Mention> split =
          listed.size() == 2 && chain.size() == 1 ? SplitTownAndCountry(text, mentions[*anchor], dict)
                                                  : std::vector<data::IndicatorDictionary::Mention>{};
      if (split.size() == 2) paired = {&split[0], &split[1]};
      const std::vector<data::IndicatorDictionary::Mention> shared =
          paired.empty() && chain.size() == 1 && listed.size() >= 2
              ? DistributeTail(text, mentions[*anchor], listed.size() - 1, dict)
              : std::vector<data::IndicatorDictionary::Mention>{};
      if (!shared.empty()) {
        for (const auto& m : shared) paired.push_back(&m);
      }
      for (std::size_t k = 0; k < listed.size(); ++k) {
        // Unpaired ("A、B占GDP比重分别达到3.5%、5.5%", 000 task 37, where only B is known):
        // left unclassified, so they are reported rather than paired wrongly.
        const data::IndicatorDictionary::Mention* m = paired.empty() ? nullptr : paired[k];
        const std::size_t first = shared.empty() ? mentions[chain.front()].begin : shared[0].begin;
        const std::size_t begin = k == 0 ? first : listed[k]->begin;
        Target t = make(m, begin, listed[k]->end, gap);
        // The verb is written once: "分别增长6%、6.5%".
        ValueMatch value = *listed[k];
        if (value.verb.empty()) {
          value.verb = listed[0]->verb;
          value.prefix = listed[0]->prefix;
        }
        ApplyVerbAndBound(value, t);
        out.push_back(std::move(t));
      }
      for (std::size_t index : chain) mention_used[index] = true;
      continue;
    }
    for (std::size_t index : Chain(text, mentions, *anchor)) {
      mention_used[index] = true;
      const auto& m = mentions[index];
      const std::size_t begin = m.begin;
      Target t = make(&m, begin, v.end, gap);
      ApplyVerbAndBound(v, t);
      if (t.change == Change::kLevel && IncrementBefore(text, m.begin)) t.change = Change::kIncrease;
      out.push_back(std::move(t));
    }
  }

  // Qualitative statements: a mention followed by a qualitative phrase, no value.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (mention_used[i]) continue;
    const auto& m = mentions[i];
    re2::StringPiece rest(text.data() + m.end, text.size() - m.end);
    re2::StringPiece phrase;
    if (!RE2::Consume(&rest, QualitativePattern(), &phrase)) continue;
    const std::size_t end = static_cast<std::size_t>(rest.data() - text.data());
    for (std::size_t index : Chain(text, mentions, i)) {
      if (mention_used[index] && index != i) continue;
      mention_used[index] = true;
      const auto& cm = mentions[index];
      Target t = make(&cm, cm.begin, end, "");
      t.qualitative = true;
      t.comparator = Comparator::kNone;
      t.comparator_text = std::string(phrase.data(), phrase.size());
      out.push_back(std::move(t));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Target& a, const Target& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

int PlanYearOf(const model::Document& doc) {
  if (doc.metadata.plan_year) return *doc.metadata.plan_year;
  // The parser may not know the year; the notice's title names it (000: "关于印发2021年区政府
  // 工作报告目标任务分解方案的通知", with a line break inside the title).
  static const RE2 kTitle("(20[0-9]{2})年[\\p{Han}\\s]{0,12}政府[\\s]*工作[\\s]*报告", Quiet());
  const std::string_view head = std::string_view(doc.text).substr(0, 4000);
  re2::StringPiece year;
  if (RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), kTitle, &year)) {
    return std::atoi(std::string(year.data(), year.size()).c_str());
  }
  return 0;
}

model::PlanInfo PlanInfoOf(const model::Document& doc) {
  model::PlanInfo info;
  info.file = doc.path;
  info.title = doc.metadata.title;
  if (const int year = PlanYearOf(doc); year > 0) info.year = year;
  if (doc.metadata.level != model::AdminLevel::kUnknown) {
    info.level = model::AdminLevelName(doc.metadata.level);
  }
  info.region = doc.metadata.region;
  info.within = doc.metadata.region_within;
  if (!info.level.empty() && !info.region.empty()) return info;
  // 001 names its issuer only at the end of the notice (line 21), so look a little further
  // than the title.
  static const RE2 kIssuer(
      "([\\p{Han}]{2,3}(?:省|市|自治区))([\\p{Han}]{1,8}?(?:区|县|自治县))?[ \\t]*人民政府", Quiet());
  const std::string_view head = std::string_view(doc.text).substr(0, 6000);
  re2::StringPiece province;
  re2::StringPiece district;
  if (RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), kIssuer, &province,
                        &district)) {
    if (district.data() != nullptr && !district.empty()) {
      if (info.level.empty()) info.level = model::AdminLevelName(model::AdminLevel::kDistrict);
      if (info.region.empty()) info.region = std::string(district.data(), district.size());
    } else {
      if (info.level.empty()) info.level = model::AdminLevelName(model::AdminLevel::kProvince);
      if (info.region.empty()) info.region = std::string(province.data(), province.size());
    }
  }
  return info;
}

namespace {

// The period a heading implies for the targets under it: 000 and 004 part 一 is
// "“十四五”时期重点工作", whose figures are five-year targets, not the plan year's.
Period HeadingPeriod(std::string_view title) {
  re2::StringPiece input(title.data(), title.size());
  re2::StringPiece name;
  re2::StringPiece when;
  if (RE2::PartialMatch(input, FiveYearPattern(), &name, &when) && !when.empty()) {
    return Period{PeriodKind::kPlanEnd, 0, std::string(name.data(), name.size()),
                  std::string(name.data(), name.size()) + std::string(when.data(), when.size())};
  }
  return Period{};
}

void Locate(const model::Document& doc, std::vector<Target>& targets) {
  for (Target& t : targets) {
    t.start = doc.PositionOf(t.span.begin);
    t.end = doc.PositionOf(t.span.end);
  }
}

void Append(std::vector<Target>& out, std::vector<Target> more) {
  out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

void ExtractTargets(model::Document& doc, const data::IndicatorDictionary& dict) {
  doc.targets.clear();
  const int year = PlanYearOf(doc);
  std::vector<Target> out;
  bool any_task = false;
  for (const model::Part& part : doc.parts) {
    const Period part_period = HeadingPeriod(part.title);
    for (const model::Section& section : part.sections) {
      Period period = HeadingPeriod(section.title);
      if (period.kind == PeriodKind::kPlanYear) period = part_period;
      for (const model::Task& task : section.tasks) {
        any_task = true;
        StatementContext context{task.ordinal, task.number.text, year, period};
        ByteSpan span = task.text_loc.span.empty() ? task.loc.span : task.text_loc.span;
        Append(out, ExtractFromText(doc.Slice(span), dict, context, span.begin));
        for (const model::SubItem& item : task.sub_items) {
          if (item.loc.span.begin >= span.begin && item.loc.span.end <= span.end) continue;
          Append(out, ExtractFromText(doc.Slice(item.loc.span), dict, context,
                                      item.loc.span.begin));
        }
      }
    }
  }
  if (!any_task) {
    // No outline: every body line is a statement; a "一、" heading line sets the period.
    ByteSpan body = doc.body.empty() ? ByteSpan{0, doc.text.size()} : doc.body;
    static const RE2 kHeading("^[ \\t]*[一二三四五六七八九十]+、", Quiet());
    Period period;
    std::size_t pos = body.begin;
    while (pos < body.end) {
      std::size_t end = doc.text.find('\n', pos);
      if (end == std::string::npos || end > body.end) end = body.end;
      const std::string_view line(doc.text.data() + pos, end - pos);
      if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kHeading)) {
        period = HeadingPeriod(line);
      }
      StatementContext context{0, "", year, period};
      Append(out, ExtractFromText(line, dict, context, pos));
      pos = end + 1;
    }
  }
  Locate(doc, out);
  doc.targets = std::move(out);
}

}  // namespace plancheck::parse
