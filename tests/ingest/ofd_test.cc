// OFD input: the seeds' OFD versions give the seeds' lines, places and tasks although their
// text objects are written out of order; what producers do beyond the fixtures (no
// namespace prefix, absolute paths, one object per character, CTM, page blocks) reads
// right; broken and text-less files are refused with one error naming the file.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/app.h"
#include "ingest/ingest.h"
#include "ingest/ofd_reader.h"
#include "test_util.h"

namespace plancheck::ingest {
using plancheck::testing::FixturePath;
using plancheck::testing::NonBlankLines;
using plancheck::testing::ReadFile;
using plancheck::testing::TestDataPath;

namespace {
constexpr const char* kOfdStems[] = {"000_d5b961fa901fa4dc", "002_e9c6d1be0a07cf1f",
                                     "004_2bfd8bfabc103b07"};
}  // namespace

TEST_CASE("an OFD's pages give the seed's lines in reading order", "[ingest][ofd]") {
  // fixtures/ofd: one text line per seed line, cut into runs whose objects are written in
  // a scrambled order; only the positions say which comes first.
  for (const std::string stem : kOfdStems) {
    DYNAMIC_SECTION(stem) {
      const Result<ExtractedText> text =
          ExtractOfd(ReadFile(FixturePath("ofd/" + stem + ".ofd")), stem + ".ofd");
      REQUIRE(text.ok());
      CHECK(NonBlankLines(text->text) ==
            NonBlankLines(ReadFile(FixturePath("seeds/" + stem + ".txt"))));
      // Every line has its place, the non-empty ones their page and line on the page.
      CHECK(std::count(text->text.begin(), text->text.end(), '\n') ==
            static_cast<long>(text->line_places.size()));
      std::vector<Place> actual;
      for (const Place& place : text->line_places) {
        if (place.line != 0) actual.push_back(place);
      }
      CHECK(actual == plancheck::testing::SeedPagePlaces(
                          ReadFile(FixturePath("seeds/" + stem + ".txt")), 50));
    }
  }
}

TEST_CASE("an OFD yields the same tasks and units as its text seed", "[ingest][ofd]") {
  for (const std::string stem : kOfdStems) {
    DYNAMIC_SECTION(stem) {
      const model::Document text = plancheck::testing::ParseFixture("seeds/" + stem + ".txt");
      const model::Document ofd = plancheck::testing::ParseFixture("ofd/" + stem + ".ofd");
      CHECK(ofd.metadata.encoding == "OFD");
      plancheck::testing::CheckSameTasks(text, ofd);
    }
  }
}

TEST_CASE("OFD layouts the fixtures lack read in order", "[ingest][ofd]") {
  // tests/data/ofd/layout.ofd (scripts/make-format-fixtures): per-character objects right to
  // left with a baseline 0.1 mm off, a TextCode going on without X, a 2x CTM, a gap of
  // more than an em, a gap of more than two lines, a page inside nested page blocks.
  const Result<ExtractedText> text = ExtractOfd(ReadFile(TestDataPath("data/ofd/layout.ofd")), "layout.ofd");
  REQUIRE(text.ok());
  CHECK(text->text == "甲乙丙\n1.任务\n\n丁 戊\n第二页\n");
  CHECK(text->line_places == std::vector<Place>{{.page = 1, .line = 1},
                                                {.page = 1, .line = 2},
                                                {.page = 1},
                                                {.page = 1, .line = 3},
                                                {.page = 2, .line = 1}});
}

TEST_CASE("OFD is recognized by its OFD.xml, not its name", "[ingest][ofd]") {
  CHECK(LooksLikeOfd(ReadFile(FixturePath("ofd/000_d5b961fa901fa4dc.ofd"))));
  CHECK_FALSE(LooksLikeOfd(ReadFile(FixturePath("docx/000_d5b961fa901fa4dc.docx"))));
  CHECK_FALSE(LooksLikeOfd("PK\x03\x04 not an archive"));
  const Result<model::Document> doc = LoadDocumentFromString(
      ReadFile(FixturePath("ofd/002_e9c6d1be0a07cf1f.ofd")), "renamed.txt");
  REQUIRE(doc.ok());
  CHECK(doc->metadata.encoding == "OFD");
}

TEST_CASE("broken OFD files are refused with one error naming what is wrong", "[ingest][ofd]") {
  const std::string good = ReadFile(FixturePath("ofd/000_d5b961fa901fa4dc.ofd"));
  auto [name, bytes, message] = GENERATE_COPY(table<std::string, std::string, std::string>({
      {"no-text.ofd", ReadFile(TestDataPath("data/ofd/no-text.ofd")),
       "OFD 文件中没有可提取的文字（可能是扫描件，请先做文字识别或提供文字版）"},
      {"encrypted.ofd", ReadFile(TestDataPath("data/ofd/encrypted.ofd")),
       "OFD 文件已加密，无法读取"},
      {"bad-page.ofd", ReadFile(TestDataPath("data/ofd/bad-page.ofd")),
       "OFD 文件已损坏：第 2 页（Doc_0/Pages/Page_1/Content.xml）不是有效的 XML"},
      {"missing-page.ofd", ReadFile(TestDataPath("data/ofd/missing-page.ofd")),
       "不是有效的 OFD 文件：缺少 Doc_0/Pages/Page_0/Content.xml"},
      // Cut short, the archive loses its central directory: not even recognizable as OFD,
      // so the .docx reader (the other ZIP format) says the package is broken.
      {"truncated.ofd", good.substr(0, good.size() / 2), "Word 文档已损坏（不是有效的 ZIP 包）"},
  }));
  DYNAMIC_SECTION(name) {
    const Result<model::Document> doc = LoadDocumentFromString(bytes, name);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().file == name);
    CHECK(doc.error().message.rfind(message, 0) == 0);
  }
}

TEST_CASE("an oversized OFD is refused before it is opened", "[ingest][ofd]") {
  std::string huge = ReadFile(FixturePath("ofd/000_d5b961fa901fa4dc.ofd"));
  huge.resize(kMaxOfdBytes + 1, ' ');
  const Result<ExtractedText> big = ExtractOfd(huge, "big.ofd");
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().message == "OFD 文件过大（超过 64 MiB），已拒绝读取");
}

TEST_CASE("directories are walked for .ofd, and OFD findings are located by page",
          "[ingest][ofd][cli]") {
  const std::string dir = plancheck::testing::MakeTempDir();
  std::filesystem::copy_file(FixturePath("ofd/000_d5b961fa901fa4dc.ofd"), dir + "/a.ofd");
  std::filesystem::copy_file(TestDataPath("data/ofd/encrypted.ofd"), dir + "/b.OFD");
  const plancheck::testing::CliResult result = plancheck::testing::RunCli({"lint", dir});
  CHECK(result.exit_code == cli::kExitError);
  // a.ofd: the misspelt unit of seed 000, on the page and line where a person finds it.
  CHECK(result.out.find("/a.ofd:第 ") != std::string::npos);
  CHECK(result.out.find("区经济信委") != std::string::npos);
  CHECK(result.out.find("/b.OFD:1:1: error: OFD 文件已加密，无法读取") != std::string::npos);
}

}  // namespace plancheck::ingest
