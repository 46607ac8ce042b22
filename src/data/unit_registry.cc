#include "data/unit_registry.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/utf8.h"

namespace plancheck::data {
namespace {

std::u32string ToCodePoints(std::string_view text) {
  std::u32string out;
  for (std::size_t offset = 0; offset < text.size();) out.push_back(DecodeUtf8(text, offset));
  return out;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool GlobMatchAt(const std::u32string& pattern, std::size_t p, const std::u32string& text,
                 std::size_t t, std::size_t min_star, std::size_t max_star, bool han_only) {
  if (p == pattern.size()) return t == text.size();
  if (pattern[p] != U'*') {
    return t < text.size() && text[t] == pattern[p] &&
           GlobMatchAt(pattern, p + 1, text, t + 1, min_star, max_star, han_only);
  }
  for (std::size_t n = 0; t + n <= text.size() && n <= max_star; ++n) {
    if (n > 0 && han_only && !IsHan(text[t + n - 1])) break;
    if (n >= min_star && GlobMatchAt(pattern, p + 1, text, t + n, min_star, max_star, han_only)) {
      return true;
    }
  }
  return false;
}

// Length of the longest common subsequence, in code points: among equally distant
// candidates, the one keeping more of the name is the likelier intent (市金融管理局 keeps
// 市金融…局 of 市金融监管局 but only 市…管理局 of 市城市管理局).
std::size_t CommonSubsequence(const std::u32string& x, const std::u32string& y) {
  std::vector<std::size_t> row(y.size() + 1, 0);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = 0;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = x[i - 1] == y[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[y.size()];
}

}  // namespace

const char* UnitMatchKindName(UnitMatchKind kind) {
  switch (kind) {
    case UnitMatchKind::kNone:
      return "none";
    case UnitMatchKind::kCanonical:
      return "canonical";
    case UnitMatchKind::kAlias:
      return "alias";
    case UnitMatchKind::kPrefixOmitted:
      return "prefix-omitted";
    case UnitMatchKind::kPattern:
      return "pattern";
    case UnitMatchKind::kCollective:
      return "collective";
    case UnitMatchKind::kWellFormed:
      return "well-formed";
  }
  return "none";
}

bool UnitRegistry::AppliesTo(const model::Metadata& metadata) const {
  if (level == "any" || metadata.level == model::AdminLevel::kUnknown) return true;
  if (level != model::AdminLevelName(metadata.level)) return false;
  if (regions.empty() || metadata.region.empty()) return true;
  return std::any_of(regions.begin(), regions.end(),
                     [&](const std::string& region) { return EndsWith(metadata.region, region); });
}

bool UnitRegistry::Covers(const model::Metadata& metadata) const {
  if (level == "any" || metadata.level == model::AdminLevel::kUnknown) return false;
  if (level != model::AdminLevelName(metadata.level)) return false;
  if (metadata.level == model::AdminLevel::kNational) return true;
  if (metadata.region.empty()) return false;
  return std::any_of(regions.begin(), regions.end(),
                     [&](const std::string& region) { return EndsWith(metadata.region, region); });
}

void DepartmentStems::Index() {
  index.clear();
  for (const Department& department : departments) {
    index.emplace(department.name, department.name);
    for (const std::string& variant : department.variants) index.emplace(variant, department.name);
  }
}

namespace {

// A place name before a stem: 2-12 Han characters ending in a level prefix (黄山市, 长兴县,
// 鄂温克族自治旗), the prefix not the whole of it.
bool IsPlacePrefix(const DepartmentStems& stems, std::string_view prefix) {
  std::size_t chars = 0;
  for (std::size_t offset = 0; offset < prefix.size();) {
    if (!IsHan(DecodeUtf8(prefix, offset))) return false;
    ++chars;
  }
  if (chars < 2 || chars > 12) return false;
  return std::any_of(stems.prefixes.begin(), stems.prefixes.end(), [&](const std::string& level) {
    return prefix.size() > level.size() && EndsWith(prefix, level);
  });
}

}  // namespace

std::optional<WellFormedName> MatchWellFormed(const DepartmentStems& stems, std::string_view name) {
  const std::string cleaned = CleanUnitName(name);
  const std::string_view text = cleaned;
  // Shortest prefix first, so the longest stem wins (县 + 市场监督管理局, not 县市 + 场…).
  for (std::size_t offset = 0; offset < text.size();) {
    DecodeUtf8(text, offset);
    if (offset >= text.size()) break;
    const std::string_view prefix = text.substr(0, offset);
    auto it = stems.index.find(std::string(text.substr(offset)));
    if (it == stems.index.end()) continue;
    const bool level =
        std::find(stems.prefixes.begin(), stems.prefixes.end(), prefix) != stems.prefixes.end();
    if (level || IsPlacePrefix(stems, prefix)) {
      return WellFormedName{std::string(prefix), std::string(text.substr(offset)), it->second};
    }
  }
  return std::nullopt;
}

UnitDirectory::UnitDirectory(std::vector<std::shared_ptr<const UnitRegistry>> registries,
                             std::shared_ptr<const DepartmentStems> stems)
    : registries_(std::move(registries)), stems_(std::move(stems)) {
  // Canonical names first, so that a name one registry lists as canonical and another as
  // an alias stays canonical: two registries cannot make one unit an alias of another.
  for (const auto& registry : registries_) {
    for (const UnitEntry& entry : registry->units) {
      auto [it, inserted] = names_.try_emplace(
          entry.name, UnitMatch{UnitMatchKind::kCanonical, entry.name, registry->id, {}, {}});
      if (inserted) ++canonical_count_;
    }
  }
  for (const auto& registry : registries_) {
    for (const UnitEntry& entry : registry->units) {
      for (const std::string& alias : entry.aliases) {
        names_.try_emplace(alias, UnitMatch{UnitMatchKind::kAlias, entry.name, registry->id, {}, {}});
      }
    }
  }
  spellings_.reserve(names_.size());
  for (const auto& [spelling, match] : names_) {
    const std::u32string points = ToCodePoints(spelling);
    if (points.empty()) continue;
    spellings_.push_back({spelling, match.canonical, points[0], points.size()});
  }
}

UnitMatch UnitDirectory::LookupExact(std::string_view name) const {
  if (name.empty()) return {};
  if (auto it = names_.find(std::string(name)); it != names_.end()) return it->second;
  for (const auto& registry : registries_) {
    for (const std::string& collective : registry->collectives) {
      if (collective == name)
        return {UnitMatchKind::kCollective, std::string(name), registry->id, {}, {}};
    }
    for (const std::string& pattern : registry->collective_patterns) {
      if (GlobMatch(pattern, name, 0, std::string::npos, false)) {
        return {UnitMatchKind::kCollective, std::string(name), registry->id, {}, {}};
      }
    }
  }
  for (const auto& registry : registries_) {
    const std::string& prefix = registry->omissible_prefix;
    if (prefix.empty() || name.substr(0, prefix.size()) == prefix) continue;
    auto it = names_.find(prefix + std::string(name));
    if (it != names_.end()) {
      return {UnitMatchKind::kPrefixOmitted, it->second.canonical, it->second.registry, prefix, {}};
    }
  }
  for (const auto& registry : registries_) {
    for (const std::string& pattern : registry->patterns) {
      if (GlobMatch(pattern, name, 1, 8, true)) {
        return {UnitMatchKind::kPattern, std::string(name), registry->id, {}, {}};
      }
    }
  }
  return {};
}

UnitMatch UnitDirectory::Lookup(std::string_view name) const {
  std::string key(name);
  {
    const std::lock_guard<std::mutex> lock(memo_mutex_);
    if (auto it = lookup_memo_.find(key); it != lookup_memo_.end()) return it->second;
  }
  UnitMatch match = LookupUncached(name);
  const std::lock_guard<std::mutex> lock(memo_mutex_);
  if (lookup_memo_.size() < kMaxMemo) lookup_memo_.emplace(std::move(key), match);
  return match;
}

UnitMatch UnitDirectory::LookupUncached(std::string_view name) const {
  const std::string cleaned = CleanUnitName(name);
  UnitMatch match = LookupExact(cleaned);
  if (match.known()) return match;
  // 区农业农村委（区乡村振兴局）, 市发展改革委（市粮食局）: one body under two names; the
  // first is the one registries list (fixtures/seeds/003, 004).
  const std::string_view base = StripParenthetical(cleaned);
  if (base.size() != cleaned.size()) match = LookupExact(base);
  if (match.known() || stems_ == nullptr) return match;
  // In no registry: a level prefix or a place name and a department stem is a well-formed
  // name of some body (县财政局, 黄山市生态环境局), whatever the region.
  if (std::optional<WellFormedName> formed = MatchWellFormed(*stems_, base)) {
    match.kind = UnitMatchKind::kWellFormed;
    match.canonical = formed->prefix + formed->department;
    match.registry = stems_->file;
    match.prefix = formed->prefix;
  } else if (auto stem = stems_->index.find(std::string(base)); stem != stems_->index.end()) {
    // A bare stem, "发改局": a body whose prefix the document left out.
    match.kind = UnitMatchKind::kWellFormed;
    match.canonical = stem->second;
    match.registry = stems_->file;
  }
  return match;
}

std::string UnitDirectory::Canonicalize(std::string_view name) const {
  const UnitMatch match = Lookup(name);
  return match.known() ? match.canonical : CleanUnitName(name);
}

bool UnitDirectory::IsCanonical(std::string_view name) const {
  auto it = names_.find(std::string(name));
  return it != names_.end() && it->second.kind == UnitMatchKind::kCanonical;
}

std::vector<std::string> UnitDirectory::Suggest(std::string_view name, std::size_t limit) const {
  std::string key = std::to_string(limit) + '\0' + std::string(name);
  {
    const std::lock_guard<std::mutex> lock(memo_mutex_);
    if (auto it = suggest_memo_.find(key); it != suggest_memo_.end()) return it->second;
  }
  std::vector<std::string> found = SuggestUncached(name, limit);
  const std::lock_guard<std::mutex> lock(memo_mutex_);
  if (suggest_memo_.size() < kMaxMemo) suggest_memo_.emplace(std::move(key), found);
  return found;
}

std::vector<std::string> UnitDirectory::SuggestUncached(std::string_view name,
                                                         std::size_t limit) const {
  const std::string cleaned = CleanUnitName(name);
  const std::u32string points = ToCodePoints(cleaned);
  struct Candidate {
    std::size_t distance;
    std::size_t kept;  // common subsequence, in code points; more is better
    std::string canonical;
  };
  std::vector<Candidate> found;
  if (points.empty()) return {};
  for (const SpellingKey& key : spellings_) {
    // IsLikelySlip's own first tests, without decoding the spelling.
    if (key.first != points[0] || key.length + 2 < points.size() ||
        points.size() + 2 < key.length) {
      continue;
    }
    const std::string& spelling = key.spelling;
    if (!IsLikelySlip(cleaned, spelling)) continue;
    const Candidate candidate{CodePointEditDistance(cleaned, spelling),
                              CommonSubsequence(points, ToCodePoints(spelling)),
                              key.canonical};
    // Compared with candidate.canonical, not the binding: clang before 16 cannot capture a
    // structured binding in a lambda (the fuzz build, fuzz/, uses clang 14).
    auto same = std::find_if(found.begin(), found.end(), [&](const Candidate& item) {
      return item.canonical == candidate.canonical;
    });
    if (same == found.end()) {
      found.push_back(candidate);
    } else if (std::tie(candidate.distance, same->kept) <
               std::tie(same->distance, candidate.kept)) {
      *same = candidate;
    }
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.distance, b.kept, a.canonical) < std::tie(b.distance, a.kept, b.canonical);
  });
  std::vector<std::string> out;
  for (Candidate& item : found) {
    if (out.size() >= limit) break;
    out.push_back(std::move(item.canonical));
  }
  return out;
}

std::string CleanUnitName(std::string_view name) {
  name = TrimSpace(name);
  // Trailing punctuation a splitter may leave, then a list's closing "等" (市科协等).
  for (bool changed = true; changed && !name.empty();) {
    changed = false;
    for (std::string_view tail : {"。", "，", "；", "、", "：", ".", ",", ";", "等"}) {
      if (EndsWith(name, tail) && name.size() > tail.size()) {
        name.remove_suffix(tail.size());
        name = TrimSpace(name);
        changed = true;
      }
    }
  }
  return std::string(name);
}

std::string_view StripParenthetical(std::string_view name) {
  if (!EndsWith(name, "）")) return name;
  const std::size_t open = name.rfind("（");
  if (open == std::string_view::npos || open == 0) return name;
  return TrimSpace(name.substr(0, open));
}

std::size_t CodePointEditDistance(std::string_view a, std::string_view b) {
  const std::u32string x = ToCodePoints(a);
  const std::u32string y = ToCodePoints(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

bool IsLikelySlip(std::string_view a, std::string_view b) {
  if (a == b) return false;
  const std::u32string x = ToCodePoints(a);
  const std::u32string y = ToCodePoints(b);
  if (x.empty() || y.empty() || x[0] != y[0]) return false;
  if (x.size() > kMaxSlipNameLength || y.size() > kMaxSlipNameLength) return false;
  const std::size_t shorter = std::min(x.size(), y.size());
  // Length alone rules most pairs out before the quadratic distance.
  const std::size_t length_gap = std::max(x.size(), y.size()) - shorter;
  if (length_gap > 2) return false;
  const std::size_t distance = CodePointEditDistance(a, b);
  // One character replaced in a four-character name is as often another unit (区财政局 /
  // 区民政局) as a slip; one dropped or added is a slip (区经济信委).
  if (distance == 1) return shorter >= (length_gap == 0 ? 5 : 4);
  if (distance == 2) return shorter >= 6;
  return false;
}

std::vector<std::size_t> SlipClasses(const std::vector<std::string>& names) {
  std::vector<std::size_t> parent(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) parent[i] = i;
  auto find = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Two names within edit distance 2 share a variant with at most two code points
  // deleted from each; IsLikelySlip needs the same first code point and allows distance
  // 2 only when both have at least 6, distance 1 when both have at least 4. So variants
  // keep the first code point, and names of 6 or more also get their two-deletion ones.
  std::unordered_map<std::u32string, std::vector<std::size_t>> by_variant;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::u32string points = ToCodePoints(names[i]);
    // Its variants cost the cube of its length: a longer "name" is not a unit's.
    if (points.size() < 4 || points.size() > kMaxSlipNameLength) continue;
    std::vector<std::u32string> variants{points};
    for (std::size_t a = 1; a < points.size(); ++a) {
      std::u32string one = points;
      one.erase(a, 1);
      if (points.size() >= 6) {
        for (std::size_t b = a; b < one.size(); ++b) {
          std::u32string two = one;
          two.erase(b, 1);
          variants.push_back(std::move(two));
        }
      }
      variants.push_back(std::move(one));
    }
    std::sort(variants.begin(), variants.end());
    variants.erase(std::unique(variants.begin(), variants.end()), variants.end());
    for (std::u32string& variant : variants) by_variant[std::move(variant)].push_back(i);
  }
  for (const auto& [variant, members] : by_variant) {
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const std::size_t a = find(members[x]);
        const std::size_t b = find(members[y]);
        if (a == b || !IsLikelySlip(names[members[x]], names[members[y]])) continue;
        // The smaller index is the root, so the result does not depend on the map's order.
        parent[std::max(a, b)] = std::min(a, b);
      }
    }
  }
  std::vector<std::size_t> out(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) out[i] = find(i);
  return out;
}

bool GlobMatch(std::string_view pattern, std::string_view text, std::size_t min_star,
               std::size_t max_star, bool han_only) {
  return GlobMatchAt(ToCodePoints(pattern), 0, ToCodePoints(text), 0, min_star, max_star, han_only);
}

}  // namespace plancheck::data
