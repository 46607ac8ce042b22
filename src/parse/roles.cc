#include "parse/roles.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "parse/lines.h"
#include "parse/numbering.h"
#include "parse/units.h"

namespace plancheck::parse {
namespace {

// A heading naming a group is short: "一、县经济开发区管委会牵头工作（12项）".
constexpr std::size_t kMaxGroupTitleChars = 40;
// What may follow the verb: "工作", "重点工作", "的重点工作任务", "事项".
constexpr std::size_t kMaxGroupTailChars = 8;

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The verbs of a group heading; 主抓, 分管, 领办 and 联系 name persons only.
constexpr std::string_view kGroupVerbs[] = {"牵头", "负责", "主抓", "分管", "领办", "联系", "领衔"};

// "工作", "重点工作", "的工作任务", "事项": the words after the verb of a group heading.
bool IsGroupTail(std::string_view tail) {
  if (StartsWith(tail, "的")) tail.remove_prefix(std::string_view("的").size());
  for (std::string_view adjective : {"重点", "主要", "目标"}) {
    if (StartsWith(tail, adjective)) {
      tail.remove_prefix(adjective.size());
      break;
    }
  }
  for (std::string_view noun : {"工作任务", "工作事项", "工作", "任务", "事项", "项目"}) {
    if (tail == noun) return true;
  }
  return false;
}

// Persons' titles, longest first: the name before one is the leader ("朱伟县长" -> 朱伟).
constexpr std::string_view kTitles[] = {
    "常务副省长", "常务副市长", "常务副县长", "常务副区长", "常务副州长", "常务副旗长",
    "副秘书长",   "副省长",     "副市长",     "副县长",     "副区长",     "副州长",
    "副旗长",     "秘书长",     "省长",       "市长",       "县长",       "区长",
    "州长",       "旗长",       "书记",       "主任"};

// "（12项）" / "（共12项）" / "(12项)": the count's value and the span of "12项".
std::optional<model::DeclaredCount> ReadCount(const model::Document& doc, ByteSpan inner) {
  const std::string_view text = doc.text;
  std::size_t begin = inner.begin;
  if (text.substr(begin, std::string_view("共").size()) == "共") begin += std::string_view("共").size();
  std::size_t end = begin;
  while (end < inner.end && text[end] >= '0' && text[end] <= '9' && end - begin < 6) ++end;
  std::optional<std::int64_t> value = ArabicValue(text.substr(begin, end - begin));
  if (!value) {
    // A Chinese numeral: "（十二项）".
    const std::size_t xiang = text.substr(begin, inner.end - begin).find("项");
    if (xiang == std::string_view::npos) return std::nullopt;
    end = begin + xiang;
    value = ChineseNumeralValue(text.substr(begin, end - begin));
    if (!value) return std::nullopt;
  }
  const std::string_view rest = text.substr(end, inner.end - end);
  if (rest != "项" && rest != "项任务" && rest != "项工作") return std::nullopt;
  model::DeclaredCount count;
  count.value = *value;
  count.loc = doc.Locate({inner.begin, inner.end});
  return count;
}

}  // namespace

model::GroupHeading ReadGroupHeading(const model::Document& doc, ByteSpan title) {
  const std::string_view text = doc.text;
  model::GroupHeading group;
  title = TrimSpan(text, {title.begin, std::min(title.end, text.size())});
  if (title.empty() || CodePointsIn(text, title) > kMaxGroupTitleChars) return group;
  if (EndsWith(text.substr(title.begin, title.size()), "。")) {
    title.end -= std::string_view("。").size();
  }
  // A trailing bracket: a count "（12项）" or a leader's name "（张三）".
  std::string bracket_name;
  ByteSpan bracket_name_span;
  const std::size_t last = PreviousCodePoint(text, title.end, title.begin);
  std::size_t size = 0;
  const char32_t close = CodePointAt(text, last, title.end, &size);
  if (close == U'）' || close == ')') {
    const std::string_view words = text.substr(title.begin, last - title.begin);
    std::size_t open = words.rfind("（");
    std::size_t open_size = std::string_view("（").size();
    const std::size_t half = words.rfind('(');
    if (half != std::string_view::npos && (open == std::string_view::npos || half > open)) {
      open = half;
      open_size = 1;
    }
    if (open != std::string_view::npos) {
      const ByteSpan inner{title.begin + open + open_size, last};
      if (std::optional<model::DeclaredCount> count = ReadCount(doc, inner)) {
        group.declared_count = std::move(count);
      } else {
        const std::size_t chars = CodePointsIn(text, inner);
        bool han = chars >= 2 && chars <= 4;
        for (std::size_t cur = inner.begin; cur < inner.end && han;) {
          han = IsHan(CodePointAt(text, cur, inner.end, &size));
          cur += size;
        }
        if (!han) return group;
        bracket_name = std::string(text.substr(inner.begin, inner.size()));
        bracket_name_span = inner;
      }
      title.end = TrimSpan(text, {title.begin, title.begin + open}).end;
    }
  }
  const std::string_view words = text.substr(title.begin, title.size());
  for (std::string_view verb : kGroupVerbs) {
    const std::size_t at = words.rfind(verb);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view tail = words.substr(at + verb.size());
    if (CodePointsIn(tail, {0, tail.size()}) > kMaxGroupTailChars || !IsGroupTail(tail)) continue;
    const ByteSpan who{title.begin, title.begin + at};
    const std::string who_text = JoinLines(text, who);
    if (who_text.find("，") != std::string::npos || who_text.find("。") != std::string::npos) {
      continue;
    }
    if (IsPersonTitle(who_text)) {
      // "朱伟县长" -> 朱伟; "常务副市长" stays the title; a name in brackets wins.
      model::Located leader{who_text, doc.Locate(who)};
      for (std::string_view person : kTitles) {
        if (!EndsWith(who_text, person)) continue;
        const std::size_t name_end = who.end - person.size();
        const std::size_t name_chars = CodePointsIn(text, {who.begin, name_end});
        if (name_chars >= 2 && name_chars <= 4) {
          leader = {std::string(text.substr(who.begin, name_end - who.begin)),
                    doc.Locate({who.begin, name_end})};
        }
        break;
      }
      if (!bracket_name.empty()) leader = {bracket_name, doc.Locate(bracket_name_span)};
      group.leaders.push_back(std::move(leader));
      group.verb = std::string(verb);
      return group;
    }
    if (verb != "牵头" && verb != "负责") continue;
    const std::vector<UnitPiece> units = SplitUnitList(text, who);
    if (units.empty() || !std::all_of(units.begin(), units.end(), [](const UnitPiece& unit) {
          return LooksLikeBody(unit.text);
        })) {
      continue;
    }
    for (const UnitPiece& unit : units) group.lead_units.push_back({unit.text, doc.Locate(unit.span)});
    group.verb = std::string(verb);
    return group;
  }
  return group;
}

namespace {

// The first-listed conventions the text before the first task declares: "责任分解中，列第一位
// 的责任单位为牵头单位或汇总单位。" (杭州市 2020's notice), one sentence at a time.
void FindDeclaredConventions(model::Document& doc, std::size_t end) {
  const std::string_view text = doc.text;
  std::size_t begin = 0;
  for (std::size_t cur = 0; cur < end;) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(text, cur, end, &size);
    cur += size;
    if (cp != U'。' && cp != '\n' && cur < end) continue;
    const ByteSpan sentence = TrimSpan(text, {begin, cur});
    if (!sentence.empty() && DeclaresFirstListed(text, sentence)) {
      doc.first_listed.push_back({doc.Locate(sentence), true});
    }
    begin = cur;
  }
}

// The lead of a 责任单位 list under a first-listed convention: the first unit; the others
// cooperate.
void KeepFirstListed(model::Task& task) {
  if (task.lead_units.size() < 2) return;
  std::vector<model::Located> others(task.lead_units.begin() + 1, task.lead_units.end());
  task.lead_units.resize(1);
  task.cooperating_units.insert(task.cooperating_units.begin(), others.begin(), others.end());
  if (task.cooperating_label.empty()) task.cooperating_label = task.lead_label;
  task.lead_source = "first-listed";
}

bool Contains(const model::Location& loc, std::size_t at) {
  return at >= loc.span.begin && at < loc.span.end;
}

}  // namespace

