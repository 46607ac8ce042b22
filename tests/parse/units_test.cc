#include "parse/units.h"

#include <catch2/catch.hpp>
#include <string>

namespace plancheck::parse {
namespace {

// Names joined with '|'.
std::string Split(const std::string& text, bool newline_separates = false) {
  SplitOptions options;
  options.newline_separates = newline_separates;
  std::string out;
  for (const UnitPiece& piece : SplitUnitList(text, {0, text.size()}, options)) {
    out += (out.empty() ? "" : "|") + piece.text;
  }
  return out;
}

// "lead=A|B; coop=C; deadline=D" with the labels as written.
std::string Describe(const std::string& text) {
  const std::optional<Assignment> assignment = ParseAssignment(text, 0, text.size());
  if (!assignment) return "";
  std::string out;
  for (const AssignmentList& list : assignment->lists) {
    if (!out.empty()) out += "; ";
    out += list.label.written + "=" + Split(text.substr(list.content.begin, list.content.size()));
  }
  return out;
}

}  // namespace

TEST_CASE("SplitUnitList splits on list separators", "[parse][units]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"区科技局、区经济信息委", "区科技局|区经济信息委"},
      {"各乡镇街道，区级相关部门单位，各工业园区", "各乡镇街道|区级相关部门单位|各工业园区"},
      {"市发展改革委;市科技局", "市发展改革委|市科技局"},
      // Aliases in brackets stay one unit, even with a separator inside.
      {"区农业农村委（区乡村振兴局）、区科技局", "区农业农村委（区乡村振兴局）|区科技局"},
      {"市发展改革委（市粮食局、市能源局）、市应急局",
       "市发展改革委（市粮食局、市能源局）|市应急局"},
      {"有关乡镇（街道）", "有关乡镇（街道）"},
      // A trailing 等 is dropped, inside the list too.
      {"市科协等", "市科协"},
      {"市体育局等，各区县政府", "市体育局|各区县政府"},
      // PDF line breaks inside a name are removed.
      {"市住房\n城乡建委", "市住房城乡建委"},
      {"市经济信息\n委、市科\n协", "市经济信息委|市科协"},
      {"市规划\n\n自然资源局", "市规划自然资源局"},
      // Kept as written, misspellings included.
      {"区经济信委", "区经济信委"},
      // An unclosed bracket does not swallow the list.
      {"有关乡镇（街、区科技局", "有关乡镇（街|区科技局"},
      // 及 joins two names (liaoning-shenyang-2026), 以及 too; not inside brackets.
      {"市财政局、县（市）政府及开发区管委会", "市财政局|县（市）政府|开发区管委会"},
      {"市级各有关部门以及各县市区政府", "市级各有关部门|各县市区政府"},
      {"区农业农村委（区乡村振兴局及区农机站）", "区农业农村委（区乡村振兴局及区农机站）"},
      {"、，", ""},
      {"", ""},
  }));
  CAPTURE(text);
  CHECK(Split(text) == expected);
}

TEST_CASE("SplitUnitList in table cells takes each line as a name", "[parse][units]") {
  CHECK(Split("区发展改革委\n\n区生态环境局", true) == "区发展改革委|区生态环境局");
  CHECK(Split("冯星贵\n胡涛", true) == "冯星贵|胡涛");
  CHECK(Split("区发展改革委\n\n区生态环境局", false) == "区发展改革委区生态环境局");
}

TEST_CASE("SplitUnitList locates each name", "[parse][units]") {
  const std::string text = "市科\n协等、区科技局";
  const std::vector<UnitPiece> pieces = SplitUnitList(text, {0, text.size()});
  REQUIRE(pieces.size() == 2);
  CHECK(text.substr(pieces[0].span.begin, pieces[0].span.size()) == "市科\n协");
  CHECK(text.substr(pieces[1].span.begin, pieces[1].span.size()) == "区科技局");
}

TEST_CASE("ParseAssignment reads every label variant", "[parse][units]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"责任单位：区科技局；配合单位：区经济信息委、区人力社保局。",
       "责任单位=区科技局; 配合单位=区经济信息委|区人力社保局"},
      {"牵头单位：区发展改革委。", "牵头单位=区发展改革委"},
      {"牵头责任单位：区财政局；责任（配合）单位：区税务局",
       "牵头责任单位=区财政局; 责任（配合）单位=区税务局"},
      {"责任单位:市教委;配合单位:市财政局", "责任单位=市教委; 配合单位=市财政局"},
      // The wrong separator "。" between the lists (fixtures/seeds/000_*.txt task 153).
      {"责任单位：区政府办公室。配合单位：区政府各部门、各乡镇（街道）。",
       "责任单位=区政府办公室; 配合单位=区政府各部门|各乡镇（街道）"},
      // PDF text: the label broken across lines, the bare word 配合.
      {"责任单位：市发展改革委；配合单\n位：市财政局。",
       "责任单位=市发展改革委; 配合单位=市财政局"},
      {"责任单位：市农业农村委；配合：市林业局等。", "责任单位=市农业农村委; 配合=市林业局"},
      {"责任单位：区林业局；完成时限：2021年12月底", "责任单位=区林业局; 完成时限=2021年12月底"},
      // Slips read as the label they stand for (units.label-format reports them): a
      // character missing, a semicolon for the colon at a line start.
      {"责任单：区科技局；配合单：区财政局。", "责任单=区科技局; 配合单=区财政局"},
      {"牵头单位；区发展改革委。", "牵头单位=区发展改革委"},
      // Near misses: no colon, or text that merely mentions the word.
      {"责任单位区科技局", ""},
      {"各责任单位要统筹抓总", ""},
      {"明确责任单位；", ""},
      {"责任：区科技局", ""},
  }));
  CAPTURE(text);
  CHECK(Describe(text) == expected);
}

