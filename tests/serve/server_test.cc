// `plancheck serve`'s JSON API, in process on a loopback port: each format of the seeds
// gives exactly lint's JSON, and every bad request gets its status while the server goes
// on answering.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "serve/server.h"
#include "serve/service.h"
#include "test_util.h"

namespace plancheck::testing {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

// A server on a free 127.0.0.1 port, serving on its own thread while the object lives.
class TestServer {
 public:
  explicit TestServer(serve::ServerOptions options = {}) {
    ErrorList errors;
    service_ = serve::LintService::Load({}, errors);
    REQUIRE(errors.ToString() == "");
    options.host = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<serve::Server>(*service_, options, &log_);
    const Result<int> port = server_->Bind();
    REQUIRE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] {
      server_->Listen();
      done_ = true;
    });
  }
  ~TestServer() {
    // Stop is repeated until Listen returns: a Stop before Listen has started is lost.
    while (!done_) {
      server_->Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    thread_.join();
  }
  int port() const { return port_; }
  std::unique_ptr<httplib::Client> Client() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client->set_read_timeout(60, 0);
    return client;
  }
  std::string log() const { return log_.str(); }

 private:
  std::unique_ptr<serve::LintService> service_;
  std::ostringstream log_;
  std::unique_ptr<serve::Server> server_;
  int port_ = 0;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

// Replaces `from` (a path lint was given) by `to` (the upload's name) in every string, so
// lint's report and the server's can be compared whole. SARIF names an absolute path by a
// file: URI and a relative one relative to %SRCROOT%: both become the bare name.
void RenamePath(json& value, const std::string& from, const std::string& to) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (text == "file://" + from) text = to;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    value = text;
  }
  if (value.is_object()) value.erase("uriBaseId");
  if (value.is_structured()) {
    for (auto& item : value) RenamePath(item, from, to);
  }
}

void RequireHealthy(const TestServer& server) {
  const auto res = server.Client()->Get("/healthz");
  REQUIRE(res);
  CHECK(res->status == 200);
}

// The status of a request sent as raw bytes on one connection (what a client library would
// not send); 0 when no status line came back.
int RawStatus(int port, const std::string& bytes, int pause_ms_after = 0) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
  if (pause_ms_after > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms_after));
  timeval timeout{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  char buffer[64] = {};
  const ssize_t got = recv(fd, buffer, sizeof buffer - 1, 0);
  close(fd);
  if (got < 12) return 0;
  return std::atoi(buffer + 9);  // "HTTP/1.1 408 ..."
}

std::string ErrorMessage(const httplib::Result& res) {
  return json::parse(res->body).at("error").at("message").get<std::string>();
}

}  // namespace

TEST_CASE("serve: POST /api/lint gives lint's JSON for every format of the seeds", "[serve]") {
  TestServer server;
  // Every text seed and each other format once (tests/golden/formats_test.cc shows every
  // format of a seed gives the seed's findings), linted in one run.
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(FixturePath("seeds"))) {
    paths.push_back(entry.path().string());
  }
  for (const char* relative :
       {"docx/001_8ef760ff784be5ac.docx", "html/001_8ef760ff784be5ac.html",
        "pdf/004_2bfd8bfabc103b07.pdf", "ofd/002_e9c6d1be0a07cf1f.ofd",
        "encodings/003.utf16be.txt"}) {
    paths.push_back(FixturePath(relative));
  }
  // One lint run per file, as serve checks one file: a run over several would find
  // parents among them (000's is 004), which an upload alone has not.
  json lint_report = {{"files", json::array()}};
  for (const std::string& path : paths) {
    const CliResult lint = RunCli({"lint", "--format", "json", path});
    REQUIRE(lint.exit_code <= 1);
    const json one = json::parse(lint.out);
    lint_report["version"] = one.at("version");
    for (const json& file : one.at("files")) lint_report["files"].push_back(file);
  }
  REQUIRE(lint_report.at("files").size() == paths.size());

  const auto client = server.Client();
  for (const json& lint_file : lint_report.at("files")) {
    const std::string path = lint_file.at("path");
    INFO(path);
    const std::string name = fs::path(path).filename().string();
    json expected = {{"version", lint_report.at("version")}, {"files", {lint_file}}};
    json summary = {{"error", 0}, {"warning", 0}, {"info", 0}, {"files", 1}};
    for (const json& d : lint_file.at("diagnostics")) {
      json& count = summary[d.at("severity").get<std::string>()];
      count = count.get<int>() + 1;
    }
    expected["summary"] = summary;
    RenamePath(expected, path, name);

    const auto res = client->Post("/api/lint", httplib::MultipartFormDataItems{
                                                   {"file", ReadFile(path), name, ""}});
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(json::parse(res->body) == expected);
  }
}

