#include "ingest/companion.h"

#include <cstdlib>
#include <filesystem>

namespace plancheck::ingest {

std::vector<std::string> CompanionCandidates(const char* env_var,
                                             const std::string& installed_from_bin,
                                             const std::string& build_path) {
  namespace fs = std::filesystem;
  std::vector<std::string> candidates;
  if (const char* env = std::getenv(env_var); env != nullptr && *env != '\0') {
    candidates.push_back(env);
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back((exe.parent_path() / installed_from_bin).lexically_normal().string());
  candidates.push_back(build_path);
  return candidates;
}

}  // namespace plancheck::ingest
