// `table-numbers`: a table whose header has a 序号 column numbers its rows. Rows that leave
// the column empty (and carry no number in the statement either) are one finding for the
// table, at its 序号 header cell, however many there are.
//
//   scope: document
//   check: table-numbers
//
// Reads Document::number_columns, which the table parser fills. Placeholders: {count}
// (rows without a number), {rows} (rows under the header). The finding has a related
// location at the first row without one.
#pragma once

#include <memory>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class TableNumbersCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a table with a 序号 column numbers its rows";
  // No parameters. Needs `scope: document`; anything else is added to `errors`.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override { return {"count", "rows"}; }

 private:
  TableNumbersCheck() = default;
};

}  // namespace plancheck::checks
