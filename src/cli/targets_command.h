// `plancheck targets FILE... [--format text|json|csv] [--parent FILE]`: lists the targets
// extracted from documents and targets sheets, each with the parent plan chosen (and why)
// and its comparison with the parent's target, so a person can check the extractor.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace plancheck::cli {

struct TargetsCommand {
  std::vector<std::string> paths;     // documents, directories, or *.yaml targets sheets
  std::string format = "text";        // text | json | csv
  std::optional<std::string> parent;  // --parent FILE: the parent plan of every input
  std::optional<std::string> config;  // --config FILE, else .plancheck.yaml from "."
};

// Exit 0, or 2 on an unreadable input or a broken dictionary, sheet or configuration.
int RunTargets(const TargetsCommand& command, std::ostream& out, std::ostream& err);

}  // namespace plancheck::cli
