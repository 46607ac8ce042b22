#include "checks/consistent_unit_names.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "base/utf8.h"

namespace plancheck::checks {
namespace {

// A unit name as written at one place. Spellings are interned: a large notice names a few
// hundred units a hundred thousand times, and a string per occurrence was a tenth of the
// run's peak memory.
struct Occurrence {
  std::uint32_t spelling;  // index into the run's distinct spellings
  ByteSpan span;
};

// A group of occurrences that name one unit.
struct Group {
  std::string canonical;                 // empty for a group of unregistered names
  std::vector<std::size_t> occurrences;  // indexes, in document order
};

}  // namespace

std::unique_ptr<rule::Check> ConsistentUnitNamesCheck::Create(const rule::Params& params,
                                                              ErrorList& errors) {
  const std::size_t errors_before = errors.size();
  auto registries = LoadRegistriesParam(params, errors, /*required=*/false);
  const bool ignore_parenthetical = params.Bool("ignore_parenthetical", true, errors);
  if (errors.size() != errors_before) return nullptr;
  return std::unique_ptr<rule::Check>(
      new ConsistentUnitNamesCheck(std::move(registries), ignore_parenthetical));
}

void ConsistentUnitNamesCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.doc == nullptr) return;
  const model::Document& doc = *node.doc;
  const auto directory = registries_ != nullptr ? registries_->For(doc.metadata)
                                                : std::make_shared<const data::UnitDirectory>();
  // Lookups by spelling, once each: a document names the same units hundreds of times.
  std::unordered_map<std::string, data::UnitMatch> matches;
  auto lookup = [&](const std::string& spelling) -> const data::UnitMatch& {
    auto it = matches.find(spelling);
    if (it == matches.end()) it = matches.emplace(spelling, directory->Lookup(spelling)).first;
    return it->second;
  };
  std::vector<std::string> spellings;
  std::unordered_map<std::string, std::uint32_t> spelling_ids;
  auto intern = [&](std::string spelling) {
    const auto [it, added] =
        spelling_ids.emplace(std::move(spelling), static_cast<std::uint32_t>(spellings.size()));
    if (added) spellings.push_back(it->first);
    return it->second;
  };
  std::vector<Occurrence> occurrences;
  for (const model::Task* task : doc.AllTasks()) {
    for (const auto* units : {&task->lead_units, &task->cooperating_units}) {
      std::vector<std::string> earlier;  // spellings before this one in the same list
      for (const model::Located& unit : *units) {
        std::string spelling = data::CleanUnitName(unit.text);
        if (ignore_parenthetical_) spelling = std::string(data::StripParenthetical(spelling));
        if (spelling.empty()) continue;
        // "区经济信息委、科技局" (fixtures/seeds/001's table cells): the 区 written once
        // serves the whole list, so 科技局 there is written 区科技局, not another spelling.
        // Only a name with no prefixed name before it in its list is a spelling of its own.
        const data::UnitMatch& match = lookup(spelling);
        if (match.kind == data::UnitMatchKind::kPrefixOmitted &&
            std::any_of(earlier.begin(), earlier.end(), [&](const std::string& before) {
              return before.rfind(match.omitted_prefix, 0) == 0;
            })) {
          spelling = match.omitted_prefix + spelling;
        } else if (match.kind == data::UnitMatchKind::kWellFormed && match.prefix.empty()) {
          // "省商务厅、财政厅" (河南省 2023): a bare stem after a name with a level prefix
          // shares that prefix.
          for (const std::string& before : earlier) {
            const data::UnitMatch& shared = lookup(before);
            if (shared.kind == data::UnitMatchKind::kWellFormed && !shared.prefix.empty() &&
                CodePointCount(shared.prefix) == 1) {
              spelling = shared.prefix + spelling;
              break;
            }
          }
        }
        earlier.push_back(spelling);
        occurrences.push_back({intern(std::move(spelling)), unit.loc.span});
      }
    }
  }
  std::stable_sort(
      occurrences.begin(), occurrences.end(),
      [](const Occurrence& a, const Occurrence& b) { return a.span.begin < b.span.begin; });

  // The prefixes each department is written with ("区" for 区发改局): a bare stem (发改局)
  // in a document using one prefix for it is that unit written without it.
  std::map<std::string, std::set<std::string>> department_prefixes;
  for (const Occurrence& occurrence : occurrences) {
    const data::UnitMatch& match = lookup(spellings[occurrence.spelling]);
    if (match.kind != data::UnitMatchKind::kWellFormed || match.prefix.empty()) continue;
    department_prefixes[match.canonical.substr(match.prefix.size())].insert(match.prefix);
  }
  // The group of a well-formed name: its prefix and department.
  auto well_formed_key = [&](const data::UnitMatch& match) {
    if (!match.prefix.empty()) return match.canonical;
    const auto prefixes = department_prefixes.find(match.canonical);
    if (prefixes != department_prefixes.end() && prefixes->second.size() == 1) {
      return *prefixes->second.begin() + match.canonical;
    }
    return match.canonical;
  };
  std::map<std::string, Group> groups;  // key -> group
  std::vector<std::string> unknown;     // distinct unregistered spellings, first-use order
  std::vector<std::string> well_formed;  // distinct well-formed spellings, first-use order
  std::set<std::string> well_formed_seen;
  std::map<std::string, std::vector<std::size_t>> unknown_uses;
  std::set<std::string> slips_of_registered;
  for (std::size_t i = 0; i < occurrences.size(); ++i) {
    const std::string& spelling = spellings[occurrences[i].spelling];
    const data::UnitMatch& match = lookup(spelling);
    switch (match.kind) {
      case data::UnitMatchKind::kWellFormed: {
        // 县发改局 / 县发展改革局: one department's stem variants under one prefix; 发改局
        // beside 区发改局 (liaoning-shenhe-2024): the same unit without its prefix.
        if (well_formed_seen.insert(spelling).second) well_formed.push_back(spelling);
        const std::string key = well_formed_key(match);
        Group& group = groups["unit:" + key];
        group.canonical = key;
        group.occurrences.push_back(i);
        break;
      }
      case data::UnitMatchKind::kCanonical:
      case data::UnitMatchKind::kAlias:
      case data::UnitMatchKind::kPrefixOmitted: {
        Group& group = groups["unit:" + match.canonical];
        group.canonical = match.canonical;
        group.occurrences.push_back(i);
        break;
      }
      case data::UnitMatchKind::kCollective:
      case data::UnitMatchKind::kPattern:
        break;
      case data::UnitMatchKind::kNone:
        if (unknown_uses.count(spelling) == 0) {
          // A slip of a registered name is registered-unit's finding, not a second
          // spelling (asked once per spelling).
          if (slips_of_registered.count(spelling) != 0) break;
          if (!directory->Suggest(spelling, 1).empty()) {
            slips_of_registered.insert(spelling);
            break;
          }
          unknown.push_back(spelling);
        }
        unknown_uses[spelling].push_back(i);
        break;
    }
  }
  // Unregistered names: group likely slips of each other, so a region without a registry
  // still gets 区经济信委 / 区经济信息委; a slip of a well-formed name (县经济信委 beside
  // 县经济信息委) joins that name's group.
  std::vector<std::string> candidates = unknown;
  const std::size_t unknown_count = unknown.size();
  candidates.insert(candidates.end(), well_formed.begin(), well_formed.end());
  const std::vector<std::size_t> classes = data::SlipClasses(candidates);
  std::map<std::size_t, std::string> class_keys;  // class -> a well-formed member's group key
  for (std::size_t i = unknown_count; i < candidates.size(); ++i) {
    class_keys.emplace(classes[i], "unit:" + well_formed_key(lookup(candidates[i])));
  }
  for (std::size_t i = 0; i < unknown_count; ++i) {
    auto key = class_keys.find(classes[i]);
    Group& group = groups[key != class_keys.end() ? key->second : "name:" + unknown[classes[i]]];
    const auto& uses = unknown_uses[unknown[i]];
    group.occurrences.insert(group.occurrences.end(), uses.begin(), uses.end());
  }

  std::vector<std::pair<std::size_t, rule::Finding>> findings;  // (text offset, finding)
  for (auto& [key, group] : groups) {
    std::sort(group.occurrences.begin(), group.occurrences.end());
    std::map<std::string, std::size_t> counts;
    std::vector<std::string> order;  // spellings in order of first use
    for (std::size_t i : group.occurrences) {
      const std::string& spelling = spellings[occurrences[i].spelling];
      if (counts[spelling]++ == 0) order.push_back(spelling);
    }
    if (order.size() < 2) continue;
    std::string majority = order.front();
    for (const std::string& spelling : order) {
      const bool more = counts[spelling] > counts[majority];
      const bool tie_to_canonical = counts[spelling] == counts[majority] &&
                                    spelling == group.canonical && majority != group.canonical;
      if (more || tie_to_canonical) majority = spelling;
    }
    const auto first_majority =
        std::find_if(group.occurrences.begin(), group.occurrences.end(),
                     [&](std::size_t i) { return spellings[occurrences[i].spelling] == majority; });
    const Position majority_start = doc.PositionOf(occurrences[*first_majority].span.begin);
    for (std::size_t i : group.occurrences) {
      const Occurrence& occurrence = occurrences[i];
      const std::string& spelling = spellings[occurrence.spelling];
      if (spelling == majority) continue;
      rule::Finding finding;
      finding.span = occurrence.span;
      finding.args = {{"spelling", spelling},
                      {"majority", majority},
                      {"count", std::to_string(counts[majority])}};
      finding.suggestion = majority;
      finding.related.push_back({doc.path, majority_start, majority});
      findings.emplace_back(occurrence.span.begin, std::move(finding));
    }
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [offset, finding] : findings) out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
