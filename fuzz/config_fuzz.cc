// Fuzz target: bytes as a .plancheck.yaml -> config::LoadConfigFromString, then
// config::Resolve for a few rule ids and paths, which runs every override's globs
// (config::GlobMatch) and selectors. Mistakes must become Errors, never exceptions.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  ErrorList errors;
  // A directory that does not exist: rule packs and plan files named by the input are
  // resolved against it and reported missing, never read from the fuzzing machine.
  const config::Config config =
      config::LoadConfigFromString(yaml, "/nonexistent-fuzz/.plancheck.yaml", errors);
  for (const Error& error : errors.errors()) {
    fuzz::FuzzCheck(!error.message.empty(), "config error without a message");
  }
  for (const char* id : {"units.vague-lead", "numbering.task-continuous", "x"}) {
    for (const char* path :
         {"/nonexistent-fuzz/drafts/a/b.txt", "notice.txt", "", "/nonexistent-fuzz/一/二.docx"}) {
      config::Resolve(config, id, {"units", "style"}, true, Severity::kWarning, path);
    }
  }
  return 0;
}
