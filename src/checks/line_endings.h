// `line-endings`: a file ends its lines one way. Some lines in CRLF and others in LF (a
// notice pasted together from two editors) is one finding for the file; a whole file in
// CRLF, or in LF, is fine.
//
//   scope: document
//   check: line-endings
//
// Reads Document::source (the normalizer makes every line end "\n"). A lone "\r" (old Mac
// files) counts as a third kind. Reports at the end of the first line that differs from
// the kind most lines use, with {first} and {count} (that kind's name and how many lines
// end so), {other} and {other_count} (the most used kind and its lines). The readers of
// .docx, web pages and PDF write "\n" only, so only plain text can be reported.
#pragma once

#include <memory>

#include "base/error_list.h"
#include "rule/check.h"
#include "rule/params.h"

namespace plancheck::checks {

class LineEndingsCheck final : public rule::Check {
 public:
  static constexpr const char* kSummary = "a file ends all its lines the same way (CRLF or LF)";
  // No parameters. Needs `scope: document`; anything else is added to `errors`.
  static std::unique_ptr<rule::Check> Create(const rule::Params& params, ErrorList& errors);
  void Run(const rule::NodeRef& node, rule::Reporter& out) const override;
  std::vector<std::string> ProvidedPlaceholders() const override {
    return {"first", "count", "other", "other_count"};
  }

 private:
  LineEndingsCheck() = default;
};

}  // namespace plancheck::checks
