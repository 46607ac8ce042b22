#include "engine/fix.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "config/rule_pack.h"
#include "ingest/text_reader.h"
#include "report/diff.h"
#include "test_util.h"

namespace plancheck::engine {
namespace {

using testing::FixturePath;
using testing::MakeTempDir;
using testing::ReadFile;
using testing::RunCli;
using testing::WriteFile;

Diagnostic WithFix(std::size_t begin, std::size_t end, std::string replacement,
                   bool numbering = false) {
  Diagnostic d;
  d.fix.emplace();
  d.fix->span = {begin, end};
  d.fix->replacement = std::move(replacement);
  d.fix->numbering = numbering;
  return d;
}

// The replacements ChooseFixes takes from `diagnostics`, in span order.
std::string Chosen(const std::vector<Diagnostic>& diagnostics, std::string_view source,
                   bool numbering = false) {
  std::string out;
  for (const Diagnostic* d : ChooseFixes(diagnostics, source, FixOptions{numbering, false})) {
    out += d->fix->replacement + ";";
  }
  return out;
}

}  // namespace

TEST_CASE("fixes that overlap are taken first come first served", "[engine][fix]") {
  const std::string source = "abcdefgh";
  // Taken in the order of the findings; a later one overlapping an earlier waits.
  CHECK(Chosen({WithFix(0, 2, "X"), WithFix(1, 3, "Y"), WithFix(3, 4, "Z")}, source) == "X;Z;");
  CHECK(Chosen({WithFix(1, 3, "Y"), WithFix(0, 2, "X")}, source) == "Y;");
  // Adjacent spans do not overlap; two insertions at one place do.
  CHECK(Chosen({WithFix(0, 2, "X"), WithFix(2, 4, "Y")}, source) == "X;Y;");
  CHECK(Chosen({WithFix(2, 2, "X"), WithFix(2, 2, "Y")}, source) == "X;");
  CHECK(Chosen({WithFix(0, 4, "X"), WithFix(2, 2, "Y")}, source) == "X;");
  // A fix that changes nothing is no fix; renumbering only on request.
  CHECK(Chosen({WithFix(0, 2, "ab"), WithFix(4, 5, "E")}, source) == "E;");
  CHECK(Chosen({WithFix(0, 1, "A", true), WithFix(4, 5, "E")}, source) == "E;");
  CHECK(Chosen({WithFix(0, 1, "A", true), WithFix(4, 5, "E")}, source, true) == "A;E;");
  // A span past the text (a stale finding) is never applied.
  CHECK(Chosen({WithFix(6, 12, "X")}, source).empty());

  const std::vector<Diagnostic> fixes = {WithFix(0, 2, "X"), WithFix(3, 3, "+"), WithFix(7, 8, "")};
  CHECK(ApplyFixes(source, ChooseFixes(fixes, source, {})) == "Xc+defg");
}

TEST_CASE("the dry run's diff is a unified diff of the changed lines", "[engine][fix]") {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("11\n"), 3, "eleven\n");
  CHECK(report::UnifiedDiff("p.txt", before, after, 1) ==
        "--- a/p.txt\n+++ b/p.txt\n"
        "@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n"
        "@@ -10,3 +10,3 @@\n 10\n-11\n+eleven\n 12\n");
  // Changes whose context meets are one hunk; a last line without '\n' is marked.
  CHECK(report::UnifiedDiff("p.txt", "a\nb\nc", "A\nb\nC", 1) ==
        "--- a/p.txt\n+++ b/p.txt\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n-c\n"
        "\\ No newline at end of file\n+C\n\\ No newline at end of file\n");
  CHECK(report::UnifiedDiff("p.txt", before, before).empty());
}

namespace {

// A notice with two certain fixes: half-width punctuation in Chinese text (one finding for
// the three marks of a line) and a miswritten label.
const char* kFixable =
    "2021年区政府工作报告目标任务分解方案\n"
    "一、主要目标\n"
    "1.地区生产总值增长6.5%,城镇新增就业1万人(以上)。\n"
    "责任单：区发展改革委；配合单位：区统计局。\n";
const char* kFixed =
    "2021年区政府工作报告目标任务分解方案\n"
    "一、主要目标\n"
    "1.地区生产总值增长6.5%，城镇新增就业1万人（以上）。\n"
    "责任单位：区发展改革委；配合单位：区统计局。\n";

}  // namespace

