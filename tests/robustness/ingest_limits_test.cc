// Containers that expand (a .docx table cell spanning 63 columns, `<td colspan=64>`),
// deeply nested and mis-declared web pages, and running out of memory: each refused with
// an error naming the file, or read whole, in a child process under RLIMIT_AS and
// RLIMIT_CPU (child.h), and never at the cost of the other files of the run.
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <string>

#include "child.h"
#include "docx_xml_input.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {

// A small notice every run below also checks: its result (an unpaired bracket, a finding
// that needs no unit registry) must survive the bad file.
const char* kGoodNotice = "一、稳增长\n（一）工业\n1.实施计划（一期。\n责任单位：区科技局；配合单位：区财政局。\n";

// `utf8` in GB18030, as a page saved by an old Chinese site.
std::string ToGb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t length =
      ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                   static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

ChildLimits MemoryLimit(std::size_t megabytes) {
  ChildLimits limits;
  limits.address_space = megabytes << 20;
  return limits;
}

// Lints `bad` and a good notice in one run (JSON); the bad one must be an input error
// whose message contains `message`, the good one linted as usual.
void RequireRefusedBesideGood(const std::string& dir, const std::string& bad,
                              const std::string& message, const ChildLimits& limits) {
  WriteFile(dir + "/good.txt", kGoodNotice);
  const ChildResult r =
      RunCliLimited({"lint", dir, "--format", "json", "--jobs", "1"}, limits);
  INFO(r.Describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("\"path\": \"" + dir + "/" + bad + "\"") != std::string::npos);
  CHECK(r.out.find(message) != std::string::npos);
  CHECK(r.out.find("input.unreadable") != std::string::npos);
  // The good notice's finding is still there.
  CHECK(r.out.find("\"path\": \"" + dir + "/good.txt\"") != std::string::npos);
  CHECK(r.out.find("punctuation.balanced") != std::string::npos);
}

}  // namespace

// Item 7: 0.8 MB of .docx (compressed) took 2.5 GB; under a memory cap the run died with
// an uncaught std::bad_alloc, naming no file and losing the others.
TEST_CASE("a .docx whose table cells span 63 columns each is refused, not expanded",
          "[robustness][limits]") {
  std::string rows;
  for (int row = 0; row < 525; ++row) {
    rows += "<w:tr>";
    for (int cell = 0; cell < 1000; ++cell) {
      rows += "<w:tc><w:tcPr><w:gridSpan w:val=\"63\"/></w:tcPr></w:tc>";
    }
    rows += "</w:tr>";
  }
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>1.实施计划。</w:t></w:r></w:p><w:tbl>" + rows + "</w:tbl></w:body></w:document>";
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/amp.docx", fuzz::WrapInDocx({xml, std::nullopt}));
  RequireRefusedBesideGood(dir, "amp.docx", "Word 文档展开后的文字过多（到表 1 第 ", MemoryLimit(1024));
}

TEST_CASE("a .docx of millions of empty paragraphs is refused before it is parsed",
          "[robustness][limits]") {
  std::string body;
  body.reserve(40u << 20);
  for (int i = 0; i < 5000000; ++i) body += "<w:p/>";
  const std::string xml =
      "<?xml version=\"1.0\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
      "</w:body></w:document>";
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/paragraphs.docx", fuzz::WrapInDocx({xml, std::nullopt}));
  RequireRefusedBesideGood(dir, "paragraphs.docx", "Word 文档结构过于庞大（超过 400 万个 XML 标记）",
                           MemoryLimit(1024));
}

// Item 7: 50 MB of blank lines took 2.65 GB and 16 s (each line costs the parser ~60 bytes).
TEST_CASE("a text of 50 million blank lines is refused by its line count", "[robustness][limits]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/blank.txt", "1.实施计划。\n" + std::string(50u << 20, '\n'));
  RequireRefusedBesideGood(dir, "blank.txt", "文本的行数异常多：", MemoryLimit(1024));
}

// Item 8: each `<td colspan=64>` (16 bytes) became 64 lines: 3 MB of page took 1.09 GB.
TEST_CASE("a web page of colspan=64 cells is refused, not expanded", "[robustness][limits]") {
  std::string table;
  for (int row = 0; row < 500; ++row) {
    table += "<tr>";
    for (int cell = 0; cell < 1000; ++cell) table += "<td colspan=64>";
  }
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/colspan.html", "<!DOCTYPE html><html><body><p>1.实施计划。</p><table>" + table +
                                       "</table></body></html>");
  RequireRefusedBesideGood(dir, "colspan.html", "网页展开后的文字过多（到表 1 第 ", MemoryLimit(1024));
}

