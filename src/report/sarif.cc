// The SARIF 2.1.0 format, for code-scanning services (GitHub's among them). One run; the
// validity of what we write is tested against the OASIS schema (tests/data/).
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "report/place_json.h"
#include "report/report.h"

namespace plancheck::report {
namespace {

using nlohmann::ordered_json;

std::string_view SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text, std::string_view also_keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c) || also_keep.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

bool IsAbsolute(std::string_view path) {
  if (!path.empty() && path.front() == '/') return true;
  // A Windows drive path, "C:/dir/file".
  return path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) != 0 &&
         path[1] == ':' && path[2] == '/';
}

ordered_json ArtifactLocation(const std::string& path,
                              const std::map<std::string, int>& artifacts) {
  ordered_json out;
  out["uri"] = PathToUri(path);
  if (!IsAbsolute(path)) out["uriBaseId"] = "%SRCROOT%";
  if (auto it = artifacts.find(path); it != artifacts.end()) out["index"] = it->second;
  return out;
}

// Line 0 means "no position": SARIF then gets no region at all (lines start at 1).
std::optional<ordered_json> Region(const Position& start, const Position& end,
                                   const std::string& snippet) {
  if (start.line <= 0) return std::nullopt;
  ordered_json region;
  region["startLine"] = start.line;
  if (start.column > 0) region["startColumn"] = start.column;
  if (end.line >= start.line) {
    region["endLine"] = end.line;
    if (start.column > 0 && end.column > 0 &&
        (end.line > start.line || end.column >= start.column)) {
      region["endColumn"] = end.column;
    }
  }
  if (!snippet.empty()) region["snippet"] = ordered_json{{"text", snippet}};
  return region;
}

ordered_json PhysicalLocation(const std::string& path, const Position& start, const Position& end,
                              const std::string& snippet,
                              const std::map<std::string, int>& artifacts) {
  ordered_json out;
  out["artifactLocation"] = ArtifactLocation(path, artifacts);
  if (auto region = Region(start, end, snippet)) out["region"] = std::move(*region);
  return out;
}

// The place a person finds a finding by in a .docx, web page or PDF: an element of the
// document (paragraph, table cell), or a text line of a PDF page.
ordered_json LogicalLocations(const Place& place, bool english) {
  return ordered_json::array({ordered_json{{"name", PlaceLabel(place, english)},
                                           {"kind", place.page > 0 ? "text" : "element"}}});
}

ordered_json RuleJson(const RuleInfo& rule) {
  ordered_json out;
  out["id"] = rule.id;
  if (!rule.title.empty()) out["shortDescription"] = ordered_json{{"text", rule.title}};
  if (!rule.help.empty()) {
    out["fullDescription"] = ordered_json{{"text", rule.help}};
    out["help"] = ordered_json{{"text", rule.help}};
  }
  out["defaultConfiguration"] = ordered_json{{"level", SarifLevel(rule.default_severity)}};
  return out;
}

}  // namespace

std::string PathToUri(std::string_view path) {
  while (path.size() >= 2 && path.substr(0, 2) == "./") path.remove_prefix(2);
  if (!IsAbsolute(path)) return PercentEncode(path, "/");
  if (path.front() == '/') return "file://" + PercentEncode(path, "/");
  return "file:///" + std::string(path.substr(0, 2)) + PercentEncode(path.substr(2), "/");
}

