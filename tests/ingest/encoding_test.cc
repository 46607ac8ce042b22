#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "ingest/ingest.h"
#include "ingest/text_reader.h"
#include "test_util.h"

namespace plancheck::ingest {
using plancheck::testing::FixturePath;
using plancheck::testing::MakeTempDir;
using plancheck::testing::ReadFile;
using plancheck::testing::WriteFile;

namespace {

// fixtures/seeds/<number>_*.txt, found by its number.
std::string SeedPath(const std::string& number) {
  static const std::vector<std::pair<std::string, std::string>> kSeeds = {
      {"000", "000_d5b961fa901fa4dc.txt"}, {"001", "001_8ef760ff784be5ac.txt"},
      {"002", "002_e9c6d1be0a07cf1f.txt"}, {"003", "003_9f57034e87119ac9.txt"},
      {"004", "004_2bfd8bfabc103b07.txt"},
  };
  for (const auto& [key, name] : kSeeds) {
    if (key == number) return FixturePath("seeds/" + name);
  }
  FAIL("no seed " << number);
  return "";
}

// "" when equal; else the first differing line of each, so a failure stays readable.
std::string FirstDifference(const std::string& got, const std::string& want) {
  if (got == want) return "";
  std::size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  const std::size_t line_start = got.rfind('\n', i == 0 ? 0 : i - 1);
  const std::size_t begin = line_start == std::string::npos ? 0 : line_start + 1;
  auto line_of = [begin](const std::string& text) {
    return text.substr(begin, text.find('\n', begin) - begin);
  };
  return "at byte " + std::to_string(i) + ": got [" + line_of(got) + "] want [" + line_of(want) +
         "]";
}

}  // namespace

// Each file in fixtures/encodings/ (scripts/make-fixtures) holds a seed's text in another
// encoding or with other line endings; all must normalize to the seed's text.
TEST_CASE("every fixture encoding normalizes to its UTF-8 seed's text", "[ingest][encoding]") {
  auto [file, seed, encoding] = GENERATE(table<std::string, std::string, std::string>({
      {"000.gb18030.txt", "000", "GB18030"},
      {"001.gb18030.txt", "001", "GB18030"},
      {"002.gb18030.txt", "002", "GB18030"},
      {"003.gb18030.txt", "003", "GB18030"},
      {"004.gb18030.txt", "004", "GB18030"},
      {"003.gb18030-crlf.txt", "003", "GB18030"},
      {"000.utf16le.txt", "000", "UTF-16LE"},
      {"003.utf16be.txt", "003", "UTF-16BE"},
      {"001.utf8bom.txt", "001", "UTF-8 (BOM)"},
      {"002.crlf.txt", "002", "UTF-8"},
      {"000.cr.txt", "000", "UTF-8"},
  }));
  INFO(file);
  Result<model::Document> expected = LoadDocument({SeedPath(seed), "seed.txt"});
  REQUIRE(expected.ok());
  CHECK(expected->metadata.encoding == "UTF-8");
  Result<model::Document> doc = LoadDocument({FixturePath("encodings/" + file), file});
  REQUIRE(doc.ok());
  CHECK(doc->metadata.encoding == encoding);
  CHECK(FirstDifference(doc->text, expected->text) == "");
}

TEST_CASE("short text in each encoding is detected, or refused when unsure", "[ingest][encoding]") {
  const std::string line = "责任单位：区科技局；配合单位：区经济信息委、区人力社保局。\n";
  // The same line in GB18030 (iconv -t GB18030), spelled out so the test needs no iconv.
  const std::string gb_line =
      "\xD4\xF0\xC8\xCE\xB5\xA5\xCE\xBB\xA3\xBA\xC7\xF8\xBF\xC6\xBC\xBC\xBE\xD6\xA3\xBB\xC5\xE4"
      "\xBA\xCF\xB5\xA5\xCE\xBB\xA3\xBA\xC7\xF8\xBE\xAD\xBC\xC3\xD0\xC5\xCF\xA2\xCE\xAF\xA1\xA2"
      "\xC7\xF8\xC8\xCB\xC1\xA6\xC9\xE7\xB1\xA3\xBE\xD6\xA1\xA3\n";
  auto [bytes, encoding] = GENERATE_COPY(table<std::string, std::string>({
      {line, "UTF-8"},
      {"\xEF\xBB\xBF" + line, "UTF-8 (BOM)"},
      {gb_line, "GB18030"},
      {"1.\xC7\xF8\xB7\xA2\xD5\xB9\xB8\xC4\xB8\xEF\xCE\xAF\n",
       ""},                            // 1.区发展改革委: too short to tell
      {"\xEF\xBB\xBF" + gb_line, ""},  // a UTF-8 BOM is believed: not re-read as GB18030
  }));
  Result<model::Document> doc = LoadDocumentFromString(bytes, "x.txt");
  if (encoding.empty()) {
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().file == "x.txt");
    CHECK_THAT(doc.error().message, Catch::Contains("不是有效的 UTF-8"));
  } else {
    REQUIRE(doc.ok());
    CHECK(doc->metadata.encoding == encoding);
    CHECK(doc->source == line);
  }
}

TEST_CASE("random bytes are refused with an error naming the file", "[ingest][encoding]") {
  std::mt19937 random(20240612);
  std::string bytes;
  while (bytes.size() < 4096) {
    const char byte = static_cast<char>(random() & 0xFF);
    if (byte != '\0') bytes.push_back(byte);  // NUL would make it "binary" before detection
  }
  const std::string path = MakeTempDir() + "/random.txt";
  WriteFile(path, bytes);
  Result<model::Document> doc = LoadDocument({path, "random.txt"});
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().file == "random.txt");
  CHECK(doc.error().message.rfind("无法确定文件编码", 0) == 0);
  CHECK(doc.error().position.line >= 1);
}

}  // namespace plancheck::ingest
