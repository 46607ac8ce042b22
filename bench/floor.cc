// bench/floor: the speed floor plancheck is measured against. Reads the given files the
// way plancheck does (ingest::CollectInputs, ingest::LoadDocument: read, decode,
// normalize) and runs three RE2 patterns over each normalized text on all cores. Prints
// matches and MB/s (source bytes per wall-clock second).
//
//   floor PATH... [--jobs N]
#include <re2/re2.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "ingest/ingest.h"

using namespace plancheck;

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  unsigned jobs = std::thread::hardware_concurrency();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    } else {
      paths.push_back(arg);
    }
  }
  if (jobs == 0) jobs = 1;
  const auto start = std::chrono::steady_clock::now();
  ErrorList errors;
  const std::vector<ingest::InputFile> inputs = ingest::CollectInputs(paths, errors);

  const RE2 task_number(R"((?m)^\s*\d+[.．、])");
  const RE2 unit_label("(责任单位|配合单位)");
  const RE2 percentage(R"(\d+(?:\.\d+)?\s*[%％])");
  const RE2* const patterns[] = {&task_number, &unit_label, &percentage};

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> bytes{0};
  std::atomic<std::size_t> matches{0};
  std::atomic<std::size_t> failed{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      Result<model::Document> doc = ingest::LoadDocument(inputs[i]);
      if (!doc) {
        ++failed;
        continue;
      }
      bytes += doc->source.size();
      std::size_t found = 0;
      for (const RE2* pattern : patterns) {
        re2::StringPiece input(doc->text);
        while (RE2::FindAndConsume(&input, *pattern)) ++found;
      }
      matches += found;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu files (%zu unreadable), %.1f MB, %zu matches, %.3f s, %.1f MB/s\n",
              inputs.size(), failed.load(), bytes.load() / 1e6, matches.load(), seconds,
              bytes.load() / 1e6 / seconds);
  return 0;
}
