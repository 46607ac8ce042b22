#include "engine/diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "checks/parent_coverage.h"
#include "data/target_compare.h"

namespace plancheck::engine {
namespace {

struct Item {
  const model::Task* task = nullptr;
  TaskRef ref;
  std::set<std::string> terms;
  std::string scope;  // the numbering scope it counts in: "", part index, part/section
  std::size_t index = 0;
  int partner = -1;
};

std::string Join(const std::vector<model::Located>& units) {
  std::string out;
  for (const model::Located& u : units) out += (out.empty() ? "" : "、") + u.text;
  return out;
}

std::set<std::string> Names(const std::vector<model::Located>& units) {
  std::set<std::string> out;
  for (const model::Located& u : units) out.insert(u.text);
  return out;
}

std::vector<Item> Items(const model::Document& doc) {
  std::vector<Item> items;
  for (std::size_t p = 0; p < doc.parts.size(); ++p) {
    const model::Part& part = doc.parts[p];
    for (std::size_t s = 0; s < part.sections.size(); ++s) {
      const model::Section& section = part.sections[s];
      std::string heading = part.implicit ? "" : part.number.text + part.title;
      if (!section.implicit) heading += (heading.empty() ? "" : " / ") + section.number.text + section.title;
      for (const model::Task& task : section.tasks) {
        Item item;
        item.task = &task;
        item.ref = {task.number.text, task.text, heading, task.text_loc.start.line};
        item.terms = checks::KeyTerms(task.text);
        switch (doc.task_numbering) {
          case model::NumberingScope::kDocument:
            break;
          case model::NumberingScope::kPart:
            item.scope = std::to_string(p);
            break;
          default:
            item.scope = std::to_string(p) + "/" + std::to_string(s);
        }
        item.index = items.size();
        items.push_back(std::move(item));
      }
    }
  }
  return items;
}

int Similarity(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 100;
  std::size_t shared = 0;
  for (const std::string& term : a) shared += b.count(term);
  return static_cast<int>(shared * 200 / (a.size() + b.size()));
}

}  // namespace

DiffResult DiffPlans(const model::Document& old_doc, const model::Document& new_doc,
                     int min_similarity) {
  DiffResult result;
  result.old_file = old_doc.path;
  result.new_file = new_doc.path;
  std::vector<Item> olds = Items(old_doc);
  std::vector<Item> news = Items(new_doc);
  result.old_tasks = olds.size();
  result.new_tasks = news.size();

  // Identical statements first, in order.
  std::multimap<std::string, std::size_t> old_by_text;
  for (const Item& item : olds) old_by_text.emplace(item.task->text, item.index);
  for (Item& item : news) {
    auto range = old_by_text.equal_range(item.task->text);
    for (auto it = range.first; it != range.second; ++it) {
      if (olds[it->second].partner >= 0) continue;
      item.partner = static_cast<int>(it->second);
      olds[it->second].partner = static_cast<int>(item.index);
      break;
    }
  }
  // Then the most similar remaining pairs, best first.
  std::vector<std::tuple<int, std::size_t, std::size_t>> candidates;  // (-score, old, new)
  for (const Item& n : news) {
    if (n.partner >= 0) continue;
    for (const Item& o : olds) {
      if (o.partner >= 0) continue;
      const int score = Similarity(o.terms, n.terms);
      if (score >= min_similarity) candidates.emplace_back(-score, o.index, n.index);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::map<std::size_t, int> score_of;  // new index -> similarity of a re-worded pair
  for (const auto& [negative, o, n] : candidates) {
    if (olds[o].partner >= 0 || news[n].partner >= 0) continue;
    olds[o].partner = static_cast<int>(n);
    news[n].partner = static_cast<int>(o);
    score_of[n] = -negative;
  }

  // A number that changed only because tasks were added or removed before it in its
  // numbering scope is no renumbering of its own.
  auto shift_before = [](const std::vector<Item>& items, const Item& at, bool unpaired_only) {
    int n = 0;
    for (const Item& item : items) {
      if (item.index >= at.index) break;
      if (item.scope == at.scope && (!unpaired_only || item.partner < 0)) ++n;
    }
    return n;
  };

  std::size_t next_old = 0;
  auto flush_removed = [&](std::size_t up_to) {
    for (; next_old < up_to && next_old < olds.size(); ++next_old) {
      if (olds[next_old].partner < 0) {
        Change c;
        c.kind = "removed";
        c.old_task = olds[next_old].ref;
        result.changes.push_back(std::move(c));
      }
    }
  };
  for (const Item& n : news) {
    if (n.partner < 0) {
      Change c;
      c.kind = "added";
      c.new_task = n.ref;
      result.changes.push_back(std::move(c));
      continue;
    }
    const Item& o = olds[static_cast<std::size_t>(n.partner)];
    flush_removed(o.index);
    auto add = [&](const char* kind, std::string from, std::string to) {
      Change c;
      c.kind = kind;
      c.old_task = o.ref;
      c.new_task = n.ref;
      c.from = std::move(from);
      c.to = std::move(to);
      result.changes.push_back(std::move(c));
      return &result.changes.back();
    };
    if (const auto it = score_of.find(n.index); it != score_of.end()) {
      add("reworded", o.task->text, n.task->text)->score = it->second;
    }
    const auto& on = o.task->number.value;
    const auto& nn = n.task->number.value;
    if (on && nn && *on != *nn) {
      const int expected = shift_before(news, n, true) - shift_before(olds, o, true);
      if (*nn - *on != expected) add("renumbered", o.ref.number, n.ref.number);
    } else if (o.ref.number != n.ref.number && !(on && nn)) {
      add("renumbered", o.ref.number, n.ref.number);
    }
    if (o.ref.heading != n.ref.heading) add("moved", o.ref.heading, n.ref.heading);
    if (Names(o.task->lead_units) != Names(n.task->lead_units)) {
      add("lead-changed", Join(o.task->lead_units), Join(n.task->lead_units));
    }
    if (Names(o.task->cooperating_units) != Names(n.task->cooperating_units)) {
      add("cooperating-changed", Join(o.task->cooperating_units), Join(n.task->cooperating_units));
    }
  }
  flush_removed(olds.size());

  // Targets: the first of each indicator in each version.
  auto first_targets = [](const model::Document& doc) {
    std::map<std::string, const model::Target*> first;
    for (const model::Target& t : doc.targets) {
      if (t.indicator_id.empty() || !t.value) continue;
      first.emplace(t.indicator_id + "|" + t.period.Describe(), &t);
    }
    return first;
  };
  const auto old_targets = first_targets(old_doc);
  const auto new_targets = first_targets(new_doc);
  auto target_change = [&](const char* kind, const model::Target* o, const model::Target* n) {
    Change c;
    c.kind = kind;
    const model::Target* any = n != nullptr ? n : o;
    c.indicator = any->indicator_text;
    if (o != nullptr) {
      c.from = data::FormatValue(*o);
      c.old_task.line = o->start.line;
      c.old_task.text = o->text;
    }
    if (n != nullptr) {
      c.to = data::FormatValue(*n);
      c.new_task.line = n->start.line;
      c.new_task.text = n->text;
    }
    result.changes.push_back(std::move(c));
  };
  for (const auto& [key, n] : new_targets) {
    const auto o = old_targets.find(key);
    if (o == old_targets.end()) {
      target_change("target-added", nullptr, n);
    } else if (data::FormatValue(*o->second) != data::FormatValue(*n)) {
      target_change("target-changed", o->second, n);
    }
  }
  for (const auto& [key, o] : old_targets) {
    if (new_targets.count(key) == 0) target_change("target-removed", o, nullptr);
  }
  return result;
}

}  // namespace plancheck::engine
