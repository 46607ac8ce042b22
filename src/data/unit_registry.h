// Unit registries: which names of accountable units a region uses, and how to match a name
// written in a plan against them. Plain data, lookup and similarity; no YAML (the loader is
// data/unit_registry_loader.h, the one file that reads registry files).
//
// A UnitRegistry is one file of rules/units/: canonical short names ("区发展改革委") with
// accepted other spellings (aliases: "区发改委"), globs for open classes of units ("*镇"),
// and collective phrases that are not units at all ("各乡镇（街道）"). A UnitDirectory
// merges the registries that apply to one document (UnitRegistry::AppliesTo) into one
// index. Names are compared as code points, never bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "model/document.h"

namespace plancheck::data {

struct UnitEntry {
  std::string name;                  // canonical short name, "区发展改革委"
  std::vector<std::string> aliases;  // other accepted spellings, "区发改委"
  std::string full_name;             // optional, for people: "区发展和改革委员会"
  Position position;                 // of the entry in its file (1-based)
};

struct UnitRegistry {
  std::string id;           // "chongqing-district"
  std::string file;         // where it was loaded from, '/' separators
  std::string description;  // Chinese, for `plancheck units`
  // "national", "province", "district" or "any" (AdminLevelName values plus "any").
  std::string level = "any";
  // Documents whose metadata.region ends with one of these ("重庆市梁平区" ends with
  // "梁平区"); empty: every region at `level`.
  std::vector<std::string> regions;
  // A name missing this prefix ("农业农村委") is looked up with it ("区农业农村委").
  std::string omissible_prefix;
  std::vector<UnitEntry> units;
  std::vector<std::string> patterns;  // globs; `*` matches 1-8 Han characters
  std::vector<std::string> collectives;
  std::vector<std::string> collective_patterns;  // globs; `*` matches any characters

  // Whether this registry applies to a document with `metadata`. An unknown level or an
  // empty region applies every registry (a snippet, or a parser that could not tell).
  bool AppliesTo(const model::Metadata& metadata) const;
  // Whether this is a registry of the document's own region, whose names are the ones the
  // document should use: its level is the document's (never "any"), and the document's
  // region ends with one of its regions (a national registry covers every national
  // document). An unknown level or region is covered by none.
  bool Covers(const model::Metadata& metadata) const;
};

// The department stems of rules/units/patterns/departments.yaml: a unit name is well formed
// when it is a level prefix (县, 市, 自治县 …) or a place name (黄山市, 长兴县) followed by a
// known stem (财政局, 发改委 …), whatever the region. The loader is
// data/unit_registry_loader.h.
struct DepartmentStems {
  struct Department {
    std::string name;                   // canonical stem, "发展和改革委员会"
    std::vector<std::string> variants;  // "发改委", "发展改革局" ...
  };
  std::string file;
  std::vector<std::string> prefixes;  // level prefixes, "省" ... "自治县"
  std::vector<Department> departments;
  std::vector<std::string> suffixes;  // generic endings of a body's name
  // Every stem and variant -> the canonical stem (built by Index()).
  std::unordered_map<std::string, std::string> index;
  void Index();
};

// A well-formed name taken apart: "黄山市生态环境局" -> 黄山市 + 生态环境局 (生态环境局).
struct WellFormedName {
  std::string prefix;      // "县", "黄山市"
  std::string stem;        // as written, "发改局"
  std::string department;  // its canonical stem, "发展和改革委员会"
};
// The reading of `name` (cleaned) as prefix + stem with the longest stem; nullopt when no
// split has a level prefix or a place name (2-12 Han characters ending in a level prefix)
// before a known stem.
std::optional<WellFormedName> MatchWellFormed(const DepartmentStems& stems, std::string_view name);

enum class UnitMatchKind {
  kNone,           // in no registry
  kCanonical,      // the canonical name itself
  kAlias,          // an alias of `canonical`
  kPrefixOmitted,  // `canonical` without its omissible prefix ("农业农村委")
  kPattern,        // matches a registry's pattern ("竹山镇")
  kCollective,     // a collective phrase, not a unit ("各乡镇（街道）")
  kWellFormed,     // in no registry, but a level prefix or place plus a department stem,
                   // or a bare stem ("发改局")
};
// "none", "canonical", "alias", "prefix-omitted", "pattern", "collective", "well-formed".
const char* UnitMatchKindName(UnitMatchKind kind);

struct UnitMatch {
  UnitMatchKind kind = UnitMatchKind::kNone;
  std::string canonical;       // the unit's canonical name; the name itself for patterns
  std::string registry;        // id of the registry that matched
  std::string omitted_prefix;  // for kPrefixOmitted: the prefix the name left out ("区")
  // For kWellFormed: the level prefix or place written ("县", "黄山市"); `canonical` is it
  // followed by the department's canonical stem ("县发展和改革委员会"). Empty for a bare
  // stem ("发改局": canonical "发展和改革委员会").
  std::string prefix;
  bool known() const { return kind != UnitMatchKind::kNone; }
};

// The registries that apply to one document, merged and indexed. An entry whose
// canonical name appears in several registries is one unit with all their aliases.
class UnitDirectory {
 public:
  UnitDirectory() = default;
  // `stems` (may be null) recognizes well-formed names the registries do not list.
  explicit UnitDirectory(std::vector<std::shared_ptr<const UnitRegistry>> registries,
                         std::shared_ptr<const DepartmentStems> stems = nullptr);

