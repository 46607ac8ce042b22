// plancheck: a checker for government target-task decomposition documents.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  return plancheck::cli::Run(args, std::cout, std::cerr);
}
