// real-corpus-report: the real corpus's figures and each notice's misses
// (scripts/real-corpus-report builds and runs it).
//   real-corpus-report [FIXTURES_REAL_DIR]
// Exit 0 after printing; 2 when an expectation cannot be read.
#include <iostream>

#include "real/corpus.h"

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "fixtures/real";
  std::vector<std::string> errors;
  const std::vector<plancheck::real::Notice> notices = plancheck::real::LoadCorpus(dir, errors);
  for (const std::string& error : errors) std::cerr << error << "\n";
  plancheck::real::PrintReport(plancheck::real::Evaluate(notices), std::cout);
  return errors.empty() ? 0 : 2;
}
