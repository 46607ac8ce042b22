// Test harness for check kinds: hand-built Documents and a recording Reporter.
//
// A TestDoc ingests a snippet (so source, text and the origin map are real) and then has
// its outline built by hand, independent of the parser: each builder call finds its
// token at or after a cursor that only moves forward, so a table of snippets reads like
// the document. Run() walks the nodes of a scope like the engine does and returns one
// line per finding: "line:col key=value ..." (position of the finding's start in the
// source; args in the order the check gave them).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "base/error_list.h"
#include "ingest/ingest.h"
#include "model/document.h"
#include "rule/check.h"
#include "rule/node_ref.h"
#include "rule/params.h"
#include "test_util.h"
#include "config/yaml_params.h"

namespace plancheck::checks::testing {

using plancheck::testing::RulesPath;

// Writes a unit registry (YAML text) to a temporary file and returns its path.
inline std::string TempRegistry(const std::string& yaml) {
  const std::string path = plancheck::testing::MakeTempDir() + "/registry.yaml";
  plancheck::testing::WriteFile(path, yaml);
  return path;
}

class TestDoc {
 public:
  explicit TestDoc(const std::string& text) {
    Result<model::Document> loaded = ingest::LoadDocumentFromString(text, "t.txt");
    if (!loaded) throw std::runtime_error(FormatError(loaded.error()));
    doc = std::move(*loaded);
    doc.Reindex();
    doc.body = {0, doc.text.size()};
  }

  // A part numbered by `token` (found in the text), to the end of its line.
  TestDoc& Part(const std::string& token, std::optional<std::int64_t> value,
                model::NumberStyle style) {
    model::Part part;
    part.number = Number(token, value, style);
    part.loc = doc.Locate({part.number.loc.span.begin, LineEnd(part.number.loc.span.begin)});
    doc.parts.push_back(std::move(part));
    return *this;
  }
  // A section in the last part (an implicit part is made when there is none).
  TestDoc& Section(const std::string& token, std::optional<std::int64_t> value,
                   model::NumberStyle style) {
    model::Section section;
    section.number = Number(token, value, style);
    section.loc =
        doc.Locate({section.number.loc.span.begin, LineEnd(section.number.loc.span.begin)});
    CurrentPart().sections.push_back(std::move(section));
    return *this;
  }
  // A task in the last section: `token` is its number ("" for none: the task starts at
  // the cursor), its text runs to the end of the line.
  TestDoc& Task(const std::string& token, std::optional<std::int64_t> value,
                model::NumberStyle style) {
    model::Task task;
    // An unnumbered task is the next line.
    std::size_t begin = cursor_ == 0 ? 0 : LineEnd(cursor_) + 1;
    if (!token.empty()) {
      task.number = Number(token, value, style);
      begin = task.number.loc.span.begin;
    }
    const std::size_t text_begin = token.empty() ? begin : task.number.loc.span.end;
    const std::size_t end = LineEnd(begin);
    task.loc = doc.Locate({begin, end});
    task.text_loc = doc.Locate({text_begin, end});
    task.text = doc.text.substr(text_begin, end - text_begin);
    cursor_ = std::max(cursor_, text_begin);
    CurrentSection().tasks.push_back(std::move(task));
    int ordinal = 0;
    for (const auto& p : doc.parts)
      for (const auto& s : p.sections) ordinal += static_cast<int>(s.tasks.size());
    CurrentTask().ordinal = ordinal;
    return *this;
  }
  TestDoc& SubItem(const std::string& token, std::int64_t value, model::NumberStyle style) {
    model::SubItem item;
    item.number = Number(token, value, style);
    item.loc = doc.Locate({item.number.loc.span.begin, LineEnd(item.number.loc.span.begin)});
    CurrentTask().sub_items.push_back(std::move(item));
    return *this;
  }
  // Units of the last task, found in order after the cursor.
  TestDoc& Lead(const std::string& name) {
    CurrentTask().lead_units.push_back(Find(name));
    Extend();
    return *this;
  }
  TestDoc& Cooperating(const std::string& name) {
    CurrentTask().cooperating_units.push_back(Find(name));
    Extend();
    return *this;
  }
  // The last task's assignment: `text` as found after the cursor.
  TestDoc& Assignment(const std::string& text) {
    const model::Located found = Find(text);
    CurrentTask().assignment = found.loc;
    cursor_ = found.loc.span.begin;  // units inside it come next
    Extend(found.loc.span.end);
    return *this;
  }
  TestDoc& DeclaredCount(const std::string& phrase, std::int64_t value) {
    const model::Located found = Find(phrase);
    doc.declared_task_count = model::DeclaredCount{value, found.loc};
    return *this;
  }
  // The last part's heading declares `value` tasks in `phrase` ("12项").
  TestDoc& GroupCount(const std::string& phrase, std::int64_t value) {
    const model::Located found = Find(phrase);
    CurrentPart().group.declared_count = model::DeclaredCount{value, found.loc};
    return *this;
  }

  model::Document doc;

