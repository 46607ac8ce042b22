#include "engine/engine.h"

#include "engine/setup.h"

#include <algorithm>
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <unordered_set>

#include "base/utf8.h"
#include "engine/fix.h"
#include "parse/parser.h"
#include "parse/targets.h"
#include "rule/message.h"
#include "rule/node_ref.h"

namespace plancheck::engine {
namespace {

constexpr std::size_t kMaxExcerptBytes = 240;
constexpr std::size_t kMaxSourceLineBytes = 4096;

// Collects findings of one rule on one document into Diagnostics.
class DiagnosticReporter final : public rule::Reporter {
 public:
  DiagnosticReporter(const model::Document& doc, const ActiveRule& active,
                     const LintOptions& options, std::vector<Diagnostic>& out)
      : doc_(doc), active_(active), options_(options), out_(out) {}

  void Report(const rule::NodeRef& node, rule::Finding finding) override {
    const rule::Rule& r = *active_.rule;
    Diagnostic d;
    d.rule_id = r.id;
    d.severity = active_.severity;
    d.file = doc_.path;
    d.span = finding.span == ByteSpan{} ? node.span() : finding.span;
    if (d.span.end > doc_.text.size()) d.span.end = doc_.text.size();
    if (d.span.begin > d.span.end) d.span.begin = d.span.end;
    d.start = doc_.PositionOf(d.span.begin);
    // The end is one past the span's last character as the user wrote it: mapping
    // span.end itself would run past spaces the normalizer dropped after the span
    // (fixtures/seeds/002: "2、 重点任务").
    if (d.span.empty()) {
      d.end = d.start;
    } else {
      d.end = doc_.PositionOf(d.span.end - 1);
      ++d.end.column;
    }
    if (d.start.line == 0) d.start = {1, 1};
    if (d.end < d.start) d.end = d.start;
    d.origin.source_span = {doc_.origin.ToSource(d.span.begin), doc_.origin.ToSource(d.span.end)};
    d.origin.start = d.start;
    d.origin.end = d.end;
    d.origin.place = doc_.PlaceOfLine(d.start.line);  // paragraph, table cell or PDF page line
    // A line too long to show (PDF text with no line breaks) is left out: copying it into
    // every diagnostic on it would cost its length per finding.
    if (options_.source_lines) {
      const std::string_view line = doc_.source_lines.LineText(d.start.line);
      if (line.size() <= kMaxSourceLineBytes) d.source_line = std::string(line);
    }
    d.excerpt = Excerpt(doc_.Slice(d.span));
    if (node.task != nullptr) d.task = node.Placeholder("number");

    const bool english = options_.language == "en";
    auto lookup = [&](std::string_view name) -> std::optional<std::string> {
      for (const auto& [key, value] : finding.args) {
        if (key == name) return value;
      }
      if (name == "suggestion") return finding.suggestion.value_or("");
      return node.Placeholder(name);
    };
    // A variant's texts replace the rule's where it gives them; English falls back to the
    // rule's English before any Chinese.
    const rule::MessageVariant* variant = rule::FindVariant(r, finding.variant);
    auto pick = [&](const std::string& zh, const std::string& en,
                    std::string rule::MessageVariant::*variant_zh,
                    std::string rule::MessageVariant::*variant_en) -> const std::string& {
      if (english && variant != nullptr && !(variant->*variant_en).empty()) return variant->*variant_en;
      if (english && !en.empty()) return en;
      if (variant != nullptr && !(variant->*variant_zh).empty()) return variant->*variant_zh;
      return zh;
    };
    const std::string& message = pick(r.message, r.message_en, &rule::MessageVariant::message,
                                      &rule::MessageVariant::message_en);
    d.message = rule::Interpolate(message, lookup);
    const std::string& suggest = pick(r.suggest, r.suggest_en, &rule::MessageVariant::suggest,
                                      &rule::MessageVariant::suggest_en);
    // A `suggest` built on {suggestion} ("是否应为“{suggestion}”？") is shown only when the
    // check found one.
    const bool needs_suggestion = suggest.find("{suggestion}") != std::string::npos;
    if (!suggest.empty() && (finding.suggestion || !needs_suggestion)) {
      d.suggestion = rule::Interpolate(suggest, lookup);
    } else if (finding.suggestion) {
      d.suggestion = *finding.suggestion;
    }
    // Only a rule that vouches for its check's fixes passes them on (rule::FixPolicy).
    if (finding.fix && r.fix != rule::FixPolicy::kNone &&
        finding.fix->span.end <= doc_.source.size() &&
        finding.fix->span.begin <= finding.fix->span.end) {
      d.fix = std::move(finding.fix);
      d.fix->numbering = r.fix == rule::FixPolicy::kNumbering;
      d.fix->start = doc_.source_lines.PositionOf(d.fix->span.begin);
      d.fix->end = doc_.source_lines.PositionOf(d.fix->span.end);
    }
    d.related = std::move(finding.related);
    for (Related& related : d.related) {
      if (related.file.empty() || related.file == doc_.path) {
        related.place = doc_.PlaceOfLine(related.start.line);
      }
    }
    out_.push_back(std::move(d));
  }

