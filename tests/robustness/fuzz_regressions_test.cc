// Regression inputs of the fuzz targets (fuzz/): every file in
// tests/robustness/fuzz/<target>/ is an input that once crashed, leaked, hung or broke a
// contract there. Each goes through the same entry point as its target, in a child under
// the limits of child.h, and must come back clean: no crash, no hang, and a bad input
// reported as an Error naming the file.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "child.h"
#include "config/config.h"
#include "config/rule_pack.h"
#include "docx_xml_input.h"
#include "ingest/docx_reader.h"
#include "ingest/html_reader.h"
#include "ingest/ingest.h"
#include "ingest/pdf_reader.h"
#include "data/indicators.h"
#include "parse/parser.h"
#include "parse/targets.h"
#include "test_util.h"

namespace plancheck::testing {
namespace {

namespace fs = std::filesystem;

// The regression inputs of one target, sorted.
std::vector<std::string> InputsOf(const std::string& target) {
  std::vector<std::string> paths;
  const fs::path dir = TestDataPath("robustness/fuzz/" + target);
  if (!fs::is_directory(dir)) return paths;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Exit codes of the child: 0 clean, 3 a contract broken (described in `err`).
int Broken(std::string& err, const std::string& what) {
  err = what;
  return 3;
}

bool Inside(const ByteSpan& span, const std::string& text) {
  return span.begin <= span.end && span.end <= text.size();
}

// fuzz/ingest_parse_fuzz.cc, fuzz/targets_fuzz.cc and fuzz/docx_xml_fuzz.cc (as
// "fuzz.docx", with the input wrapped by fuzz/docx_xml_input.h).
int IngestParseTargets(const std::string& bytes, const std::string& name, std::string& err) {
  Result<model::Document> doc = ingest::LoadDocumentFromString(bytes, name);
  if (!doc) {
    if (doc.error().file != name || doc.error().message.empty()) {
      return Broken(err, "input error without file or message: " + FormatError(doc.error()));
    }
    return 0;
  }
  if (!IsValidUtf8(doc->text)) return Broken(err, "normalized text is not UTF-8");
  if (!doc->line_places.empty() &&
      doc->line_places.size() !=
          static_cast<std::size_t>(std::count(doc->source.begin(), doc->source.end(), '\n'))) {
    return Broken(err, "lines and places differ in number");
  }
  parse::ParseDocument(*doc);
  for (const model::Task* task : doc->AllTasks()) {
    if (!Inside(task->loc.span, doc->text) || !Inside(task->text_loc.span, doc->text)) {
      return Broken(err, "task span outside the text");
    }
  }
  ErrorList errors;
  const data::IndicatorDictionary dict =
      data::LoadIndicatorDictionary(RulesPath("indicators.yaml"), errors);
  if (!errors.empty()) return Broken(err, errors.ToString());
  parse::ExtractTargets(*doc, dict);
  for (const model::Target& target : doc->targets) {
    if (!Inside(target.span, doc->text)) return Broken(err, "target span outside the text");
  }
  parse::ExtractFromText(doc->text, dict);
  return 0;
}

// fuzz/docx_fuzz.cc, fuzz/html_fuzz.cc and fuzz/pdf_fuzz.cc.
int Container(const Result<std::string>& text, const std::string& name, std::string& err) {
  if (!text) {
    if (text.error().file != name || text.error().message.empty()) {
      return Broken(err, "error without file or message: " + FormatError(text.error()));
    }
    return 0;
  }
  return IsValidUtf8(*text) ? 0 : Broken(err, "text is not UTF-8");
}

// fuzz/rule_pack_fuzz.cc.
int RulePack(const std::string& yaml, std::string& err) {
  std::vector<rule::Rule> rules;
  ErrorList errors;
  config::LoadRulePackFromString(yaml, "fuzz.yaml", rules, errors);
  for (const Error& error : errors.errors()) {
    if (error.message.empty()) return Broken(err, "rule-pack error without a message");
  }
  for (const rule::Rule& rule : rules) {
    if (rule.id.empty()) return Broken(err, "rule without an id");
  }
  return 0;
}

// fuzz/config_fuzz.cc.
int Config(const std::string& yaml, std::string& err) {
  ErrorList errors;
  const config::Config config =
      config::LoadConfigFromString(yaml, "/nonexistent-fuzz/.plancheck.yaml", errors);
  for (const Error& error : errors.errors()) {
    if (error.message.empty()) return Broken(err, "config error without a message");
  }
  for (const char* path : {"/nonexistent-fuzz/drafts/a/b.txt", "notice.txt", ""}) {
    config::Resolve(config, "units.vague-lead", {"units"}, true, Severity::kWarning, path);
  }
  return 0;
}

int RunTarget(const std::string& target, const std::string& bytes, std::string& err) {
  if (target == "ingest_parse" || target == "targets") {
    return IngestParseTargets(bytes, "fuzz.txt", err);
  }
  if (target == "docx_xml") {
    return IngestParseTargets(fuzz::WrapInDocx(fuzz::SplitDocxXmlInput(bytes)), "fuzz.docx", err);
  }
  if (target == "docx") return Container(ingest::DocxToText(bytes, "fuzz.docx"), "fuzz.docx", err);
  if (target == "html") return Container(ingest::HtmlToText(bytes, "fuzz.html"), "fuzz.html", err);
  if (target == "pdf") return Container(ingest::PdfToText(bytes, "fuzz.pdf"), "fuzz.pdf", err);
  if (target == "rule_pack") return RulePack(bytes, err);
  if (target == "config") return Config(bytes, err);
  return Broken(err, "no entry point for fuzz target '" + target + "'");
}

}  // namespace

TEST_CASE("fuzz regression inputs come back clean", "[robustness][fuzz]") {
  const std::string target = GENERATE(as<std::string>{}, "config", "docx", "docx_xml", "html",
                                      "ingest_parse", "pdf", "rule_pack", "targets");
  for (const std::string& path : InputsOf(target)) {
    CAPTURE(target, path);
    const std::string bytes = ReadFile(path);
    const ChildResult r =
        RunLimited([&](std::string&, std::string& err) { return RunTarget(target, bytes, err); });
    INFO(r.Describe());
    CHECK(r.exited);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("every fuzz regression directory belongs to a target", "[robustness][fuzz]") {
  // A misnamed directory would hold inputs that no test reads.
  const std::vector<std::string> known = {"config",       "docx", "docx_xml",  "html",
                                          "ingest_parse", "pdf",  "rule_pack", "targets"};
  for (const auto& entry : fs::directory_iterator(TestDataPath("robustness/fuzz"))) {
    if (!entry.is_directory()) continue;  // README.md
    CAPTURE(entry.path().string());
    CHECK(std::find(known.begin(), known.end(), entry.path().filename().string()) != known.end());
  }
}

TEST_CASE("the fuzz regression runner catches a broken contract", "[robustness][fuzz]") {
  // The near miss: an unknown target is reported, not passed.
  std::string err;
  CHECK(RunTarget("no-such-target", "x", err) == 3);
  CHECK(RunTarget("html", "<html><body><p>\xe4\xb8\x80</p></body></html>", err) == 0);
  // docx_xml wraps its input in an archive: XML without text is refused by name, not
  // reported as an unreadable ZIP.
  CHECK(RunTarget("docx_xml", "<w:document><w:body/></w:document>", err) == 0);
  CHECK(RunTarget("docx_xml", "<w:document/>" + std::string(fuzz::kNumberingSeparator) + "<x",
                  err) == 0);
}

TEST_CASE("the docx_xml wrapper yields an archive the .docx reader opens", "[robustness][fuzz]") {
  // The replay of tests/robustness/fuzz/docx_xml/ is only worth something if the wrapped
  // input reaches the XML code: the committed seed must come out as text, with its list
  // numbers and merged cells.
  const std::vector<std::string> inputs = InputsOf("docx_xml");
  REQUIRE(!inputs.empty());
  const std::string seed =
      ReadFile(TestDataPath("robustness/fuzz/docx_xml/seed-numbering-merged-cells"));
  const fuzz::DocxXmlParts parts = fuzz::SplitDocxXmlInput(seed);
  REQUIRE(parts.numbering.has_value());
  const Result<std::string> text = ingest::DocxToText(fuzz::WrapInDocx(parts), "seed.docx");
  REQUIRE(text.ok());
  CHECK(text->find("一、总体要求\n（一）推进数字经济发展\n") != std::string::npos);
  CHECK(text->find("\t1\n\t引进重点项目\n\t区招商投资局\n\t\n") != std::string::npos);
}

}  // namespace plancheck::testing
