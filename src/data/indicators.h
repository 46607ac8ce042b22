// The indicator dictionary: which indicators target sentences name, and how their values
// compare (rules/indicators.yaml documents the format).
//
// Loading never throws: YAML syntax errors, unknown keys, bad kinds and duplicate ids or
// names go to an ErrorList at their YAML position, and the entries that could be read are
// kept. A loaded dictionary is immutable and safe to share between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/error_list.h"

namespace re2 {
class RE2;
}

namespace plancheck::data {

enum class IndicatorKind { kGrowth, kCeiling, kReduction, kLevel, kShare, kCount };
// "growth", "ceiling", "reduction", "level", "share", "count".
const char* IndicatorKindName(IndicatorKind kind);

struct Indicator {
  std::string id;       // "gdp"
  std::string name;     // canonical Chinese name, "地区生产总值"
  std::string name_en;  // "gross domestic product"
  std::vector<std::string> synonyms;  // "GDP", "生产总值", ...
  IndicatorKind kind = IndicatorKind::kGrowth;
  bool higher_is_better = true;  // false for ceilings
  bool comparable = true;        // may a child's value be compared with its parent's
  bool binding = false;          // 约束性
  double tolerance = 0;          // for 左右, in the value's unit (see indicators.yaml)
  std::string file;              // where it was defined
  Position position;
};

class IndicatorDictionary {
 public:
  IndicatorDictionary();
  ~IndicatorDictionary();
  IndicatorDictionary(IndicatorDictionary&&) noexcept;
  IndicatorDictionary& operator=(IndicatorDictionary&&) noexcept;

  // Adds an entry; a duplicate id or name is added to `errors` and the entry (or the
  // clashing name) is dropped. Call Finish() after the last Add.
  void Add(Indicator indicator, ErrorList& errors);
  // Builds the name matcher. Lookups before Finish() find nothing.
  void Finish();

  const std::vector<Indicator>& indicators() const { return indicators_; }
  std::size_t size() const { return indicators_.size(); }
  // nullptr when no indicator has that id.
  const Indicator* Find(std::string_view id) const;
  // The indicator one of whose names equals `name` exactly; nullptr otherwise.
  const Indicator* FindByName(std::string_view name) const;

  struct Mention {
    const Indicator* indicator = nullptr;
    std::size_t begin = 0;  // byte offsets into the searched text
    std::size_t end = 0;
  };
  // Every non-overlapping mention in `text`, leftmost first, the longest name winning at
  // each position.
  std::vector<Mention> FindMentions(std::string_view text) const;

 private:
  std::vector<Indicator> indicators_;
  std::vector<std::pair<std::string, std::size_t>> names_;  // name -> index
  std::unique_ptr<re2::RE2> matcher_;
};

// Loads a dictionary file; errors are `file:line:col: error: ...`.
IndicatorDictionary LoadIndicatorDictionary(const std::string& path, ErrorList& errors);
// The same from YAML text (tests); `file` names it in errors.
IndicatorDictionary LoadIndicatorDictionaryFromString(const std::string& yaml,
                                                      const std::string& file, ErrorList& errors);

}  // namespace plancheck::data
