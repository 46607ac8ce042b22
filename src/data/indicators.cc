#include "data/indicators.h"
#include "data/yaml.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <fstream>
#include <set>
#include <sstream>

namespace plancheck::data {
namespace {

std::optional<IndicatorKind> ParseKind(std::string_view name) {
  if (name == "growth") return IndicatorKind::kGrowth;
  if (name == "ceiling") return IndicatorKind::kCeiling;
  if (name == "reduction") return IndicatorKind::kReduction;
  if (name == "level") return IndicatorKind::kLevel;
  if (name == "share") return IndicatorKind::kShare;
  if (name == "count") return IndicatorKind::kCount;
  return std::nullopt;
}

bool ComparableByDefault(IndicatorKind kind) {
  return kind == IndicatorKind::kGrowth || kind == IndicatorKind::kCeiling ||
         kind == IndicatorKind::kReduction;
}

// Reads one `indicators:` entry; errors go to `errors`, and an entry without a usable
// id, name or kind is skipped (nullopt).
std::optional<Indicator> ReadEntry(const YAML::Node& node, const std::string& file,
                                   ErrorList& errors) {
  static const std::set<std::string> kKeys = {"id",   "name",       "name_en", "synonyms",
                                              "kind", "better",     "comparable",
                                              "binding", "tolerance"};
  if (!node.IsMap()) {
    errors.Add(file, YamlPosition(node), "an indicator must be a mapping with id, name and kind");
    return std::nullopt;
  }
  Indicator ind;
  ind.file = file;
  ind.position = YamlPosition(node);
  bool ok = true;
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    if (!kKeys.contains(key)) {
      errors.Add(file, YamlPosition(item.first), "unknown indicator key '" + key + "'");
    }
  }
  auto scalar = [&](const char* key, bool required) -> std::optional<std::string> {
    const YAML::Node value = node[key];
    if (!value.IsDefined() || value.IsNull()) {
      if (required) {
        errors.Add(file, ind.position, std::string("indicator is missing '") + key + "'");
        ok = false;
      }
      return std::nullopt;
    }
    if (!value.IsScalar()) {
      errors.Add(file, YamlPosition(value), std::string("'") + key + "' must be a string");
      ok = false;
      return std::nullopt;
    }
    return value.Scalar();
  };
  auto flag = [&](const char* key, bool fallback) {
    const YAML::Node value = node[key];
    if (!value.IsDefined() || value.IsNull()) return fallback;
    bool result = fallback;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result)) {
      errors.Add(file, YamlPosition(value), std::string("'") + key + "' must be true or false");
      return fallback;
    }
    return result;
  };

  if (auto id = scalar("id", true)) ind.id = *id;
  if (auto name = scalar("name", true)) ind.name = *name;
  if (auto name_en = scalar("name_en", false)) ind.name_en = *name_en;
  if (auto kind = scalar("kind", true)) {
    if (auto parsed = ParseKind(*kind)) {
      ind.kind = *parsed;
    } else {
      errors.Add(file, YamlPosition(node["kind"]),
                 "unknown indicator kind '" + *kind +
                     "' (expected growth, ceiling, reduction, level, share or count)");
      ok = false;
    }
  }
  ind.higher_is_better = ind.kind != IndicatorKind::kCeiling;
  if (auto better = scalar("better", false)) {
    if (*better == "higher" || *better == "lower") {
      ind.higher_is_better = *better == "higher";
    } else {
      errors.Add(file, YamlPosition(node["better"]), "'better' must be higher or lower");
    }
  }
  ind.comparable = flag("comparable", ComparableByDefault(ind.kind));
  ind.binding = flag("binding", false);
  if (const YAML::Node tol = node["tolerance"]; tol.IsDefined() && !tol.IsNull()) {
    double value = 0;
    if (!tol.IsScalar() || !YAML::convert<double>::decode(tol, value) || value < 0) {
      errors.Add(file, YamlPosition(tol), "'tolerance' must be a number >= 0");
    } else {
      ind.tolerance = value;
    }
  }
  if (const YAML::Node syn = node["synonyms"]; syn.IsDefined() && !syn.IsNull()) {
    if (syn.IsScalar()) {
      ind.synonyms.push_back(syn.Scalar());
    } else if (syn.IsSequence()) {
      for (const YAML::Node& s : syn) {
        if (s.IsScalar() && !s.Scalar().empty()) {
          ind.synonyms.push_back(s.Scalar());
        } else {
          errors.Add(file, YamlPosition(s), "a synonym must be a non-empty string");
        }
      }
    } else {
      errors.Add(file, YamlPosition(syn), "'synonyms' must be a list of strings");
    }
  }
  if (!ok) return std::nullopt;
  return ind;
}

}  // namespace