 private:
  model::Part& CurrentPart() {
    if (doc.parts.empty()) {
      doc.parts.emplace_back();
      doc.parts.back().implicit = true;
    }
    return doc.parts.back();
  }
  model::Section& CurrentSection() {
    model::Part& part = CurrentPart();
    if (part.sections.empty()) {
      part.sections.emplace_back();
      part.sections.back().implicit = true;
    }
    return part.sections.back();
  }
  model::Task& CurrentTask() { return CurrentSection().tasks.back(); }
  // The last task's span grows to cover what was added to it.
  void Extend(std::size_t end = 0) {
    model::Task& task = CurrentTask();
    const std::size_t new_end = std::max({task.loc.span.end, end, cursor_});
    task.loc = doc.Locate({task.loc.span.begin, new_end});
  }
  std::size_t LineEnd(std::size_t from) const {
    const std::size_t end = doc.text.find('\n', from);
    return end == std::string::npos ? doc.text.size() : end;
  }
  model::Located Find(const std::string& token) {
    const std::size_t at = doc.text.find(token, cursor_);
    if (at == std::string::npos) throw std::runtime_error("no '" + token + "' after the cursor");
    cursor_ = at + token.size();
    return {token, doc.Locate({at, at + token.size()})};
  }
  model::Numbering Number(const std::string& token, std::optional<std::int64_t> value,
                          model::NumberStyle style) {
    const model::Located found = Find(token);
    model::Numbering number;
    number.text = token;
    number.value = value;
    number.style = style;
    number.loc = found.loc;
    return number;
  }
  std::size_t cursor_ = 0;
};

class RecordingReporter final : public rule::Reporter {
 public:
  explicit RecordingReporter(const model::Document& doc, bool with_fixes = true)
      : doc_(doc), with_fixes_(with_fixes) {}
  void Report(const rule::NodeRef& node, rule::Finding finding) override {
    const ByteSpan span = finding.span == ByteSpan{} ? node.span() : finding.span;
    REQUIRE(span.end <= doc_.text.size());
    REQUIRE(span.begin <= span.end);
    const Position at = doc_.PositionOf(span.begin);
    std::string line = std::to_string(at.line) + ":" + std::to_string(at.column);
    for (const auto& [key, value] : finding.args) line += " " + key + "=" + value;
    if (!finding.variant.empty()) line += " variant=" + finding.variant;
    if (finding.fix) REQUIRE(finding.fix->span.end <= doc_.source.size());
    if (finding.fix && with_fixes_) {
      line += " fix=" + doc_.source.substr(finding.fix->span.begin, finding.fix->span.size()) +
              "->" + finding.fix->replacement;
    }
    for (const Related& related : finding.related) {
      line += " related=" + std::to_string(related.start.line) + ":" +
              std::to_string(related.start.column);
    }
    if (node.task != nullptr) line += " task=" + node.Placeholder("number");
    lines_ += (lines_.empty() ? "" : "\n") + line;
  }
  const std::string& lines() const { return lines_; }

 private:
  const model::Document& doc_;
  bool with_fixes_;
  std::string lines_;
};

// Runs `check` on every node of `scope` (parts and sections that are not implicit, as
// the engine does) and returns the recorded findings; `with_fixes` false leaves out the
// fixes they offer (checked by a test of their own).
inline std::string Run(const rule::Check& check, const model::Document& doc, rule::Scope scope,
                       bool with_fixes = true) {
  RecordingReporter out(doc, with_fixes);
  rule::NodeRef ref;
  ref.scope = scope;
  ref.doc = &doc;
  if (scope == rule::Scope::kDocument) {
    check.Run(ref, out);
    return out.lines();
  }
  for (const model::Part& part : doc.parts) {
    ref.part = &part;
    ref.section = nullptr;
    ref.task = nullptr;
    if (scope == rule::Scope::kPart) {
      if (!part.implicit) check.Run(ref, out);
      continue;
    }
    for (const model::Section& section : part.sections) {
      ref.section = &section;
      ref.task = nullptr;
      if (scope == rule::Scope::kSection) {
        if (!section.implicit) check.Run(ref, out);
        continue;
      }
      for (const model::Task& task : section.tasks) {
        ref.task = &task;
        check.Run(ref, out);
      }
    }
  }
  return out.lines();
}

// Creates a check of kind `Kind` from YAML; fails the test with the errors when it does
// not load.
template <typename Kind>
std::unique_ptr<rule::Check> Make(const std::string& yaml, rule::Scope scope) {
  ErrorList errors;
  auto check = Kind::Create(config::ParamsFromYaml(yaml, scope), errors);
  INFO(errors.ToString());
  REQUIRE(errors.empty());
  REQUIRE(check != nullptr);
  return check;
}

// The errors `Kind` reports for `yaml` ("" when it loads), one per line.
template <typename Kind>
std::string LoadErrors(const std::string& yaml, rule::Scope scope) {
  ErrorList errors;
  auto check = Kind::Create(config::ParamsFromYaml(yaml, scope), errors);
  CHECK((check == nullptr) == !errors.empty());
  std::string text = errors.ToString();
  if (!text.empty()) text.pop_back();
  return text;
}

}  // namespace plancheck::checks::testing