  // How `name` matches. The name is first cleaned (CleanUnitName); a name ending in a
  // parenthetical second designation ("区农业农村委（区乡村振兴局）") matches as the
  // part before it when the whole does not.
  UnitMatch Lookup(std::string_view name) const;
  // The canonical name `name` stands for, or the cleaned name itself when unknown.
  std::string Canonicalize(std::string_view name) const;
  // True when `name` is a canonical name (not an alias) of a registered unit.
  bool IsCanonical(std::string_view name) const;
  // Canonical names of registered units `name` is a likely slip of (IsLikelySlip against
  // each canonical name and alias), closest first, at most `limit`.
  std::vector<std::string> Suggest(std::string_view name, std::size_t limit = 3) const;

  const std::vector<std::shared_ptr<const UnitRegistry>>& registries() const { return registries_; }
  // Number of canonical unit names indexed.
  std::size_t unit_count() const { return canonical_count_; }

 private:
  UnitMatch LookupExact(std::string_view name) const;
  std::vector<std::shared_ptr<const UnitRegistry>> registries_;
  std::shared_ptr<const DepartmentStems> stems_;
  std::unordered_map<std::string, UnitMatch> names_;  // canonical names and aliases
  // Every key of names_ with its first code point and length in code points: Suggest
  // rules out most names on these (as IsLikelySlip would) before comparing any text.
  struct SpellingKey {
    std::string spelling;
    std::string canonical;
    char32_t first;
    std::size_t length;
  };
  std::vector<SpellingKey> spellings_;
  std::size_t canonical_count_ = 0;
  // Answers already given: a corpus names the same units thousands of times, and several
  // checks ask about each. Shared by the threads linting documents of one directory;
  // bounded (kMaxMemo entries each), after which answers are computed every time.
  static constexpr std::size_t kMaxMemo = 1 << 16;
  mutable std::mutex memo_mutex_;
  mutable std::unordered_map<std::string, UnitMatch> lookup_memo_;
  mutable std::unordered_map<std::string, std::vector<std::string>> suggest_memo_;
  UnitMatch LookupUncached(std::string_view name) const;
  std::vector<std::string> SuggestUncached(std::string_view name, std::size_t limit) const;
};

// Trims white space, a trailing "等" ("市科协等") and trailing punctuation.
std::string CleanUnitName(std::string_view name);
// The name without a trailing parenthetical "（…）"; the name itself when it has none.
std::string_view StripParenthetical(std::string_view name);

// Levenshtein distance between `a` and `b` counted in code points.
std::size_t CodePointEditDistance(std::string_view a, std::string_view b);

// Whether two different names are likely one unit spelt wrongly, not two units: their
// first character (the level: 区, 市, 县) agrees and either they differ by one code point
// inserted or dropped and the shorter has at least 4 (one replaced: at least 5), or by two
// and the shorter has at least 6. So
// 区经济信委 / 区经济信息委 and 市规划自然资源管理局 / 市规划自然资源局 are slips, while
// 区文化委 / 区文化旅游委 (two characters of a four-character name), 区财政局 / 区民政局 and
// 市大数据发展局 /
// 区大数据发展局 (another level) are not. Callers also exclude pairs of registered
// canonical names, which are distinct units whatever their spelling.
// Names longer than kMaxSlipNameLength code points are no unit's name and never slips.
inline constexpr std::size_t kMaxSlipNameLength = 40;
bool IsLikelySlip(std::string_view a, std::string_view b);

// The classes of `names` under IsLikelySlip and its transitive closure ("区经济信委",
// "区经济信息委" and "区经济信息化委" are one class): for each name, the index of the first
// name of its class. Pairs are found through shared deletion variants (a slip is at most
// two code points apart), so the cost grows with the number of names, not its square.
std::vector<std::size_t> SlipClasses(const std::vector<std::string>& names);

// Glob match over code points: `*` matches any run of at least `min_star` and at most
// `max_star` code points (all Han when `han_only`).
bool GlobMatch(std::string_view pattern, std::string_view text, std::size_t min_star,
               std::size_t max_star, bool han_only);

}  // namespace plancheck::data
