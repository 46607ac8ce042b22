// Saved web pages: the article body yields the same tasks and units as the text seed,
// navigation chrome is ignored, tables are read as tables.
#include <catch2/catch.hpp>

#include "ingest/html_reader.h"
#include "ingest/ingest.h"
#include "test_util.h"

namespace plancheck::ingest {
using plancheck::testing::CheckSameTasks;
using plancheck::testing::ParseFixture;

TEST_CASE("a saved page yields the same tasks and units as its text seed", "[ingest][html]") {
  for (const std::string stem : {"000_d5b961fa901fa4dc", "001_8ef760ff784be5ac"}) {
    DYNAMIC_SECTION(stem) {
      const model::Document text = ParseFixture("seeds/" + stem + ".txt");
      const model::Document page = ParseFixture("html/" + stem + ".html");
      CHECK(page.metadata.encoding == "HTML");
      CHECK(page.source.find("网站标识码") == std::string::npos);  // chrome left out
      CHECK(page.source.find("互动交流") == std::string::npos);
      CheckSameTasks(text, page);
    }
  }
}

TEST_CASE("HtmlToText reads blocks, breaks and tables", "[ingest][html]") {
  auto [page, expected] = GENERATE(table<std::string, std::string>({
      {"<html><body><p>一、总体</p><p>1.甲<br>责任单位：区科技局。</p></body></html>",
       "一、总体\n1.甲\n责任单位：区科技局。\n"},
      {"<!DOCTYPE html><html><body><nav>首页 政务公开</nav><div><p>正文第一段</p>"
       "<p>正文第二段</p></div><footer>主办单位</footer></body></html>",
       "正文第一段\n正文第二段\n"},
      {"<html><body><table><tr><td>1</td><td>甲</td><td>钟涛<br>张宇</td></tr></table></body></html>",
       "\n\t1\n\t甲\n\t钟涛\n\n张宇\n\n"},
      {"<html><body><p>未闭合<p>标签<div>也能读</body>", "未闭合\n标签\n也能读\n"},
  }));
  const Result<std::string> text = HtmlToText(page, "p.html");
  REQUIRE(text.ok());
  CHECK(*text == expected);
}

TEST_CASE("a page without text is an error; a non-page is not HTML", "[ingest][html]") {
  CHECK_FALSE(HtmlToText("<html><body><script>var a;</script></body></html>", "e.html").ok());
  CHECK(LooksLikeHtml("\xEF\xBB\xBF  <!doctype HTML><html>"));
  CHECK_FALSE(LooksLikeHtml("一、总体 <html>"));
}

TEST_CASE("each line of a saved page has its paragraph or table cell", "[ingest][html][place]") {
  const Result<ExtractedText> text = ExtractHtml(
      "<html><body><nav>首页</nav><p>甲</p><table><tr><td>序号</td><td colspan=\"2\">任务</td>"
      "</tr><tr><td>1</td><td>乙<br>丙</td><td>丁</td></tr></table><p>戊</p></body></html>",
      "p.html");
  REQUIRE(text.ok());
  CHECK(text->text == testing::kPlaceSampleText);
  CHECK(text->line_places == testing::PlaceSampleLines());
}
}  // namespace plancheck::ingest
