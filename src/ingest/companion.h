// Where plancheck finds the files it loads or runs besides itself (the PDF module, the .doc
// helper): first found wins among $<env_var>; installed, <prefix>/<libdir>/plancheck/<name>
// for <prefix>/<bindir>/plancheck (`installed_from_bin` is that path relative to the
// binary's directory); and the build tree's (tests, bench, an uninstalled build).
#pragma once

#include <string>
#include <vector>

namespace plancheck::ingest {

std::vector<std::string> CompanionCandidates(const char* env_var,
                                             const std::string& installed_from_bin,
                                             const std::string& build_path);

}  // namespace plancheck::ingest