 private:
  // The first line of the span, cut at a character boundary.
  static std::string Excerpt(std::string_view text) {
    text = text.substr(0, text.find('\n'));
    if (text.size() > kMaxExcerptBytes) {
      std::size_t cut = kMaxExcerptBytes;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut);
    }
    return std::string(TrimSpace(text));
  }

  const model::Document& doc_;
  const ActiveRule& active_;
  const LintOptions& options_;
  std::vector<Diagnostic>& out_;
};

// Calls `visit` with a NodeRef for each node of `scope` in document order.
template <typename Visit>
void ForEachNode(const model::Document& doc, rule::Scope scope, Visit&& visit) {
  rule::NodeRef ref;
  ref.scope = scope;
  ref.doc = &doc;
  std::unordered_set<std::size_t> inherited_seen;  // byte offsets of inherited unit names
  if (scope == rule::Scope::kDocument) {
    visit(ref);
    return;
  }
  for (const model::Part& part : doc.parts) {
    ref.part = &part;
    ref.section = nullptr;
    ref.task = nullptr;
    if (scope == rule::Scope::kPart) {
      if (!part.implicit) visit(ref);
      continue;
    }
    for (const model::Section& section : part.sections) {
      ref.section = &section;
      ref.task = nullptr;
      if (scope == rule::Scope::kSection) {
        if (!section.implicit) visit(ref);
        continue;
      }
      for (const model::Task& task : section.tasks) {
        ref.task = &task;
        if (scope == rule::Scope::kTask) {
          visit(ref);
          continue;
        }
        ref.unit_role = "lead";
        for (const model::Located& unit : task.lead_units) {
          // A group heading's lead ("一、X牵头工作") is every task's below it: its names
          // are checked once, at the first of them.
          const bool inherited = unit.loc.span.begin < task.loc.span.begin ||
                                 unit.loc.span.begin >= task.loc.span.end;
          if (inherited && !inherited_seen.insert(unit.loc.span.begin).second) continue;
          ref.unit = &unit;
          visit(ref);
        }
        ref.unit_role = "cooperating";
        for (const model::Located& unit : task.cooperating_units) {
          ref.unit = &unit;
          visit(ref);
        }
        ref.unit = nullptr;
        ref.unit_role = {};
      }
    }
  }
}

}  // namespace

namespace {

Result<model::Document> Parsed(Result<model::Document> doc,
                               const data::IndicatorDictionary* indicators) {
  if (!doc) return doc;
  parse::ParseDocument(*doc);
  if (indicators != nullptr) parse::ExtractTargets(*doc, *indicators);
  return doc;
}

}  // namespace

Result<model::Document> ReadDocument(const ingest::InputFile& input,
                                     const data::IndicatorDictionary* indicators) {
  return Parsed(ingest::LoadDocument(input), indicators);
}

Result<model::Document> ReadDocumentFromString(std::string bytes, const std::string& name,
                                               const data::IndicatorDictionary* indicators) {
  return Parsed(ingest::LoadDocumentFromString(std::move(bytes), name), indicators);
}

std::vector<Diagnostic> LintDocument(const model::Document& doc,
                                     const std::vector<ActiveRule>& rules,
                                     const LintOptions& options) {
  std::vector<Diagnostic> out;
  const rule::PlanContext plan{options.indicators,
                               options.parent_of ? options.parent_of(doc) : nullptr};
  for (const ActiveRule& active : rules) {
    assert(active.rule != nullptr && active.rule->check != nullptr);
    DiagnosticReporter reporter(doc, active, options, out);
    rule::DocumentMemo memo;
    ForEachNode(doc, active.rule->scope, [&](const rule::NodeRef& node) {
      rule::NodeRef with_plan = node;
      with_plan.plan = &plan;
      with_plan.memo = &memo;
      active.rule->check->Run(with_plan, reporter);
    });
  }
  std::stable_sort(out.begin(), out.end(), DiagnosticLess);
  return out;
}

std::vector<ActiveRule> AllEnabled(const std::vector<rule::Rule>& rules) {
  std::vector<ActiveRule> active;
  for (const rule::Rule& r : rules) {
    if (r.enabled) active.push_back({&r, r.severity});
  }
  return active;
}

