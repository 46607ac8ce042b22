#include "config/baseline.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_util.h"

namespace plancheck::config {
namespace fs = std::filesystem;

namespace {

Diagnostic Finding(const std::string& rule_id, const std::string& file, int line,
                   const std::string& task, const std::string& excerpt,
                   const std::string& message = "消息") {
  Diagnostic d;
  d.rule_id = rule_id;
  d.file = file;
  d.start = {line, 1};
  d.task = task;
  d.excerpt = excerpt;
  d.message = message;
  return d;
}

std::vector<std::string> Rules(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.rule_id + "@" + std::to_string(d.start.line));
  return out;
}

std::string LoadErrors(const std::string& json) {
  ErrorList errors;
  Baseline::LoadFromString(json, "base.json", errors);
  return errors.ToString();
}

std::vector<std::string> DirectoryListing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("fingerprints prefer the task, then the excerpt, then the message", "[config][baseline]") {
  auto [task, excerpt, message, expected] =
      GENERATE(table<std::string, std::string, std::string, std::string>({
          {"52", "区经信委", "m", "task:52"},
          {"", "区经信委", "m", "text:区经信委"},
          {"", "", "缺少牵头单位", "text:缺少牵头单位"},
      }));
  CHECK(Baseline::Fingerprint(Finding("r.x", "a.txt", 1, task, excerpt, message)) == expected);
}

TEST_CASE("a baseline round-trips through its file", "[config][baseline]") {
  const std::string dir = testing::MakeTempDir();
  const std::vector<Diagnostic> found = {
      Finding("units.vague-lead", dir + "/docs/plan.txt", 3, "5", "有关部门"),
      Finding("punctuation.x", dir + "/docs/plan.txt", 9, "", "，,", "标点"),
      Finding("units.vague-lead", dir + "/other.txt", 4, "7", "各单位"),
  };
  const Baseline baseline = Baseline::FromDiagnostics(found);
  CHECK(baseline.size() == 3);
  ErrorList errors;
  REQUIRE(baseline.Write(dir + "/baseline.json", errors));
  CHECK(errors.empty());
  // Files are stored relative to the baseline; entries are ordered by file, then rule.
  CHECK(testing::ReadFile(dir + "/baseline.json") == R"({
  "version": 1,
  "findings": [
    {
      "rule": "punctuation.x",
      "file": "docs/plan.txt",
      "fingerprint": "text:，,",
      "count": 1,
      "message": "标点"
    },
    {
      "rule": "units.vague-lead",
      "file": "docs/plan.txt",
      "fingerprint": "task:5",
      "count": 1,
      "message": "消息"
    },
    {
      "rule": "units.vague-lead",
      "file": "other.txt",
      "fingerprint": "task:7",
      "count": 1,
      "message": "消息"
    }
  ]
}
)");
  const Baseline loaded = Baseline::Load(dir + "/baseline.json", errors);
  CHECK(errors.ToString() == "");
  CHECK(loaded.size() == 3);
  std::vector<Diagnostic> again = found;
  again.push_back(Finding("units.vague-lead", dir + "/other.txt", 8, "8", "各单位"));  // new
  CHECK(loaded.Filter(again) == 3);
  CHECK(Rules(again) == std::vector<std::string>{"units.vague-lead@8"});
}

TEST_CASE("a baseline matches a file however it is named", "[config][baseline]") {
  const fs::path saved = fs::current_path();
  const std::string dir = testing::MakeTempDir();
  fs::current_path(dir);
  const Baseline baseline =
      Baseline::FromDiagnostics({Finding("r.x", "docs/../docs/plan.txt", 1, "1", "")});
  std::vector<Diagnostic> found = {Finding("r.x", dir + "/docs/plan.txt", 1, "1", "")};
  const std::size_t removed = baseline.Filter(found);
  fs::current_path(saved);
  CHECK(removed == 1);
}

TEST_CASE("each baseline entry accepts as many findings as its count", "[config][baseline]") {
  const std::vector<Diagnostic> twice = {Finding("r.x", "/d/a.txt", 1, "", "同一句"),
                                         Finding("r.x", "/d/a.txt", 5, "", "同一句")};
  const Baseline baseline = Baseline::FromDiagnostics(twice);
  CHECK(baseline.size() == 1);
  CHECK(baseline.ToJson("/d").find("\"count\": 2") != std::string::npos);

  auto [copies, kept] = GENERATE(table<int, std::size_t>({{1, 0}, {2, 0}, {3, 1}, {5, 3}}));
  std::vector<Diagnostic> found;
  for (int i = 0; i < copies; ++i) found.push_back(Finding("r.x", "/d/a.txt", 10 + i, "", "同一句"));
  CHECK(baseline.Filter(found) == static_cast<std::size_t>(copies) - kept);
  CHECK(found.size() == kept);
}