TEST_CASE("MatchLabel knows every label word and its kind", "[parse][units]") {
  auto [label, kind] = GENERATE(table<std::string, LabelKind>({
      {"责任（配合）单位", LabelKind::kCooperating}, {"责任(配合)单位", LabelKind::kCooperating},
      {"牵头责任单位", LabelKind::kLead},           {"牵头单位", LabelKind::kLead},
      {"责任单位", LabelKind::kLead},               {"主责单位", LabelKind::kLead},
      {"牵头部门", LabelKind::kLead},               {"责任部门", LabelKind::kLead},
      {"配合单位", LabelKind::kCooperating},        {"配合部门", LabelKind::kCooperating},
      {"协办单位", LabelKind::kCooperating},        {"参与单位", LabelKind::kCooperating},
      {"完成时限", LabelKind::kDeadline},           {"完成时间", LabelKind::kDeadline},
      {"牵头领导", LabelKind::kLeader},             {"责任领导", LabelKind::kLeader},
      {"配合", LabelKind::kCooperating},
  }));
  const std::string text = "甲。" + label + "：区科技局";
  const std::size_t at = text.find(label);
  const std::optional<LabelMatch> match = MatchLabel(text, at, text.size());
  REQUIRE(match.has_value());
  CHECK(match->kind == kind);
  CHECK(match->written == label);
  CHECK(text.substr(match->content_begin) == "区科技局");
  // One byte later is inside the word's first character: no label starts there.
  CHECK_FALSE(MatchLabel(text, at + 1, text.size()).has_value());
}

TEST_CASE("MatchLabel reads slips where a label may begin, with the word meant",
          "[parse][units]") {
  auto [text, word, separator] = GENERATE(table<std::string, std::string, std::string>({
      {"责任单：区科技局", "责任单位", "："},
      {"责任单位：区科技局", "责任单位", "："},
      {"配合：区科技局", "配合单位", "："},
      {"牵头单位；区科技局", "牵头单位", "；"},
      {"。配合部：区科技局", "配合部门", "："},
      {"；配合单：区科技局", "配合单位", "："},
  }));
  CAPTURE(text);
  const std::size_t at = text.find("。") == 0 || text.find("；") == 0 ? 3 : 0;
  const std::optional<LabelMatch> match = MatchLabel(text, at, text.size());
  REQUIRE(match.has_value());
  CHECK(match->word == word);
  CHECK(text.substr(match->separator.begin, match->separator.size()) == separator);
}

TEST_CASE("MatchLabel reads no slip inside prose", "[parse][units]") {
  auto [text, at] = GENERATE(table<std::string, std::size_t>({
      {"明确责任单位；", 6},     // a semicolon after the word in a sentence
      {"落实责任单：区科技局", 6},  // a short word that does not begin a label
      {"；牵头单位；区科技局", 3},  // a semicolon slip only at a line start or after 。
      {"配：区科技局", 0},          // too short to be a slip
  }));
  CAPTURE(text);
  CHECK_FALSE(MatchLabel(text, at, text.size()).has_value());
}

TEST_CASE("ParseAssignment ends at the closing 。 or the next numbered line", "[parse][units]") {
  const std::string inline_tasks = "责任单位：市科技局；配合单位：市国资委等。 4.新型研发机构";
  const std::optional<Assignment> a = ParseAssignment(inline_tasks, 0, inline_tasks.size());
  REQUIRE(a);
  CHECK(inline_tasks.substr(a->consumed_end) == " 4.新型研发机构");
  CHECK(inline_tasks.substr(a->span.begin, a->span.size()) ==
        "责任单位：市科技局；配合单位：市国资委等");

  const std::string no_period = "责任单位：区科技局\n12.深化改革";
  const std::optional<Assignment> b = ParseAssignment(no_period, 0, no_period.size());
  REQUIRE(b);
  CHECK(no_period.substr(b->consumed_end) == "\n12.深化改革");

  const std::string wrapped =
      "责任单位：市发展改革委；配合单位：市国\n资委、市住房城乡建委等。\n8.健全";
  const std::optional<Assignment> c = ParseAssignment(wrapped, 0, wrapped.size());
  REQUIRE(c);
  REQUIRE(c->lists.size() == 2);
  CHECK(Split(wrapped.substr(c->lists[1].content.begin, c->lists[1].content.size())) ==
        "市国资委|市住房城乡建委");
}

TEST_CASE("JoinLines removes PDF line breaks and indentation", "[parse][units]") {
  const std::string text = "健全 \n  “马路办公”长效机制\t";
  CHECK(JoinLines(text, {0, text.size()}) == "健全“马路办公”长效机制");
}

}  // namespace plancheck::parse
