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

// Splits a unit list on 、 ， , ； ; 。 and 及 / 以及 ("市级各有关部门及各县市区政府", "县（市）政府及
// 开发区管委会": no unit's name holds 及), and line breaks when `newline_separates`. Separators
// inside brackets do not split, so "区农业农村委（区乡村振兴局）" and "市发展改革委（市粮食
// 局、市能源局）" stay one name; unbalanced brackets are then ignored. A trailing 等 is dropped
// ("市科协等" -> "市科协"). Line breaks and the spaces around them are removed from a name;
// everything else is kept as written (misspellings included). Empty pieces are skipped.
std::vector<UnitPiece> SplitUnitList(std::string_view text, ByteSpan span,
                                     const SplitOptions& options = {});

// kDivision: a label whose content is a role phrase, "部门分工：X牵头，Y配合" (ParseRolePhrase).
// kOther: a role the model does not keep (数据提供单位), read so that it ends the list before.
enum class LabelKind { kLead, kCooperating, kDeadline, kLeader, kDivision, kOther };

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
// 责任单位 牵头单位 牵头责任单位 主要责任单位 主责单位 主办单位 牵头部门 责任部门 主办 (lead),
// 配合单位 配合部门 协办单位 协同责任单位 协作单位 参与单位 责任（配合）单位 其他责任单位 协办
// 配合 (cooperating), 完成时限 完成时间 时间节点 (deadline), 牵头领导 责任领导 分管领导 联系领导
// with an optional level (分管县领导, 分管省领导: leader), 部门分工 责任分工 职责分工 (division),
// 数据提供单位 督办单位 (other).
// Line breaks and spaces inside the label are allowed ("配合单\n位:", PDF text).
// Where a label may begin (a line start, or after 。；，, a space or an opening bracket) two
// slips are read as the label they stand for, so that the units after them are still
// read: a word of four characters or more missing one after its second ("责任单：") and, at
// a line start or after "。", such a word followed by "；" instead of the colon
// ("牵头单位；"). The units.label-format rule reports them (and spaces inside a word)
// through Task::labels.
std::optional<LabelMatch> MatchLabel(std::string_view text, std::size_t pos, std::size_t end);

// The kind of label word `written` is (table header cells), exactly as MatchLabel reads it.
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

// One clause of a role phrase: "省发展改革委牵头" (lead), "省工业和信息化厅、省财政厅等按职责
// 分工负责" (cooperating), "分管副省长、协管副秘书长负责" (persons: leaders).
enum class PhraseRole { kLead, kCooperating, kLeader };
struct PhraseClause {
  PhraseRole role = PhraseRole::kLead;
  std::string verb;  // as written: "牵头", "配合", "参与", "按职责分工负责", "负责"
  ByteSpan names;    // the names before the verb, for SplitUnitList
};

// Reads the State Council style "X牵头，Y、Z按职责分工负责" (国务院 and every province's
// 分工意见), "分管副省长负责，X牵头，Y配合", "X牵头，各地配合" in text[span]: clauses split at
// "，" "；" (outside brackets), each names followed by a role verb. A leading "由" is skipped.
// The names of a "负责" clause are persons when they end in a person's title (副省长,
// 秘书长, 领导), else the lead. nullopt unless some clause leads (牵头, or 负责 by units) and
// every clause with names ends in a known verb; a text without any verb is no phrase.
std::optional<std::vector<PhraseClause>> ParseRolePhrase(std::string_view text, ByteSpan span);

// True when `name` names a person by a title: 副省长, 常务副市长, 县长, 秘书长, 书记, 领导,
// 主任, 同志 ("朱伟县长" too). Units never end so (局, 委, 办, 中心 ...).
bool IsPersonTitle(std::string_view name);

// Whether `name` ends like the name of a body (局 委 办 厅 中心 政府 街道 …) or is a
// collective (各地, 有关部门): what a role phrase or a group heading may name as units.
bool LooksLikeBody(std::string_view name);

// A bracket that assigns the task it follows (fixtures/real; issue 12 shape 1):
// "（牵头单位：X；责任单位：Y）", "[牵头单位:…;责任单位:…]", "〔…〕", "【…】", with brackets
// nested inside ("（含两江新区）", "〈含开发区〉"), or a role phrase "（X牵头，Y配合）".
struct BracketAssignment {
  ByteSpan span;                              // the bracket, both marks included
  std::optional<Assignment> labelled;         // labels inside, lists ending at the close
  std::vector<PhraseClause> phrase;           // else the role phrase
};
// Matches at `pos` (an opening bracket) when its matching close is on the same line (or
// within `end`) and its content is labelled lists or a role phrase; nullopt otherwise.
std::optional<BracketAssignment> MatchBracketAssignment(std::string_view text, std::size_t pos,
                                                        std::size_t end);

// A note declaring the first listed unit the lead: "（列第一位者为牵头单位，下同）",
// "（排在第一位的为牵头单位）", "（第一个为牵头单位）" — a bracket naming 第一/首位 and 牵头
// within its few characters. `onward` when it adds 下同 (it holds for the tasks after).
struct FirstListedNote {
  ByteSpan span;  // the bracket, marks included
  bool onward = false;
};
// The note opening exactly at `pos`, within `end`.
std::optional<FirstListedNote> MatchFirstListedNote(std::string_view text, std::size_t pos,
                                                    std::size_t end);
// The first such note inside text[span], if any.
std::optional<FirstListedNote> FindFirstListedNote(std::string_view text, ByteSpan span);
// Whether text[span] (a sentence of the notice: "责任分解中，列第一位的责任单位为牵头单位或
// 汇总单位。") declares the convention, bracketed or not.
bool DeclaresFirstListed(std::string_view text, ByteSpan span);

// `text[span]` with line breaks, the spaces around them and tabs removed, trimmed.
std::string JoinLines(std::string_view text, ByteSpan span);

}  // namespace plancheck::parse
