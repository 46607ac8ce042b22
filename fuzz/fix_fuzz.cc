// Fuzz target: `plancheck lint --fix` on a fuzzed document. Bytes as a document file (plain
// text in any encoding plancheck reads, or a .docx, routed by content as a file is) ->
// engine::FixBytes with the default rule pack, numbering fixes included. Contracts: a
// refused input is an input error; when fixes were applied, the fixed bytes are read back
// by ingest::DecodeText in the original's encoding (GB18030 stays GB18030, a BOM stays) as
// exactly the fixed text, and that text is valid UTF-8 and lints again; and when the fixes
// converged, fixing the result changes nothing (idempotence).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/rule_pack.h"
#include "engine/fix.h"
#include "fuzz_util.h"
#include "ingest/text_reader.h"

namespace {

const std::vector<plancheck::rule::Rule>& DefaultRules() {
  static const std::vector<plancheck::rule::Rule>* const kRules = [] {
    plancheck::ErrorList errors;
    auto* rules = new std::vector<plancheck::rule::Rule>;
    plancheck::config::LoadRulePack(std::string(PLANCHECK_FUZZ_RULES_DIR) + "/default", *rules,
                                    errors);
    plancheck::fuzz::FuzzCheck(errors.empty() && !rules->empty(),
                               "the default rule pack does not load");
    return rules;
  }();
  return *kRules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  const std::vector<engine::ActiveRule> rules = engine::AllEnabled(DefaultRules());
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const engine::FixOptions options{.numbering = true, .write = false};
  engine::FileResult result;
  std::string fixed;
  const engine::FixOutcome outcome =
      engine::FixBytes(bytes, "fuzz.txt", rules, {}, options, result, fixed);
  if (!result.ok) {
    fuzz::FuzzCheck(result.diagnostics.size() == 1 && result.diagnostics[0].file == "fuzz.txt",
                    "input error does not name the file");
    return 0;
  }
  fuzz::FuzzCheck(IsValidUtf8(outcome.after), "fixed text is not UTF-8");
  if (fixed.empty()) return 0;
  Result<ingest::DecodedText> original = ingest::DecodeText(bytes, "fuzz.txt");
  Result<ingest::DecodedText> reread = ingest::DecodeText(fixed, "fuzz.txt");
  fuzz::FuzzCheck(original.ok() && reread.ok(), "fixed file cannot be read back");
  fuzz::FuzzCheck(reread->encoding == original->encoding, "fixing changed the encoding");
  fuzz::FuzzCheck(reread->text == outcome.after, "fixed file does not read back as the fixed text");
  fuzz::LoadAndParse(fixed, "fuzz.txt");
  if (outcome.passes < engine::kMaxFixPasses) {
    engine::FileResult again_result;
    std::string again;
    const engine::FixOutcome second =
        engine::FixBytes(fixed, "fuzz.txt", rules, {}, options, again_result, again);
    fuzz::FuzzCheck(second.applied.empty(), "a second --fix changed the fixed document");
  }
  return 0;
}