TEST_CASE("lint --fix keeps a text file's encoding and BOM and line endings and mode", "[engine][fix][cli]") {
  const std::string dir = MakeTempDir();
  auto [name, encoding, crlf] = GENERATE(table<std::string, std::string, bool>({
      {"utf8.txt", "UTF-8", false},
      {"bom.txt", "UTF-8 (BOM)", false},
      {"gb.txt", "GB18030", true},
      {"le.txt", "UTF-16LE", true},
      {"be.txt", "UTF-16BE", false},
  }));
  auto with_endings = [&](std::string text) {
    if (!crlf) return text;
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
  };
  const std::string path = dir + "/" + name;
  WriteFile(path, *ingest::EncodeText(with_endings(kFixable), encoding, path));
  REQUIRE(::chmod(path.c_str(), 0640) == 0);

  const auto first = RunCli({"lint", "--fix", path, "--format", "json"});
  CHECK(first.err.find("已修复 2 处") != std::string::npos);
  const std::string written = ReadFile(path);
  Result<ingest::DecodedText> decoded = ingest::DecodeText(written, path);
  REQUIRE(decoded);
  CHECK(decoded->encoding == encoding);
  CHECK(decoded->text == with_endings(kFixed));
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
  // The report shows what is left: nothing a fix would change.
  const auto report = nlohmann::json::parse(first.out);
  for (const auto& d : report["files"][0]["diagnostics"]) {
    CHECK(d["rule"] != "punctuation.half-width-in-chinese");
    CHECK(d["rule"] != "units.label-format");
  }
  // Idempotent: a second run finds nothing to fix and leaves the bytes alone.
  const auto second = RunCli({"lint", "--fix", path, "--format", "json"});
  CHECK(second.err.find("修复") == std::string::npos);
  CHECK(ReadFile(path) == written);
}

TEST_CASE("lint --fix-dry-run prints the diff and writes nothing", "[engine][fix][cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/plan.txt", kFixable);
  const auto dry = RunCli({"lint", "--fix-dry-run", dir + "/plan.txt"});
  CHECK(ReadFile(dir + "/plan.txt") == kFixable);
  CHECK(dry.out == report::UnifiedDiff(dir + "/plan.txt", kFixable, kFixed));
  CHECK(dry.err.find("可修复 2 处") != std::string::npos);
  CHECK(RunCli({"lint", "--fix=everything", dir + "/plan.txt"}).exit_code == 2);
}

TEST_CASE("lint --fix=numbering renumbers after a skip, plain --fix does not", "[engine][fix][cli]") {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/plan.txt";
  const std::string skipped =
      "2021年区政府工作报告目标任务分解方案\n"
      "一、主要目标\n"
      "1﹒推进项目建设。牵头单位：区发展改革委。\n"
      "2﹒扩大有效投资。牵头单位：区发展改革委。\n"
      "二、改革开放\n"
      "4﹒优化营商环境。牵头单位：区市场监管局。\n"
      "5﹒做好招商引资。牵头单位：区商务委。\n";
  std::string renumbered = skipped;
  renumbered.replace(renumbered.find("4﹒"), 1, "3");
  renumbered.replace(renumbered.find("5﹒"), 1, "4");
  WriteFile(path, skipped);
  RunCli({"lint", "--fix", path});
  CHECK(ReadFile(path) == skipped);
  const auto dry = RunCli({"lint", "--fix=numbering", "--fix-dry-run", path});
  CHECK(dry.out == report::UnifiedDiff(path, skipped, renumbered));
  CHECK(ReadFile(path) == skipped);
  const auto fixed = RunCli({"lint", "--fix=numbering", path, "--format", "json"});
  CHECK(ReadFile(path) == renumbered);
  CHECK(fixed.out.find("numbering.task-continuous") == std::string::npos);
  RunCli({"lint", "--fix=numbering", path});
  CHECK(ReadFile(path) == renumbered);
}

