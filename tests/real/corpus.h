// The real corpus (fixtures/real/): each notice's reviewed expectation (expected.yaml, format
// in fixtures/real/README.md) against what plancheck's `parse` and `lint` make of it.
//
// Shared by the CTest runner (tests/real/real_corpus_test.cc) and the report
// (scripts/real-corpus-report, which builds and runs tests/real/report_main.cc), so both
// count the same way. plancheck is run in process through the CLI (cli::Run), exactly as a
// user runs `plancheck parse --format json` and `plancheck lint --format json`.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace plancheck::real {

struct ExpectedTask {
  std::optional<std::int64_t> number;  // absent for an unnumbered task (matched by line)
  int line = 0;
  std::vector<std::string> lead;
  std::optional<std::vector<std::string>> cooperating;  // absent when not reviewed
  std::optional<std::vector<std::string>> leaders;
};

struct ExpectedFinding {
  int line = 0;
  std::string what;
  std::string rule;  // empty when no rule fits
};

struct Notice {
  std::string name;  // the folder, e.g. "zhejiang-changxing-2023"
  std::string path;  // its notice file, e.g. ".../zhejiang-changxing-2023/notice.txt"
  std::int64_t task_count = 0;
  std::optional<std::int64_t> declared_count;
  std::string numbering_scope;  // document | part | section | group; "" when not given
  std::vector<ExpectedTask> tasks;
  std::vector<ExpectedFinding> findings;
  // Findings only the excerpt's cut causes (a count covering items past the cut): an error
  // or warning of that rule on that line is neither a false alarm nor a finding.
  std::vector<ExpectedFinding> cut_findings;
};

// Reads every `<dir>/*/expected.yaml` (folders in name order). A malformed expectation is
// added to `errors` as "file:line: what" and the notice skipped; the others are read.
std::vector<Notice> LoadCorpus(const std::string& dir, std::vector<std::string>& errors);

// Width-folded form of a unit name: full-width ASCII forms (（）：，；) as ASCII, ideographic
// space dropped, so "县财政局(含开发区)" equals "县财政局（含开发区）".
std::string FoldWidth(const std::string& name);

// One reviewed task that plancheck got wrong.
struct TaskMiss {
  ExpectedTask expected;
  bool found = false;  // a parsed task with its number (or none) on its line
  std::vector<std::string> lead;     // what plancheck read, when found
};

// An error or warning on a line the review calls correct.
struct FalseAlarm {
  int line = 0;
  int column = 0;
  std::string severity;
  std::string rule;
  std::string message;
};

struct NoticeResult {
  std::string name;
  std::int64_t expected_tasks = 0;
  std::int64_t parsed_tasks = 0;
  std::size_t reviewed = 0;    // reviewed tasks (expected.yaml `tasks`)
  std::size_t right_lead = 0;  // of them, found with the right lead
  std::vector<TaskMiss> misses;
  std::vector<FalseAlarm> false_alarms;
  std::vector<FalseAlarm> cut;  // reported findings the notice lists under cut_findings
  std::vector<ExpectedFinding> missed_findings;  // with a rule id, not reported on its line
  std::string expected_scope;
  std::string parsed_scope;  // numbering scope `parse` chose; "" when it printed none
  std::string error;         // plancheck could not read or parse the notice
};

struct CorpusResult {
  std::vector<NoticeResult> notices;
  std::size_t reviewed = 0;
  std::size_t right_lead = 0;
  std::int64_t tasks = 0;        // expected task_count, summed
  std::size_t false_alarms = 0;  // errors and warnings on lines the review calls correct
  std::size_t cut = 0;           // findings caused by an excerpt's cut, not judged
  std::size_t task_counts_right = 0;

  double RightLeadPercent() const;       // 100 when nothing is reviewed
  double FalseAlarmsPer100Tasks() const;  // 0 when there are no tasks
};

// Runs `plancheck parse` and `plancheck lint` (default rules, no configuration) over the
// notices and compares.
CorpusResult Evaluate(const std::vector<Notice>& notices);

// The figures, then each notice's misses, as scripts/real-corpus-report prints them.
void PrintReport(const CorpusResult& result, std::ostream& out);

// The bars the test asserts (tests/real/bars.yaml): raised as the parser improves, up to
// the 98% right leads and 1 false alarm per 100 tasks.
struct Bars {
  double right_lead_percent_min = 0;
  double false_alarms_per_100_max = 100;
  // Notices whose task count plancheck does not get right yet; every other notice's must be.
  std::vector<std::string> task_count_pending;
};
Bars LoadBars(const std::string& file, std::vector<std::string>& errors);

}  // namespace plancheck::real