std::vector<Diagnostic> ParseAndLint(model::Document& doc, const std::vector<ActiveRule>& rules,
                                     const LintOptions& options) {
  parse::ParseDocument(doc);
  const bool needs_targets = std::any_of(rules.begin(), rules.end(), [](const ActiveRule& r) {
    return r.rule->check->NeedsTargets();
  });
  if (options.indicators != nullptr && (needs_targets || options.inspect)) {
    parse::ExtractTargets(doc, *options.indicators);
  }
  std::vector<Diagnostic> diagnostics = LintDocument(doc, rules, options);
  if (options.inspect) options.inspect(doc);
  return diagnostics;
}

Diagnostic InputErrorDiagnostic(const Error& error) {
  Diagnostic d;
  d.rule_id = "input.unreadable";
  d.severity = Severity::kError;
  d.file = error.file;
  d.start = error.position.line > 0 ? error.position : Position{1, 1};
  if (d.start.column == 0) d.start.column = 1;
  d.end = d.start;
  d.message = error.message;
  return d;
}

namespace {

// Reads, parses and lints one input.
FileResult LintOneOrThrow(const ingest::InputFile& input, const RuleSelector& select,
                          const LintOptions& options) {
  FileResult result;
  result.path = input.display_path;
  if (options.fix != nullptr) {
    result.fix = std::make_shared<FixOutcome>(FixDocument(input, select, options, *options.fix, result));
    return result;
  }
  const std::vector<ActiveRule> rules = select(result.path);
  const bool needs_targets = std::any_of(rules.begin(), rules.end(), [](const ActiveRule& r) {
    return r.rule->check->NeedsTargets();
  });
  Result<model::Document> doc =
      ReadDocument(input, needs_targets || options.inspect ? options.indicators : nullptr);
  if (!doc) {
    result.ok = false;
    result.diagnostics.push_back(InputErrorDiagnostic(doc.error()));
    return result;
  }
  if (options.regions != nullptr) options.regions->Resolve(doc->metadata);
  result.diagnostics = LintDocument(*doc, rules, options);
  if (options.inspect) options.inspect(*doc);
  return result;
}

// The same, with running out of memory (a memory limit, an input that expands past what
// the readers bound) an input error of this file: its memory is freed as the exception
// unwinds, and the other files go on.
FileResult LintOne(const ingest::InputFile& input, const RuleSelector& select,
                   const LintOptions& options) {
  try {
    return LintOneOrThrow(input, select, options);
  } catch (const std::bad_alloc&) {
    FileResult result;
    result.path = input.display_path;
    result.ok = false;
    result.diagnostics.push_back(InputErrorDiagnostic(
        Error{input.display_path, {}, "内存不足，无法检查此文件（文件过大或展开后过大），其他文件照常检查"}));
    return result;
  }
}

}  // namespace

void LintFilesInOrder(const std::vector<ingest::InputFile>& inputs, const RuleSelector& select,
                      const LintOptions& options, unsigned jobs,
                      const std::function<void(FileResult&&)>& emit) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, inputs.size())));
  if (jobs <= 1) {
    for (const ingest::InputFile& input : inputs) emit(LintOne(input, select, options));
    return;
  }
  // Workers take inputs in order but may finish out of order; the calling thread hands
  // each result to `emit` as soon as all earlier ones have gone. Workers stay at most
  // `window` inputs ahead of the last emitted one, so a slow file holds back a bounded
  // number of finished results.
  const std::size_t window = std::size_t{4} * jobs;
  std::vector<std::optional<FileResult>> slots(inputs.size());
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;     // the next input a worker takes
  std::size_t emitted = 0;  // inputs handed to `emit`
  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return next >= inputs.size() || next < emitted + window; });
        if (next >= inputs.size()) return;
        i = next++;
      }
      FileResult result = LintOne(inputs[i], select, options);
      {
        const std::lock_guard<std::mutex> lock(mutex);
        slots[i] = std::move(result);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  auto stop = [&] {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      next = inputs.size();
    }
    changed.notify_all();
    for (std::thread& thread : threads) thread.join();
  };
  try {
    while (emitted < inputs.size()) {
      FileResult ready;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return slots[emitted].has_value(); });
        ready = std::move(*slots[emitted]);
        slots[emitted].reset();
      }
      emit(std::move(ready));
      {
        const std::lock_guard<std::mutex> lock(mutex);
        ++emitted;
      }
      changed.notify_all();
    }
  } catch (...) {
    stop();
    throw;
  }
  stop();
}

std::vector<FileResult> LintFiles(const std::vector<ingest::InputFile>& inputs,
                                  const RuleSelector& select, const LintOptions& options,
                                  unsigned jobs) {
  std::vector<FileResult> results;
  results.reserve(inputs.size());
  LintFilesInOrder(inputs, select, options, jobs,
                   [&](FileResult&& result) { results.push_back(std::move(result)); });
  return results;
}

}  // namespace plancheck::engine
