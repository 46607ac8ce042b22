#include <catch2/catch.hpp>
#include <string>

#include "report/report.h"

namespace plancheck::report {
namespace {

Diagnostic MakeDiagnostic(std::string source_line, int line, int column, int end_line,
                          int end_column) {
  Diagnostic diag;
  diag.rule_id = "units.no-duplicates";
  diag.severity = Severity::kWarning;
  diag.file = "fixtures/seeds/000.txt";
  diag.start = {line, column};
  diag.end = {end_line, end_column};
  diag.message = "消息";
  diag.source_line = std::move(source_line);
  return diag;
}

// The caret line of FormatSourceExcerpt without its gutter ("     | ").
std::string CaretOf(const std::string& excerpt) {
  const std::size_t newline = excerpt.find('\n');
  REQUIRE(newline != std::string::npos);
  const std::string caret_line = excerpt.substr(newline + 1);
  const std::size_t bar = caret_line.find(" | ");
  REQUIRE(bar != std::string::npos);
  REQUIRE(caret_line.back() == '\n');
  return caret_line.substr(bar + 3, caret_line.size() - bar - 4);
}

}  // namespace

TEST_CASE("the caret lines up under the span in display cells", "[report][text]") {
  // source line, start column, end line offset (0: same line), end column, caret
  auto [source, column, end_line_offset, end_column, expected] =
      GENERATE(table<std::string, int, int, int, std::string>({
          {"abc def", 5, 0, 8, "    ^~~"},  // ASCII
          {"责任单位：区经济信委", 6, 0, 11,
           "          ^" + std::string(9, '~')},  // CJK: two cells each
          {"52.加快建设", 4, 0, 6, "   ^~~~"},    // ASCII then CJK
          {"（一）abc", 4, 0, 5, "      ^"},      // full-width punctuation
          {"\t区科技局", 2, 0, 3, "\t^~"},        // leading tab copied
          {"a\tb区", 4, 0, 5, " \t ^~"},          // tab in the middle
          {"a\tb", 1, 0, 4, "^\t~"},              // tab inside the span
          {"\t\tx", 1, 0, 3, "^"},                // span of tabs only
          {"52.加快", 4, 1, 3, "   ^~~~"},        // runs on: to end of line
          {"abc", 2, 0, 2, " ^"},                 // empty span
          {"abc", 4, 0, 4, "   ^"},               // just past the end
          {"abc", 9, 0, 12, "   ^"},              // start past the end
          {"ab", 1, 0, 10, "^~"},                 // end past the end
          {"", 1, 0, 1, "^"},                     // empty source line
          {"e\xCC\x81x", 3, 0, 4, " ^"},          // combining mark: 0 cells
          {"abc\r\n", 1, 0, 4, "^~~"},            // line end stripped
          {"😀a", 2, 0, 3, "  ^"},                 // wide emoji
      }));
  CAPTURE(source, column, end_line_offset, end_column);
  const Diagnostic diag = MakeDiagnostic(source, 52, column, 52 + end_line_offset, end_column);
  CHECK(CaretOf(FormatSourceExcerpt(diag, false)) == expected);
}

TEST_CASE("the source line is printed safely behind a gutter", "[report][text]") {
  auto [source, expected] = GENERATE(table<std::string, std::string>({
      {"52.加快", "  52 | 52.加快\n"},
      {"", "  52 |\n"},                               // no trailing space
      {"abc\r\n", "  52 | abc\n"},                    // CRLF dropped
      {"a\x1b[31mb", "  52 | a\xEF\xBF\xBD[31mb\n"},  // ESC shown as U+FFFD
  }));
  const std::string excerpt = FormatSourceExcerpt(MakeDiagnostic(source, 52, 1, 52, 2), false);
  CHECK(excerpt.substr(0, excerpt.find('\n') + 1) == expected);
}

TEST_CASE("the gutter widens with the line number", "[report][text]") {
  CHECK(FormatSourceExcerpt(MakeDiagnostic("x", 7, 1, 7, 2), false) == "  7 | x\n    | ^\n");
  CHECK(FormatSourceExcerpt(MakeDiagnostic("x", 1234, 1, 1234, 2), false) ==
        "  1234 | x\n       | ^\n");
}

TEST_CASE("a diagnostic without a line has no excerpt", "[report][text]") {
  CHECK(FormatSourceExcerpt(MakeDiagnostic("", 0, 0, 0, 0), false).empty());
}

TEST_CASE("FormatText prints header, excerpt, suggestion, notes and a summary", "[report][text]") {
  Diagnostic diag = MakeDiagnostic("52.加快产业发展。（责任单位：区经济信委）", 52, 17, 52, 22);
  diag.message = "第52项任务的责任单位“区经济信委”不在单位名录中";
  diag.suggestion = "是否应为“区经济信息委”？";
  diag.related.push_back({"plans/city.txt", {8, 3}, "市级方案中的对应目标"});
  diag.related.push_back({"", {0, 0}, ""});
  Diagnostic error = MakeDiagnostic("", 0, 0, 0, 0);
  error.file = "missing.txt";
  error.rule_id = "input.unreadable";
  error.severity = Severity::kError;
  error.message = "无法读取文件";

  const std::string expected =
      "fixtures/seeds/000.txt:52:17: warning: 第52项任务的责任单位“区经济信委”不在单位名录中 "
      "[units.no-duplicates]\n"
      "  52 | 52.加快产业发展。（责任单位：区经济信委）\n"
      "     | " +
      std::string(3 + 13 * 2, ' ') + "^" + std::string(9, '~') + "\n" +
      "  建议：是否应为“区经济信息委”？\n"
      "plans/city.txt:8:3: note: 市级方案中的对应目标\n"
      "fixtures/seeds/000.txt: note: 相关位置\n"
      "missing.txt: error: 无法读取文件 [input.unreadable]\n"
      "共 3 个文件：1 个错误，1 个警告，0 个提示\n";
  CHECK(FormatText({diag, error}, {"fixtures/seeds/000.txt", "clean.txt"}, ReportOptions{}) ==
        expected);
}

TEST_CASE("FormatText speaks English labels with language=en", "[report][text]") {
  ReportOptions options;
  options.language = "en";
  Diagnostic diag = MakeDiagnostic("ab", 1, 1, 1, 2);
  diag.message = "message";
  diag.suggestion = "do this";
  diag.severity = Severity::kInfo;
  CHECK(FormatText({diag}, {diag.file}, options) ==
        "fixtures/seeds/000.txt:1:1: info: message [units.no-duplicates]\n"
        "  1 | ab\n"
        "    | ^\n"
        "  suggestion: do this\n"
        "1 file: 0 errors, 0 warnings, 1 info\n");
}

TEST_CASE("the summary counts files and severities in both languages", "[report][text]") {
  auto make = [](Severity severity, std::string file) {
    Diagnostic diag = MakeDiagnostic("x", 0, 0, 0, 0);
    diag.severity = severity;
    diag.file = std::move(file);
    return diag;
  };
  auto last_line = [](const std::string& text) {
    const std::size_t start = text.rfind('\n', text.size() - 2);
    return text.substr(start == std::string::npos ? 0 : start + 1);
  };
  ReportOptions zh;
  ReportOptions en;
  en.language = "en";
  const std::vector<std::string> files = {"a.txt", "b.txt", "c.txt"};
  const std::vector<Diagnostic> diags = {
      make(Severity::kError, "a.txt"), make(Severity::kError, "a.txt"),
      make(Severity::kWarning, "b.txt"), make(Severity::kInfo, "d.txt")};
  CHECK(last_line(FormatText(diags, files, zh)) == "共 4 个文件：2 个错误，1 个警告，1 个提示\n");
  CHECK(last_line(FormatText(diags, files, en)) == "4 files: 2 errors, 1 warning, 1 info\n");
  CHECK(FormatText({}, files, zh) == "共 3 个文件：未发现问题\n");
  CHECK(FormatText({}, {"a.txt"}, en) == "1 file: no problems found\n");
  CHECK(FormatText({}, {}, en) == "0 files: no problems found\n");
}

TEST_CASE("colour appears only when asked for", "[report][text]") {
  Diagnostic diag = MakeDiagnostic("区科技局", 3, 1, 3, 2);
  diag.suggestion = "建议内容";
  diag.related.push_back({"", {1, 1}, "相关"});
  ReportOptions options;
  const std::string plain = FormatText({diag}, {diag.file}, options);
  CHECK(plain.find('\x1b') == std::string::npos);

  options.color = true;
  const std::string colored = FormatText({diag}, {diag.file}, options);
  CHECK(colored.find("\x1b[1mfixtures/seeds/000.txt:3:1:\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[1;35mwarning:\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[1;32m^~\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[1;36mnote:\x1b[0m") != std::string::npos);
  // The same text once the escapes are removed.
  std::string stripped;
  for (std::size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      i = colored.find('m', i);
      continue;
    }
    stripped += colored[i];
  }
  CHECK(stripped == plain);

