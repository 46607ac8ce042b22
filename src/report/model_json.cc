#include "report/model_json.h"

#include "report/place_json.h"

namespace plancheck::report {
namespace {

using nlohmann::ordered_json;

// Adds "place" (the lint JSON's object, without "text") for the paragraph, table cell or
// PDF line holding source line `line`; nothing for plain text, where line and column say it.
void AddPlace(ordered_json& node, const model::Document& doc, int line, bool english) {
  const Place place = doc.PlaceOfLine(line);
  if (!place.empty()) node["place"] = PlaceJson(place, english);
}

ordered_json LocationJson(const model::Document& doc, const model::Location& loc, bool english) {
  ordered_json out{{"line", loc.start.line},
                   {"column", loc.start.column},
                   {"end_line", loc.end.line},
                   {"end_column", loc.end.column},
                   {"byte_begin", loc.span.begin},
                   {"byte_end", loc.span.end}};
  AddPlace(out, doc, loc.start.line, english);
  return out;
}

ordered_json NumberJson(const model::Numbering& number) {
  ordered_json out;
  out["text"] = number.text;
  out["value"] = number.value ? ordered_json(*number.value) : ordered_json(nullptr);
  out["style"] = model::NumberStyleName(number.style);
  return out;
}

ordered_json NamesJson(const std::vector<model::Located>& list) {
  ordered_json out = ordered_json::array();
  for (const model::Located& item : list) out.push_back(item.text);
  return out;
}

ordered_json TaskJson(const model::Document& doc, const model::Task& task, bool english) {
  ordered_json out;
  out["number"] = task.number.text.empty() ? ordered_json(nullptr) : ordered_json(task.number.text);
  out["value"] = task.number.value ? ordered_json(*task.number.value) : ordered_json(nullptr);
  out["style"] = model::NumberStyleName(task.number.style);
  out["ordinal"] = task.ordinal;
  out["line"] = task.loc.start.line;
  out["column"] = task.loc.start.column;
  out["end_line"] = task.loc.end.line;
  out["end_column"] = task.loc.end.column;
  out["byte_begin"] = task.loc.span.begin;
  out["byte_end"] = task.loc.span.end;
  out["text"] = task.text;
  if (!task.category.empty()) out["category"] = task.category;
  out["lead_units"] = NamesJson(task.lead_units);
  out["cooperating_units"] = NamesJson(task.cooperating_units);
  out["lead_leaders"] = NamesJson(task.lead_leaders);
  out["lead_label"] = task.lead_label.empty() ? ordered_json(nullptr) : ordered_json(task.lead_label);
  out["cooperating_label"] =
      task.cooperating_label.empty() ? ordered_json(nullptr) : ordered_json(task.cooperating_label);
  out["deadline"] = task.deadline ? ordered_json(task.deadline->text) : ordered_json(nullptr);
  out["assignment"] =
      task.assignment ? LocationJson(doc, *task.assignment, english) : ordered_json(nullptr);
  out["leader_label"] =
      task.leader_label.empty() ? ordered_json(nullptr) : ordered_json(task.leader_label);
  out["lead_source"] =
      task.lead_source.empty() ? ordered_json(nullptr) : ordered_json(task.lead_source);
  if (!task.deadline_dates.empty()) {
    ordered_json dates = ordered_json::array();
    for (const model::DeadlineDate& date : task.deadline_dates) dates.push_back(date.Iso());
    out["deadline_dates"] = std::move(dates);
  }
  if (!task.sub_items.empty()) {
    ordered_json items = ordered_json::array();
    for (const model::SubItem& item : task.sub_items) {
      ordered_json entry{{"number", item.number.text},
                         {"line", item.loc.start.line},
                         {"column", item.loc.start.column},
                         {"text", item.text}};
      AddPlace(entry, doc, item.loc.start.line, english);
      items.push_back(std::move(entry));
    }
    out["sub_items"] = std::move(items);
  }
  AddPlace(out, doc, task.loc.start.line, english);
  return out;
}

// "group" of a part or section whose heading names the tasks' lead, a person or a count.
void AddGroup(ordered_json& node, const model::GroupHeading& group) {
  if (group.lead_units.empty() && group.leaders.empty() && !group.declared_count) return;
  node["group"] = {
      {"lead_units", NamesJson(group.lead_units)},
      {"leaders", NamesJson(group.leaders)},
      {"verb", group.verb.empty() ? ordered_json(nullptr) : ordered_json(group.verb)},
      {"declared_count",
       group.declared_count ? ordered_json(group.declared_count->value) : ordered_json(nullptr)},
  };
}

}  // namespace

ordered_json DocumentToJson(const model::Document& doc, bool english) {
  ordered_json out;
  out["path"] = doc.path;
  const model::Metadata& m = doc.metadata;
  out["metadata"] = {
      {"title", m.title},
      {"issuer", m.issuer},
      {"issue_date", m.issue_date.empty() ? ordered_json(nullptr) : ordered_json(m.issue_date)},
      {"document_number",
       m.document_number.empty() ? ordered_json(nullptr) : ordered_json(m.document_number)},
      {"plan_year", m.plan_year ? ordered_json(*m.plan_year) : ordered_json(nullptr)},
      {"level", model::AdminLevelName(m.level)},
      {"region", m.region.empty() ? ordered_json(nullptr) : ordered_json(m.region)},
      {"encoding", m.encoding},
      {"shape", m.shape},
  };
  if (doc.declared_task_count) {
    out["declared_task_count"] = doc.declared_task_count->value;
  } else {
    out["declared_task_count"] = nullptr;
  }
  out["task_count"] = doc.task_count();
  ordered_json parts = ordered_json::array();
  for (const model::Part& part : doc.parts) {
    ordered_json p;
    p["number"] = part.implicit ? ordered_json(nullptr) : NumberJson(part.number);
    p["title"] = part.title;
    p["line"] = part.loc.start.line;
    p["column"] = part.loc.start.column;
    AddGroup(p, part.group);
    ordered_json sections = ordered_json::array();
    for (const model::Section& section : part.sections) {
      ordered_json s;
      s["number"] = section.implicit ? ordered_json(nullptr) : NumberJson(section.number);
      s["title"] = section.title;
      s["line"] = section.loc.start.line;
      s["column"] = section.loc.start.column;
      AddGroup(s, section.group);
      ordered_json tasks = ordered_json::array();
      for (const model::Task& task : section.tasks) tasks.push_back(TaskJson(doc, task, english));
      s["tasks"] = std::move(tasks);
      AddPlace(s, doc, section.loc.start.line, english);
      sections.push_back(std::move(s));
    }
    p["sections"] = std::move(sections);
    AddPlace(p, doc, part.loc.start.line, english);
    parts.push_back(std::move(p));
  }
  out["outline"] = {{"parts", std::move(parts)}};
  ordered_json conventions = ordered_json::array();
  for (const model::Document::Convention& convention : doc.first_listed) {
    conventions.push_back({{"line", convention.loc.start.line},
                           {"column", convention.loc.start.column},
                           {"onward", convention.onward}});
  }
  out["first_listed_conventions"] = std::move(conventions);
  out["numbering_scope"] = model::NumberingScopeName(doc.task_numbering);
  return out;
}

std::string DocumentToText(const model::Document& doc) {
  std::string out;
  auto join = [](const std::vector<model::Located>& list) {
    std::string s;
    for (const model::Located& item : list) s += (s.empty() ? "" : "、") + item.text;
    return s;
  };
  out += doc.path + "  [" + doc.metadata.shape + ", " + std::to_string(doc.task_count()) +
         " tasks";
  if (doc.declared_task_count) {
    out += ", declares " + std::to_string(doc.declared_task_count->value);
  }
  out += ", numbering: ";
  out += model::NumberingScopeName(doc.task_numbering);
  out += "]\n";
  for (const model::Part& part : doc.parts) {
    if (!part.implicit) {
      out += std::to_string(part.loc.start.line) + ": " + part.number.text + part.title + "\n";
    }
    for (const model::Section& section : part.sections) {
      if (!section.implicit) {
        out += std::to_string(section.loc.start.line) + ":   " + section.number.text +
               section.title + "\n";
      }
      for (const model::Task& task : section.tasks) {
        out += std::to_string(task.loc.start.line) + ":     " + task.number.text + task.text +
               "\n";
        if (!task.lead_units.empty()) out += "         牵头: " + join(task.lead_units) + "\n";
        if (!task.cooperating_units.empty()) {
          out += "         配合: " + join(task.cooperating_units) + "\n";
        }
        if (!task.lead_leaders.empty()) out += "         领导: " + join(task.lead_leaders) + "\n";
      }
    }
  }
  return out;
}

}  // namespace plancheck::report
