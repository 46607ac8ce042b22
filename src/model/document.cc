#include "model/document.h"

#include <cstdio>

namespace plancheck::model {

const char* NumberStyleName(NumberStyle style) {
  switch (style) {
    case NumberStyle::kNone:
      return "none";
    case NumberStyle::kChineseComma:
      return "chinese-comma";
    case NumberStyle::kChineseParen:
      return "chinese-paren";
    case NumberStyle::kArabicDot:
      return "arabic-dot";
    case NumberStyle::kArabicComma:
      return "arabic-comma";
    case NumberStyle::kArabicParen:
      return "arabic-paren";
    case NumberStyle::kCircled:
      return "circled";
    case NumberStyle::kArabicBare:
      return "arabic-bare";
    case NumberStyle::kArticle:
      return "article";
  }
  return "none";
}

const char* AdminLevelName(AdminLevel level) {
  switch (level) {
    case AdminLevel::kUnknown:
      return "unknown";
    case AdminLevel::kNational:
      return "national";
    case AdminLevel::kProvince:
      return "province";
    case AdminLevel::kCity:
      return "city";
    case AdminLevel::kCounty:
      return "county";
    case AdminLevel::kDistrict:
      return "district";
  }
  return "unknown";
}

std::string DeadlineDate::Iso() const {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

const char* NumberingScopeName(NumberingScope scope) {
  switch (scope) {
    case NumberingScope::kDocument:
      return "document";
    case NumberingScope::kPart:
      return "part";
    case NumberingScope::kSection:
      return "section";
  }
  return "document";
}

Document::Document(Document&& other) noexcept { *this = std::move(other); }

Document& Document::operator=(Document&& other) noexcept {
  if (this == &other) return *this;
  path = std::move(other.path);
  source = std::move(other.source);
  text = std::move(other.text);
  origin = std::move(other.origin);
  line_places = std::move(other.line_places);
  metadata = std::move(other.metadata);
  declared_task_count = std::move(other.declared_task_count);
  first_listed = std::move(other.first_listed);
  body = other.body;
  chrome = std::move(other.chrome);
  parts = std::move(other.parts);
  number_columns = std::move(other.number_columns);
  task_numbering = other.task_numbering;
  targets = std::move(other.targets);
  // The index holds a view of `source`; short strings move by copy, so rebuild it.
  Reindex();
  other.Reindex();
  return *this;
}

void Document::Reindex() { source_lines = LineIndex(source); }

Position Document::PositionOf(std::size_t text_offset) const {
  return source_lines.PositionOf(origin.ToSource(text_offset));
}

Place Document::PlaceOfLine(int line) const {
  if (line <= 0 || static_cast<std::size_t>(line) > line_places.size()) return {};
  return line_places[static_cast<std::size_t>(line) - 1];
}

Location Document::Locate(ByteSpan span) const {
  Location loc;
  loc.span = span;
  loc.start = PositionOf(span.begin);
  loc.end = PositionOf(span.end);
  return loc;
}

std::string_view Document::Slice(ByteSpan span) const {
  if (span.begin >= text.size()) return {};
  return std::string_view(text).substr(span.begin, span.size());
}

std::vector<const Task*> Document::AllTasks() const {
  std::vector<const Task*> tasks;
  for (const Part& part : parts) {
    for (const Section& section : part.sections) {
      for (const Task& task : section.tasks) tasks.push_back(&task);
    }
  }
  return tasks;
}

std::size_t Document::task_count() const {
  std::size_t count = 0;
  for (const Part& part : parts) {
    for (const Section& section : part.sections) count += section.tasks.size();
  }
  return count;
}

}  // namespace plancheck::model
