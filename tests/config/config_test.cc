#include "config/config.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_util.h"

namespace plancheck::config {
namespace fs = std::filesystem;

namespace {

std::string LoadErrors(const std::string& yaml, const std::string& path = "cfg/.plancheck.yaml") {
  ErrorList errors;
  LoadConfigFromString(yaml, path, errors);
  return errors.ToString();
}

Config MustLoad(const std::string& yaml, const std::string& path = "proj/.plancheck.yaml") {
  ErrorList errors;
  Config config = LoadConfigFromString(yaml, path, errors);
  INFO(errors.ToString());
  REQUIRE(errors.empty());
  return config;
}

// "on warning", "off", ... for compact expectations.
std::string Describe(const Effective& effective) {
  if (!effective.enabled) return "off";
  return "on " + std::string(SeverityName(effective.severity));
}

}  // namespace

TEST_CASE("a full config loads", "[config]") {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/extra.yaml", "[]\n");
  fs::create_directories(dir + "/team-rules");
  const std::string path = dir + "/.plancheck.yaml";
  testing::WriteFile(path, R"(rules: [extra.yaml, team-rules/]
disable: [punctuation.half-width-in-chinese, "tag:style"]
enable: style.quotes
severity: {units.vague-lead: error}
fail_on: warning
language: en
overrides:
  - paths: ["drafts/**", "*.old.txt"]
    disable: [numbering.style-hierarchy]
    severity: {task.lead-unit-required: warning}
plans:
  - {file: city.txt, level: province, region: 重庆市, year: 2024}
  - file: sub/district.txt
    level: district
    region: 梁平区
    year: 2024
    parent: city.txt
)");
  ErrorList errors;
  const Config config = LoadConfig(path, errors);
  CHECK(errors.ToString() == "");
  CHECK(config.file == path);
  CHECK(config.base_dir == dir);
  CHECK(config.rule_packs == std::vector<std::string>{dir + "/extra.yaml", dir + "/team-rules/"});
  CHECK(config.settings.disable ==
        std::vector<std::string>{"punctuation.half-width-in-chinese", "tag:style"});
  CHECK(config.settings.enable == std::vector<std::string>{"style.quotes"});
  CHECK(config.settings.severity.at("units.vague-lead") == Severity::kError);
  CHECK(config.fail_on == "warning");
  CHECK(config.language == "en");
  REQUIRE(config.overrides.size() == 1);
  CHECK(config.overrides[0].globs == std::vector<std::string>{"drafts/**", "*.old.txt"});
  CHECK(config.overrides[0].settings.disable ==
        std::vector<std::string>{"numbering.style-hierarchy"});
  REQUIRE(config.plans.size() == 2);
  CHECK(config.plans[0].file == dir + "/city.txt");
  CHECK(config.plans[0].level == "province");
  CHECK(config.plans[0].region == "重庆市");
  CHECK(config.plans[0].year == 2024);
  CHECK(config.plans[0].parent.empty());
  CHECK(config.plans[1].file == dir + "/sub/district.txt");
  CHECK(config.plans[1].parent == dir + "/city.txt");
  CHECK(config.plans[1].position == Position{13, 5});
  CHECK(config.rule_references.size() == 6);
}

TEST_CASE("an empty config changes nothing", "[config]") {
  const Config config = MustLoad("# nothing yet\n", ".plancheck.yaml");
  CHECK(config.base_dir == ".");
  CHECK(config.settings.disable.empty());
  CHECK(config.overrides.empty());
  CHECK_FALSE(config.fail_on.has_value());
}

TEST_CASE("config mistakes are located like compiler errors", "[config]") {
  auto [yaml, expected] = GENERATE(table<std::string, std::string>({
      {"disable: [a.b\nfail_on: error\n",
       "cfg/.plancheck.yaml:2:8: error: YAML syntax error: end of sequence flow not found"},
      {"overides:\n  - paths: [a]\n",
       "cfg/.plancheck.yaml:1:1: error: unknown key 'overides' (did you mean 'overrides'?)"},
      {"language: zh\nfrobnicate: 1\n", "cfg/.plancheck.yaml:2:1: error: unknown key 'frobnicate'"},
      {"disable: [a.b]\ndisable: [c.d]\n",
       "cfg/.plancheck.yaml:2:1: error: duplicate key 'disable'"},
      {"- disable\n",
       "cfg/.plancheck.yaml:1:1: error: a config file must be a mapping (keys: rules, disable, "
       "enable, severity, fail_on, language, overrides or plans)"},
      {"disable: {a.b: true}\n",
       "cfg/.plancheck.yaml:1:10: error: 'disable' must be a list of rule ids"},
      {"enable: [a.b, [c]]\n", "cfg/.plancheck.yaml:1:15: error: items of 'enable' must be strings"},
      {"disable: ['tag:']\n",
       "cfg/.plancheck.yaml:1:11: error: 'tag:' needs a tag name, as in 'tag:units'"},
      {"severity: [a.b]\n",
       "cfg/.plancheck.yaml:1:11: error: 'severity' must be a mapping from rule id to severity"},
      {"severity:\n  units.vague-lead: fatal\n",
       "cfg/.plancheck.yaml:2:21: error: unknown severity 'fatal' (error, warning or info)"},
      {"severity:\n  units.vague-lead: off\n",
       "cfg/.plancheck.yaml:2:21: error: unknown severity 'off' (error, warning or info; use "
       "'disable' to turn a rule off)"},
      {"fail_on: warn\n",
       "cfg/.plancheck.yaml:1:10: error: unknown fail_on value 'warn' (error, warning, info or "
       "never)"},
      {"fail_on: [error]\n",
       "cfg/.plancheck.yaml:1:10: error: 'fail_on' must be one of error, warning, info or never"},
      {"language: cn\n", "cfg/.plancheck.yaml:1:11: error: unknown language 'cn' (zh or en)"},
      {"rules: [missing.yaml]\n",
       "cfg/.plancheck.yaml:1:9: error: rule pack 'missing.yaml' not found (looked for "
       "'cfg/missing.yaml')"},
      {"rules: {a: b}\n", "cfg/.plancheck.yaml:1:8: error: 'rules' must be a list of rule-pack paths"},
      {"overrides: {paths: a}\n",
       "cfg/.plancheck.yaml:1:12: error: 'overrides' must be a list of mappings, each with 'paths'"},
      {"overrides:\n  - disable: [a.b]\n", "cfg/.plancheck.yaml:2:5: error: override has no 'paths'"},
      {"overrides:\n  - path: [x]\n    disable: [a.b]\n",
       "cfg/.plancheck.yaml:2:5: error: unknown key 'path' in 'overrides' (did you mean "
       "'paths'?)\ncfg/.plancheck.yaml:2:5: error: override has no 'paths'"},
      {"overrides:\n  - paths: x\n    severity: {a.b: loud}\n",
       "cfg/.plancheck.yaml:3:21: error: unknown severity 'loud' (error, warning or info)"},
      {"plans:\n  - level: district\n", "cfg/.plancheck.yaml:2:5: error: plan has no 'file'"},
      {"plans:\n  - {file: a.txt, yaer: 2024}\n",
       "cfg/.plancheck.yaml:2:19: error: unknown key 'yaer' in 'plans' (did you mean 'year'?)"},
      {"plans:\n  - {file: a.txt, year: next}\n",
       "cfg/.plancheck.yaml:2:25: error: 'year' must be an integer, as in 2024"},
      {"plans:\n  - {file: a.txt, level: distrct}\n",
       "cfg/.plancheck.yaml:2:26: error: unknown level 'distrct' (national, province or "
       "district)"},
      {"plans:\n  - {file: a.txt, parent: ./a.txt}\n",
       "cfg/.plancheck.yaml:2:27: error: a plan cannot be its own parent"},
      {"plans: a.txt\n",
       "cfg/.plancheck.yaml:1:8: error: 'plans' must be a list of mappings, each with 'file'"},
  }));
  CAPTURE(yaml);
  CHECK(LoadErrors(yaml) == expected + "\n");
}

TEST_CASE("config loading keeps going after a mistake", "[config]") {
  ErrorList errors;
  const Config config = LoadConfigFromString(
      "overides: []\ndisable: [a.b]\nlanguage: cn\nfail_on: never\n", "c.yaml", errors);
  CHECK(errors.ToString() ==
        "c.yaml:1:1: error: unknown key 'overides' (did you mean 'overrides'?)\n"
        "c.yaml:3:11: error: unknown language 'cn' (zh or en)\n");
  CHECK(config.settings.disable == std::vector<std::string>{"a.b"});
  CHECK(config.fail_on == "never");
}

TEST_CASE("an unreadable config names its path", "[config]") {
  const std::string dir = testing::MakeTempDir();
  ErrorList errors;
  LoadConfig(dir + "/nope.yaml", errors);
  CHECK(errors.ToString() == dir + "/nope.yaml: error: config file not found\n");
}

TEST_CASE("discovery finds the nearest config upward", "[config]") {
  const std::string root = fs::absolute(testing::MakeTempDir()).lexically_normal().string();
  fs::create_directories(root + "/a/b/c/d");
  testing::WriteFile(root + "/a/.plancheck.yaml", "");
  CHECK(DiscoverConfig(root + "/a/b/c/d") == root + "/a/.plancheck.yaml");
  CHECK(DiscoverConfig(root + "/a/b/c/d/") == root + "/a/.plancheck.yaml");
  CHECK(DiscoverConfig(root + "/a") == root + "/a/.plancheck.yaml");
  // The nearest one wins over one further up.
  testing::WriteFile(root + "/a/b/.plancheck.yaml", "");
  CHECK(DiscoverConfig(root + "/a/b/c/d") == root + "/a/b/.plancheck.yaml");
  // A file starts the search from its directory.
  testing::WriteFile(root + "/a/b/c/plan.txt", "1.甲\n");
  CHECK(DiscoverConfig(root + "/a/b/c/plan.txt") == root + "/a/b/.plancheck.yaml");
  // Near miss: a directory of that name is not a config; beside the config, nothing.
  fs::create_directories(root + "/x/.plancheck.yaml");
  CHECK(DiscoverConfig(root + "/x") == std::nullopt);
  CHECK(DiscoverConfig(root) == std::nullopt);
}

TEST_CASE("discovery gives a path relative to the working directory inside it", "[config]") {
  const fs::path saved = fs::current_path();
  const std::string root = testing::MakeTempDir();
  fs::create_directories(root + "/docs/drafts");
  testing::WriteFile(root + "/.plancheck.yaml", "");
  fs::current_path(root);
  const auto found = DiscoverConfig("docs/drafts");
  fs::current_path(saved);
  CHECK(found == ".plancheck.yaml");
}

TEST_CASE("glob matching", "[config][glob]") {
  auto [glob, path, matches] = GENERATE(table<std::string, std::string, bool>({
      {"*.txt", "plan.txt", true},
      {"*.txt", "drafts/plan.txt", false},  // '*' stays within a segment
      {"*.txt", "plan.txt.bak", false},
      {"drafts/*", "drafts/a.txt", true},
      {"drafts/*", "drafts/sub/a.txt", false},
      {"drafts/**", "drafts/a.txt", true},
      {"drafts/**", "drafts/sub/deep/a.txt", true},
      {"drafts/**", "drafts2/a.txt", false},
      {"**/*.old.txt", "a.old.txt", true},  // '**' is zero or more segments
      {"**/*.old.txt", "x/y/a.old.txt", true},
      {"**/*.old.txt", "x/y/a.old.txt.new", false},
      {"a/**/b.txt", "a/b.txt", true},
      {"a/**/b.txt", "a/x/y/b.txt", true},
      {"a/**/b.txt", "ab.txt", false},
      {"plan-?.txt", "plan-1.txt", true},
      {"plan-?.txt", "plan-12.txt", false},
      {"计划?.txt", "计划甲.txt", true},  // '?' is one code point, not one byte
      {"*区*", "梁平区实施方案.txt", true},
      {"plan-[0-9].txt", "plan-7.txt", true},
      {"plan-[0-9].txt", "plan-x.txt", false},
      {"plan-[!0-9].txt", "plan-x.txt", true},
      {"plan-[!0-9].txt", "plan-7.txt", false},
      {"[ab]*", "b.txt", true},
      {"[ab]*", "c.txt", false},
      {"[abc", "[abc", true},  // unterminated class: literal
      {"a\\*b", "a*b", true},
      {"a\\*b", "axb", false},
      {"units.*", "units.vague-lead", true},
      {"units.*", "unitsx.vague-lead", false},
      {"*a*b*c*", "xaybzc", true},
      {"*a*b*c*", "xaybz", false},
      {"", "", true},
      {"a/b", "a/b/", false},
  }));
  CAPTURE(glob, path);
  CHECK(GlobMatch(glob, path) == matches);
}

TEST_CASE("many '**' segments stay fast", "[config][glob]") {
  CHECK_FALSE(GlobMatch("**/**/**/**/**/**/**/**/x", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/y"));
  CHECK(GlobMatch("**/**/**/**/**/**/**/**/x", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/x"));
}

TEST_CASE("resolve applies rule, top level, then overrides in order", "[config]") {
  const Config config = MustLoad(R"(disable: [units.vague-lead, "tag:style", "numbering.*"]
enable: [style.quotes]
severity:
  task.lead-unit-required: info
  "tag:units": error
  "units.*": warning
overrides:
  - paths: ["drafts/**"]
    enable: [units.vague-lead]
    severity: {task.lead-unit-required: error}
  - paths: ["drafts/old/**"]
    disable: [task.*]
  - paths: ["*.txt"]
    enable: ["tag:style"]
)");
  const std::vector<std::string> no_tags;
  const std::vector<std::string> style = {"style"};
  const std::vector<std::string> units = {"units"};
  using Case = std::tuple<std::string, std::vector<std::string>, bool, std::string, std::string>;
  auto [rule_id, tags, own_enabled, path, expected] = GENERATE_COPY(table<std::string, std::vector<std::string>, bool, std::string, std::string>({
      // The rule's own settings when nothing mentions it.
      Case{"other.rule", no_tags, true, "proj/a/plan.md", "on warning"},
      Case{"other.rule", no_tags, false, "proj/a/plan.md", "off"},
      // Top level: an exact id, a tag, a glob.
      Case{"units.vague-lead", units, true, "proj/plan.md", "off"},
      Case{"style.spacing", style, true, "proj/plan.md", "off"},
      Case{"numbering.style-hierarchy", no_tags, true, "proj/plan.md", "off"},
      // An exact id in `enable` beats a tag in `disable`.
      Case{"style.quotes", style, true, "proj/plan.md", "on warning"},
      // An enable re-enables a rule that is off by its own settings.
      Case{"style.quotes", style, false, "proj/plan.md", "on warning"},
      // Severity: exact beats glob beats tag.
      Case{"task.lead-unit-required", no_tags, true, "proj/plan.md", "on info"},
      Case{"units.registered", units, true, "proj/plan.md", "on warning"},
      Case{"cooperation.x", units, true, "proj/plan.md", "on error"},
      // Overrides, matched relative to the config's directory.
      Case{"units.vague-lead", units, true, "proj/drafts/a.md", "on warning"},
      Case{"task.lead-unit-required", no_tags, true, "proj/drafts/a.md", "on error"},
      Case{"task.lead-unit-required", no_tags, true, "proj/drafts/old/a.md", "off"},
      Case{"task.lead-unit-required", no_tags, true, "proj/drafts2/a.md", "on info"},  // near miss
      // A later override wins over the top level for a tag.
      Case{"style.spacing", style, true, "proj/notes.txt", "on warning"},
      Case{"style.spacing", style, true, "proj/sub/notes.txt", "off"},  // '*' is one segment
      // The path as given is tried as well.
      Case{"style.spacing", style, true, "notes.txt", "on warning"},
      Case{"task.lead-unit-required", no_tags, true, "./drafts/old/x.txt", "off"},
  }));
  CAPTURE(rule_id, path);
  CHECK(Describe(Resolve(config, rule_id, tags, own_enabled, Severity::kWarning, path)) ==
        expected);
}

TEST_CASE("a glob ending in '/' covers everything below", "[config]") {
  const Config config = MustLoad("overrides:\n  - paths: [drafts/]\n    disable: [a.b]\n");
  CHECK_FALSE(Resolve(config, "a.b", {}, true, Severity::kError, "proj/drafts/x/y.txt").enabled);
  CHECK(Resolve(config, "a.b", {}, true, Severity::kError, "proj/draftsy.txt").enabled);
}

TEST_CASE("selectors naming no rule are reported once the rules are known", "[config]") {
  std::vector<rule::Rule> rules(2);
  rules[0].id = "units.vague-lead";
  rules[0].tags = {"units"};
  rules[1].id = "task.lead-unit-required";
  const Config config = MustLoad(
      "disable: [units.vauge-lead, \"tag:unit\", \"style.*\", \"tag:units\", \"task.*\"]\n"
      "severity: {zzz.qqq: error}\n",
      "c.yaml");
  ErrorList errors;
  CheckRuleReferences(config, rules, errors);
  CHECK(errors.ToString() ==
        "c.yaml:1:11: error: unknown rule 'units.vauge-lead' (did you mean 'units.vague-lead'?)\n"
        "c.yaml:1:29: error: no rule has tag 'unit' (did you mean 'units'?)\n"
        "c.yaml:1:41: error: 'style.*' matches no rule\n"
        "c.yaml:2:12: error: unknown rule 'zzz.qqq'\n");
}

}  // namespace plancheck::config
