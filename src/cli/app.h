// The command line: subcommands, options and exit codes, testable in process.
//
// Exit codes: 0 nothing at or above the failing severity; 1 findings; 2 usage, config,
// rule-pack or input error.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace plancheck::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

// Runs plancheck with `args` (args[0] is the program name), writing to `out` and `err`;
// `out_is_terminal` turns on colour for `--color auto`. When `out` fails (a full disk, a
// closed pipe), the command stops, the reason is said on `err` and the exit code is 2.
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        bool out_is_terminal = false);

}  // namespace plancheck::cli
