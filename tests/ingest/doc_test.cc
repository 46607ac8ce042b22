// Word 97-2003 .doc input: the seeds' .doc versions (LibreOffice's saves of the .docx
// fixtures) give the .docx's lines and places and the seeds' tasks; files libwv cannot read,
// or on which it crashes or loops, are refused with one error naming the file, in bounded
// time, and the other files of a run are still checked.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/app.h"
#include "ingest/doc_reader.h"
#include "ingest/docx_reader.h"
#include "ingest/ingest.h"
#include "test_util.h"

namespace plancheck::ingest {
using plancheck::testing::FixturePath;
using plancheck::testing::NonBlankLines;
using plancheck::testing::ReadFile;
using plancheck::testing::TestDataPath;

TEST_CASE("a .doc gives the lines and places of the .docx it was saved from", "[ingest][doc]") {
  for (const std::string stem : {"000_d5b961fa901fa4dc", "001_8ef760ff784be5ac"}) {
    DYNAMIC_SECTION(stem) {
      const Result<ExtractedText> doc =
          ExtractDoc(ReadFile(FixturePath("doc/" + stem + ".doc")), stem + ".doc");
      const Result<ExtractedText> docx =
          ExtractDocx(ReadFile(FixturePath("docx/" + stem + ".docx")), stem + ".docx");
      REQUIRE(doc.ok());
      REQUIRE(docx.ok());
      // 001's .doc ends with the paragraph Word puts after a final table (the .docx lacks it).
      // The .docx reader drops a paragraph of spaces alone (000's last), the .doc keeps it:
      // lines are compared without their spaces.
      std::vector<Place> expected_places = docx->line_places;
      if (doc->line_places.size() == expected_places.size() + 1) {
        expected_places.push_back(doc->line_places.back());
        CHECK(doc->line_places.back().paragraph > 0);
      }
      CHECK(NonBlankLines(doc->text) == NonBlankLines(docx->text));
      CHECK(std::count(doc->text.begin(), doc->text.end(), '\n') ==
            static_cast<long>(doc->line_places.size()));
      CHECK(doc->line_places == expected_places);
    }
  }
}

TEST_CASE("a .doc yields the same tasks and units as its text seed", "[ingest][doc]") {
  for (const std::string stem : {"000_d5b961fa901fa4dc", "001_8ef760ff784be5ac"}) {
    DYNAMIC_SECTION(stem) {
      const model::Document text = plancheck::testing::ParseFixture("seeds/" + stem + ".txt");
      const model::Document doc = plancheck::testing::ParseFixture("doc/" + stem + ".doc");
      CHECK(doc.metadata.encoding == "DOC");
      plancheck::testing::CheckSameTasks(text, doc);
    }
  }
}

TEST_CASE("files libwv cannot read are refused with one error naming what is wrong",
          "[ingest][doc]") {
  const std::string good = ReadFile(FixturePath("doc/000_d5b961fa901fa4dc.doc"));
  auto [name, bytes, message] = GENERATE_COPY(table<std::string, std::string, std::string>({
      {"sheet.xls", ReadFile(TestDataPath("data/doc/sheet.xls")),
       "不是 Word 文档（可能是其他 Office 97-2003 文件，如 .xls、.ppt）"},
      {"signature-only.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "garbage",
       "Word 97-2003 文档已损坏"},
      {"truncated.doc", good.substr(0, good.size() / 2), "Word 97-2003 文档已损坏"},
      // libwv reads a .doc whose last paragraph is in a table (LibreOffice writes them;
      // Word never does) until memory runs out: the helper's memory limit stops it (in
      // about 7 s), or under AddressSanitizer, slower, the CPU or wall-clock limit.
      {"table-at-end.doc", ReadFile(TestDataPath("data/doc/table-at-end.doc")),
       "Word 97-2003 文档"},
  }));
  DYNAMIC_SECTION(name) {
    const Result<model::Document> doc = LoadDocumentFromString(bytes, name);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().file == name);
    CHECK(doc.error().message.rfind(message, 0) == 0);
  }
}

TEST_CASE("an oversized .doc is refused before the helper runs", "[ingest][doc]") {
  std::string huge("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  huge.resize(kMaxDocBytes + 1, '\0');
  const Result<ExtractedText> big = ExtractDoc(huge, "big.doc");
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().message == "Word 文档过大（超过 64 MiB），已拒绝读取");
}

TEST_CASE("directories are walked for .doc, and .doc findings are located by paragraph",
          "[ingest][doc][cli]") {
  const std::string dir = plancheck::testing::MakeTempDir();
  std::filesystem::copy_file(FixturePath("doc/000_d5b961fa901fa4dc.doc"), dir + "/a.doc");
  std::filesystem::copy_file(TestDataPath("data/doc/sheet.xls"), dir + "/b.DOC");
  const plancheck::testing::CliResult result = plancheck::testing::RunCli({"lint", dir, "-j", "2"});
  CHECK(result.exit_code == cli::kExitError);
  CHECK(result.out.find("/a.doc:段落 ") != std::string::npos);
  CHECK(result.out.find("区经济信委") != std::string::npos);
  CHECK(result.out.find("/b.DOC:1:1: error: 不是 Word 文档") != std::string::npos);
}

}  // namespace plancheck::ingest
