#include "config/baseline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/atomic_file.h"
#include "base/line_index.h"
#include "base/read_file.h"

namespace plancheck::config {

// A baseline of a million findings is about 200 MB of JSON.
constexpr std::size_t kMaxBaselineBytes = 256u * 1024u * 1024u;
namespace fs = std::filesystem;
namespace {

constexpr int kVersion = 1;

// Stand-ins for standard input and the like are names, not paths.
bool IsPseudoPath(const std::string& file) {
  return file.empty() || file == "-" || file.front() == '<';
}

// Absolute and lexically normal, so the same document matches whatever the working
// directory was when the baseline was made.
std::string AbsoluteFile(const std::string& file) {
  if (IsPseudoPath(file)) return file;
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec);
  if (ec) return file;
  return absolute.lexically_normal().generic_string();
}

fs::path AbsoluteDirectory(const std::string& directory) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(directory.empty() ? "." : directory, ec);
  return ec ? fs::path(directory) : absolute.lexically_normal();
}

std::string DirectoryOf(const std::string& path) {
  const std::string parent = fs::path(path).parent_path().generic_string();
  return parent.empty() ? "." : parent;
}

// Byte offsets of the places schema errors point at: each element of the top-level
// "findings" array, and the value of each top-level key. nlohmann::json 3.11 keeps no
// positions, so this re-scans the (already validated) text.
struct JsonOffsets {
  std::vector<std::size_t> findings;
  std::map<std::string, std::size_t> top_level_values;
};

JsonOffsets ScanOffsets(std::string_view text) {
  JsonOffsets offsets;
  int depth = 0;
  std::string last_string;
  std::string key;  // the current top-level key
  bool in_findings = false;
  bool expect_item = false;
  bool expect_value = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (expect_item) {
      expect_item = false;
      if (c != ']') offsets.findings.push_back(i);
    }
    if (expect_value) {
      expect_value = false;
      offsets.top_level_values.emplace(key, i);
    }
    switch (c) {
      case '"': {
        const std::size_t start = ++i;
        while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
        last_string = std::string(text.substr(start, i - start));
        break;
      }
      case ':':
        if (depth == 1) {
          key = last_string;
          expect_value = true;
        }
        break;
      case '{':
      case '[':
        ++depth;
        if (c == '[' && depth == 2 && key == "findings") {
          in_findings = true;
          expect_item = true;
        }
        break;
      case '}':
      case ']':
        if (depth == 2) in_findings = false;
        --depth;
        break;
      case ',':
        if (depth == 2 && in_findings) expect_item = true;
        break;
      default:
        break;
    }
  }
  return offsets;
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column
// 2: syntax error while ..."; keep the part after the position, ours replaces it.
std::string ParseErrorText(const std::string& what) {
  std::size_t start = what.find("parse error");
  if (start == std::string::npos) return what;
  const std::size_t colon = what.find(": ", start);
  return colon == std::string::npos ? what.substr(start) : what.substr(colon + 2);
}

}  // namespace

std::string Baseline::Fingerprint(const Diagnostic& diagnostic) {
  if (!diagnostic.task.empty()) return "task:" + diagnostic.task;
  return "text:" + (diagnostic.excerpt.empty() ? diagnostic.message : diagnostic.excerpt);
}

Baseline::Key Baseline::KeyOf(const Diagnostic& diagnostic) {
  return {diagnostic.rule_id, AbsoluteFile(diagnostic.file), Fingerprint(diagnostic)};
}

Baseline Baseline::FromDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  Baseline baseline;
  for (const Diagnostic& diagnostic : diagnostics) {
    Entry& entry = baseline.entries_[KeyOf(diagnostic)];
    if (entry.count++ == 0) entry.message = diagnostic.message;
  }
  return baseline;
}

Baseline Baseline::Load(const std::string& path, ErrorList& errors) {
  // A regular file of bounded size: a FIFO or /dev/zero named by mistake is an error.
  const std::optional<std::string> text = ReadConfigFile(path, "baseline", errors, kMaxBaselineBytes);
  if (!text) return Baseline{};
  return LoadFromString(*text, path, errors);
}

