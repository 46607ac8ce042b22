// `plancheck audit` end to end over the seeds, and report.html as a browser renders it.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/app.h"
#include "test_util.h"

namespace plancheck {
namespace {

namespace fs = std::filesystem;
using testing::FixturePath;
using testing::ReadFile;
using testing::RunCli;

const std::string kBom = "\xEF\xBB\xBF";

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("audit over the seeds writes the HTML and three CSV files", "[audit][cli]") {
  const std::string dir = testing::MakeTempDir() + "/out";
  const auto result = RunCli({"audit", FixturePath("seeds"), "--out", dir});
  INFO(result.err);
  CHECK((result.exit_code == cli::kExitOk || result.exit_code == cli::kExitFindings));
  const std::string html = ReadFile(dir + "/report.html");
  CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(html.find("000_d5b961fa901fa4dc.txt") != std::string::npos);
  CHECK(html.find("<table class=\"units\">") != std::string::npos);
  CHECK(html.find("<table class=\"targets\">") != std::string::npos);
  for (const char* name : {"findings.csv", "targets.csv", "units.csv"}) {
    const std::string csv = ReadFile(dir + "/" + name);
    CHECK(csv.rfind(kBom + "file,", 0) == 0);
    CHECK(Count(csv, "\r\n") > 1);  // a header and rows
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  }
}

TEST_CASE("audit exit code follows lint's", "[audit][cli]") {
  const std::string dir = testing::MakeTempDir();
  const std::string seed = FixturePath("seeds/000_d5b961fa901fa4dc.txt");
  const auto lint = RunCli({"lint", "--format", "json", seed});
  const auto audit = RunCli({"audit", seed, "--out", dir});
  CHECK(audit.exit_code == lint.exit_code);
  const auto never = RunCli({"audit", seed, "--out", dir, "--fail-on", "never"});
  CHECK(never.exit_code == cli::kExitOk);
  const auto bad = RunCli({"audit", seed, "--out", dir, "--rules", dir + "/missing.yaml"});
  CHECK(bad.exit_code == cli::kExitError);
}

TEST_CASE("audit --parent marks a weakened target as weaker", "[audit][cli]") {
  const std::string dir = testing::MakeTempDir();
  std::string text = ReadFile(FixturePath("seeds/000_d5b961fa901fa4dc.txt"));
  const std::string original = "47.GDP增长8%以上";
  text.replace(text.find(original), original.size(), "47.GDP增长5%以上");
  testing::WriteFile(dir + "/weak.txt", text);
  const auto result = RunCli({"audit", "--parent", FixturePath("seeds/004_2bfd8bfabc103b07.txt"),
                              dir + "/weak.txt", "--out", dir + "/out"});
  INFO(result.err);
  CHECK(ReadFile(dir + "/out/targets.csv").find(",增长5%以上,") != std::string::npos);
  CHECK(ReadFile(dir + "/out/targets.csv").find(",weaker,") != std::string::npos);
  const std::string html = ReadFile(dir + "/out/report.html");
  CHECK(html.find("<tr class=\"weaker\">") != std::string::npos);
  CHECK(html.find("targets.weaker-than-parent") != std::string::npos);
}

TEST_CASE("report.html renders in headless Chromium", "[audit][cli][browser]") {
  const char* chromium = "/usr/bin/chromium";
  if (!fs::exists(chromium)) {
    WARN("SKIPPED: /usr/bin/chromium not installed; report.html not rendered");
    return;
  }
  const std::string dir = testing::MakeTempDir();
  const auto result = RunCli({"audit", FixturePath("seeds"), "--out", dir + "/out"});
  REQUIRE(fs::exists(dir + "/out/report.html"));
  const std::string flags = std::string(chromium) +
                            " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                            " --disable-background-networking --disable-component-update"
                            " --disable-sync --user-data-dir=" +
                            dir + "/profile";
  const std::string url = "file://" + fs::absolute(dir + "/out/report.html").string();
  const std::string shot = dir + "/shot.png";
  std::system(
      (flags + " --screenshot=" + shot + " --window-size=1280,2000 " + url + " >/dev/null 2>&1")
          .c_str());
  REQUIRE(fs::exists(shot));
  CHECK(fs::file_size(shot) > 20000);
  std::system((flags + " --dump-dom " + url + " >" + dir + "/dom.html 2>/dev/null").c_str());
  const std::string dom = ReadFile(dir + "/dom.html");
  CHECK(Count(dom, "<table") >= 3);
  CHECK(Count(dom, "<tr") > 10);
  CHECK(dom.find("lang=\"zh-CN\"") != std::string::npos);
}

}  // namespace
}  // namespace plancheck