  diag.severity = Severity::kError;
  CHECK(FormatText({diag}, {}, options).find("\x1b[1;31merror:\x1b[0m") != std::string::npos);
}

TEST_CASE("a finding in a .docx, web page or PDF is located by its place", "[report][text]") {
  auto [place, zh, en] = GENERATE(table<Place, std::string, std::string>({
      {Place{.paragraph = 12}, "段落 12", "paragraph 12"},
      {Place{.table = 1, .row = 3, .column = 2}, "表 1 第 3 行 第 2 列",
       "table 1, row 3, column 2"},
      {Place{.page = 2, .line = 14}, "第 2 页 第 14 行", "page 2, line 14"},
  }));
  Diagnostic diag = MakeDiagnostic("\t区经济信委", 40, 2, 40, 7);
  diag.file = "notice.docx";
  diag.origin.place = place;
  // The header names the place instead of the extracted text's line and column, and the
  // gutter stays blank: those lines are the reader's, not the document's.
  CHECK(FormatText({diag}, {diag.file}, ReportOptions{}) ==
        "notice.docx:" + zh +
            ": warning: 消息 [units.no-duplicates]\n"
            "   | \t区经济信委\n"
            "   | \t^" +
            std::string(9, '~') +
            "\n"
            "共 1 个文件：0 个错误，1 个警告，0 个提示\n");
  ReportOptions english;
  english.language = "en";
  CHECK(FormatText({diag}, {diag.file}, english).rfind("notice.docx:" + en + ": warning: ", 0) ==
        0);
  // A note in the same file names its place too.
  diag.related.push_back({"notice.docx", {7, 1}, "区经济信息委", Place{.paragraph = 7}});
  CHECK(FormatText({diag}, {diag.file}, ReportOptions{})
            .find("\nnotice.docx:段落 7: note: 区经济信息委\n") != std::string::npos);
  diag.related.clear();
  // The near miss: plain text keeps line and column.
  diag.origin.place = Place{};
  CHECK(FormatText({diag}, {diag.file}, ReportOptions{}).rfind("notice.docx:40:2: warning: ", 0) ==
        0);
}
}  // namespace plancheck::report