std::string FormatSarif(const std::vector<Diagnostic>& diags, const std::vector<std::string>& files,
                        const std::vector<RuleInfo>& rules, const ReportOptions& options) {
  const bool english = options.language == "en";

  // Rules: the caller's, then a bare entry for each id only a Diagnostic names.
  std::map<std::string, int> rule_index;
  ordered_json rule_list = ordered_json::array();
  for (const RuleInfo& rule : rules) {
    if (rule_index.emplace(rule.id, static_cast<int>(rule_list.size())).second) {
      rule_list.push_back(RuleJson(rule));
    }
  }
  for (const Diagnostic& diag : diags) {
    if (diag.rule_id.empty()) continue;
    if (rule_index.emplace(diag.rule_id, static_cast<int>(rule_list.size())).second) {
      rule_list.push_back(ordered_json{{"id", diag.rule_id}});
    }
  }

  // Artifacts: every file linted, then files only related locations name.
  std::vector<std::string> paths = ReportFiles(diags, files);
  std::map<std::string, int> artifact_index;
  for (const std::string& path : paths) {
    artifact_index.emplace(path, static_cast<int>(artifact_index.size()));
  }
  for (const Diagnostic& diag : diags) {
    for (const Related& related : diag.related) {
      if (related.file.empty()) continue;
      if (artifact_index.emplace(related.file, static_cast<int>(paths.size())).second) {
        paths.push_back(related.file);
      }
    }
  }
  ordered_json artifacts = ordered_json::array();
  for (const std::string& path : paths) {
    ordered_json location;
    location["uri"] = PathToUri(path);
    if (!IsAbsolute(path)) location["uriBaseId"] = "%SRCROOT%";
    artifacts.push_back(ordered_json{{"location", std::move(location)}});
  }

  ordered_json results = ordered_json::array();
  for (const Diagnostic& diag : diags) {
    ordered_json result;
    if (!diag.rule_id.empty()) {
      result["ruleId"] = diag.rule_id;
      result["ruleIndex"] = rule_index.at(diag.rule_id);
    }
    result["level"] = SarifLevel(diag.severity);
    // Code-scanning views show only message.text, so the suggestion goes there too.
    std::string text = diag.message;
    if (diag.suggestion && !diag.suggestion->empty()) {
      text += english ? "\nSuggestion: " : "\n建议：";
      text += *diag.suggestion;
    }
    result["message"] = ordered_json{{"text", text}};
    ordered_json location{{"physicalLocation", PhysicalLocation(diag.file, diag.start, diag.end,
                                                                diag.excerpt, artifact_index)}};
    // In a .docx, web page or PDF the region's lines are those of the extracted text; the
    // place a person finds it by is a logical location (an element of the document, or a
    // text line of a PDF page), and the same object as in the JSON output is a property.
    if (!diag.origin.place.empty()) {
      const Place& place = diag.origin.place;
      location["logicalLocations"] = LogicalLocations(place, english);
      location["properties"] = ordered_json{{"place", PlaceJson(place, english)}};
    }
    result["locations"] = ordered_json::array({std::move(location)});
    if (!diag.related.empty()) {
      ordered_json related_list = ordered_json::array();
      int id = 0;
      for (const Related& related : diag.related) {
        const std::string& file = related.file.empty() ? diag.file : related.file;
        ordered_json location;
        location["id"] = id++;
        location["physicalLocation"] =
            PhysicalLocation(file, related.start, related.start, "", artifact_index);
        if (!related.place.empty()) {
          location["logicalLocations"] = LogicalLocations(related.place, english);
        }
        if (!related.message.empty()) location["message"] = ordered_json{{"text", related.message}};
        related_list.push_back(std::move(location));
      }
      result["relatedLocations"] = std::move(related_list);
    }
    // The fix `lint --fix` would make: a replacement of the region in the text (for a
    // .docx, in its extracted text's lines; the place is the result's logical location).
    if (diag.fix) {
      ordered_json deleted{{"startLine", diag.fix->start.line},
                           {"startColumn", diag.fix->start.column},
                           {"endLine", diag.fix->end.line},
                           {"endColumn", diag.fix->end.column}};
      ordered_json replacement{{"deletedRegion", std::move(deleted)},
                               {"insertedContent", ordered_json{{"text", diag.fix->replacement}}}};
      ordered_json change{{"artifactLocation", ArtifactLocation(diag.file, artifact_index)},
                          {"replacements", ordered_json::array({std::move(replacement)})}};
      const std::string description =
          (english ? "Replace with '" : "改为“") + diag.fix->replacement + (english ? "'" : "”");
      result["fixes"] = ordered_json::array(
          {ordered_json{{"description", ordered_json{{"text", description}}},
                        {"artifactChanges", ordered_json::array({std::move(change)})}}});
    }
    if (!diag.task.empty()) result["properties"] = ordered_json{{"task", diag.task}};
    results.push_back(std::move(result));
  }

  ordered_json driver;
  driver["name"] = "plancheck";
  if (!options.tool_version.empty()) driver["version"] = options.tool_version;
  if (!options.information_uri.empty()) driver["informationUri"] = options.information_uri;
  driver["rules"] = std::move(rule_list);

  ordered_json run;
  run["tool"] = ordered_json{{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);

  ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = ordered_json::array({std::move(run)});
  return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace plancheck::report