TEST_CASE("serve: a raw body named by ?name=, and the SARIF and CSV formats", "[serve]") {
  TestServer server;
  const auto client = server.Client();
  const std::string docx = ReadFile(FixturePath("docx/001_8ef760ff784be5ac.docx"));
  const auto multipart =
      client->Post("/api/lint", httplib::MultipartFormDataItems{{"file", docx, "a.docx", ""}});
  const auto raw = client->Post("/api/lint?name=a.docx", docx, "application/octet-stream");
  REQUIRE(multipart);
  REQUIRE(raw);
  CHECK(raw->status == 200);
  CHECK(raw->body == multipart->body);

  const std::string path = FixturePath("seeds/004_2bfd8bfabc103b07.txt");
  const CliResult lint = RunCli({"lint", "--format", "sarif", path});
  const auto sarif = client->Post("/api/lint?format=sarif&name=004_2bfd8bfabc103b07.txt",
                                  ReadFile(path), "text/plain");
  REQUIRE(sarif);
  json expected = json::parse(lint.out);
  RenamePath(expected, path, "004_2bfd8bfabc103b07.txt");
  json actual = json::parse(sarif->body);
  RenamePath(actual, path, "004_2bfd8bfabc103b07.txt");
  CHECK(actual == expected);
  const auto csv = client->Post("/api/lint?format=csv&name=004.txt", ReadFile(path), "text/plain");
  REQUIRE(csv);
  CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);  // UTF-8 with BOM, for Excel
  CHECK(csv->body.find("004.txt,") != std::string::npos);
}

TEST_CASE("serve: a parent plan by sheet id or uploaded gives lint --parent's JSON", "[serve]") {
  TestServer server;
  const auto client = server.Client();
  const std::string path = FixturePath("seeds/001_8ef760ff784be5ac.txt");
  const std::string parent = FixturePath("seeds/000_d5b961fa901fa4dc.txt");
  for (const auto& [query, parent_path] :
       {std::pair<std::string, std::string>{"parent=national-2024", RulesPath("plans/national-2024.yaml")},
        {"parent=chongqing-2023", RulesPath("plans/chongqing-2023.yaml")},
        {"", parent}}) {
    INFO(parent_path);
    json expected = json::parse(RunCli({"lint", "--format", "json", "--parent", parent_path, path}).out);
    RenamePath(expected, path, "001.txt");
    RenamePath(expected, parent, "000.txt");
    httplib::MultipartFormDataItems form = {{"file", ReadFile(path), "001.txt", ""}};
    if (query.empty()) form.push_back({"parent", ReadFile(parent), "000.txt", ""});
    const auto res = client->Post("/api/lint?" + query, form);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json::parse(res->body) == expected);
  }
  const auto none = client->Post("/api/lint?parent=none&name=001.txt", ReadFile(path), "text/plain");
  REQUIRE(none);
  CHECK(none->body.find("targets.missing-binding") == std::string::npos);
  const auto sheet = client->Post("/api/lint?parent=national-2024&name=001.txt", ReadFile(path), "text/plain");
  REQUIRE(sheet);
  CHECK(sheet->body.find("targets.missing-binding") != std::string::npos);
}

TEST_CASE("serve: a port in use is refused, even by another plancheck", "[serve]") {
  TestServer first;
  ErrorList errors;
  const auto service = serve::LintService::Load({}, errors);
  serve::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = first.port();
  serve::Server second(*service, options, nullptr);
  const Result<int> port = second.Bind();
  REQUIRE_FALSE(port.ok());
  CHECK(FormatError(port.error()) ==
        "127.0.0.1:" + std::to_string(first.port()) +
            ": error: 无法在此地址监听：端口已被占用，或不是本机的地址");
}

TEST_CASE("serve: the page, the rules and the explanations", "[serve]") {
  TestServer server;
  const auto client = server.Client();
  const auto page = client->Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  // No inline script may run, and nothing loads from another origin.
  const std::string csp = page->get_header_value("Content-Security-Policy");
  CHECK(csp.find("default-src 'none'") != std::string::npos);
  CHECK(csp.find("script-src 'self'") != std::string::npos);
  CHECK(csp.find("unsafe-inline") == std::string::npos);
  CHECK(page->body.find("<script src=\"app.js\"") != std::string::npos);
  CHECK(page->body.find("http") == std::string::npos);  // no external origin named
  const auto script = client->Get("/app.js");
  REQUIRE(script);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(script->body.find("innerHTML") == std::string::npos);

  const auto rules = client->Get("/api/rules");
  REQUIRE(rules);
  CHECK(json::parse(rules->body) == json::parse(RunCli({"rules", "--format", "json"}).out));

  const auto explain = client->Get("/api/explain/task.lead-unit-required");
  REQUIRE(explain);
  CHECK(explain->status == 200);
  CHECK(json::parse(explain->body).at("title") == "任务缺少牵头单位");
  const auto english = client->Get("/api/explain/task.lead-unit-required?lang=en");
  REQUIRE(english);
  CHECK(json::parse(english->body).at("title") != "任务缺少牵头单位");
  const auto unknown = client->Get("/api/explain/task.lead-unit-requird");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(ErrorMessage(unknown) == "没有规则“task.lead-unit-requird”（是否为“task.lead-unit-required”？）");

  const auto plans = client->Get("/api/plans");
  REQUIRE(plans);
  CHECK(json::parse(plans->body).is_array());
}

