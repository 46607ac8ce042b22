#include "test_util.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
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
