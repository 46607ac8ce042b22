#include "checks/registered_unit.h"

#include <algorithm>

#include "checks/node_walk.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> RegisteredUnitCheck::Create(const rule::Params& params,
                                                         ErrorList& errors) {
  const std::size_t errors_before = errors.size();
  auto registries = LoadRegistriesParam(params, errors);
  const std::string near_miss = params.Enum("near_miss", {"any", "only", "exclude"}, "any", errors);
  if (registries == nullptr || errors.size() != errors_before) return nullptr;
  return std::unique_ptr<rule::Check>(new RegisteredUnitCheck(
      std::move(registries), near_miss == "only"      ? NearMiss::kOnly
                             : near_miss == "exclude" ? NearMiss::kExclude
                                                      : NearMiss::kAny));
}

namespace {

// The level prefix of the document's own units: the last character of its region
// (梁平区 -> 区, 重庆市 -> 市, 长兴县 -> 县).
std::string OwnPrefix(const model::Metadata& metadata) {
  const std::string& region = metadata.region;
  if (region.empty()) return "";
  std::size_t last = region.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(region[last]) & 0xC0) == 0x80) --last;
  return region.substr(last);
}

// A body of the state's vertical lines in the document's region, named with the region's
// bare name rather than a level prefix: 梁平海关, 梁平银保监分局, 国网梁平供电公司, 人行梁平支行
// in a 梁平区 plan. Such bodies (customs, the central bank, regulators, the grid) are no
// district department and no district registry lists them; the name is well formed when,
// with the bare name taken out, what follows it or what is left is a department stem.
bool IsRegionalBody(const data::UnitDirectory& directory, const model::Metadata& metadata,
                    std::string_view name) {
  const std::string own = OwnPrefix(metadata);
  if (own.empty() || metadata.region.size() < own.size() + 6) return false;  // 2+ characters
  const std::string bare = metadata.region.substr(0, metadata.region.size() - own.size());
  const std::size_t at = name.find(bare);
  if (at == std::string_view::npos) return false;
  auto bare_stem = [&](std::string_view rest) {
    if (rest.empty()) return false;
    const data::UnitMatch match = directory.Lookup(rest);
    return match.kind == data::UnitMatchKind::kWellFormed && match.prefix.empty();
  };
  const std::string_view after = name.substr(at + bare.size());
  return bare_stem(after) || (at > 0 && bare_stem(std::string(name.substr(0, at)) + std::string(after)));
}

}  // namespace

void RegisteredUnitCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  if (node.unit == nullptr || node.doc == nullptr) return;
  // Only a registry of the document's own region says which names it should use; elsewhere
  // `registry-coverage` says once that names were not checked (issue 12: every correct unit
  // of a Zhejiang county was reported).
  if (!registries_->Covers(node.doc->metadata)) return;
  const auto directory = registries_->For(node.doc->metadata);
  const data::UnitMatch match = directory->Lookup(node.unit->text);
  // A well-formed name of another level or place (市发展改革委 in a district's plan) is
  // some body's name; one of the document's own level is the registry's to know.
  if (match.kind == data::UnitMatchKind::kWellFormed) {
    // 江津区规划自然资源局 in a 梁平区 plan: another place of the document's own level.
    const std::string own = OwnPrefix(node.doc->metadata);
    // A bare stem (发改局) is a name of the document's own level written without its prefix.
    const bool own_level =
        match.prefix.empty() ||
        (!own.empty() && match.prefix.size() >= own.size() &&
         match.prefix.compare(match.prefix.size() - own.size(), own.size(), own) == 0);
    if (!own_level) return;
  } else if (match.known()) {
    return;
  } else if (IsRegionalBody(*directory, node.doc->metadata, data::CleanUnitName(node.unit->text))) {
    return;
  }
  const std::vector<std::string> candidates = directory->Suggest(node.unit->text);
  const bool near_miss =
      !candidates.empty() &&
      data::CodePointEditDistance(data::CleanUnitName(node.unit->text), candidates.front()) <= 1;
  if ((near_miss_ == NearMiss::kOnly && !near_miss) ||
      (near_miss_ == NearMiss::kExclude && near_miss)) {
    return;
  }
  rule::Finding finding;
  finding.span = node.unit->loc.span;
  if (!candidates.empty()) finding.suggestion = candidates.front();
  // One edit from exactly one registered name is a slip with one reading: the fix writes
  // that name (a rule declares whether it applies, rule::FixPolicy), where the source holds
  // the name exactly as read (not re-joined across a PDF line break, no trailing "等").
  const std::string clean = data::CleanUnitName(node.unit->text);
  const auto one_edit = std::count_if(candidates.begin(), candidates.end(), [&](const std::string& c) {
    return data::CodePointEditDistance(clean, c) <= 1;
  });
  const ByteSpan source = SourceSpan(*node.doc, node.unit->loc.span);
  if (near_miss && one_edit == 1 && clean == node.unit->text &&
      std::string_view(node.doc->source).substr(source.begin, source.size()) == clean) {
    finding.fix = MakeFix(source, candidates.front());
  }
  std::string joined;
  for (const std::string& candidate : candidates) {
    if (!joined.empty()) joined += "、";
    joined += candidate;
  }
  finding.args.emplace_back("candidates", std::move(joined));
  out.Report(node, std::move(finding));
}

}  // namespace plancheck::checks
