#include "checks/sequence.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "checks/node_walk.h"
#include "checks/numbering_style.h"

namespace plancheck::checks {
namespace {

using Of = SequenceCheck::Of;
using Within = SequenceCheck::Within;
using Restart = SequenceCheck::Restart;

// Depth of the node a level names: document 0, part 1, section 2, task 3, sub-item 4.
int Depth(Of of) {
  switch (of) {
    case Of::kParts:
      return 1;
    case Of::kSections:
      return 2;
    case Of::kTasks:
      return 3;
    case Of::kSubItems:
      return 4;
  }
  return 0;
}
int Depth(Within within) {
  switch (within) {
    case Within::kAuto:  // resolved per document in Run
    case Within::kDocument:
      return 0;
    case Within::kPart:
      return 1;
    case Within::kSection:
      return 2;
    case Within::kTask:
      return 3;
  }
  return 0;
}
int Depth(rule::Scope scope) {
  switch (scope) {
    case rule::Scope::kDocument:
      return 0;
    case rule::Scope::kPart:
      return 1;
    case rule::Scope::kSection:
      return 2;
    case rule::Scope::kTask:
    case rule::Scope::kUnit:
      return 3;
  }
  return 0;
}

// Where each attachment of the notice begins: a line of its own "附件2" / "附件 2" / "附件二",
// or "附件2：<title>" (several lists issued together, each numbered from 一、 and 1.:
// fixtures/real/shanxi-qinxian-2025 "附件1 … 附件3"). The covering letter's list
// "附件：1.… 2.…" comes before every numbered node and starts nothing. Byte offsets, sorted.
std::vector<std::size_t> AttachmentStarts(std::string_view text) {
  static constexpr std::string_view kAttachment = "附件";
  static constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五",
                                                 "六", "七", "八", "九", "十"};
  std::vector<std::size_t> starts;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = TrimSpace(text.substr(begin, end - begin));
    if (line.substr(0, kAttachment.size()) == kAttachment) {
      line.remove_prefix(kAttachment.size());
      line = TrimSpace(line);
      bool numbered = false;
      for (bool more = true; more && !line.empty();) {
        more = false;
        if (line.front() >= '0' && line.front() <= '9') {
          line.remove_prefix(1);
          numbered = more = true;
          continue;
        }
        for (std::string_view digit : kDigits) {
          if (line.substr(0, digit.size()) == digit) {
            line.remove_prefix(digit.size());
            numbered = more = true;
            break;
          }
        }
      }
      line = TrimSpace(line);
      const bool titled = line.substr(0, std::string_view("：").size()) == "：" ||
                          line.substr(0, 1) == ":";
      if (line.empty() || (numbered && titled)) starts.push_back(begin);
    }
    begin = end + 1;
  }
  return starts;
}

// One numbered (or unnumbered) node in document order, and the run it belongs to.
struct Entry {
  const model::Numbering* number;
  rule::NodeRef ref;
  int group;  // changes at every `within` boundary
};

class Collector {
 public:
  Collector(Of of, int within_depth) : of_(of), within_depth_(within_depth) {}

  void Part(const rule::NodeRef& from, const model::Part& part) {
    Boundary(1);
    if (of_ == Of::kParts) {
      if (!part.implicit) Add(part.number, ChildRef(from, part));
      return;
    }
    for (const model::Section& section : part.sections) Section(from, part, section);
  }
  void Section(const rule::NodeRef& from, const model::Part& part, const model::Section& section) {
    Boundary(2);
    if (of_ == Of::kSections) {
      if (!section.implicit) Add(section.number, ChildRef(from, part, &section));
      return;
    }
    for (const model::Task& task : section.tasks) Task(from, part, section, task);
  }
  void Task(const rule::NodeRef& from, const model::Part& part, const model::Section& section,
            const model::Task& task) {
    Boundary(3);
    const rule::NodeRef ref = ChildRef(from, part, &section, &task);
    if (of_ == Of::kTasks) {
      Add(task.number, ref);
      return;
    }
    for (const model::SubItem& item : task.sub_items) Add(item.number, ref);
  }

  std::vector<Entry> entries;

 private:
  // Entering a node at `depth` starts a new run when that depth is the boundary or above
  // it (a new part is also a new section).
  void Boundary(int depth) {
    if (depth <= within_depth_ && depth > 0) ++group_;
  }
  void Add(const model::Numbering& number, const rule::NodeRef& ref) {
    entries.push_back({&number, ref, group_});
  }

  Of of_;
  int within_depth_;
  int group_ = 0;
};

