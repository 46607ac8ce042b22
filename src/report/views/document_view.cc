#include "report/views/document_view.h"

#include "report/place_json.h"

namespace plancheck::report {
namespace {

using nlohmann::ordered_json;

ordered_json NodeJson(const char* kind, const model::Numbering& number, const std::string& title,
                      const model::Location& loc) {
  return {{"kind", kind},
          {"line", loc.start.line},
          {"end_line", std::max(loc.end.line, loc.start.line)},
          {"number", number.text},
          {"title", title}};
}

}  // namespace

ordered_json DocumentView(const model::Document& doc, bool english) {
  ordered_json view;
  view["path"] = doc.path;
  view["encoding"] = doc.metadata.encoding;
  view["shape"] = doc.metadata.shape;
  view["title"] = doc.metadata.title;
  view["task_count"] = doc.task_count();
  view["declared_task_count"] =
      doc.declared_task_count ? ordered_json(doc.declared_task_count->value) : ordered_json(nullptr);

  const int line_count = doc.source_lines.line_count();
  ordered_json lines = ordered_json::array();
  for (int line = 1; line <= line_count; ++line) {
    lines.push_back(std::string(doc.source_lines.LineText(line)));
  }
  view["lines"] = std::move(lines);
  ordered_json places = ordered_json::array();
  if (!doc.line_places.empty()) {
    for (int line = 1; line <= line_count; ++line) {
      places.push_back(PlaceJson(doc.PlaceOfLine(line), english));
    }
  }
  view["places"] = std::move(places);

  ordered_json nodes = ordered_json::array();
  for (const model::Part& part : doc.parts) {
    if (!part.implicit) nodes.push_back(NodeJson("part", part.number, part.title, part.loc));
    for (const model::Section& section : part.sections) {
      if (!section.implicit) {
        nodes.push_back(NodeJson("section", section.number, section.title, section.loc));
      }
      for (const model::Task& task : section.tasks) {
        nodes.push_back(NodeJson("task", task.number, "", task.loc));
      }
    }
  }
  view["nodes"] = std::move(nodes);
  return view;
}

}  // namespace plancheck::report