TEST_CASE("counts in a loaded baseline are honoured", "[config][baseline]") {
  ErrorList errors;
  const Baseline baseline = Baseline::LoadFromString(
      R"({"version":1,"findings":[{"rule":"r.x","file":"a.txt","fingerprint":"task:3","count":2},
          {"rule":"r.x","file":"a.txt","fingerprint":"task:3"}]})",
      "/d/base.json", errors);
  CHECK(errors.ToString() == "");
  std::vector<Diagnostic> found;
  for (int i = 0; i < 4; ++i) found.push_back(Finding("r.x", "/d/a.txt", i + 1, "3", ""));
  CHECK(baseline.Filter(found) == 3);  // 2 + 1 (a missing count is one)
  CHECK(Rules(found) == std::vector<std::string>{"r.x@4"});
}

TEST_CASE("moving lines does not revive a baselined finding", "[config][baseline]") {
  const Baseline baseline = Baseline::FromDiagnostics({
      Finding("units.vague-lead", "/d/a.txt", 10, "12", "有关部门"),
      Finding("punctuation.x", "/d/a.txt", 20, "", "，,"),
  });
  // Ten lines inserted above: same tasks, same text, new lines.
  std::vector<Diagnostic> moved = {
      Finding("units.vague-lead", "/d/a.txt", 20, "12", "有关部门"),
      Finding("punctuation.x", "/d/a.txt", 30, "", "，,"),
  };
  CHECK(baseline.Filter(moved) == 2);
  CHECK(moved.empty());
  // Near misses: another task, other text, another file, another rule.
  std::vector<Diagnostic> different = {
      Finding("units.vague-lead", "/d/a.txt", 10, "13", "有关部门"),
      Finding("punctuation.x", "/d/a.txt", 20, "", "。."),
      Finding("units.vague-lead", "/d/b.txt", 10, "12", "有关部门"),
      Finding("units.other", "/d/a.txt", 10, "12", "有关部门"),
  };
  CHECK(baseline.Filter(different) == 0);
  CHECK(different.size() == 4);
}

TEST_CASE("a malformed baseline gives a located error", "[config][baseline]") {
  auto [json, expected] = GENERATE(table<std::string, std::string>({
      {"{\"version\": 1,\n \"findings\": [\n  {\"rule\": \"r.x\",}\n]}\n",
       "base.json:3:18: error: malformed baseline: syntax error while parsing object key - "
       "unexpected '}'; expected string literal"},
      {"", "base.json:1:1: error: malformed baseline: syntax error while parsing value - "
           "unexpected end of input; expected '[', '{', or a literal"},
      {"[1, 2]", "base.json:1:1: error: a baseline must be a JSON object with 'version' and "
                 "'findings'"},
      {"{\"findings\": []}", "base.json:1:1: error: baseline has no 'version'"},
      {"{\"version\": 2, \"findings\": []}",
       "base.json:1:13: error: unsupported baseline version 2 (this plancheck reads 1)"},
      {"{\"version\": 1, \"findings\": {}}", "base.json:1:28: error: 'findings' must be a list"},
      {"{\"version\": 1,\n \"findings\": [\n  {\"rule\": \"r.x\", \"file\": \"a\", "
       "\"fingerprint\": \"task:1\"},\n  {\"rule\": \"r.y\", \"file\": \"a\"}\n]}",
       "base.json:4:3: error: finding needs a non-empty string 'fingerprint'"},
      {"{\"version\": 1, \"findings\": [\"x\"]}",
       "base.json:1:29: error: a finding must be an object with 'rule', 'file' and "
       "'fingerprint'"},
      {"{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"file\": \"a\", \"fingerprint\": "
       "\"t\", \"count\": 0}]}",
       "base.json:1:29: error: 'count' must be a positive integer"},
      {"{\"version\": 1, \"findings\": []}", ""},  // near miss
  }));
  CAPTURE(json);
  CHECK(LoadErrors(json) == (expected.empty() ? "" : expected + "\n"));
}

TEST_CASE("a missing baseline names its path", "[config][baseline]") {
  const std::string dir = testing::MakeTempDir();
  ErrorList errors;
  Baseline::Load(dir + "/none.json", errors);
  CHECK(errors.ToString() == dir + "/none.json: error: baseline not found\n");
}

TEST_CASE("writing a baseline is atomic and leaves no temp file", "[config][baseline]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/baseline.json";
  testing::WriteFile(path, "old contents");
  ErrorList errors;
  const Baseline baseline = Baseline::FromDiagnostics({Finding("r.x", dir + "/a.txt", 1, "1", "")});
  REQUIRE(baseline.Write(path, errors));
  CHECK(DirectoryListing(dir) == std::vector<std::string>{"baseline.json"});
  CHECK(testing::ReadFile(path).find("\"task:1\"") != std::string::npos);
  // Rewriting an accepted state is byte for byte stable.
  const std::string first = testing::ReadFile(path);
  REQUIRE(Baseline::Load(path, errors).Write(path, errors));
  CHECK(testing::ReadFile(path) == first);
  CHECK(errors.empty());
}

TEST_CASE("a failed baseline write names the path and leaves nothing", "[config][baseline]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/missing-dir/baseline.json";
  ErrorList errors;
  CHECK_FALSE(Baseline::FromDiagnostics({}).Write(path, errors));
  CHECK(errors.ToString() == path + ": error: cannot write baseline: No such file or directory\n");
  CHECK(DirectoryListing(dir).empty());
}

}  // namespace plancheck::config