void ResolveRoles(model::Document& doc) {
  const std::vector<const model::Task*> tasks = doc.AllTasks();
  if (tasks.empty()) return;
  std::size_t first_node = tasks.front()->loc.span.begin;
  if (!doc.parts.empty() && !doc.parts.front().implicit) {
    first_node = std::min(first_node, doc.parts.front().loc.span.begin);
  }
  FindDeclaredConventions(doc, first_node);
  // A heading holding a note ("二、重点任务（列第一位者为牵头单位）") declares it onward.
  for (const model::Part& part : doc.parts) {
    if (!part.implicit && DeclaresFirstListed(doc.text, part.loc.span)) {
      doc.first_listed.push_back({part.loc, true});
    }
    for (const model::Section& section : part.sections) {
      if (!section.implicit && DeclaresFirstListed(doc.text, section.loc.span)) {
        doc.first_listed.push_back({section.loc, true});
      }
    }
  }
  std::sort(doc.first_listed.begin(), doc.first_listed.end(),
            [](const auto& a, const auto& b) { return a.loc.span.begin < b.loc.span.begin; });

  // The notice's own convention for a 责任单位 list given alone. Where most tasks pair
  // "牵头单位：A；责任单位：B", 责任单位 names the units working with the lead, and a task
  // given only 责任单位 lacks its lead (a slip to report). Where tasks given only 责任单位 are
  // as many or more (新密 2021: one pair among three tasks), it names the task's own
  // responsible units: its lead.
  std::size_t paired = 0;
  std::size_t alone = 0;
  for (const model::Task* task : tasks) {
    paired += task->lead_label.find("牵头") != std::string::npos &&
              task->cooperating_label == "责任单位";
    alone += task->lead_label == "责任单位" && task->lead_source == "label";
  }
  const bool pairs_lead_and_responsible = paired > alone;

  for (model::Part& part : doc.parts) {
    for (model::Section& section : part.sections) {
      const model::GroupHeading& group =
          !section.group.lead_units.empty() || !section.group.leaders.empty() ? section.group
                                                                               : part.group;
      for (model::Task& task : section.tasks) {
        if (pairs_lead_and_responsible && task.lead_label == "责任单位" &&
            task.lead_source == "label") {
          task.cooperating_units.insert(task.cooperating_units.begin(), task.lead_units.begin(),
                                        task.lead_units.end());
          task.lead_units.clear();
          task.cooperating_label = task.lead_label;
          task.lead_label.clear();
          task.lead_source.clear();
        }
        const bool by_label = task.lead_source == "label" || task.lead_source == "column";
        if (by_label && task.lead_label.find("牵头") == std::string::npos) {
          const std::size_t start = task.loc.span.begin;
          const bool applies = std::any_of(
              doc.first_listed.begin(), doc.first_listed.end(), [&](const auto& convention) {
                return (convention.onward && convention.loc.span.begin <= start) ||
                       Contains(task.loc, convention.loc.span.begin);
              });
          if (applies) KeepFirstListed(task);
        }
        if (task.lead_units.empty() && !group.lead_units.empty()) {
          task.lead_units = group.lead_units;
          task.lead_label = group.verb;
          task.lead_source = "heading";
        }
        if (task.lead_leaders.empty() && !group.leaders.empty()) {
          task.lead_leaders = group.leaders;
          if (task.leader_label.empty()) task.leader_label = group.verb;
        }
      }
    }
  }
}

}  // namespace plancheck::parse
