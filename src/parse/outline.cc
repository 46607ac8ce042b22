#include "parse/outline.h"

namespace plancheck::parse {

model::Numbering MakeNumbering(const model::Document& doc, const NumberToken& token) {
  model::Numbering number;
  number.text = std::string(doc.Slice(token.span));
  number.value = token.value;
  number.style = token.style;
  number.loc = doc.Locate(token.span);
  return number;
}

model::Part& OutlineBuilder::StartPart(const NumberToken& number, std::string title,
                                       ByteSpan heading) {
  model::Part part;
  part.number = MakeNumbering(doc_, number);
  part.title = std::move(title);
  part.loc = doc_.Locate(heading);
  doc_.parts.push_back(std::move(part));
  return doc_.parts.back();
}

model::Section& OutlineBuilder::StartSection(const NumberToken& number, std::string title,
                                             ByteSpan heading) {
  model::Part& part = EnsurePart(heading.begin);
  model::Section section;
  section.number = MakeNumbering(doc_, number);
  section.title = std::move(title);
  section.loc = doc_.Locate(heading);
  part.sections.push_back(std::move(section));
  return part.sections.back();
}

model::Task& OutlineBuilder::StartTask(const NumberToken* number, std::size_t at) {
  model::Section& section = EnsureSection(at);
  model::Task task;
  if (number != nullptr) task.number = MakeNumbering(doc_, *number);
  task.ordinal = ++ordinal_;
  task.loc = doc_.Locate({at, at});
  section.tasks.push_back(std::move(task));
  return section.tasks.back();
}

model::Section* OutlineBuilder::section() {
  model::Part* current = part();
  if (current == nullptr || current->sections.empty()) return nullptr;
  return &current->sections.back();
}

model::Task* OutlineBuilder::task() {
  model::Section* current = section();
  if (current == nullptr || current->tasks.empty()) return nullptr;
  return &current->tasks.back();
}

model::Part& OutlineBuilder::EnsurePart(std::size_t at) {
  if (doc_.parts.empty()) {
    model::Part part;
    part.implicit = true;
    part.loc = doc_.Locate({at, at});
    doc_.parts.push_back(std::move(part));
  }
  return doc_.parts.back();
}

model::Section& OutlineBuilder::EnsureSection(std::size_t at) {
  model::Part& part = EnsurePart(at);
  if (part.sections.empty()) {
    model::Section section;
    section.implicit = true;
    section.loc = doc_.Locate({at, at});
    part.sections.push_back(std::move(section));
  }
  return part.sections.back();
}

void OutlineBuilder::AddNames(const std::vector<UnitPiece>& pieces,
                              std::vector<model::Located>& out) const {
  for (const UnitPiece& piece : pieces) out.push_back({piece.text, doc_.Locate(piece.span)});
}

void OutlineBuilder::ApplyAssignment(model::Task& task, const Assignment& assignment,
                                     const SplitOptions& options) const {
  const std::string_view text = doc_.text;
  bool seen_lead = false;
  std::string lead_word;
  for (const AssignmentList& list : assignment.lists) {
    LabelKind kind = list.label.kind;
    // "牵头单位：A；责任单位：B": when a second, different lead word follows a lead list,
    // it names the units that work with the lead, i.e. the cooperating ones.
    if (kind == LabelKind::kLead && seen_lead && list.label.word != lead_word) {
      kind = LabelKind::kCooperating;
    }
    model::Label label;
    label.word = list.label.word;
    label.loc = doc_.Locate({list.label.span.begin, list.label.separator.end});
    label.content = doc_.Locate(list.content.empty()
                                    ? ByteSpan{list.label.content_begin, list.label.content_begin}
                                    : list.content);
    switch (kind) {
      case LabelKind::kLead:
        label.role = model::LabelRole::kLead;
        if (!seen_lead) lead_word = list.label.word;
        seen_lead = true;
        if (task.lead_label.empty()) task.lead_label = list.label.written;
        AddNames(SplitUnitList(text, list.content, options), task.lead_units);
        break;
      case LabelKind::kCooperating:
        label.role = model::LabelRole::kCooperating;
        if (task.cooperating_label.empty()) task.cooperating_label = list.label.written;
        AddNames(SplitUnitList(text, list.content, options), task.cooperating_units);
        break;
      case LabelKind::kLeader:
        label.role = model::LabelRole::kLeader;
        AddNames(SplitUnitList(text, list.content, options), task.lead_leaders);
        break;
      case LabelKind::kDeadline:
        label.role = model::LabelRole::kDeadline;
        if (!list.content.empty()) {
          task.deadline = model::Located{JoinLines(text, list.content), doc_.Locate(list.content)};
        }
        break;
    }
    task.labels.push_back(std::move(label));
  }
  task.assignment = doc_.Locate(assignment.span);
}

}  // namespace plancheck::parse
