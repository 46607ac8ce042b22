// Deadlines: the dates a task's 完成时限 names, and a deadline written in a bracket after the
// task ("加快推进……建设（2023年12月底前完成）").
//
// A deadline is read only where the notice gives one: a 完成时限 / 时间节点 label or column
// (units.cc, table.cc), or a trailing bracket that says nothing but a date and a verb of
// completion. "长期坚持", "持续推进" name no date and give none.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/document.h"

namespace plancheck::parse {

// The dates named in text[span], in order, each as the last day it allows. A date without
// a year takes the year written before it in the span, else `default_year` (none when that
// is 0): "2023年6月底前完成前期工作，12月底前开工" -> 2023-06-30, 2023-12-31.
// Locations are left empty (ReadDeadlines fills them).
struct DateMention {
  int year = 0;
  int month = 0;
  int day = 0;
  ByteSpan span;
};
std::vector<DateMention> FindDates(std::string_view text, ByteSpan span, int default_year);

// The bracket ending a task statement when it holds a deadline: "（2023年12月底前完成）",
// "(6月底前)", "【年底前完成】". Returns the span inside the brackets; nothing otherwise.
std::optional<ByteSpan> TrailingDeadline(std::string_view text, ByteSpan statement);

// For every task: a trailing deadline bracket becomes its deadline when it has none, and the
// deadline's dates are read (the plan year, when known, completes dates without a year).
void ReadDeadlines(model::Document& doc);

}  // namespace plancheck::parse