// Renumbers numbered[from, end) as first, first + 1, … in one edit of the source, from the
// first number to the last one that changes, keeping each number's brackets and delimiter.
// None when a number is not written in the source as it was read (a normalized "１２"), or
// cannot be rewritten in its style.
std::optional<Fix> RenumberFix(const model::Document& doc, const std::vector<const Entry*>& numbered,
                               std::size_t from, std::size_t end, std::int64_t first) {
  const std::string_view source = doc.source;
  std::size_t last_changed = from;
  for (std::size_t k = from; k < end; ++k) {
    const std::int64_t value = first + static_cast<std::int64_t>(k - from);
    if (numbered[k]->number->value != value) last_changed = k;
  }
  std::string replacement;
  std::size_t begin = 0;
  std::size_t cursor = 0;
  for (std::size_t k = from; k <= last_changed; ++k) {
    const model::Numbering& number = *numbered[k]->number;
    const ByteSpan span = SourceSpan(doc, number.loc.span);
    if (span.end > source.size() || span.begin < cursor ||
        source.substr(span.begin, span.size()) != number.text) {
      return std::nullopt;
    }
    const std::string rewritten =
        RenumberText(number, first + static_cast<std::int64_t>(k - from));
    if (rewritten.empty()) return std::nullopt;
    if (k == from) {
      begin = span.begin;
    } else {
      replacement.append(source.substr(cursor, span.begin - cursor));
    }
    replacement += rewritten;
    cursor = span.end;
  }
  return MakeFix({begin, cursor}, std::move(replacement));
}

}  // namespace

std::unique_ptr<rule::Check> SequenceCheck::Create(const rule::Params& params, ErrorList& errors) {
  const std::size_t before = errors.size();
  const std::string of_name =
      params.Enum("of", {"parts", "sections", "tasks", "sub_items"}, "tasks", errors);
  if (!params.Has("of")) errors.Add(params.file(), params.position(), "missing parameter 'of'");
  const Of of = of_name == "parts"      ? Of::kParts
                : of_name == "sections" ? Of::kSections
                : of_name == "tasks"    ? Of::kTasks
                                        : Of::kSubItems;
  // The usual restart boundary of each level: tasks per section, sections per part.
  const std::string default_within = of == Of::kParts      ? "document"
                                     : of == Of::kSections ? "part"
                                     : of == Of::kTasks    ? "section"
                                                           : "task";
  const std::string within_name = params.Enum(
      "within", {"auto", "document", "part", "section", "task"}, default_within, errors);
  const Within within = within_name == "auto"       ? Within::kAuto
                        : within_name == "document" ? Within::kDocument
                        : within_name == "part"     ? Within::kPart
                        : within_name == "section"  ? Within::kSection
                                                    : Within::kTask;
  const std::string restart_name = params.Enum("restart", {"auto", "always", "never"}, "auto", errors);
  const Restart restart = restart_name == "always"  ? Restart::kAlways
                          : restart_name == "never" ? Restart::kNever
                                                    : Restart::kAuto;
  const std::int64_t start = params.Int("start", errors).value_or(1);

  if (errors.size() == before) {
    const int scope_depth = Depth(params.scope());
    if (Depth(of) <= scope_depth) {
      errors.Add(params.file(), params.PositionOf("of"),
                 "'of: " + of_name + "' needs a scope above it (scope is '" +
                     std::string(rule::ScopeName(params.scope())) + "')");
    } else if (within == Within::kAuto &&
               (of != Of::kTasks || params.scope() != rule::Scope::kDocument)) {
      errors.Add(params.file(), params.PositionOf("within"),
                 "'within: auto' follows the document's task numbering: it needs 'of: tasks' "
                 "and 'scope: document'");
    } else if (Depth(within) >= Depth(of) || Depth(within) < scope_depth) {
      errors.Add(params.file(), params.PositionOf("within"),
                 "'within: " + within_name + "' must lie between the scope '" +
                     std::string(rule::ScopeName(params.scope())) + "' and 'of: " + of_name +
                     "'");
    }
  }
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(new SequenceCheck(of, within, restart, start));
}

void SequenceCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  Within within = within_;
  Restart restart = restart_;
  if (within == Within::kAuto) {
    // The parser has read where this document's task numbers restart.
    switch (node.doc->task_numbering) {
      case model::NumberingScope::kDocument:
        within = Within::kDocument;
        break;
      case model::NumberingScope::kPart:
        within = Within::kPart;
        break;
      case model::NumberingScope::kSection:
        within = Within::kSection;
        break;
    }
    restart = within == Within::kDocument ? Restart::kNever : Restart::kAlways;
  }
  Collector collect(of_, Depth(within));
  switch (node.scope) {
    case rule::Scope::kDocument:
      for (const model::Part& part : node.doc->parts) collect.Part(node, part);
      break;
    case rule::Scope::kPart:
      collect.Part(node, *node.part);
      break;
    case rule::Scope::kSection:
      collect.Section(node, *node.part, *node.section);
      break;
    case rule::Scope::kTask:
    case rule::Scope::kUnit:
      collect.Task(node, *node.part, *node.section, *node.task);
      break;
  }

  // Every attachment numbers its parts, sections and tasks afresh.
  const std::vector<std::size_t> attachments = AttachmentStarts(node.doc->text);
  auto attachment_of = [&](const Entry& entry) {
    return std::upper_bound(attachments.begin(), attachments.end(), entry.number->loc.span.begin) -
           attachments.begin();
  };
  auto new_attachment = [&](const Entry& before, const Entry& after) {
    return !attachments.empty() && attachment_of(before) != attachment_of(after);
  };

  bool restarts = restart == Restart::kAlways;
  if (restart == Restart::kAuto) {
    // The document's convention is what it does at the first boundary it crosses
    // (fixtures/seeds/002 numbers tasks per section, 000 and 004 run on across sections),
    // other than the start of an attachment.
    const Entry* before = nullptr;
    for (const Entry& entry : collect.entries) {
      if (!entry.number->value) continue;
      if (before != nullptr && before->group != entry.group && !new_attachment(*before, entry)) {
        restarts = *entry.number->value == start_;
        break;
      }
      before = &entry;
    }
  }

  std::vector<const Entry*> numbered;
  for (const Entry& entry : collect.entries) {
    if (entry.number->value) numbered.push_back(&entry);
  }
  std::optional<int> group;
  std::int64_t expected = start_;
  // The number of the node before in the run (a plain pair: gcc 12 warns that an optional
  // here "may be used uninitialized").
  bool has_previous = false;
  std::int64_t previous = 0;
  bool run_fixed = false;  // the run's first defect has its renumbering fix
  for (std::size_t i = 0; i < numbered.size(); ++i) {
    const Entry& entry = *numbered[i];
    if ((group && *group != entry.group && restarts) ||
        (i > 0 && new_attachment(*numbered[i - 1], entry))) {
      expected = start_;
      has_previous = false;
      run_fixed = false;
    }
    group = entry.group;
    const std::int64_t actual = *entry.number->value;
    if (actual == expected) {
      has_previous = true;
      previous = actual;
      ++expected;
      continue;
    }
    rule::Finding finding;
    finding.span = entry.number->loc.span;
    // The expected number written as the author writes this one: "（二）", not "2".
    std::string expected_text = FormatNumber(entry.number->style, expected);
    if (expected_text.empty()) expected_text = std::to_string(expected);
    finding.args = {{"expected", std::to_string(expected)},
                    {"actual", std::to_string(actual)},
                    {"expected_text", expected_text},
                    {"actual_text", entry.number->text}};
    if (has_previous && actual == previous) finding.variant = "repeat";
    // The first defect of a run carries the renumbering of the run from it on (applied only
    // by --fix=numbering); a later defect of the same run is settled by that fix, and the
    // next pass re-checks what remains.
    if (!run_fixed) {
      std::size_t end = i + 1;
      while (end < numbered.size() && !(restarts && numbered[end]->group != entry.group) &&
             !new_attachment(*numbered[end - 1], *numbered[end])) {
        ++end;
      }
      finding.fix = RenumberFix(*node.doc, numbered, i, end, expected);
      run_fixed = true;
    }
    out.Report(entry.ref, std::move(finding));
    // One finding per defect: the next number in the run tells how the count goes on.
    // "119、120、120、122": the second 120 stands for 121 (the next is 122, one more than
    // expected), so 122 is right. "119、120、120、121" or a stray number ("5、2021、6"): the
    // next is the one expected here, so this node is extra and the count resumes with it.
    // Otherwise ("1、2、4、5") the number is a skip and the count goes on from it.
    const Entry* next = i + 1 < numbered.size() ? numbered[i + 1] : nullptr;
    const std::optional<std::int64_t> following =
        next != nullptr && !(restarts && next->group != entry.group) &&
                !new_attachment(entry, *next)
            ? next->number->value
            : std::nullopt;
    has_previous = true;
    previous = actual;
    if (following && *following == expected + 1) {
      ++expected;
    } else if (!(following && *following == expected)) {
      expected = actual + 1;
    }
  }
}

}  // namespace plancheck::checks
