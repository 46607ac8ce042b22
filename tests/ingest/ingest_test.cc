#include "ingest/ingest.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_util.h"

namespace plancheck::ingest {
using plancheck::testing::MakeTempDir;
using plancheck::testing::WriteFile;

TEST_CASE("LoadDocumentFromString rejects bad input with a located error", "[ingest]") {
  auto [bytes, message, line] = GENERATE(table<std::string, std::string, int>({
      {"", "文件为空", 0},
      {"\xEF\xBB\xBF", "文件为空（只有字节序标记）", 0},
      {"第一行\n第二\xFF行",
       "无法确定文件编码：不是有效的 UTF-8（第一个无效字节在此），也不是 GB18030/GBK 文本；"
       "请另存为 UTF-8",
       2},
      {std::string("abc\0def", 7), "这是二进制文件（含有 NUL 字节），不是文本文件", 1},
  }));
  Result<model::Document> doc = LoadDocumentFromString(bytes, "x.txt");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().file == "x.txt");
  CHECK(doc.error().message == message);
  CHECK(doc.error().position.line == line);
}

TEST_CASE("LoadDocumentFromString decodes BOMs", "[ingest]") {
  CHECK(LoadDocumentFromString("\xEF\xBB\xBF区", "a")->source == "区");
  CHECK(LoadDocumentFromString("\xEF\xBB\xBF区", "a")->metadata.encoding == "UTF-8 (BOM)");
  // "区" is U+533A.
  CHECK(LoadDocumentFromString(std::string("\xFF\xFE\x3A\x53", 4), "a")->source == "区");
  CHECK(LoadDocumentFromString(std::string("\xFE\xFF\x53\x3A", 4), "a")->source == "区");
  CHECK_FALSE(LoadDocumentFromString(std::string("\xFF\xFE\x00\xD8", 4), "a").ok());
}

TEST_CASE("CollectInputs walks directories and reports what it cannot use", "[ingest]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/b.txt", "乙");
  WriteFile(dir + "/sub/a.txt", "甲");
  WriteFile(dir + "/notes.md", "ignored");
  std::filesystem::create_directories(dir + "/empty");
  std::filesystem::create_directory_symlink(dir, dir + "/sub/loop");

  ErrorList errors;
  const auto inputs = CollectInputs({dir, dir + "/missing.txt", dir + "/empty"}, errors);
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].display_path == dir + "/b.txt");
  CHECK(inputs[1].display_path == dir + "/sub/a.txt");
  REQUIRE(errors.size() == 2);
  CHECK(errors.errors()[0].message == "文件或目录不存在");
  CHECK(errors.errors()[1].message == "目录中没有可检查的文档（*.txt、*.docx、*.doc、*.html、*.pdf、*.ofd）");
}

TEST_CASE("LoadDocument refuses directories and missing files", "[ingest]") {
  const std::string dir = MakeTempDir();
  CHECK(LoadDocument({dir, "d"}).error().message == "这是目录，不是文件");
  CHECK(LoadDocument({dir + "/nope.txt", "n"}).error().message == "文件不存在");
}

}  // namespace plancheck::ingest