TEST_CASE("lint --fix leaves a file changed on disk during the run alone", "[engine][fix]") {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePackFromString(R"(- id: punctuation.half-width-in-chinese
  title: 中文中使用半角标点
  message: 中文中使用了半角标点
  severity: info
  scope: document
  check: width
  field: text
  fix: certain
)",
                                 "pack.yaml", rules, errors);
  REQUIRE(errors.empty());
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/plan.txt";
  WriteFile(path, kFixable);
  const std::string edited = std::string(kFixable) + "2.新增任务。\n";
  bool save = true;
  // The rules are chosen after the file is read: an editor saves it just then.
  const RuleSelector select = [&](const std::string&) {
    if (save) WriteFile(path, edited);
    return AllEnabled(rules);
  };
  FileResult result;
  const FixOutcome changed = FixDocument({path, path}, select, {}, {}, result);
  CHECK(changed.applied.size() == 1);
  CHECK(changed.failed);
  CHECK_FALSE(changed.written);
  CHECK(changed.problem.find("检查期间文件已被修改") != std::string::npos);
  CHECK(ReadFile(path) == edited);

  save = false;
  WriteFile(path, kFixable);
  const FixOutcome fixed = FixDocument({path, path}, select, {}, {}, result);
  CHECK(fixed.written);
  CHECK(ReadFile(path).find("6.5%，城镇新增就业1万人（以上）") != std::string::npos);
}

TEST_CASE("lint --fix makes every seed and encoding fixture clean of its certain fixes and is idempotent",
          "[engine][fix][cli][seeds]") {
  const std::vector<std::string> names = {
      "seeds/000_d5b961fa901fa4dc.txt", "seeds/001_8ef760ff784be5ac.txt",
      "seeds/002_e9c6d1be0a07cf1f.txt", "seeds/003_9f57034e87119ac9.txt",
      "seeds/004_2bfd8bfabc103b07.txt", "encodings/001.utf8bom.txt",
      "encodings/003.gb18030-crlf.txt", "encodings/003.utf16be.txt",
      "encodings/004.gb18030.txt",      "encodings/000.cr.txt"};
  const std::string dir = MakeTempDir();
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < names.size(); ++i) {
    paths.push_back(dir + "/" + std::to_string(i) + ".txt");
    WriteFile(paths.back(), ReadFile(FixturePath(names[i])));
  }
  // One run over all of them (the rule pack loads once), then a second.
  const auto first = RunCli({"lint", "--fix=numbering", dir, "--format", "json"});
  INFO(first.err);
  CHECK(first.exit_code != 2);
  // 000: a misspelt unit twice and a full stop before 配合单位; 004 (and its GB18030 copy):
  // half-width punctuation and a miswritten label.
  CHECK(first.err.find("0.txt：已修复 3 处") != std::string::npos);
  CHECK(first.err.find("4.txt：已修复 289 处") != std::string::npos);
  CHECK(first.err.find("8.txt：已修复 289 处") != std::string::npos);
  // The parsed document outlives the loop (a range-for keeps only the outermost temporary).
  const nlohmann::json first_json = nlohmann::json::parse(first.out);
  for (const auto& file : first_json["files"]) {
    for (const auto& d : file["diagnostics"]) CHECK_FALSE(d.contains("fix"));
  }
  auto count = [](const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  std::vector<std::string> fixed;
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    const std::string original = ReadFile(FixturePath(names[i]));
    fixed.push_back(ReadFile(paths[i]));
    // Same encoding, same line endings.
    CHECK(ingest::DecodeText(fixed[i], paths[i])->encoding ==
          ingest::DecodeText(original, paths[i])->encoding);
    CHECK(count(fixed[i], "\r\n") == count(original, "\r\n"));
    CHECK(count(fixed[i], "\n") == count(original, "\n"));
  }
  const auto second = RunCli({"lint", "--fix=numbering", dir});
  CHECK(second.err.find("修复") == std::string::npos);
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(ReadFile(paths[i]) == fixed[i]);
}

TEST_CASE("lint --fix lints PDFs and web pages but fixes nothing in them and says so",
          "[engine][fix][cli]") {
  const std::string name = GENERATE(as<std::string>{}, "pdf/000_d5b961fa901fa4dc.pdf",
                                    "html/000_d5b961fa901fa4dc.html");
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/" + name.substr(name.find('/') + 1);
  const std::string original = ReadFile(FixturePath(name));
  WriteFile(path, original);
  const auto run = RunCli({"lint", "--fix", path});
  CHECK(run.err.find("不做自动修复") != std::string::npos);
  CHECK(ReadFile(path) == original);
}

}  // namespace plancheck::engine

