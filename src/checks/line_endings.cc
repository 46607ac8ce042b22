#include "checks/line_endings.h"

#include <array>
#include <string>
#include <string_view>

namespace plancheck::checks {
namespace {

enum Kind { kLf, kCrLf, kCr, kKinds };
constexpr std::array<const char*, kKinds> kNames = {"LF", "CRLF", "CR"};

}  // namespace

std::unique_ptr<rule::Check> LineEndingsCheck::Create(const rule::Params& params,
                                                      ErrorList& errors) {
  if (params.scope() != rule::Scope::kDocument) {
    errors.Add(params.file(), params.PositionOf("scope"),
               "check 'line-endings' needs 'scope: document'");
    return nullptr;
  }
  return std::unique_ptr<rule::Check>(new LineEndingsCheck());
}

void LineEndingsCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  const std::string_view source = doc.source;
  std::array<std::size_t, kKinds> counts{};
  std::array<std::size_t, kKinds> first{};  // source offset of the first line break of a kind
  // memchr-speed scan: '\r' and '\n' are the only bytes that matter.
  for (std::size_t at = source.find_first_of("\r\n"); at != std::string_view::npos;
       at = source.find_first_of("\r\n", at + 1)) {
    const std::size_t begin = at;
    Kind kind = kLf;
    if (source[at] == '\r') {
      kind = at + 1 < source.size() && source[at + 1] == '\n' ? kCrLf : kCr;
      if (kind == kCrLf) ++at;  // the '\n' belongs to this break
    }
    if (counts[kind]++ == 0) first[kind] = begin;
  }
  int used = 0;
  int most = kLf;
  for (int kind = 0; kind < kKinds; ++kind) {
    if (counts[kind] == 0) continue;
    ++used;
    if (counts[kind] > counts[most]) most = kind;
  }
  if (used < 2) return;
  // The first line break of a kind other than the most used one.
  int odd = -1;
  for (int kind = 0; kind < kKinds; ++kind) {
    if (kind == most || counts[kind] == 0) continue;
    if (odd < 0 || first[kind] < first[odd]) odd = kind;
  }
  rule::Finding finding;
  const std::size_t at = doc.origin.ToNormalized(first[odd]);
  finding.span = {at, at};
  finding.args = {{"first", kNames[odd]},
                  {"count", std::to_string(counts[odd])},
                  {"other", kNames[most]},
                  {"other_count", std::to_string(counts[most])}};
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
