// Word .docx input: the same tasks and units as the text seeds, Word list numbering, and
// corrupt or hostile archives refused with one clear error.
#include <catch2/catch.hpp>

#include "ingest/docx_reader.h"
#include "ingest/ingest.h"
#include "test_util.h"

namespace plancheck::ingest {
using plancheck::testing::MakeZip;
using plancheck::testing::CheckSameTasks;
using plancheck::testing::ParseFixture;
using plancheck::testing::ReadFile;

namespace {

const char* kNamespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string DocumentXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kNamespaces +
         "><w:body>" + body + "</w:body></w:document>";
}

}  // namespace

TEST_CASE("a .docx yields the same tasks and units as its text seed", "[ingest][docx]") {
  for (const std::string stem : {"000_d5b961fa901fa4dc", "001_8ef760ff784be5ac"}) {
    DYNAMIC_SECTION(stem) {
      const model::Document text = ParseFixture("seeds/" + stem + ".txt");
      const model::Document word = ParseFixture("docx/" + stem + ".docx");
      CHECK(word.metadata.encoding == "DOCX");
      CheckSameTasks(text, word);
    }
  }
}

TEST_CASE("Word list numbering is written out as Word displays it", "[ingest][docx]") {
  const std::string numbering =
      std::string("<?xml version=\"1.0\"?><w:numbering ") + kNamespaces +
      "><w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%2.\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  auto item = [](int level, const char* text) {
    return std::string("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"") + std::to_string(level) +
           "\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  };
  const std::string body = item(0, "总体要求") + item(1, "甲") + item(1, "乙") +
                           item(0, "重点任务") + item(1, "丙");
  const Result<std::string> text = DocxToText(
      MakeZip({{"word/document.xml", DocumentXml(body)}, {"word/numbering.xml", numbering}}),
      "n.docx");
  REQUIRE(text.ok());
  CHECK(*text == "一、总体要求\n1.甲\n2.乙\n二、重点任务\n1.丙\n");
}

TEST_CASE("merged table cells keep columns aligned", "[ingest][docx]") {
  const std::string body =
      "<w:tbl>"
      "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>一、</w:t></w:r>"
      "</w:p></w:tc><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
      "<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>丙</w:t></w:r></w:p>"
      "</w:tc></w:tr></w:tbl>";
  const Result<std::string> text =
      DocxToText(MakeZip({{"word/document.xml", DocumentXml(body)}}), "t.docx");
  REQUIRE(text.ok());
  CHECK(*text == "\n\t一、\n\t甲\n\n\t一、\n\t乙\n\n\t丙\n\t\n\n");
}

TEST_CASE("corrupt and hostile .docx files are refused with one error", "[ingest][docx]") {
  SECTION("not a ZIP archive after its signature") {
    const auto doc = LoadDocumentFromString(std::string("PK\x03\x04garbage", 11), "bad.docx");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().message.rfind("Word 文档已损坏（不是有效的 ZIP 包）", 0) == 0);
  }
  SECTION("no word/document.xml") {
    const auto doc = LoadDocumentFromString(MakeZip({{"other.xml", "<x/>"}}), "empty.docx");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().message == "不是有效的 Word 文档：缺少 word/document.xml");
  }
  SECTION("malformed XML") {
    const auto doc =
        LoadDocumentFromString(MakeZip({{"word/document.xml", "<w:document><w:body>"}}), "x.docx");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().message.rfind("Word 文档已损坏：word/document.xml 不是有效的 XML", 0) == 0);
  }
  SECTION("a zip bomb: an entry compressed far beyond any real document") {
    const auto doc = LoadDocumentFromString(
        MakeZip({{"word/document.xml", std::string(8u * 1024u * 1024u, ' ')}}), "bomb.docx");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().message == "word/document.xml 的压缩比异常（疑似压缩炸弹），已拒绝读取");
  }
  SECTION("a cell spanning two billion columns spans Word's 63 at most") {
    const std::string body =
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2000000000\"/></w:tcPr>"
        "<w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    const Result<std::string> text =
        DocxToText(MakeZip({{"word/document.xml", DocumentXml(body)}}), "span.docx");
    REQUIRE(text.ok());
    // The row's blank line, the cell, 62 empty cells after it, the table's blank line.
    std::string expected = "\n\t丙\n";
    for (int column = 2; column <= 63; ++column) expected += "\t\n";
    CHECK(*text == expected + "\n");
  }
  SECTION("merged cells that would repeat their text far past their markup") {
    // A 200 KB cell merged down 400 rows: 80 MB of text from a 230 KB document.
    std::string cell;
    for (int i = 0; cell.size() < 200u * 1024u; ++i) cell += std::to_string(i * 7919) + "甲";
    std::string body = "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>" +
                       cell + "</w:t></w:r></w:p></w:tc></w:tr>";
    for (int row = 0; row < 400; ++row) {
      body += "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>";
    }
    body += "</w:tbl>";
    const auto doc = LoadDocumentFromString(MakeZip({{"word/document.xml", DocumentXml(body)}}),
                                            "merged.docx");
    REQUIRE_FALSE(doc.ok());
    // Refused where the budget ran out (2 x 230 KB + 1 MiB), naming the row.
    CHECK(doc.error().message.rfind("Word 文档展开后的文字过多（到表 1 第 8 行 第 1 列）：超过 ", 0) == 0);
  }
  SECTION("an external entity is not fetched") {
    const std::string xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<w:document " + std::string(kNamespaces) +
        "><w:body><w:p><w:r><w:t>甲&x;乙</w:t></w:r></w:p></w:body></w:document>";
    const Result<std::string> text = DocxToText(MakeZip({{"word/document.xml", xml}}), "e.docx");
    if (text.ok()) CHECK(text->find("root:") == std::string::npos);
  }
}

TEST_CASE("each line of a .docx has its paragraph or table cell", "[ingest][docx][place]") {
  auto cell = [](const std::string& props, const std::vector<std::string>& paragraphs) {
    std::string xml = "<w:tc>" + props;
    for (const std::string& p : paragraphs) xml += "<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>";
    return xml + "</w:tc>";
  };
  const std::string body =
      "<w:p><w:r><w:t>甲</w:t></w:r></w:p><w:tbl>"
      "<w:tr>" +
      cell("", {"序号"}) + cell("<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>", {"任务"}) +
      "</w:tr><w:tr>" + cell("", {"1"}) + cell("", {"乙", "丙"}) + cell("", {"丁"}) +
      "</w:tr></w:tbl><w:p><w:r><w:t>戊</w:t></w:r></w:p>";
  const Result<ExtractedText> text =
      ExtractDocx(MakeZip({{"word/document.xml", DocumentXml(body)}}), "p.docx");
  REQUIRE(text.ok());
  CHECK(text->text == testing::kPlaceSampleText);
  CHECK(text->line_places == testing::PlaceSampleLines());
}
}  // namespace plancheck::ingest
