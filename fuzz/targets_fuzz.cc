// Fuzz target: the target extractor. Bytes as a document (decoded and normalized like a
// file) -> parse::ParseDocument -> parse::ExtractTargets with the default indicator
// dictionary (rules/indicators.yaml), and parse::ExtractFromText over the whole text.
// Every target's span must lie inside the text; no exception, crash or hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_util.h"
#include "ingest/ingest.h"
#include "data/indicators.h"
#include "parse/parser.h"
#include "parse/targets.h"

namespace {

const plancheck::data::IndicatorDictionary& Dictionary() {
  static const plancheck::data::IndicatorDictionary* const kDict = [] {
    plancheck::ErrorList errors;
    auto* dict =
        new plancheck::data::IndicatorDictionary(plancheck::data::LoadIndicatorDictionary(
            std::string(PLANCHECK_FUZZ_RULES_DIR) + "/indicators.yaml", errors));
    plancheck::fuzz::FuzzCheck(errors.empty() && dict->size() > 0,
                               "the default indicator dictionary does not load");
    return dict;
  }();
  return *kDict;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  const data::IndicatorDictionary& dict = Dictionary();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Result<model::Document> doc = ingest::LoadDocumentFromString(std::move(bytes), "fuzz.txt");
  if (!doc) return 0;
  parse::ParseDocument(*doc);
  parse::ExtractTargets(*doc, dict);
  for (const model::Target& target : doc->targets) {
    fuzz::FuzzCheck(target.span.begin <= target.span.end && target.span.end <= doc->text.size(),
                    "target span outside the text");
  }
  for (const model::Target& target : parse::ExtractFromText(doc->text, dict)) {
    fuzz::FuzzCheck(target.span.end <= doc->text.size(), "statement target span outside");
  }
  parse::PlanInfoOf(*doc);
  return 0;
}
