// Every format version of a seed (fixtures/docx, fixtures/html, fixtures/ofd, fixtures/pdf,
// fixtures/encodings) gives the same findings as the text seed: same rules, same messages.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <tuple>

#include "config/rule_pack.h"
#include "engine/engine.h"
#include "ingest/ingest.h"
#include "parse/parser.h"
#include "test_util.h"

namespace plancheck::testing {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> Findings(const std::string& relative,
                                  const std::vector<engine::ActiveRule>& rules) {
  Result<model::Document> doc = ingest::LoadDocument({FixturePath(relative), relative});
  REQUIRE(doc.ok());
  parse::ParseDocument(*doc);
  std::vector<std::string> out;
  for (const Diagnostic& d : engine::LintDocument(*doc, rules, {})) {
    out.push_back(d.rule_id + " " + d.message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Diagnostic> Lint(const std::string& relative,
                             const std::vector<engine::ActiveRule>& rules) {
  Result<model::Document> doc = ingest::LoadDocument({FixturePath(relative), relative});
  REQUIRE(doc.ok());
  parse::ParseDocument(*doc);
  return engine::LintDocument(*doc, rules, {});
}

// The lines of a seed, without their '\n'.
std::vector<std::string> SeedLines(const std::string& relative) {
  const std::string text = ReadFile(FixturePath(relative));
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool IsBlank(const std::string& line) { return line.find_first_not_of(' ') == std::string::npos; }

// Non-blank lines among lines [first, last] (1-based) of `lines`.
int NonBlankBetween(const std::vector<std::string>& lines, int first, int last) {
  int count = 0;
  for (int i = first; i <= last; ++i) count += IsBlank(lines[i - 1]) ? 0 : 1;
  return count;
}

}  // namespace

TEST_CASE("each format version of a seed gives the seed's findings", "[golden][formats]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(RulesPath("default"), rules, errors);
  REQUIRE(errors.ToString() == "");
  const auto active = engine::AllEnabled(rules);

  std::vector<std::string> versions;
  for (const char* dir : {"docx", "html", "ofd", "pdf", "encodings"}) {
    for (const auto& entry : fs::directory_iterator(FixturePath(dir))) {
      versions.push_back(std::string(dir) + "/" + entry.path().filename().string());
    }
  }
  std::sort(versions.begin(), versions.end());
  REQUIRE(versions.size() >= 10);
  for (const std::string& version : versions) {
    // The seed a version was made from: its name starts with the seed's number.
    const std::string number = fs::path(version).filename().string().substr(0, 3);
    std::string seed;
    for (const auto& entry : fs::directory_iterator(FixturePath("seeds"))) {
      if (entry.path().filename().string().rfind(number, 0) == 0) {
        seed = "seeds/" + entry.path().filename().string();
      }
    }
    DYNAMIC_SECTION(version) {
      REQUIRE_FALSE(seed.empty());
      const std::vector<std::string> expected = Findings(seed, active);
      CHECK_FALSE(expected.empty());
      CHECK(Findings(version, active) == expected);
    }
  }
}

TEST_CASE("findings in a .docx, web page, PDF or OFD point at the seed line's place",
          "[golden][formats][place]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(RulesPath("default"), rules, errors);
  REQUIRE(errors.ToString() == "");
  const auto active = engine::AllEnabled(rules);

  // Where a finding on seed line `line` must be in each version, from the way
  // scripts/make-format-fixtures builds it: a Word paragraph per line; a web-page block
  // per non-blank line; a PDF text line per line, 50 seed lines a page, blank ones drawn
  // as nothing.
  using PlaceOf = std::function<Place(const std::vector<std::string>&, int)>;
  const PlaceOf paragraph_per_line = [](const auto&, int line) { return Place{.paragraph = line}; };
  const PlaceOf block_per_text_line = [](const auto& lines, int line) {
    return Place{.paragraph = NonBlankBetween(lines, 1, line)};
  };
  const PlaceOf pdf_line = [](const auto& lines, int line) {
    const int page = (line - 1) / 50 + 1;
    return Place{.page = page, .line = NonBlankBetween(lines, (page - 1) * 50 + 1, line)};
  };
  const std::vector<std::tuple<std::string, std::string, PlaceOf>> versions = {
      {"seeds/000_d5b961fa901fa4dc.txt", "docx/000_d5b961fa901fa4dc.docx", paragraph_per_line},
      {"seeds/000_d5b961fa901fa4dc.txt", "html/000_d5b961fa901fa4dc.html", block_per_text_line},
      {"seeds/000_d5b961fa901fa4dc.txt", "pdf/000_d5b961fa901fa4dc.pdf", pdf_line},
      {"seeds/002_e9c6d1be0a07cf1f.txt", "pdf/002_e9c6d1be0a07cf1f.pdf", pdf_line},
      {"seeds/004_2bfd8bfabc103b07.txt", "pdf/004_2bfd8bfabc103b07.pdf", pdf_line},
      // OFD is laid out like the PDFs: a text line per seed line, 50 a page.
      {"seeds/000_d5b961fa901fa4dc.txt", "ofd/000_d5b961fa901fa4dc.ofd", pdf_line},
      {"seeds/002_e9c6d1be0a07cf1f.txt", "ofd/002_e9c6d1be0a07cf1f.ofd", pdf_line},
      {"seeds/004_2bfd8bfabc103b07.txt", "ofd/004_2bfd8bfabc103b07.ofd", pdf_line},
  };
  for (const auto& [seed, version, place_of] : versions) {
    DYNAMIC_SECTION(version) {
      const std::vector<std::string> lines = SeedLines(seed);
      const std::vector<Diagnostic> expected = Lint(seed, active);
      const std::vector<Diagnostic> actual = Lint(version, active);
      REQUIRE(actual.size() == expected.size());
      REQUIRE_FALSE(expected.empty());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(expected[i].rule_id << " on seed line " << expected[i].start.line << ": "
                                 << expected[i].message);
        CHECK(actual[i].rule_id == expected[i].rule_id);
        CHECK(actual[i].message == expected[i].message);
        CHECK(actual[i].excerpt == expected[i].excerpt);
        CHECK(actual[i].origin.place == place_of(lines, expected[i].start.line));
        CHECK(expected[i].origin.place.empty());  // plain text has none
        // Notes in the same document point at their place too (units.inconsistent-name).
        REQUIRE(actual[i].related.size() == expected[i].related.size());
        for (std::size_t j = 0; j < expected[i].related.size(); ++j) {
          if (expected[i].related[j].file != seed) continue;
          CHECK(actual[i].related[j].place == place_of(lines, expected[i].related[j].start.line));
        }
      }
    }
  }
}

TEST_CASE("findings in a Word or web-page table point at their cell", "[golden][formats][place]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePack(RulesPath("default"), rules, errors);
  REQUIRE(errors.ToString() == "");
  const auto active = engine::AllEnabled(rules);
  const std::vector<std::string> lines = SeedLines("seeds/001_8ef760ff784be5ac.txt");
  const std::vector<Diagnostic> expected = Lint("seeds/001_8ef760ff784be5ac.txt", active);
  for (const std::string version :
       {"docx/001_8ef760ff784be5ac.docx", "html/001_8ef760ff784be5ac.html"}) {
    DYNAMIC_SECTION(version) {
      const std::vector<Diagnostic> actual = Lint(version, active);
      REQUIRE(actual.size() == expected.size());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(expected[i].rule_id << " on seed line " << expected[i].start.line << ": "
                                 << expected[i].message);
        const Place& place = actual[i].origin.place;
        CHECK_FALSE(place.empty());
        // A finding on a tab-indented seed line (a cell) is in a cell of the table.
        if (lines[expected[i].start.line - 1].rfind('\t', 0) == 0) {
          CHECK(place.table > 0);
          CHECK(place.row > 0);
          CHECK(place.column > 0);
        }
      }
    }
  }
}

TEST_CASE("lint names the place in a .docx and a PDF, in both languages",
          "[golden][formats][place][cli]") {
  // Seed 000 line 137 (the README's example): paragraph 137 of the .docx; in the PDF page 3
  // (seed lines 101-150, none of 101-136 blank), its 37th text line.
  const std::string docx = FixturePath("docx/000_d5b961fa901fa4dc.docx");
  const std::string pdf = FixturePath("pdf/000_d5b961fa901fa4dc.pdf");
  const CliResult zh = RunCli({"lint", docx, pdf, "--fail-on", "never"});
  CHECK(zh.exit_code == 0);
  CHECK(zh.out.find(docx + ":段落 137: error: 单位名称“区经济信委”有误") != std::string::npos);
  CHECK(zh.out.find(pdf + ":第 3 页 第 37 行: error: 单位名称“区经济信委”有误") !=
        std::string::npos);
  CHECK(zh.out.find(docx + ":137:") == std::string::npos);  // no extracted-text positions
  const CliResult en = RunCli({"lint", docx, pdf, "--fail-on", "never", "--lang", "en"});
  CHECK(en.out.find(docx + ":paragraph 137: error: ") != std::string::npos);
  CHECK(en.out.find(pdf + ":page 3, line 37: error: ") != std::string::npos);
}

}  // namespace plancheck::testing
