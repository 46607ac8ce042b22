#include "checks/registry.h"

#include "checks/balanced.h"
#include "checks/collective_only.h"
#include "checks/consistent_unit_names.h"
#include "checks/count_matches.h"
#include "checks/deadline_range.h"
#include "checks/disjoint.h"
#include "checks/label_format.h"
#include "checks/line_endings.h"
#include "checks/numbering_style.h"
#include "checks/parent_coverage.h"
#include "checks/pattern.h"
#include "checks/registered_unit.h"
#include "checks/registry_coverage.h"
#include "checks/required.h"
#include "checks/sequence.h"
#include "checks/table_numbers.h"
#include "checks/target_conflict.h"
#include "checks/target_parent.h"
#include "checks/unique.h"
#include "checks/unparsed_number.h"
#include "checks/width.h"

namespace plancheck::checks {

const std::vector<CheckKind>& AllCheckKinds() {
  static const std::vector<CheckKind> kKinds = {
      {"balanced", &BalancedCheck::Create, BalancedCheck::kSummary},
      {"collective-only", &CollectiveOnlyCheck::Create, CollectiveOnlyCheck::kSummary},
      {"consistent-unit-names", &ConsistentUnitNamesCheck::Create,
       ConsistentUnitNamesCheck::kSummary},
      {"count-matches", &CountMatchesCheck::Create, CountMatchesCheck::kSummary},
      {"deadline-range", &DeadlineRangeCheck::Create, DeadlineRangeCheck::kSummary},
      {"disjoint", &DisjointCheck::Create, DisjointCheck::kSummary},
      {"label-format", &LabelFormatCheck::Create, LabelFormatCheck::kSummary},
      {"line-endings", &LineEndingsCheck::Create, LineEndingsCheck::kSummary},
      {"numbering-style", &NumberingStyleCheck::Create, NumberingStyleCheck::kSummary},
      {"parent-coverage", &ParentCoverageCheck::Create, ParentCoverageCheck::kSummary},
      {"pattern", &PatternCheck::Create, PatternCheck::kSummary},
      {"registered-unit", &RegisteredUnitCheck::Create, RegisteredUnitCheck::kSummary},
      {"registry-coverage", &RegistryCoverageCheck::Create, RegistryCoverageCheck::kSummary},
      {"required", &RequiredCheck::Create, RequiredCheck::kSummary},
      {"sequence", &SequenceCheck::Create, SequenceCheck::kSummary},
      {"table-numbers", &TableNumbersCheck::Create, TableNumbersCheck::kSummary},
      {"target-conflict", &TargetConflictCheck::Create, TargetConflictCheck::kSummary},
      {"target-parent", &TargetParentCheck::Create, TargetParentCheck::kSummary},
      {"unique", &UniqueCheck::Create, UniqueCheck::kSummary},
      {"unparsed-number", &UnparsedNumberCheck::Create, UnparsedNumberCheck::kSummary},
      {"width", &WidthCheck::Create, WidthCheck::kSummary},
  };
  return kKinds;
}

const CheckKind* FindCheckKind(std::string_view name) {
  for (const CheckKind& kind : AllCheckKinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

}  // namespace plancheck::checks
