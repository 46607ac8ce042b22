#include "report/targets_report.h"

#include <sstream>

#include "report/csv.h"

namespace plancheck::report {
namespace {

// The parent comparison of each target, when there is one.
std::vector<const data::ParentMatch*> MatchesFor(const std::vector<data::ParentMatch>& matches,
                                                  const model::Target& target) {
  std::vector<const data::ParentMatch*> out;
  for (const data::ParentMatch& m : matches) {
    if (m.child == &target) out.push_back(&m);
  }
  return out;
}

std::vector<data::ParentMatch> Matches(const TargetListing& listing,
                                        const data::IndicatorDictionary& dict) {
  if (listing.parent == nullptr) return {};
  return data::MatchWithParent(listing.plan.targets, listing.parent->targets, dict);
}

std::string ValueOf(const model::Target& t) {
  return t.qualitative ? std::string() : t.value_text;
}

}  // namespace

nlohmann::ordered_json TargetsToJson(const TargetListing& listing,
                                     const data::IndicatorDictionary& dict) {
  const std::vector<data::ParentMatch> matches = Matches(listing, dict);
  nlohmann::ordered_json out;
  out["file"] = listing.plan.info.file;
  nlohmann::ordered_json plan;
  plan["level"] = listing.plan.info.level;
  plan["region"] = listing.plan.info.region;
  plan["year"] = listing.plan.info.year ? nlohmann::ordered_json(*listing.plan.info.year)
                                        : nlohmann::ordered_json();
  plan["parent"] = listing.parent != nullptr ? nlohmann::ordered_json(listing.parent->info.file)
                                             : nlohmann::ordered_json();
  plan["parent_reason"] = listing.parent_reason;
  out["plan"] = plan;
  nlohmann::ordered_json targets = nlohmann::ordered_json::array();
  for (const model::Target& t : listing.plan.targets) {
    const data::Indicator* ind = dict.Find(t.indicator_id);
    nlohmann::ordered_json j;
    j["line"] = t.start.line;
    j["column"] = t.start.column;
    j["task"] = t.task_ordinal;
    j["indicator"] = t.indicator_id.empty() ? nlohmann::ordered_json()
                                            : nlohmann::ordered_json(t.indicator_id);
    j["indicator_text"] = t.indicator_text;
    j["kind"] = ind != nullptr ? data::IndicatorKindName(ind->kind) : "";
    j["comparable"] = ind != nullptr && ind->comparable;
    j["binding"] = ind != nullptr && ind->binding;
    j["qualitative"] = t.qualitative;
    j["change"] = model::ChangeName(t.change);
    j["comparator"] = model::ComparatorName(t.comparator);
    j["comparator_text"] = t.comparator_text;
    j["value"] = t.value ? nlohmann::ordered_json(*t.value) : nlohmann::ordered_json();
    j["unit"] = t.unit;
    j["period"] = {{"kind", model::PeriodKindName(t.period.kind)},
                   {"year", t.period.year},
                   {"plan", t.period.plan},
                   {"text", t.period.text}};
    j["aspirational"] = t.aspirational;
    j["sub_area"] = t.sub_area;
    j["text"] = t.text;
    if (!t.source.empty()) j["source"] = t.source;
    if (!t.note.empty()) j["note"] = t.note;
    for (const data::ParentMatch* m : MatchesFor(matches, t)) {
      j["parent"] = {{"file", listing.parent->info.file},
                     {"line", m->parent->start.line},
                     {"text", m->parent->text},
                     {"verdict", data::VerdictName(m->comparison.verdict)},
                     {"reason", m->comparison.reason}};
    }
    targets.push_back(std::move(j));
  }
  out["targets"] = std::move(targets);
  return out;
}

std::string TargetsToText(const TargetListing& listing, const data::IndicatorDictionary& dict) {
  const std::vector<data::ParentMatch> matches = Matches(listing, dict);
  std::ostringstream out;
  const model::PlanInfo& info = listing.plan.info;
  out << info.file << ": " << (info.level.empty() ? "?" : info.level) << " "
      << (info.region.empty() ? "?" : info.region) << " "
      << (info.year ? std::to_string(*info.year) : std::string("?")) << ", "
      << listing.plan.targets.size() << " targets\n";
  out << "  parent: "
      << (listing.parent != nullptr ? listing.parent->info.file : std::string("(none)")) << " ("
      << listing.parent_reason << ")\n";
  for (const model::Target& t : listing.plan.targets) {
    out << "  " << t.start.line << ":" << t.start.column << "  ";
    if (t.task_ordinal > 0) out << "task " << t.task_ordinal << "  ";
    out << model::DescribeTarget(t);
    if (t.aspirational) out << " 力争";
    if (!t.sub_area.empty()) out << " area=" << t.sub_area;
    if (!t.note.empty()) out << " (" << t.note << ")";
    for (const data::ParentMatch* m : MatchesFor(matches, t)) {
      out << "  <- " << data::VerdictName(m->comparison.verdict) << " vs " << m->parent->text
          << " (" << listing.parent->info.file << ":" << m->parent->start.line << "; "
          << m->comparison.reason << ")";
    }
    out << '\n';
  }
  return out.str();
}

std::string TargetsToCsv(const TargetListing& listing, const data::IndicatorDictionary& dict,
                         bool header) {
  const std::vector<data::ParentMatch> matches = Matches(listing, dict);
  std::ostringstream out;
  if (header) {
    out << "file,line,column,task,indicator,indicator_text,qualitative,change,comparator,"
           "value,unit,period,aspirational,sub_area,text,parent_text,verdict\n";
  }
  for (const model::Target& t : listing.plan.targets) {
    std::string parent_text;
    std::string verdict;
    for (const data::ParentMatch* m : MatchesFor(matches, t)) {
      parent_text = m->parent->text;
      verdict = data::VerdictName(m->comparison.verdict);
    }
    out << CsvField(listing.plan.info.file) << ',' << t.start.line << ',' << t.start.column << ','
        << t.task_ordinal << ',' << CsvField(t.indicator_id) << ',' << CsvField(t.indicator_text)
        << ',' << (t.qualitative ? "true" : "false") << ',' << model::ChangeName(t.change) << ','
        << model::ComparatorName(t.comparator) << ',' << CsvField(ValueOf(t)) << ',' << CsvField(t.unit)
        << ',' << CsvField(t.period.Describe()) << ',' << (t.aspirational ? "true" : "false")
        << ',' << CsvField(t.sub_area) << ',' << CsvField(t.text) << ',' << CsvField(parent_text)
        << ',' << CsvField(verdict) << '\n';
  }
  return out.str();
}

}  // namespace plancheck::report