// Running out of memory anyway (here: a limit too small for the file) is that file's
// error; the run goes on with the others and says which file it was.
TEST_CASE("running out of memory on one file is an error of that file", "[robustness][limits]") {
  if (kUnderAsan) {
    WARN("SKIPPED under AddressSanitizer: RLIMIT_AS cannot apply, so no allocation fails");
    return;
  }
  std::string text = "一、稳增长\n（一）工业\n";
  for (int i = 1; text.size() < (60u << 20); ++i) {
    text += std::to_string(i) + ".推进第" + std::to_string(i) + "项工作。\n责任单位：区科技局。\n";
  }
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/huge.txt", text);
  RequireRefusedBesideGood(dir, "huge.txt", "内存不足，无法检查此文件", MemoryLimit(700));
}

// Item 12: unclosed <font> tag soup, common on old government sites, nests the page one
// level deeper per task; libxml2 stops at 256 levels, and 47 of 301 tasks were lost.
TEST_CASE("a web page of unclosed <font> tags is read to its last task", "[robustness][limits]") {
  std::string page =
      "<!DOCTYPE html><html><body><div><p>关于印发2024年区政府工作报告目标任务分解方案的通知</p>"
      "<p>一、稳增长</p><p>（一）工业</p>";
  for (int i = 1; i <= 300; ++i) {
    page += "<font size=3>" + std::to_string(i) + ".实施第" + std::to_string(i) +
            "项计划。<br>责任单位：区科技局；配合单位：区财政局。<br>";
  }
  page += "<font>301.最后一项计划（二期。<br>责任单位：区科技局；配合单位：区财政局。<br></div></body></html>";
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/unclosed_font.html", page);
  const ChildResult parsed = RunCliLimited({"parse", dir + "/unclosed_font.html", "--format", "json"});
  INFO(parsed.Describe());
  REQUIRE(parsed.exited);
  CHECK(parsed.out.find("\"task_count\": 301") != std::string::npos);
  const ChildResult linted =
      RunCliLimited({"lint", dir + "/unclosed_font.html", "--format", "json"});
  INFO(linted.Describe());
  // The last task was read: its unpaired bracket is found, and it has its lead unit.
  CHECK(linted.out.find("\"task\": \"301\"") != std::string::npos);
  CHECK(linted.out.find("task.lead-unit-required") == std::string::npos);
}

TEST_CASE("a web page nested 100,000 levels deep is too deep, not empty", "[robustness][limits]") {
  std::string page = "<!DOCTYPE html><html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "1.实施计划。";
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/deep.html", page + "</body></html>");
  RequireRefusedBesideGood(dir, "deep.html", "网页的元素嵌套超过 256 层", ChildLimits{});
}

// Item 13: a GBK page without a <meta charset>, or with a wrong one, was read as Latin-1
// and reported "未发现问题".
TEST_CASE("a GBK web page is decoded as GBK whatever its meta charset says",
          "[robustness][limits]") {
  const std::string body =
      "<p>一、稳增长</p><p>（一）工业</p><p>1.实施“双倍增”行动计划（一期，推进产业发展，提升服务水平。</p>"
      "<p>责任单位：区科技局；配合单位：区财政局。</p>";
  const std::string dir = MakeTempDir();
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"no_meta.html", "<!DOCTYPE html><html><body>" + body + "</body></html>"},
      {"meta_gb2312.html", "<!DOCTYPE html><html><head><meta charset=\"gb2312\"></head><body>" + body +
                               "</body></html>"},
      {"meta_wrong.html",
       "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" "
       "content=\"text/html; charset=iso-8859-1\"></head><body>" + body + "</body></html>"},
  };
  for (const auto& [name, html] : pages) {
    const std::string path = dir + "/" + name;
    WriteFile(path, ToGb18030(html));
    const ChildResult r = RunCliLimited({"lint", path, "--format", "json"});
    INFO(name << "\n" << r.Describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code <= 1);  // findings, no input error
    CHECK(r.out.find("punctuation.balanced") != std::string::npos);
    CHECK(r.out.find("\"task\": \"1\"") != std::string::npos);
  }
  // A page that is neither UTF-8 nor Chinese in the charset it declares is an error, never
  // a clean result: three Han characters in GBK are too few to tell GBK from Big5 or EUC-KR.
  WriteFile(dir + "/short.html",
            ToGb18030("<!DOCTYPE html><html><head><meta charset=\"windows-1252\"></head><body><p>"
                      "1.工业</p></body></html>"));
  const ChildResult r = RunCliLimited({"lint", dir + "/short.html", "--format", "json"});
  INFO(r.Describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("无法确定网页编码：网页声明为 windows-1252") != std::string::npos);
}

// Office saves a password-protected .docx as an OLE compound file holding the encrypted
// package; it was called "a binary file (NUL bytes)".
TEST_CASE("an encrypted .docx is called encrypted", "[robustness][limits]") {
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  const std::string stream = std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/secret.docx", ole + std::string(500, '\0') + stream + std::string(500, '\0'));
  const CliResult encrypted = RunCli({"lint", dir + "/secret.docx"});
  CHECK(encrypted.exit_code == 2);
  CHECK(encrypted.out.find("secret.docx:1:1: error: Word 文档已加密（设有打开密码），无法读取") !=
        std::string::npos);
}

}  // namespace plancheck::testing
