// NodeRef: the node a check runs on, and uniform access to its fields by name.
//
// A field is a list of located strings: "text" of a task is one item, "lead_units" is
// one item per unit. Checks configured in YAML name fields (`field: lead_units`), so
// every field a rule may name is listed by FieldNames(scope). Pointers are borrowed
// from the Document, which outlives every NodeRef.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/document.h"
#include "rule/plan_context.h"
#include "rule/scope.h"

namespace plancheck::rule {

// What a check works out once per document and reads again on the document's later nodes
// (RequiredCheck: whether any node of the scope has the field, which would otherwise be a
// scan of the document per node: quadratic). The engine gives each rule a fresh one per
// document; a caller that runs a check outside the engine may leave NodeRef::memo null,
// and the check then recomputes.
struct DocumentMemo {
  std::optional<bool> document_has_field;
};

struct FieldItem {
  std::string_view text;
  ByteSpan span;  // in Document::text
};

struct NodeRef {
  Scope scope = Scope::kDocument;
  const model::Document* doc = nullptr;
  const model::Part* part = nullptr;        // set for part, section, task, unit scopes
  const model::Section* section = nullptr;  // set for section, task, unit scopes
  const model::Task* task = nullptr;        // set for task and unit scopes
  const model::Located* unit = nullptr;     // set for unit scope
  std::string_view unit_role;               // "lead" or "cooperating" for unit scope
  const PlanContext* plan = nullptr;        // dictionary and parent plan (target checks)
  DocumentMemo* memo = nullptr;             // this rule's, for this document (may be null)

  // The field's items; empty when the field is empty or unknown for this scope.
  std::vector<FieldItem> Field(std::string_view name) const;
  // Field names a rule may use at `scope` (for load-time errors).
  static const std::vector<std::string_view>& FieldNames(Scope scope);
  // The node's own span in Document::text.
  ByteSpan span() const;
  // Value of a message placeholder the node supplies ({number}, {title}, {text},
  // {unit}, {part}, {section}, {file}); empty string when absent.
  std::string Placeholder(std::string_view name) const;
  static const std::vector<std::string_view>& PlaceholderNames();
};

}  // namespace plancheck::rule
