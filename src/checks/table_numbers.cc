#include "checks/table_numbers.h"

#include <string>

namespace plancheck::checks {

std::unique_ptr<rule::Check> TableNumbersCheck::Create(const rule::Params& params,
                                                       ErrorList& errors) {
  if (params.scope() != rule::Scope::kDocument) {
    errors.Add(params.file(), params.PositionOf("scope"),
               "check 'table-numbers' needs 'scope: document'");
    return nullptr;
  }
  return std::unique_ptr<rule::Check>(new TableNumbersCheck());
}

void TableNumbersCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  for (const model::NumberColumn& column : doc.number_columns) {
    if (column.unnumbered == 0) continue;
    rule::Finding finding;
    finding.span = column.header.span;
    finding.args = {{"count", std::to_string(column.unnumbered)},
                    {"rows", std::to_string(column.rows)}};
    if (column.first_unnumbered) {
      finding.related.push_back({doc.path, column.first_unnumbered->start, ""});
    }
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
