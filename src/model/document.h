// The document model: one Document per input file, plain structs with locations.
//
// Every node carries a Location: a byte span into Document::text (the normalized UTF-8
// text) plus the 1-based line / code-point column of its start and end in the source
// text as the user gave it. The parser fills Locations through Document::Locate, so the
// two always agree. Nodes own their strings; a Document owns everything below it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/line_index.h"
#include "model/origin_map.h"
#include "model/target.h"

namespace plancheck::model {

struct Location {
  ByteSpan span;   // in Document::text (normalized)
  Position start;  // in the source text
  Position end;    // exclusive
};

// A piece of text with its place: a unit name, a leader's name, a deadline.
struct Located {
  std::string text;
  Location loc;
};

// How a number is written. The level a number sits at is where the parser put it
// (part, section, task, sub-item); the style is what the author typed.
enum class NumberStyle {
  kNone,            // no number (e.g. an empty 序号 cell)
  kChineseComma,    // 一、
  kChineseParen,    // （一）
  kArabicDot,       // 1.  or 1．
  kArabicComma,     // 1、
  kArabicParen,     // （1）
  kCircled,         // ①
  kArabicBare,      // 1   (a table's 序号 cell)
  kArticle,         // 第一条
};

// "chinese-comma", "chinese-paren", "arabic-dot", ...: the names rules and JSON use.
const char* NumberStyleName(NumberStyle style);

struct Numbering {
  std::string text;                  // as written (normalized), e.g. "（一）", "12."
  std::optional<std::int64_t> value;  // absent when there is no number or it overflows
  NumberStyle style = NumberStyle::kNone;
  Location loc;
};

struct SubItem {
  Numbering number;
  std::string text;
  Location loc;
};

// What an assignment label introduces.
// kOther: a label whose list fills no role field (部门分工：X牵头… is read as a phrase,
// 数据提供单位 is not kept).
enum class LabelRole { kLead, kCooperating, kDeadline, kLeader, kOther };

// An assignment label as written in running text ("责任单位：", or a slip of one the parser
// read as that label: "责任单：", "牵头单位；", the bare "配合："). Table columns have none.
struct Label {
  LabelRole role = LabelRole::kLead;  // as applied to the task (a second lead word cooperates)
  std::string word;                   // the label word it stands for: "责任单位", "配合单位"
  Location loc;                       // the word through its separator, as written
  Location content;                   // the list after it; an empty span when nothing is written
};

// A date a deadline names, as the last day it allows: "2023年6月底前" -> 2023-06-30,
// "年底前" -> the plan year's 12-31, "三季度" -> 09-30.
struct DeadlineDate {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string text;  // the words naming it, as written: "2023年6月底"
  Location loc;
  std::string Iso() const;  // "2023-06-30"
};

struct Task {
  Numbering number;
  int ordinal = 0;            // 1-based position among all tasks of the document
  std::string text;           // the task statement, line breaks from PDF wrapping removed
  Location loc;               // the whole task, statement and assignment
  Location text_loc;          // the statement alone
  std::string category;       // a table's 分类 cell, when the document has one
  std::vector<Located> lead_units;
  std::vector<Located> cooperating_units;
  // Persons accountable for the task (牵头领导, 分管县领导, 分管副省长 ...): never units.
  std::vector<Located> lead_leaders;
  std::optional<Located> deadline;    // 完成时限, or "（2023年12月底前完成）" after the task
  std::vector<DeadlineDate> deadline_dates;  // the dates `deadline` names, in order
  std::optional<Location> assignment;  // "责任单位：…；配合单位：…" or the table cells
  // The words each role came from, as written: "责任单位", "牵头单位", "配合单位",
  // "牵头" (a "X牵头，Y配合" phrase or a group heading), "按职责分工负责", "分管县领导" ...
  std::string lead_label;
  std::string cooperating_label;
  std::string leader_label;
  // How the lead was given: "label" (责任单位：X), "phrase" (X牵头), "heading" (a group
  // heading "一、X牵头工作" above the task), "first-listed" (the first of the listed units,
  // under a "列第一位者为牵头单位" convention), "column" (a table's lead column); "" for none.
  std::string lead_source;
  std::vector<Label> labels;  // the "责任单位：" labels of running text, in the order written
  std::vector<SubItem> sub_items;
};

// The 序号 column of a table's header row (table shapes) and the task rows read under that
// header: a table that promises numbers and leaves them out has `unnumbered` rows.
struct NumberColumn {
  Location header;     // the 序号 cell of the header row
  int rows = 0;        // task rows under the header
  int unnumbered = 0;  // of them, rows with no number in the 序号 cell or the statement
  std::optional<Location> first_unnumbered;  // the first such row's statement
};

struct DeclaredCount {
  std::int64_t value = 0;
  Location loc;  // the "156项" phrase
};

// What a heading says about the tasks below it: "一、县经济开发区管委会牵头工作（12项）"
// names their lead and their count; "一、朱伟县长牵头重点工作" names a person.
struct GroupHeading {
  std::vector<Located> lead_units;  // units that lead every task below
  std::vector<Located> leaders;     // persons ("朱伟", "常务副市长")
  std::string verb;                 // the role word as written: "牵头", "主抓", "负责"
  std::optional<DeclaredCount> declared_count;  // "（12项）"
};

struct Section {
  Numbering number;  // kNone for the implicit section that holds a part's direct tasks
  std::string title;
  Location loc;
  bool implicit = false;
  GroupHeading group;
  std::vector<Task> tasks;
};

struct Part {
  Numbering number;  // kNone for the implicit part of a document without parts
  std::string title;
  Location loc;
  bool implicit = false;
  GroupHeading group;
  std::vector<Section> sections;
};

// The level of government a plan belongs to: the State Council; a province, autonomous
// region or municipality (重庆市); a prefecture-level city, 州 or 盟; a county, county-level
// city or 旗; a district (区, and development zones run like one).
enum class AdminLevel { kUnknown, kNational, kProvince, kCity, kCounty, kDistrict };
// "unknown", "national", "province", "city", "county", "district"
const char* AdminLevelName(AdminLevel level);

struct Metadata {
  std::string title;
  std::string issuer;           // 重庆市梁平区人民政府办公室
  std::string issue_date;       // ISO 8601, "2021-03-12"
  std::string document_number;  // 渝府办发〔2021〕12号
  std::optional<int> plan_year;
  AdminLevel level = AdminLevel::kUnknown;
  std::string region;  // 梁平区, 重庆市, 全国
  // The region `region` is named within, as written: 沈阳市 in "沈阳市辽中区人民政府";
  // empty when the name stands alone.
  std::string region_within;
  // Where the region and the year were read: "issuer", "notice-title", "head",
  // "document-number", "title", "issue-date" (docs/parse-json.md); empty when not found.
  std::string region_from;
  std::string year_from;
  std::string encoding = "UTF-8";
  std::string shape;  // which parser shape read it: "line-per-task", "table", ...
};

// Where task numbers start again at 1: never (they run on through the whole document),
// at each part, or at each section. The parser chooses it from the numbers themselves
// (parse::TaskNumberingScope) and the sequence check follows it.
enum class NumberingScope { kDocument, kPart, kSection };
const char* NumberingScopeName(NumberingScope scope);  // "document", "part", "section"

struct Document {
  std::string path;    // as the user named it, '/' separators
  std::string source;  // decoded UTF-8 text as the user gave it (BOM removed)
  std::string text;    // normalized text; every span points here
  OriginMap origin;    // text offsets <-> source offsets
  LineIndex source_lines;  // over `source`; rebuild after moving a Document (see Reindex)
  // For .docx, web pages and PDF: the place in the file of each line of `source` (index
  // line - 1), as the reader recorded it. Empty for plain text.
  std::vector<Place> line_places;

