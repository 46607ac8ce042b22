#include "checks/required.h"

#include <optional>

#include "checks/node_walk.h"

namespace plancheck::checks {
namespace {

// The label that introduces a task field, when the field is a labelled list.
std::optional<model::LabelRole> RoleOfField(std::string_view field) {
  if (field == "lead_units") return model::LabelRole::kLead;
  if (field == "cooperating_units") return model::LabelRole::kCooperating;
  if (field == "lead_leaders") return model::LabelRole::kLeader;
  if (field == "deadline") return model::LabelRole::kDeadline;
  return std::nullopt;
}

}  // namespace

std::unique_ptr<rule::Check> RequiredCheck::Create(const rule::Params& params, ErrorList& errors) {
  const std::size_t before = errors.size();
  const auto field = params.Field("field", errors);
  const bool only_if_used = params.Bool("only_if_used", false, errors);
  if (!field || errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(new RequiredCheck(*field, only_if_used));
}

bool RequiredCheck::DocumentUsesField(const rule::NodeRef& node) const {
  if (node.scope == rule::Scope::kDocument) return true;
  // Stops at the first node that has the field, which in a document using it is
  // almost always the first one.
  for (const model::Part& part : node.doc->parts) {
    if (node.scope == rule::Scope::kPart) {
      if (!ChildRef(node, part).Field(field_).empty()) return true;
      continue;
    }
    for (const model::Section& section : part.sections) {
      if (node.scope == rule::Scope::kSection) {
        if (!ChildRef(node, part, &section).Field(field_).empty()) return true;
        continue;
      }
      for (const model::Task& task : section.tasks) {
        if (!ChildRef(node, part, &section, &task).Field(field_).empty()) return true;
      }
    }
  }
  return false;
}

void RequiredCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (!node.Field(field_).empty()) return;
  if (only_if_used_) {
    // Once per document: a document where no node has the field (no task names a lead
    // unit) would otherwise rescan every node for each node.
    const bool uses = node.memo != nullptr && node.memo->document_has_field
                          ? *node.memo->document_has_field
                          : DocumentUsesField(node);
    if (node.memo != nullptr) node.memo->document_has_field = uses;
    if (!uses) return;
  }
  rule::Finding finding;
  // "责任单位：；配合单位：…": the label is written and nothing follows it, so point where
  // the person has to type. Otherwise at the task's number (or the node's start) rather
  // than the whole node.
  const std::optional<model::LabelRole> role = RoleOfField(field_);
  const model::Label* empty_label = nullptr;
  if (node.task != nullptr && role) {
    for (const model::Label& label : node.task->labels) {
      if (label.role == *role && label.content.span.empty()) {
        empty_label = &label;
        break;
      }
    }
  }
  if (empty_label != nullptr) {
    finding.span = empty_label->loc.span;
    finding.args = {{"label", empty_label->word}};
    finding.variant = "empty-label";
  } else if (node.task != nullptr && !node.task->number.loc.span.empty()) {
    finding.span = node.task->number.loc.span;
  } else if (node.task != nullptr) {
    const std::size_t begin = node.task->text_loc.span.begin;
    finding.span = {begin, std::min(node.task->text_loc.span.end, begin + 1)};
  }
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
