#include "rule/node_ref.h"

#include <algorithm>

namespace plancheck::rule {
namespace {

using model::Located;

void AddItems(const std::vector<Located>& list, std::vector<FieldItem>& out) {
  for (const Located& item : list) out.push_back({item.text, item.loc.span});
}

void AddText(std::string_view text, ByteSpan span, std::vector<FieldItem>& out) {
  if (!text.empty()) out.push_back({text, span});
}

// text[span] as items, without the saved page's chrome lines inside it (Document::chrome,
// sorted): rules reading the text never report 【字体：大 中 小】.
void AddTextWithoutChrome(const model::Document& doc, ByteSpan span, std::vector<FieldItem>& out) {
  std::size_t begin = span.begin;
  const std::string_view text = doc.text;
  for (const ByteSpan& chrome : doc.chrome) {
    if (chrome.end <= begin || chrome.begin >= span.end) continue;
    if (chrome.begin > begin) AddText(text.substr(begin, chrome.begin - begin), {begin, chrome.begin}, out);
    begin = std::max(begin, chrome.end);
  }
  if (begin < span.end) AddText(text.substr(begin, span.end - begin), {begin, span.end}, out);
}

}  // namespace

const std::vector<std::string_view>& NodeRef::FieldNames(Scope scope) {
  static const std::vector<std::string_view> kDocument = {"text", "title", "body"};
  static const std::vector<std::string_view> kHeading = {"number", "title"};
  static const std::vector<std::string_view> kTask = {
      "number",       "text",         "lead_units", "cooperating_units", "units",
      "lead_leaders", "deadline",     "category",   "assignment"};
  static const std::vector<std::string_view> kUnit = {"name"};
  switch (scope) {
    case Scope::kDocument:
      return kDocument;
    case Scope::kPart:
    case Scope::kSection:
      return kHeading;
    case Scope::kTask:
      return kTask;
    case Scope::kUnit:
      return kUnit;
  }
  return kDocument;
}

std::vector<FieldItem> NodeRef::Field(std::string_view name) const {
  std::vector<FieldItem> out;
  switch (scope) {
    case Scope::kDocument:
      if (name == "text") AddTextWithoutChrome(*doc, {0, doc->text.size()}, out);
      if (name == "title") AddText(doc->metadata.title, {0, 0}, out);
      if (name == "body") AddTextWithoutChrome(*doc, doc->body, out);
      break;
    case Scope::kPart:
    case Scope::kSection: {
      const model::Numbering& number = scope == Scope::kPart ? part->number : section->number;
      const std::string& title = scope == Scope::kPart ? part->title : section->title;
      const model::Location& loc = scope == Scope::kPart ? part->loc : section->loc;
      if (name == "number") AddText(number.text, number.loc.span, out);
      if (name == "title") AddText(title, loc.span, out);
      break;
    }
    case Scope::kTask:
      if (name == "number") AddText(task->number.text, task->number.loc.span, out);
      if (name == "text") AddText(task->text, task->text_loc.span, out);
      if (name == "lead_units" || name == "units") AddItems(task->lead_units, out);
      if (name == "cooperating_units" || name == "units") AddItems(task->cooperating_units, out);
      if (name == "lead_leaders") AddItems(task->lead_leaders, out);
      if (name == "deadline" && task->deadline) {
        AddText(task->deadline->text, task->deadline->loc.span, out);
      }
      if (name == "category") AddText(task->category, task->loc.span, out);
      if (name == "assignment" && task->assignment) {
        AddText(doc->Slice(task->assignment->span), task->assignment->span, out);
      }
      break;
    case Scope::kUnit:
      if (name == "name") AddText(unit->text, unit->loc.span, out);
      break;
  }
  return out;
}

ByteSpan NodeRef::span() const {
  switch (scope) {
    case Scope::kDocument:
      return {0, 0};
    case Scope::kPart:
      return part->loc.span;
    case Scope::kSection:
      return section->loc.span;
    case Scope::kTask:
      return task->loc.span;
    case Scope::kUnit:
      return unit->loc.span;
  }
  return {0, 0};
}

const std::vector<std::string_view>& NodeRef::PlaceholderNames() {
  static const std::vector<std::string_view> kNames = {
      "number", "title", "text", "unit", "role", "part", "section", "file", "ordinal"};
  return kNames;
}

std::string NodeRef::Placeholder(std::string_view name) const {
  if (name == "file") return doc != nullptr ? doc->path : "";
  if (name == "unit") return unit != nullptr ? unit->text : "";
  if (name == "role") return std::string(unit_role);
  if (name == "part") return part != nullptr ? part->number.text : "";
  if (name == "section") return section != nullptr ? section->number.text : "";
  if (name == "ordinal") return task != nullptr ? std::to_string(task->ordinal) : "";
  if (name == "number") {
    if (task != nullptr) {
      // A task without a written number (an empty 序号 cell) is named by its ordinal.
      return task->number.text.empty() ? std::to_string(task->ordinal)
                                       : (task->number.value ? std::to_string(*task->number.value)
                                                             : task->number.text);
    }
    if (section != nullptr) return section->number.text;
    if (part != nullptr) return part->number.text;
    return "";
  }
  if (name == "title") {
    if (scope == Scope::kSection && section != nullptr) return section->title;
    if (scope == Scope::kPart && part != nullptr) return part->title;
    return doc != nullptr ? doc->metadata.title : "";
  }
  if (name == "text") {
    if (task != nullptr) return task->text;
    return "";
  }
  return "";
}

}  // namespace plancheck::rule
