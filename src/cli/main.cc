// plancheck: a checker for government target-task decomposition documents.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/atomic_file.h"
#include "base/fd_stream.h"
#include "cli/app.h"

int main(int argc, char** argv) {
  // SIGINT, SIGTERM, SIGHUP and SIGPIPE remove the temporary files of writes in progress.
  plancheck::InstallTemporaryFileCleanup();
  std::ios::sync_with_stdio(false);
  // Standard output through a buffer that keeps the reason a write failed (a full disk),
  // which cli::Run reports with exit 2.
  plancheck::FdStreamBuf stdout_buffer(STDOUT_FILENO);
  std::ostream out(&stdout_buffer);
  std::vector<std::string> args(argv, argv + argc);
  return plancheck::cli::Run(args, out, std::cerr, ::isatty(STDOUT_FILENO) == 1);
}
