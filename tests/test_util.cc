#include "test_util.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/app.h"
#include "ingest/ingest.h"
#include "parse/parser.h"

namespace plancheck::testing {
namespace fs = std::filesystem;

std::string FixturePath(const std::string& relative) {
  return std::string(PLANCHECK_FIXTURES_DIR) + "/" + relative;
}
std::string TestDataPath(const std::string& relative) {
  return std::string(PLANCHECK_TEST_DIR) + "/" + relative;
}
std::string RulesPath(const std::string& relative) {
  return std::string(PLANCHECK_RULES_DIR) + "/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

namespace {
struct TempDirs {
  std::vector<std::string> dirs;
  ~TempDirs() {
    std::error_code ec;
    for (const std::string& dir : dirs) fs::remove_all(dir, ec);
  }
};
TempDirs& Temps() {
  static TempDirs temps;
  return temps;
}
}  // namespace

std::string MakeTempDir() {
  std::string pattern = (fs::temp_directory_path() / "plancheck-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  Temps().dirs.push_back(pattern);
  return pattern;
}

int ValidateJsonSchema(const std::string& schema_path, const std::string& document) {
  if (std::system("python3 -c 'import jsonschema' 2>/dev/null") != 0) return -1;
  const std::string path = MakeTempDir() + "/document.json";
  WriteFile(path, document);
  const std::string script =
      "import json, os, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
      "doc = json.load(open(sys.argv[2], encoding=\"utf-8\"))\n"
      "cls = jsonschema.validators.validator_for(schema)\n"
      "cls.check_schema(schema)\n"
      "root = schema\n"
      "if not {\"type\", \"properties\", \"$ref\"} & schema.keys() "
      "and \"Root\" in schema.get(\"definitions\", {}):\n"
      "    root = dict(schema, **{\"$ref\": \"#/definitions/Root\"})\n"
      "errors = list(cls(root).iter_errors(doc))\n"
      "name = os.path.basename(sys.argv[1])\n"
      "for e in errors: print(name + \":\", list(e.absolute_path), e.message, file=sys.stderr)\n"
      "sys.exit(1 if errors else 0)\n";
  const std::string command = "python3 -c '" + script + "' '" + schema_path + "' '" + path + "'";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::vector<std::string> NonBlankLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    line.erase(line.find_last_not_of(' ') + 1);
    line.erase(0, line.find_first_not_of(' '));
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::vector<Place> SeedPagePlaces(const std::string& seed, int lines_per_page) {
  std::vector<Place> places;
  int seed_line = 0;
  int on_page = 0;
  std::size_t start = 0;
  while (start < seed.size()) {
    std::size_t end = seed.find('\n', start);
    if (end == std::string::npos) end = seed.size();
    const int page = seed_line / lines_per_page + 1;
    if (seed_line % lines_per_page == 0) on_page = 0;
    ++seed_line;
    if (seed.substr(start, end - start).find_first_not_of(' ') != std::string::npos) {
      places.push_back({.page = page, .line = ++on_page});
    }
    start = end + 1;
  }
  return places;
}

CliResult RunCli(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"plancheck"};
  full.insert(full.end(), args.begin(), args.end());
  std::ostringstream out;
  std::ostringstream err;
  CliResult result;
  result.exit_code = cli::Run(full, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

model::Document ParseSnippet(const std::string& text, const std::string& name) {
  Result<model::Document> doc = ingest::LoadDocumentFromString(text, name);
  if (!doc) throw std::runtime_error(FormatError(doc.error()));
  parse::ParseDocument(*doc);
  return std::move(*doc);
}

model::Document ParseFixture(const std::string& relative) {
  Result<model::Document> doc = ingest::LoadDocument({FixturePath(relative), relative});
  if (!doc) throw std::runtime_error(FormatError(doc.error()));
  parse::ParseDocument(*doc);
  return std::move(*doc);
}

}  // namespace plancheck::testing

#include "config/rule_pack.h"
#include "engine/engine.h"

namespace plancheck::testing {

std::string CompareGolden(const std::string& path, const std::string& actual) {
  const char* update = std::getenv("PLANCHECK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    if (std::getenv("CI") != nullptr) return "refusing to rewrite goldens when CI is set";
    WriteFile(path, actual);
    return "";
  }
  std::string expected;
  try {
    expected = ReadFile(path);
  } catch (const std::exception&) {
    return "missing golden file " + path + " (run with PLANCHECK_UPDATE_GOLDEN=1 and review)";
  }
  if (expected == actual) return "";
  std::istringstream a(actual);
  std::istringstream e(expected);
  std::string actual_line;
  std::string expected_line;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, actual_line));
    const bool more_e = static_cast<bool>(std::getline(e, expected_line));
    if (!more_a && !more_e) break;
    if (!more_a || !more_e || actual_line != expected_line) {
      return path + ":" + std::to_string(line) + ": differs\n  expected: " +
             (more_e ? expected_line : "<end of file>") +
             "\n  actual:   " + (more_a ? actual_line : "<end of file>");
    }
  }
  return path + ": differs in line endings or the final newline";
}

namespace {
const std::vector<rule::Rule>& DefaultRules() {
  static const std::vector<rule::Rule> rules = [] {
    std::vector<rule::Rule> loaded;
    ErrorList errors;
    config::LoadRulePack(RulesPath("default"), loaded, errors);
    if (!errors.empty()) throw std::runtime_error(errors.ToString());
    return loaded;
  }();
  return rules;
}
}  // namespace

std::string LintSnippet(const std::string& rule_id, const std::string& text) {
  std::vector<engine::ActiveRule> active;
  for (const rule::Rule& r : DefaultRules()) {
    if (r.id == rule_id) active.push_back({&r, r.severity});
  }
  if (active.empty()) throw std::runtime_error("no rule " + rule_id + " in the default pack");
  const model::Document doc = ParseSnippet(text, "input.txt");
  std::string out;
  for (const Diagnostic& d : engine::LintDocument(doc, active, {})) {
    out += std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " +
           std::string(SeverityName(d.severity)) + ": " + d.message + " [" + d.rule_id + "]\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace plancheck::testing

#include <catch2/catch.hpp>
#include <zip.h>

namespace plancheck::testing {

std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  const std::string path = MakeTempDir() + "/test.docx";
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    REQUIRE(source != nullptr);
    REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  return ReadFile(path);
}

std::vector<std::string> Names(const std::vector<model::Located>& list) {
  std::vector<std::string> names;
  for (const model::Located& item : list) names.push_back(item.text);
  return names;
}

void CheckSameTasks(const model::Document& expected, const model::Document& actual) {
  CHECK(actual.metadata.shape == expected.metadata.shape);
  const auto expected_tasks = expected.AllTasks();
  const auto actual_tasks = actual.AllTasks();
  REQUIRE(actual_tasks.size() == expected_tasks.size());
  for (std::size_t i = 0; i < expected_tasks.size(); ++i) {
    INFO("task ordinal " << i + 1);
    CHECK(actual_tasks[i]->number.text == expected_tasks[i]->number.text);
    CHECK(actual_tasks[i]->text == expected_tasks[i]->text);
    CHECK(Names(actual_tasks[i]->lead_units) == Names(expected_tasks[i]->lead_units));
    CHECK(Names(actual_tasks[i]->cooperating_units) == Names(expected_tasks[i]->cooperating_units));
    CHECK(Names(actual_tasks[i]->lead_leaders) == Names(expected_tasks[i]->lead_leaders));
  }
}

}  // namespace plancheck::testing

namespace plancheck::testing {

std::vector<Place> PlaceSampleLines() {
  return {
      {.paragraph = 1},
      {.table = 1, .row = 1},
      {.table = 1, .row = 1, .column = 1},
      {.table = 1, .row = 1, .column = 2},
      {.table = 1, .row = 1, .column = 3},  // the column the spanning cell covers
      {.table = 1, .row = 2},
      {.table = 1, .row = 2, .column = 1},
      {.table = 1, .row = 2, .column = 2},  // a cell of two paragraphs: three lines
      {.table = 1, .row = 2, .column = 2},
      {.table = 1, .row = 2, .column = 2},
      {.table = 1, .row = 2, .column = 3},
      {.table = 1},
      {.paragraph = 2},
  };
}

}  // namespace plancheck::testing
