// Check: the interface every check kind implements, and what checks report.
//
// A check kind is a C++ class configured by a rule's YAML parameters (see params.h).
// The engine calls Run once per node in the rule's scope; the check reports Findings
// through a Reporter and never prints. The engine turns each Finding into a Diagnostic:
// rule id, severity, the rule's message with placeholders filled, and positions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "rule/node_ref.h"

namespace plancheck::rule {

struct Finding {
  // Where, in Document::text. An empty span means the node's own span.
  ByteSpan span;
  // Placeholder values for the message beyond the node's own, e.g. {"expected", "3"}.
  std::vector<std::pair<std::string, std::string>> args;
  // A concrete replacement suggestion ("区经济信息委"); the rule's `suggest` text is used
  // when absent.
  std::optional<std::string> suggestion;
  std::optional<Fix> fix;  // span in Document::source; only when the edit is certain
  std::vector<Related> related;
  // Which wording of the message fits this finding (one of ProvidedVariants); empty for the
  // rule's own message, as is a name the rule gives no variant for.
  std::string variant;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Report(const NodeRef& node, Finding finding) = 0;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void Run(const NodeRef& node, Reporter& out) const = 0;
  // Placeholders this check fills in Finding::args; a rule's message may use these and
  // the node's own (NodeRef::PlaceholderNames), anything else is a load error.
  virtual std::vector<std::string> ProvidedPlaceholders() const { return {}; }
  // Kinds of finding the check tells apart in Finding::variant; a rule's `variants:` may
  // word its message for each (a name not listed here is a load error).
  virtual std::vector<std::string> ProvidedVariants() const { return {}; }
  // True when Run reads Document::targets: the engine extracts targets only for documents
  // that some such rule checks.
  virtual bool NeedsTargets() const { return false; }
};

}  // namespace plancheck::rule
