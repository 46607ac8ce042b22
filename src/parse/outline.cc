#include "parse/outline.h"

#include <algorithm>

#include "parse/lines.h"
#include "parse/roles.h"

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
  part.group = ReadGroupHeading(doc_, {number.span.end, heading.end});
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
  section.group = ReadGroupHeading(doc_, {number.span.end, heading.end});
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

void OutlineBuilder::RecordFirstListed(const FirstListedNote& note) {
  doc_.first_listed.push_back({doc_.Locate(note.span), note.onward});
}

std::vector<UnitPiece> OutlineBuilder::UnitNames(ByteSpan list, const SplitOptions& options) {
  const std::string_view text = doc_.text;
  const std::optional<FirstListedNote> note = FindFirstListedNote(text, list);
  if (!note) return SplitAtSpaces(SplitUnitList(text, list, options), options);
  RecordFirstListed(*note);
  std::vector<UnitPiece> pieces = SplitUnitList(text, {list.begin, note->span.begin}, options);
  std::vector<UnitPiece> after = SplitUnitList(text, {note->span.end, list.end}, options);
  pieces.insert(pieces.end(), after.begin(), after.end());
  return SplitAtSpaces(std::move(pieces), options);
}

// "县教体局 各相关乡镇政府" (吉水, a web table's 责任单位 cell): names a copy separates by a
// space alone, which the normalizer drops between Chinese words. A piece is split at such
// spaces only when every part is named like a body of three characters or more, so "市
// 财政局" and "资源规划 局" (新密 2021, spaces inside one name) stay whole.
std::vector<UnitPiece> OutlineBuilder::SplitAtSpaces(std::vector<UnitPiece> pieces,
                                                     const SplitOptions& options) const {
  std::vector<UnitPiece> out;
  for (UnitPiece& piece : pieces) {
    const std::vector<ByteSpan> fields = SourceFields(doc_, piece.span);
    const bool split =
        fields.size() > 1 && std::all_of(fields.begin(), fields.end(), [&](ByteSpan field) {
          return CodePointsIn(doc_.text, field) >= 3 && LooksLikeBody(JoinLines(doc_.text, field));
        });
    if (!split) {
      out.push_back(std::move(piece));
      continue;
    }
    for (ByteSpan field : fields) {
      std::vector<UnitPiece> names = SplitUnitList(doc_.text, field, options);
      out.insert(out.end(), names.begin(), names.end());
    }
  }
  return out;
}

namespace {

// Adds `pieces` not yet named in `a` or `b` to `out` (a later bracket of the same task).
void AddNew(const model::Document& doc, const std::vector<UnitPiece>& pieces,
            const std::vector<model::Located>& a, const std::vector<model::Located>& b,
            std::vector<model::Located>& out) {
  auto named = [](const std::vector<model::Located>& list, const std::string& name) {
    return std::any_of(list.begin(), list.end(),
                       [&](const model::Located& unit) { return unit.text == name; });
  };
  for (const UnitPiece& piece : pieces) {
    if (named(a, piece.text) || named(b, piece.text)) continue;
    out.push_back({piece.text, doc.Locate(piece.span)});
  }
}

}  // namespace

void OutlineBuilder::ApplyAssignment(model::Task& task, const Assignment& assignment,
                                     const SplitOptions& options) {
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
        // "责任单位:市人力社保局、市农业农村局分别牵头" (丽水市 2023): a role phrase in the
        // list names every lead itself, whatever a first-listed convention says.
        if (std::optional<std::vector<PhraseClause>> phrase = ParseRolePhrase(text, list.content);
            phrase && std::any_of(phrase->begin(), phrase->end(), [](const PhraseClause& c) {
              return c.role == PhraseRole::kLead && c.verb.find("牵头") != std::string::npos;
            })) {
          ApplyPhrase(task, *phrase);
          break;
        }
        if (task.lead_label.empty()) task.lead_label = list.label.written;
        if (task.lead_source.empty()) task.lead_source = "label";
        AddNames(UnitNames(list.content, options), task.lead_units);
        break;
      case LabelKind::kCooperating:
        label.role = model::LabelRole::kCooperating;
        if (task.cooperating_label.empty()) task.cooperating_label = list.label.written;
        AddNames(UnitNames(list.content, options), task.cooperating_units);
        break;
      case LabelKind::kLeader:
        label.role = model::LabelRole::kLeader;
        if (task.leader_label.empty()) task.leader_label = list.label.written;
        AddNames(SplitUnitList(text, list.content, options), task.lead_leaders);
        break;
      case LabelKind::kDeadline:
        label.role = model::LabelRole::kDeadline;
        if (!list.content.empty()) {
          task.deadline = model::Located{JoinLines(text, list.content), doc_.Locate(list.content)};
        }
        break;
      case LabelKind::kOther:
        label.role = model::LabelRole::kOther;
        break;
      case LabelKind::kDivision:
        label.role = model::LabelRole::kOther;
        // "部门分工：省发展改革委牵头，各地、各部门配合。" (广东省 2021).
        if (std::optional<std::vector<PhraseClause>> phrase = ParseRolePhrase(text, list.content)) {
          ApplyPhrase(task, *phrase);
          seen_lead = seen_lead || !task.lead_units.empty();
        }
        break;
    }
    task.labels.push_back(std::move(label));
  }
  ExtendAssignment(task, assignment.span);
}

void OutlineBuilder::ApplyPhrase(model::Task& task, const std::vector<PhraseClause>& clauses) {
  // A later bracket of the same task (State Council style) repeats units: each once.
  const bool again = task.assignment.has_value();
  const SplitOptions options;
  for (const PhraseClause& clause : clauses) {
    std::vector<model::Located>* list = nullptr;
    std::string* label = nullptr;
    std::vector<UnitPiece> names = clause.role == PhraseRole::kLeader
                                       ? SplitUnitList(doc_.text, clause.names, options)
                                       : UnitNames(clause.names, options);
    switch (clause.role) {
      case PhraseRole::kLead:
        list = &task.lead_units;
        label = &task.lead_label;
        break;
      case PhraseRole::kCooperating:
        list = &task.cooperating_units;
        label = &task.cooperating_label;
        break;
      case PhraseRole::kLeader:
        list = &task.lead_leaders;
        label = &task.leader_label;
        break;
    }
    const std::size_t before = list->size();
    if (again || clause.role == PhraseRole::kLeader) {
      const bool units = clause.role != PhraseRole::kLeader;
      AddNew(doc_, names, units ? task.lead_units : task.lead_leaders,
             units ? task.cooperating_units : std::vector<model::Located>{}, *list);
    } else {
      AddNames(names, *list);
    }
    if (list->size() == before) continue;
    if (label->empty()) *label = clause.verb;
    if (clause.role == PhraseRole::kLead && task.lead_source.empty()) task.lead_source = "phrase";
  }
}

void OutlineBuilder::ApplyBracket(model::Task& task, const BracketAssignment& bracket) {
  if (bracket.labelled) {
    ApplyAssignment(task, *bracket.labelled);
  } else {
    ApplyPhrase(task, bracket.phrase);
  }
  ExtendAssignment(task, bracket.span);
}

void OutlineBuilder::ExtendAssignment(model::Task& task, ByteSpan span) const {
  if (task.assignment) {
    span.begin = std::min(span.begin, task.assignment->span.begin);
    span.end = std::max(span.end, task.assignment->span.end);
  }
  task.assignment = doc_.Locate(span);
}

}  // namespace plancheck::parse
