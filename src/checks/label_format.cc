#include "checks/label_format.h"

#include <string>
#include <string_view>

#include "base/utf8.h"
#include "checks/node_walk.h"

namespace plancheck::checks {
namespace {

constexpr std::string_view kColon = "：";

// The label as written in the source without line breaks and the white space around them
// (PDF text breaks words): `shown` is that, for the message; the word returned also drops
// the white space before the separator (PDF text writes "责任单位 :" throughout,
// fixtures/seeds/004), and `separator` gets the last character (the colon or what stands
// for it).
std::string AsWritten(std::string_view source, std::string* shown, std::string* separator) {
  std::u32string chars;
  bool after_break = false;
  for (std::size_t offset = 0; offset < source.size();) {
    const char32_t cp = DecodeUtf8(source, offset);
    if (cp == '\n' || cp == '\r') {
      while (!chars.empty() && (IsHorizontalSpace(chars.back()) || chars.back() == '\t')) {
        chars.pop_back();
      }
      after_break = true;
      continue;
    }
    if (after_break && (IsHorizontalSpace(cp) || cp == '\t')) continue;
    after_break = false;
    chars.push_back(cp);
  }
  // White space after the separator is no part of the label ("责任单位: 市发展改革委" in a
  // web copy, fixtures/real/henan-xinmi-2021).
  while (!chars.empty() && (IsHorizontalSpace(chars.back()) || chars.back() == '\t')) {
    chars.pop_back();
  }
  for (char32_t cp : chars) AppendUtf8(*shown, cp);
  if (!chars.empty()) {
    *separator = ToUtf8(chars.back());
    chars.pop_back();
  }
  while (!chars.empty() && (IsHorizontalSpace(chars.back()) || chars.back() == '\t')) {
    chars.pop_back();
  }
  std::string out;
  for (char32_t cp : chars) AppendUtf8(out, cp);
  return out;
}

}  // namespace

std::unique_ptr<rule::Check> LabelFormatCheck::Create(const rule::Params& params,
                                                      ErrorList& errors) {
  if (params.scope() != rule::Scope::kTask) {
    errors.Add(params.file(), params.PositionOf("scope"), "check 'label-format' needs 'scope: task'");
    return nullptr;
  }
  return std::unique_ptr<rule::Check>(new LabelFormatCheck());
}

void LabelFormatCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  const std::string_view source = doc.source;
  for (const model::Label& label : node.task->labels) {
    const std::size_t begin = doc.origin.ToSource(label.loc.span.begin);
    const std::size_t end = doc.origin.ToSource(label.loc.span.end);
    if (begin >= end || end > source.size()) continue;
    std::string shown;
    std::string separator;
    const std::string word = AsWritten(source.substr(begin, end - begin), &shown, &separator);
    const bool colon = separator == kColon || separator == ":";
    if (word == label.word && colon) continue;
    const std::string expected = label.word + std::string(kColon);
    rule::Finding finding;
    finding.span = label.loc.span;
    finding.args = {{"label", shown}, {"expected", expected}};
    finding.suggestion = expected;
    // A half-width colon is kept: widening it is punctuation.half-width-in-chinese's fix.
    finding.fix =
        MakeFix({begin, end}, label.word + (separator == ":" ? std::string(":") : std::string(kColon)));
    out.Report(node, std::move(finding));
  }
}

}  // namespace plancheck::checks
