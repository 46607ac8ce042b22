// `plancheck parse` JSON in a .docx: every located node carries lint's `place` object.
// Expected places are read off the fixtures' word/document.xml (body paragraphs counted
// from 1, empty ones included; tables, rows and grid columns from 1), not off plancheck.
#include "report/model_json.h"

#include <catch2/catch.hpp>
#include <iterator>
#include <string>

#include "test_util.h"

namespace plancheck::report {
namespace {

using nlohmann::ordered_json;
using testing::ParseFixture;

// The task whose statement is `text`; fails the test when there is none.
const ordered_json& TaskWithText(const ordered_json& doc, const std::string& text) {
  for (const ordered_json& part : doc["outline"]["parts"]) {
    for (const ordered_json& section : part["sections"]) {
      for (const ordered_json& task : section["tasks"]) {
        if (task["text"] == text) return task;
      }
    }
  }
  FAIL("no task " << text);
  static const ordered_json kNone;
  return kNone;
}

ordered_json Paragraph(int n, const std::string& label) {
  return {{"kind", "paragraph"}, {"paragraph", n}, {"label", label}};
}

ordered_json Cell(int table, int row, int column, const std::string& label) {
  return {{"kind", "table"}, {"table", table}, {"row", row}, {"column", column}, {"label", label}};
}

TEST_CASE("parse JSON of a paragraph .docx gives each node its paragraph",
          "[report][parse-json][place]") {
  // fixtures/docx/000: body paragraph 19 is "一、“十四五”时期重点工作", 20 "（一）坚持大数据
  // 智能化赋能…", 21 "1.完善科技创新体制机制…" and 22 its "责任单位：区科技局…"; 124 is
  // "47.GDP增长8%以上。" and 125 its assignment.
  const ordered_json doc = DocumentToJson(ParseFixture("docx/000_d5b961fa901fa4dc.docx"));
  const ordered_json& part = doc["outline"]["parts"][0];
  CHECK(part["title"] == "“十四五”时期重点工作");
  CHECK(part["place"] == Paragraph(19, "段落 19"));
  CHECK(part["sections"][0]["place"] == Paragraph(20, "段落 20"));
  const ordered_json& first =
      TaskWithText(doc, "完善科技创新体制机制，持续优化创新创业生态，加强科技开放合作和引才引智。");
  CHECK(first["place"] == Paragraph(21, "段落 21"));
  CHECK(first["assignment"]["place"] == Paragraph(22, "段落 22"));
  const ordered_json& gdp = TaskWithText(doc, "GDP增长8%以上。");
  CHECK(gdp["number"] == "47.");
  CHECK(gdp["place"] == Paragraph(124, "段落 124"));
  CHECK(gdp["assignment"]["place"] == Paragraph(125, "段落 125"));
}

TEST_CASE("parse JSON of a table .docx gives each task its cell", "[report][parse-json][place]") {
  // fixtures/docx/001: paragraph 16 is "二、2023年主要工作任务"; table 1 row 2 column 1
  // "1、地区生产总值增长6.5%。"; table 2 row 45 holds "加快构建“一核三区”物流体系。" in
  // column 3, its 牵头领导 郑小平 in column 4 and 物流办 in column 5 (the lint example
  // "表 2 第 45 行 第 5 列"); table 2 row 20 column 1 is the category "二、加快产业发展要有新增量".
  const model::Document word = ParseFixture("docx/001_8ef760ff784be5ac.docx");
  const ordered_json doc = DocumentToJson(word);
  CHECK(doc["outline"]["parts"][1]["title"] == "2023年主要工作任务");
  CHECK(doc["outline"]["parts"][1]["place"] == Paragraph(16, "段落 16"));
  const ordered_json& gdp = TaskWithText(doc, "地区生产总值增长6.5%。");
  CHECK(gdp["place"] == Cell(1, 2, 1, "表 1 第 2 行 第 1 列"));
  const ordered_json& logistics = TaskWithText(doc, "加快构建“一核三区”物流体系。");
  CHECK(logistics["place"] == Cell(2, 45, 3, "表 2 第 45 行 第 3 列"));
  CHECK(logistics["assignment"]["place"] == Cell(2, 45, 4, "表 2 第 45 行 第 4 列"));
  CHECK(logistics["lead_units"] == ordered_json::array({"物流办"}));
  bool found_section = false;
  for (const ordered_json& section : doc["outline"]["parts"][1]["sections"]) {
    if (section["title"] != "加快产业发展要有新增量") continue;
    found_section = true;
    CHECK(section["place"] == Cell(2, 20, 1, "表 2 第 20 行 第 1 列"));
  }
  CHECK(found_section);
  // "place" is the last key, after those docs/parse-json.md already lists.
  CHECK(std::prev(logistics.end()).key() == "place");

  SECTION("labels in English on request, numbers the same") {
    const ordered_json en = DocumentToJson(word, true);
    CHECK(TaskWithText(en, "加快构建“一核三区”物流体系。")["place"] ==
          Cell(2, 45, 3, "table 2, row 45, column 3"));
  }
}

TEST_CASE("parse JSON of plain text has no place", "[report][parse-json][place]") {
  // The near miss: the same notice as text; its JSON is unchanged (tests/golden/parse).
  const std::string json = DocumentToJson(ParseFixture("seeds/000_d5b961fa901fa4dc.txt")).dump();
  CHECK(json.find("\"place\"") == std::string::npos);
  CHECK(json.find("\"line\":21") != std::string::npos);
}

}  // namespace
}  // namespace plancheck::report
