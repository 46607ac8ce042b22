#include <catch2/catch.hpp>

#include "report/report.h"

namespace plancheck::report {

TEST_CASE("workflow command escaping", "[report][github]") {
  auto [text, data, property] = GENERATE(table<std::string, std::string, std::string>({
      {"plain", "plain", "plain"},
      {"100%", "100%25", "100%25"},
      {"a\nb", "a%0Ab", "a%0Ab"},
      {"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
      {"a:b,c", "a:b,c", "a%3Ab%2Cc"},
      {"%0A", "%250A", "%250A"},  // already-escaped text stays literal
      {"区经济信委：牵头，配合", "区经济信委：牵头，配合", "区经济信委：牵头，配合"},
      {"::error::", "::error::", "%3A%3Aerror%3A%3A"},
  }));
  CAPTURE(text);
  CHECK(EscapeGithubData(text) == data);
  CHECK(EscapeGithubProperty(text) == property);
}

TEST_CASE("FormatGithub writes one workflow command per diagnostic", "[report][github]") {
  Diagnostic warning;
  warning.rule_id = "units.no-duplicates";
  warning.severity = Severity::kWarning;
  warning.file = "seeds/a,b:c.txt";
  warning.start = {52, 17};
  warning.end = {52, 22};
  warning.message = "单位重复：100%";
  warning.suggestion = "删除重复";
  warning.related.push_back({"plans/city.txt", {8, 3}, "市级目标"});

  Diagnostic info = warning;
  info.severity = Severity::kInfo;
  info.suggestion.reset();
  info.related.clear();
  info.file = "b.txt";

  Diagnostic error;
  error.rule_id = "input.unreadable";
  error.severity = Severity::kError;
  error.file = "missing.txt";
  error.message = "无法读取";

  CHECK(FormatGithub({warning, info, error}, ReportOptions{}) ==
        "::warning file=seeds/a%2Cb%3Ac.txt,line=52,col=17,endLine=52,endColumn=22,"
        "title=units.no-duplicates::单位重复：100%25%0A建议：删除重复%0A"
        "plans/city.txt:8:3: note: 市级目标\n"
        "::notice file=b.txt,line=52,col=17,endLine=52,endColumn=22,"
        "title=units.no-duplicates::单位重复：100%25\n"
        "::error file=missing.txt,title=input.unreadable::无法读取\n");

  ReportOptions english;
  english.language = "en";
  CHECK(FormatGithub({warning}, english).find("%0ASuggestion: 删除重复") != std::string::npos);
  CHECK(FormatGithub({}, ReportOptions{}).empty());
}

TEST_CASE("FormatGithub leads with the place in a .docx, web page or PDF", "[report][github]") {
  Diagnostic diag;
  diag.rule_id = "units.unknown";
  diag.file = "notice.docx";
  diag.start = {40, 2};
  diag.end = {40, 7};
  diag.message = "单位名称“区经济信委”不在本地区单位名录中";
  diag.origin.place = Place{.table = 1, .row = 3, .column = 2};
  diag.related.push_back({"notice.docx", {7, 1}, "区经济信息委", Place{.paragraph = 7}});
  CHECK(FormatGithub({diag}, ReportOptions{}) ==
        "::warning file=notice.docx,line=40,col=2,endLine=40,endColumn=7,title=units.unknown::"
        "表 1 第 3 行 第 2 列：单位名称“区经济信委”不在本地区单位名录中%0A"
        "notice.docx:段落 7: note: 区经济信息委\n");
  ReportOptions english;
  english.language = "en";
  CHECK(FormatGithub({diag}, english).find("::table 1, row 3, column 2: 单位名称") !=
        std::string::npos);
}

}  // namespace plancheck::report