const char* IndicatorKindName(IndicatorKind kind) {
  switch (kind) {
    case IndicatorKind::kGrowth:
      return "growth";
    case IndicatorKind::kCeiling:
      return "ceiling";
    case IndicatorKind::kReduction:
      return "reduction";
    case IndicatorKind::kLevel:
      return "level";
    case IndicatorKind::kShare:
      return "share";
    case IndicatorKind::kCount:
      return "count";
  }
  return "growth";
}

IndicatorDictionary::IndicatorDictionary() = default;
IndicatorDictionary::~IndicatorDictionary() = default;
IndicatorDictionary::IndicatorDictionary(IndicatorDictionary&&) noexcept = default;
IndicatorDictionary& IndicatorDictionary::operator=(IndicatorDictionary&&) noexcept = default;

void IndicatorDictionary::Add(Indicator indicator, ErrorList& errors) {
  if (Find(indicator.id) != nullptr) {
    errors.Add(indicator.file, indicator.position,
               "duplicate indicator id '" + indicator.id + "'");
    return;
  }
  const std::size_t index = indicators_.size();
  std::vector<std::string> names = {indicator.name};
  names.insert(names.end(), indicator.synonyms.begin(), indicator.synonyms.end());
  for (const std::string& name : names) {
    auto clash = std::find_if(names_.begin(), names_.end(),
                              [&](const auto& entry) { return entry.first == name; });
    if (clash != names_.end()) {
      if (clash->second != index) {
        errors.Add(indicator.file, indicator.position,
                   "indicator name '" + name + "' is already used by '" +
                       indicators_[clash->second].id + "'");
      }
      continue;
    }
    names_.emplace_back(name, index);
  }
  indicators_.push_back(std::move(indicator));
}

void IndicatorDictionary::Finish() {
  // Longest names first: RE2 alternation is leftmost-first, so at a given start the
  // longest name wins ("单位GDP能耗" before "GDP").
  std::vector<std::pair<std::string, std::size_t>> sorted = names_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  if (sorted.empty()) {
    matcher_.reset();
    return;
  }
  std::string pattern;
  for (const auto& [name, index] : sorted) {
    if (!pattern.empty()) pattern += '|';
    pattern += RE2::QuoteMeta(name);
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  // No capture group: the whole match is all FindMentions needs, and RE2 finds it with its
  // DFAs alone (a group made it rerun each match through a slower engine).
  matcher_ = std::make_unique<re2::RE2>(pattern, options);
  // Quoted literals always compile; a failure is a bug (e.g. memory budget), not input.
  assert(matcher_->ok());
}

const Indicator* IndicatorDictionary::Find(std::string_view id) const {
  for (const Indicator& ind : indicators_) {
    if (ind.id == id) return &ind;
  }
  return nullptr;
}

const Indicator* IndicatorDictionary::FindByName(std::string_view name) const {
  for (const auto& [n, index] : names_) {
    if (n == name) return &indicators_[index];
  }
  return nullptr;
}

std::vector<IndicatorDictionary::Mention> IndicatorDictionary::FindMentions(
    std::string_view text) const {
  std::vector<Mention> out;
  if (!matcher_ || !matcher_->ok()) return out;
  re2::StringPiece match;
  const re2::StringPiece whole(text.data(), text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    if (!matcher_->Match(whole, offset, text.size(), RE2::UNANCHORED, &match, 1)) break;
    const std::size_t begin = static_cast<std::size_t>(match.data() - text.data());
    const std::size_t end = begin + match.size();
    const Indicator* ind = FindByName(std::string_view(match.data(), match.size()));
    if (ind != nullptr) out.push_back({ind, begin, end});
    offset = end > begin ? end : begin + 1;
  }
  return out;
}

IndicatorDictionary LoadIndicatorDictionaryFromString(const std::string& yaml,
                                                      const std::string& file, ErrorList& errors) {
  IndicatorDictionary dict;
  const std::optional<YAML::Node> loaded = LoadYaml(yaml, file, errors);
  if (!loaded) {
    dict.Finish();
    return dict;
  }
  const YAML::Node& root = *loaded;
  try {
    const YAML::Node list = root.IsMap() ? root["indicators"] : YAML::Node();
    if (!list.IsDefined() || !list.IsSequence()) {
      errors.Add(file, YamlPosition(root), "expected a mapping with an 'indicators:' list");
    } else {
      for (const YAML::Node& entry : list) {
        if (std::optional<Indicator> ind = ReadEntry(entry, file, errors)) {
          dict.Add(std::move(*ind), errors);
        }
      }
    }
  } catch (const YAML::Exception& e) {
    errors.Add(file, {e.mark.line + 1, e.mark.column + 1}, "invalid indicator: " + e.msg);
  }
  dict.Finish();
  return dict;
}

IndicatorDictionary LoadIndicatorDictionary(const std::string& path, ErrorList& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.Add(path, {}, "cannot read the indicator dictionary");
    IndicatorDictionary dict;
    dict.Finish();
    return dict;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return LoadIndicatorDictionaryFromString(buffer.str(), path, errors);
}

}  // namespace plancheck::data