Baseline Baseline::LoadFromString(const std::string& json, const std::string& path,
                                  ErrorList& errors) {
  Baseline baseline;
  const LineIndex lines(json);
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    // `byte` counts the bytes read, the offending one included.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    errors.Add(path, lines.PositionOf(offset), "malformed baseline: " + ParseErrorText(e.what()));
    return baseline;
  }
  const JsonOffsets offsets = ScanOffsets(json);
  const Position start = lines.PositionOf(json.find_first_not_of(" \t\r\n"));
  const auto at_key = [&](const std::string& key) {
    const auto it = offsets.top_level_values.find(key);
    return it == offsets.top_level_values.end() ? start : lines.PositionOf(it->second);
  };
  if (!root.is_object()) {
    errors.Add(path, start,
               "a baseline must be a JSON object with 'version' and 'findings'");
    return baseline;
  }
  const auto version = root.find("version");
  if (version == root.end()) {
    errors.Add(path, start, "baseline has no 'version'");
    return baseline;
  }
  if (!version->is_number_integer() || version->get<std::int64_t>() != kVersion) {
    errors.Add(path, at_key("version"),
               "unsupported baseline version " + version->dump() + " (this plancheck reads " +
                   std::to_string(kVersion) + ")");
    return baseline;
  }
  const auto findings = root.find("findings");
  if (findings == root.end() || !findings->is_array()) {
    errors.Add(path, at_key("findings"), "'findings' must be a list");
    return baseline;
  }
  const fs::path directory = AbsoluteDirectory(DirectoryOf(path));
  for (std::size_t i = 0; i < findings->size(); ++i) {
    const nlohmann::json& item = (*findings)[i];
    const Position where =
        i < offsets.findings.size() ? lines.PositionOf(offsets.findings[i]) : Position{};
    if (!item.is_object()) {
      errors.Add(path, where, "a finding must be an object with 'rule', 'file' and 'fingerprint'");
      continue;
    }
    bool ok = true;
    std::string fields[3];
    const char* names[3] = {"rule", "file", "fingerprint"};
    for (int f = 0; f < 3; ++f) {
      const auto it = item.find(names[f]);
      if (it == item.end() || !it->is_string() || it->get<std::string>().empty()) {
        errors.Add(path, where, std::string("finding needs a non-empty string '") + names[f] + "'");
        ok = false;
      } else {
        fields[f] = it->get<std::string>();
      }
    }
    int count = 1;  // absent: one finding
    if (const auto it = item.find("count"); it != item.end()) {
      if (!it->is_number_integer() || it->get<std::int64_t>() < 1 ||
          it->get<std::int64_t>() > 1'000'000'000) {
        errors.Add(path, where, "'count' must be a positive integer");
        ok = false;
      } else {
        count = static_cast<int>(it->get<std::int64_t>());
      }
    }
    std::string message;
    if (const auto it = item.find("message"); it != item.end() && it->is_string()) {
      message = it->get<std::string>();
    }
    if (!ok) continue;
    std::string file = fields[1];
    if (!IsPseudoPath(file) && fs::path(file).is_relative()) {
      file = (directory / file).lexically_normal().generic_string();
    }
    Entry& entry = baseline.entries_[{fields[0], file, fields[2]}];
    if (entry.count == 0) entry.message = message;
    entry.count += count;
  }
  return baseline;
}

std::string Baseline::ToJson(const std::string& directory) const {
  const fs::path base = AbsoluteDirectory(directory);
  struct Row {
    std::string file, rule, fingerprint;
    const Entry* entry;
  };
  std::vector<Row> rows;
  for (const auto& [key, entry] : entries_) {
    const auto& [rule_id, file, fingerprint] = key;
    std::string shown = file;
    if (!IsPseudoPath(file) && fs::path(file).is_absolute()) {
      const fs::path relative = fs::path(file).lexically_relative(base);
      if (!relative.empty()) shown = relative.generic_string();
    }
    rows.push_back({shown, rule_id, fingerprint, &entry});
  }
  // By file first: a reviewer reads a baseline diff document by document.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.file, a.rule, a.fingerprint) < std::tie(b.file, b.rule, b.fingerprint);
  });
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Row& row : rows) {
    nlohmann::ordered_json item;
    item["rule"] = row.rule;
    item["file"] = row.file;
    item["fingerprint"] = row.fingerprint;
    item["count"] = row.entry->count;
    item["message"] = row.entry->message;
    findings.push_back(std::move(item));
  }
  nlohmann::ordered_json root;
  root["version"] = kVersion;
  root["findings"] = std::move(findings);
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool Baseline::Write(const std::string& path, ErrorList& errors) const {
  if (std::optional<std::string> failure = WriteFileAtomically(path, ToJson(DirectoryOf(path)))) {
    errors.Add(path, {}, "cannot write baseline: " + *failure);
    return false;
  }
  return true;
}

std::size_t Baseline::Filter(std::vector<Diagnostic>& diagnostics) const {
  std::map<Key, int> remaining;
  for (const auto& [key, entry] : entries_) remaining.emplace(key, entry.count);
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& diagnostic : diagnostics) {
    const auto it = remaining.find(KeyOf(diagnostic));
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      continue;
    }
    kept.push_back(std::move(diagnostic));
  }
  const std::size_t removed = diagnostics.size() - kept.size();
  diagnostics = std::move(kept);
  return removed;
}

}  // namespace plancheck::config