  Metadata metadata;
  std::optional<DeclaredCount> declared_task_count;
  // "列第一位者为牵头单位": where the document says the first listed unit leads. An
  // `onward` declaration (in the notice, a heading, or a task's note ending "下同") holds
  // for every task from there on; another only for the task whose assignment holds it.
  struct Convention {
    Location loc;  // the note
    bool onward = false;
  };
  std::vector<Convention> first_listed;
  ByteSpan body;  // where the plan body (after the notice letter) starts and ends
  // Lines of a saved web page's chrome (索引号…, 【字体：大 中 小】, 打印本页), in order: noise
  // that rules reading the text skip.
  std::vector<ByteSpan> chrome;
  std::vector<Part> parts;
  std::vector<NumberColumn> number_columns;  // one per table header with a 序号 column
  NumberingScope task_numbering = NumberingScope::kDocument;
  // Quantitative and qualitative targets in task order (parse::ExtractTargets fills them;
  // empty until then).
  std::vector<Target> targets;

  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&& other) noexcept;
  Document& operator=(Document&& other) noexcept;

  // Location of a span of `text`: the span plus its start and end in the source.
  Location Locate(ByteSpan span) const;
  // Start position in the source of a `text` offset.
  Position PositionOf(std::size_t text_offset) const;
  // The place in the file of 1-based source line `line`; empty for plain text and for a
  // line the reader recorded nothing for.
  Place PlaceOfLine(int line) const;
  // Rebuilds source_lines over `source` (call after assigning `source`).
  void Reindex();
  std::string_view Slice(ByteSpan span) const;

  // All tasks in document order.
  std::vector<const Task*> AllTasks() const;
  std::size_t task_count() const;
};

}  // namespace plancheck::model