TEST_CASE("serve: every bad request gets its status and the server goes on", "[serve]") {
  serve::ServerOptions options;
  options.max_body_bytes = 256 * 1024;
  options.read_timeout_seconds = 1;
  TestServer server(options);
  const auto client = server.Client();
  const std::string seed = ReadFile(FixturePath("seeds/000_d5b961fa901fa4dc.txt"));

  SECTION("a body over the limit: 413, refused before it is read") {
    const auto res = client->Post("/api/lint?name=big.txt", std::string(300 * 1024, 'a'), "text/plain");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(ErrorMessage(res) == "文件超过 256 KiB 的上限，请拆分或压缩后再上传");
  }
  SECTION("a malformed multipart body: 400") {
    const auto res = client->Post("/api/lint", "no boundary here at all",
                                  "multipart/form-data; boundary=xyz");
    REQUIRE(res);
    CHECK(res->status == 400);
  }
  SECTION("a multipart form without the file field: 400") {
    const auto res = client->Post("/api/lint", httplib::MultipartFormDataItems{{"other", seed, "a.txt", ""}});
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(ErrorMessage(res) == "表单中没有文件（字段 file）");
  }
  SECTION("a client that stops sending: 408") {
    const std::string head =
        "POST /api/lint?name=slow.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n";
    CHECK(RawStatus(server.port(), head + "一、") == 408);
  }
  SECTION("a corrupt .docx: 422 with its input finding") {
    const auto res = client->Post("/api/lint?name=bad.docx", std::string("PK\x03\x04garbage", 11),
                                  "application/octet-stream");
    REQUIRE(res);
    CHECK(res->status == 422);
    const json report = json::parse(res->body);
    CHECK(report.at("files").at(0).at("diagnostics").at(0).at("rule").get<std::string>().rfind("input.", 0) == 0);
  }
  SECTION("a zip bomb: 422") {
    const std::string bomb = MakeZip({{"word/document.xml", std::string(8u * 1024u * 1024u, ' ')}});
    REQUIRE(bomb.size() < options.max_body_bytes);
    const auto res = client->Post("/api/lint?name=bomb.docx", bomb, "application/octet-stream");
    REQUIRE(res);
    CHECK(res->status == 422);
    CHECK(res->body.find("压缩炸弹") != std::string::npos);
  }
  SECTION("an unknown targets sheet: 400; an unknown format: 400; an unknown path: 404") {
    const auto sheet = client->Post("/api/lint?name=a.txt&parent=no-such-sheet", seed, "text/plain");
    REQUIRE(sheet);
    CHECK(sheet->status == 400);
    const auto format = client->Post("/api/lint?name=a.txt&format=docx", seed, "text/plain");
    REQUIRE(format);
    CHECK(format->status == 400);
    const auto path = client->Get("/api/nothing");
    REQUIRE(path);
    CHECK(path->status == 404);
    CHECK(ErrorMessage(path) == "没有这个地址");
  }
  RequireHealthy(server);
  // The access log names no document and no query: method, path, bytes, status, time.
  CHECK(server.log().find("?") == std::string::npos);
  CHECK(server.log().find("一、") == std::string::npos);
}

TEST_CASE("serve: requests beyond the concurrent checks get 503 and the server goes on",
          "[serve]") {
  serve::ServerOptions options;
  options.max_checks = 1;
  options.queue_seconds = 0;
  TestServer server(options);
  // About 500 KB: each check takes long enough that the others arrive while it runs.
  const std::string seed = ReadFile(FixturePath("seeds/000_d5b961fa901fa4dc.txt"));
  std::string notice;
  while (notice.size() < 500'000) notice += seed;
  std::vector<int> statuses(6, 0);
  std::vector<std::thread> clients;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    clients.emplace_back([&, i] {
      const auto res = server.Client()->Post("/api/lint?name=big.txt", notice, "text/plain");
      statuses[i] = res ? res->status : -1;
    });
  }
  for (std::thread& t : clients) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 200) >= 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 503) >= 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 200) +
            std::count(statuses.begin(), statuses.end(), 503) ==
        6);
  RequireHealthy(server);
}

}  // namespace plancheck::testing
