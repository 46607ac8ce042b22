// Helpers shared by the tests: fixture paths, file reading, running the CLI in process,
// and building a parsed Document from a snippet.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace plancheck::testing {

// Absolute paths inside the repository.
std::string FixturePath(const std::string& relative);  // fixtures/<relative>
std::string TestDataPath(const std::string& relative);  // tests/<relative>
std::string RulesPath(const std::string& relative);     // rules/<relative>

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

// A fresh empty directory under the system temp dir, removed at process exit.
std::string MakeTempDir();

struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};
// Runs plancheck in process; `args` excludes the program name.
CliResult RunCli(const std::vector<std::string>& args);

// Loads and parses `text` as a document named `name`.
model::Document ParseSnippet(const std::string& text, const std::string& name = "snippet.txt");
// Loads and parses a fixture file (path relative to fixtures/).
model::Document ParseFixture(const std::string& relative);

}  // namespace plancheck::testing