namespace plancheck::engine {
namespace {

// What python-docx reads in a .docx (tests/engine/docx_probe.py dump).
nlohmann::json ProbeDocx(const std::string& path) {
  const std::string command =
      "/usr/bin/python3 '" + testing::TestDataPath("engine/docx_probe.py") + "' dump '" + path + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  REQUIRE(::pclose(pipe) == 0);
  return nlohmann::json::parse(out);
}

// The package entries of two probes that differ.
std::vector<std::string> ChangedEntries(const nlohmann::json& a, const nlohmann::json& b) {
  std::vector<std::string> changed;
  for (const auto& [name, hash] : a["entries"].items()) {
    if (!b["entries"].contains(name) || b["entries"][name] != hash) changed.push_back(name);
  }
  if (b["entries"].size() != a["entries"].size()) changed.push_back("(entry count)");
  return changed;
}

}  // namespace

TEST_CASE("lint --fix edits a .docx's runs in place and keeps their formatting", "[engine][fix][docx]") {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/plan.docx";
  // Runs split inside the label and around the marks: "责任|单|：" is three runs.
  const std::string lines =
      "2021年区政府工作报告目标任务分解方案\n一、主要目标\n"
      "1.地区生产总值增长6.5%|,|城镇新增就业1万人(以|上)。\n"
      "责任|单|：区发展改革委；配合单位：区统计局。\n";
  const std::string make = "/usr/bin/python3 '" + testing::TestDataPath("engine/docx_probe.py") +
                           "' make '" + path + "'";
  FILE* pipe = ::popen(make.c_str(), "w");
  REQUIRE(pipe != nullptr);
  std::fwrite(lines.data(), 1, lines.size(), pipe);
  REQUIRE(::pclose(pipe) == 0);
  const nlohmann::json before = ProbeDocx(path);

  const auto run = RunCli({"lint", "--fix", path, "--format", "json"});
  CHECK(run.err.find("已修复 2 处") != std::string::npos);
  const nlohmann::json after = ProbeDocx(path);
  CHECK(ChangedEntries(before, after) == std::vector<std::string>{"word/document.xml"});
  std::vector<std::string> texts;
  for (const auto& p : after["paragraphs"]) texts.push_back(p["text"]);
  CHECK(texts == std::vector<std::string>{"2021年区政府工作报告目标任务分解方案", "一、主要目标",
                                          "1.地区生产总值增长6.5%，城镇新增就业1万人（以上）。",
                                          "责任单位：区发展改革委；配合单位：区统计局。"});
  for (std::size_t i = 0; i < after["paragraphs"].size(); ++i) {
    CHECK(after["paragraphs"][i]["runs"] == before["paragraphs"][i]["runs"]);
  }
  const auto again = RunCli({"lint", "--fix", path});
  CHECK(again.err.find("修复") == std::string::npos);
}

TEST_CASE("lint --fix makes the .docx fixtures clean of their certain fixes", "[engine][fix][docx]") {
  // 000: a misspelt unit twice and a full stop before 配合单位, as in the text seed; 001
  // (a table) has nothing certain to fix.
  auto [name, fixes] = GENERATE(table<std::string, std::string>({
      {"docx/000_d5b961fa901fa4dc.docx", "已修复 3 处（units.assignment-format 1，units.misspelt 2）"},
      {"docx/001_8ef760ff784be5ac.docx", ""},
  }));
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/plan.docx";
  WriteFile(path, ReadFile(FixturePath(name)));
  const nlohmann::json before = ProbeDocx(path);
  const auto run = RunCli({"lint", "--fix", path, "--format", "json"});
  INFO(run.err);
  CHECK(run.exit_code != 2);
  CHECK((fixes.empty() ? run.err.find("修复") == std::string::npos
                       : run.err.find(fixes) != std::string::npos));
  const nlohmann::json run_json = nlohmann::json::parse(run.out);
  for (const auto& d : run_json["files"][0]["diagnostics"]) {
    CHECK_FALSE(d.contains("fix"));
  }
  const nlohmann::json after = ProbeDocx(path);
  const std::vector<std::string> changed = ChangedEntries(before, after);
  CHECK(changed.size() <= 1);
  if (!changed.empty()) CHECK(changed[0] == "word/document.xml");
  // python-docx reads the same paragraphs and cells, every run with its formatting.
  REQUIRE(after["paragraphs"].size() == before["paragraphs"].size());
  for (std::size_t i = 0; i < after["paragraphs"].size(); ++i) {
    CHECK(after["paragraphs"][i]["runs"] == before["paragraphs"][i]["runs"]);
  }
  CHECK(after["cells"].size() == before["cells"].size());
  const std::string fixed = ReadFile(path);
  CHECK(RunCli({"lint", "--fix", path}).err.find("修复") == std::string::npos);
  CHECK(ReadFile(path) == fixed);
}

}  // namespace plancheck::engine
