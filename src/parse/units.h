// Assignment lines and unit lists: "责任单位：X、Y；配合单位：Z。" -> labelled lists of names.
//
// All spans are byte spans into the normalized text the functions are given. Nothing here
// allocates per character beyond the names it returns, and every scan is linear in the span.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace plancheck::parse {

// One name cut out of a list: "市科协" from "市科\n协等", with the span it covers in the text
// (a span may cross a line break; a dropped trailing 等 is outside it).
struct UnitPiece {
  std::string text;
  ByteSpan span;
};

struct SplitOptions {
  // In a table cell each line is its own name (stacked lead units); in running text a line
  // break is PDF wrapping inside a name and is removed.
  bool newline_separates = false;
};

// Splits a unit list on 、 ， , ； ; 。 (and line breaks when `newline_separates`). Separators
// inside brackets do not split, so "区农业农村委（区乡村振兴局）" and "市发展改革委（市粮食
// 局、市能源局）" stay one name; unbalanced brackets are then ignored. A trailing 等 is dropped
// ("市科协等" -> "市科协"). Line breaks and the spaces around them are removed from a name;
// everything else is kept as written (misspellings included). Empty pieces are skipped.
std::vector<UnitPiece> SplitUnitList(std::string_view text, ByteSpan span,
                                     const SplitOptions& options = {});

enum class LabelKind { kLead, kCooperating, kDeadline, kLeader };

struct LabelMatch {
  LabelKind kind = LabelKind::kLead;
  std::string written;            // the label word as written, line breaks removed: "配合单位"
  // The label word it stands for: `written`, or the full word of a slip or a bare word
  // ("责任单" -> "责任单位", "配合" -> "配合单位").
  std::string word;
  ByteSpan span;                  // the label word (without the colon)
  ByteSpan separator;             // the colon, or the "；" a slip put in its place
  std::size_t content_begin = 0;  // just after the separator
};

// Recognizes an assignment label followed by "：" or ":" starting exactly at `pos`:
// 责任单位 牵头单位 牵头责任单位 主责单位 牵头部门 责任部门 (lead), 配合单位 配合部门 协办单位
// 参与单位 责任（配合）单位 配合 (cooperating), 完成时限 完成时间 (deadline), 牵头领导 责任领导
// (leader). Line breaks and spaces inside the label are allowed ("配合单\n位:", PDF text).
// Where a label may begin (a line start, or after 。；，, a space or an opening bracket) two
// slips are read as the label they stand for, so that the units after them are still
// read: a word missing one character after its first ("责任单：") and, at a line start or
// after "。", a whole word followed by "；" instead of the colon ("牵头单位；"). The
// units.label-format rule reports them (and spaces inside a word) through Task::labels.
std::optional<LabelMatch> MatchLabel(std::string_view text, std::size_t pos, std::size_t end);

// True when `written` is a lead, cooperating, ... label word (table header cells).
std::optional<LabelKind> LabelKindOf(std::string_view written);

struct AssignmentList {
  LabelMatch label;
  ByteSpan content;  // the list after the colon, trailing separators excluded
};

struct Assignment {
  ByteSpan span;                 // first label to the end of the last list
  std::size_t consumed_end = 0;  // past the closing "。" when there is one
  std::vector<AssignmentList> lists;
};

// Parses the assignment whose first label starts at `pos` (MatchLabel must succeed there).
// It ends at a "。" outside brackets that is not followed by another label (so the wrong
// separator in "责任单位：区政府办公室。配合单位：…" still yields both lists), at a line
// whose first non-blank text is a numbering token (the next task or heading), or at `end`.
std::optional<Assignment> ParseAssignment(std::string_view text, std::size_t pos, std::size_t end);

// `text[span]` with line breaks, the spaces around them and tabs removed, trimmed.
std::string JoinLines(std::string_view text, ByteSpan span);

}  // namespace plancheck::parse
