#include "serve/server.h"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <ostream>
#include <thread>

#include "config/rule_pack.h"
#include "report/views/document_view.h"
#include "report/views/rules_json.h"
#include "serve/assets.h"

namespace plancheck::serve {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::ordered_json;

// Every response: no script, style, image or connection from anywhere but this server,
// no inline script, no framing; nothing cached (a result describes a private document).
const httplib::Headers& SecurityHeaders() {
  static const httplib::Headers kHeaders = {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
  };
  return kHeaders;
}

bool English(const httplib::Request& req, const LintService& service) {
  const std::string lang = req.get_param_value("lang");
  if (lang.empty()) return service.default_language() == "en";
  return lang.rfind("en", 0) == 0;
}

// The message of an error status, in the request's language.
std::string StatusMessage(int status, bool english, std::size_t max_body_bytes) {
  const std::string limit = max_body_bytes >= (std::size_t{1} << 20)
                                ? std::to_string(max_body_bytes >> 20) + " MiB"
                                : std::to_string(max_body_bytes >> 10) + " KiB";
  switch (status) {
    case 400:
      return english ? "bad request" : "请求格式有误";
    case 404:
      return english ? "not found" : "没有这个地址";
    case 405:
      return english ? "method not allowed" : "不支持这种请求方式";
    case 408:
      return english ? "the upload took too long; try again on a faster connection"
                     : "上传超时，请检查网络后重试";
    case 413:
      return english ? "the file is larger than the limit of " + limit
                     : "文件超过 " + limit + " 的上限，请拆分或压缩后再上传";
    case 503:
      return english ? "the server is busy; try again in a moment" : "服务器繁忙，请稍后重试";
    default:
      return english ? "internal error" : "服务器内部错误";
  }
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(ordered_json{{"error", {{"status", status}, {"message", message}}}}.dump(2) + "\n",
                  "application/json; charset=utf-8");
}

void SendJson(httplib::Response& res, const ordered_json& json) {
  res.set_content(json.dump(2) + "\n", "application/json; charset=utf-8");
}

// Documents checked at once: a counting semaphore whose waits end at a deadline.
class CheckSlots {
 public:
  explicit CheckSlots(unsigned count) : free_(count) {}
  bool Acquire(Clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!freed_.wait_until(lock, deadline, [&] { return free_ > 0; })) return false;
    --free_;
    return true;
  }
  void Release() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      ++free_;
    }
    freed_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  unsigned free_;
};

// A request body: the raw bytes, or the parts of a multipart form by field name.
struct Body {
  struct Part {
    std::string filename;
    std::string content;
  };
  bool multipart = false;
  std::string raw;
  std::map<std::string, Part> parts;  // the first part of each name
};

enum class ReadFailure { kNone, kTooLarge, kTooSlow, kMalformed };

// What the worker thread handling a request knows of it, for the access log.
struct RequestStats {
  Clock::time_point start;
  std::size_t received = 0;
};
thread_local RequestStats request_stats;

// A path for the access log: control characters (a percent-decoded newline) as '?'.
std::string LoggablePath(const std::string& path) {
  std::string out = path.substr(0, 200);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return out;
}

// The file name a document is reported under: the last component of what the client
// sent, or `fallback`.
std::string DocumentName(const std::string& given, const std::string& fallback) {
  const std::size_t slash = given.find_last_of("/\\");
  std::string name = slash == std::string::npos ? given : given.substr(slash + 1);
  for (char& c : name) {
    if (static_cast<unsigned char>(c) < 0x20) c = '_';
  }
  return name.empty() ? fallback : name;
}

}  // namespace

struct Server::Impl {
  Impl(const LintService& service_in, ServerOptions options_in, std::ostream* log_in)
      : service(service_in),
        options(std::move(options_in)),
        log(log_in),
        slots(options.max_checks > 0 ? options.max_checks
                                     : std::max(1u, std::thread::hardware_concurrency())) {}

  void Route();
  ReadFailure ReadBody(const httplib::Request& req, const httplib::ContentReader& reader,
                       Body& body) const;
  void HandleCheck(const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& reader, bool view);
  void Log(const httplib::Request& req, const httplib::Response& res);

  const LintService& service;
  const ServerOptions options;
  std::ostream* const log;
  std::mutex log_mutex;
  CheckSlots slots;
  httplib::Server http;
};

ReadFailure Server::Impl::ReadBody(const httplib::Request& req, const httplib::ContentReader& reader,
                                   Body& body) const {
  std::size_t declared = 0;
  const bool has_length = req.has_header("Content-Length");
  if (has_length) {
    try {
      declared = std::stoull(req.get_header_value("Content-Length"));
    } catch (const std::exception&) {
      return ReadFailure::kMalformed;
    }
    // Refused before a byte of it is read.
    if (declared > options.max_body_bytes) return ReadFailure::kTooLarge;
  }
  const Clock::time_point deadline =
      request_stats.start + std::chrono::seconds(options.request_seconds);
  ReadFailure failure = ReadFailure::kNone;
  std::size_t& received = request_stats.received;
  // A read that fails a read timeout after the last bytes arrived is a client gone silent;
  // one that fails sooner is a body that does not parse.
  Clock::time_point last_bytes = request_stats.start;
  auto take = [&](std::string& into, const char* data, std::size_t size) {
    last_bytes = Clock::now();
    received += size;
    if (received > options.max_body_bytes) {
      failure = ReadFailure::kTooLarge;
      return false;
    }
    if (Clock::now() > deadline) {
      failure = ReadFailure::kTooSlow;
      return false;
    }
    into.append(data, size);
    return true;
  };
  bool ok = false;
  if (req.is_multipart_form_data()) {
    body.multipart = true;
    std::string ignored;  // a repeated field's content, counted but not kept
    std::string* current = &ignored;
    ok = reader(
        [&](const httplib::MultipartFormData& part) {
          last_bytes = Clock::now();
          auto [it, added] = body.parts.try_emplace(part.name);
          if (added) it->second.filename = part.filename;
          current = added ? &it->second.content : &ignored;
          ignored.clear();
          return true;
        },
        [&](const char* data, std::size_t size) { return take(*current, data, size); });
  } else {
    ok = reader([&](const char* data, std::size_t size) { return take(body.raw, data, size); });
  }
  if (ok || failure != ReadFailure::kNone) return failure;
  const Clock::time_point now = Clock::now();
  if (now > deadline || now - last_bytes >= std::chrono::seconds(options.read_timeout_seconds)) {
    return ReadFailure::kTooSlow;
  }
  return ReadFailure::kMalformed;
}

void Server::Impl::HandleCheck(const httplib::Request& req, httplib::Response& res,
                               const httplib::ContentReader& reader, bool view) {
  const bool english = English(req, service);
  Body body;
  switch (ReadBody(req, reader, body)) {
    case ReadFailure::kNone:
      break;
    case ReadFailure::kTooLarge:
      // The rest of the body is not read: the connection cannot carry another request.
      res.set_header("Connection", "close");
      return SendError(res, 413, StatusMessage(413, english, options.max_body_bytes));
    case ReadFailure::kTooSlow:
      res.set_header("Connection", "close");
      return SendError(res, 408, StatusMessage(408, english, options.max_body_bytes));
    case ReadFailure::kMalformed:
      res.set_header("Connection", "close");
      return SendError(res, 400,
                       english ? "the request body is not a valid multipart form"
                               : "上传内容格式有误（multipart 表单不完整）");
  }

  CheckRequest request;
  request.language = english ? "en" : "zh";
  request.keep_document = view;
  const std::string parent = req.get_param_value("parent");
  if (parent == "none") {
    request.parent.kind = ParentRequest::Kind::kNone;
  } else if (!parent.empty() && parent != "auto") {
    request.parent.kind = ParentRequest::Kind::kSheet;
    request.parent.sheet = parent;
  }
  if (body.multipart) {
    auto file = body.parts.find("file");
    if (file == body.parts.end()) {
      return SendError(res, 400, english ? "the form has no `file` field" : "表单中没有文件（字段 file）");
    }
    request.document = {DocumentName(file->second.filename, "document"), std::move(file->second.content)};
    if (auto parent_file = body.parts.find("parent"); parent_file != body.parts.end() &&
                                                      !parent_file->second.content.empty()) {
      request.parent.kind = ParentRequest::Kind::kDocument;
      request.parent.document = {DocumentName(parent_file->second.filename, "parent"),
                                 std::move(parent_file->second.content)};
    }
  } else {
    request.document = {DocumentName(req.get_param_value("name"), "document.txt"), std::move(body.raw)};
  }

  std::optional<report::OutputFormat> format = report::OutputFormat::kJson;
  const std::string format_name = req.get_param_value("format");
  const bool csv = format_name == "csv";
  if (!view && !csv && !format_name.empty()) format = report::ParseOutputFormat(format_name);
  if (!format) {
    return SendError(res, 400,
                     (english ? "unknown format: " : "不支持的格式：") + format_name);
  }
  request.source_lines = *format == report::OutputFormat::kText;

  if (!slots.Acquire(Clock::now() + std::chrono::seconds(options.queue_seconds))) {
    res.set_header("Retry-After", "5");
    return SendError(res, 503, StatusMessage(503, english, options.max_body_bytes));
  }
  const ParentRequest::Kind parent_kind = request.parent.kind;
  Result<CheckResult> result = [&] {
    // Released however Check ends.
    struct Release {
      CheckSlots& slots;
      ~Release() { slots.Release(); }
    } release{slots};
    return service.Check(std::move(request));
  }();
  if (!result) {
    // An unknown sheet is the request's mistake; a parent notice that cannot be read is
    // the document's, as an unreadable document is.
    const Error& error = result.error();
    return SendError(res, parent_kind == ParentRequest::Kind::kSheet ? 400 : 422,
                     error.file.empty() ? error.message : error.file + ": " + error.message);
  }
  res.status = result->readable ? 200 : 422;
  if (view) {
    // The report is embedded as lint prints it, so the page reads exactly lint's JSON.
    std::string out = "{\"report\": ";
    out += service.Format(*result, report::OutputFormat::kJson);
    out += ", \"document\": ";
    out += result->document ? report::DocumentView(*result->document, result->language == "en").dump()
                            : "null";
    out += "}\n";
    res.set_content(std::move(out), "application/json; charset=utf-8");
  } else if (csv) {
    res.set_content(service.FormatCsv(*result), "text/csv; charset=utf-8");
  } else {
    const char* type = *format == report::OutputFormat::kJson ? "application/json; charset=utf-8"
                       : *format == report::OutputFormat::kSarif
                           ? "application/sarif+json; charset=utf-8"
                       : *format == report::OutputFormat::kJunit ? "application/xml; charset=utf-8"
                       : *format == report::OutputFormat::kCodeQuality
                           ? "application/json; charset=utf-8"
                           : "text/plain; charset=utf-8";
    res.set_content(service.Format(*result, *format), type);
  }
}

void Server::Impl::Log(const httplib::Request& req, const httplib::Response& res) {
  if (log == nullptr) return;
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      Clock::now() - request_stats.start);
  const std::size_t received = request_stats.received > 0 ? request_stats.received : req.body.size();
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  const std::lock_guard<std::mutex> lock(log_mutex);
  *log << stamp << ' ' << req.method << ' ' << LoggablePath(req.path) << ' ' << received << ' '
       << res.status << ' ' << elapsed.count() << "ms\n";
  log->flush();
}

void Server::Impl::Route() {
  http.new_task_queue = [threads = std::max(1u, options.threads)] {
    return new httplib::ThreadPool(threads);
  };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server on a
  // port in use binds without error and silently shares its connections with the first.
  http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.read_timeout_seconds, 0);
  http.set_write_timeout(options.read_timeout_seconds, 0);
  http.set_default_headers(SecurityHeaders());

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_stats = {Clock::now(), 0};
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { Log(req, res); });
  // Statuses set without a body (no route, httplib's own refusals) get the JSON error.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        SendError(res, res.status,
                  StatusMessage(res.status, English(req, service), options.max_body_bytes));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                    std::exception_ptr) {
    SendError(res, 500, StatusMessage(500, English(req, service), options.max_body_bytes));
  });

  for (const EmbeddedFile& file : EmbeddedFiles()) {
    const std::string path = file.path == "/index.html" ? "/" : std::string(file.path);
    http.Get(path, [&file](const httplib::Request&, httplib::Response& res) {
      res.set_content(file.bytes.data(), file.bytes.size(), std::string(ContentTypeOf(file.path)).c_str());
    });
  }
  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    SendJson(res, {{"status", "ok"},
                   {"version", PLANCHECK_VERSION},
                   {"max_upload_bytes", options.max_body_bytes}});
  });
  http.Get("/api/rules", [this](const httplib::Request&, httplib::Response& res) {
    SendJson(res, report::RulesToJson(service.rules()));
  });
  http.Get(R"(/api/explain/([A-Za-z0-9._-]+))", [this](const httplib::Request& req, httplib::Response& res) {
    const bool english = English(req, service);
    const std::string id = req.matches[1];
    if (const rule::Rule* r = service.FindRule(id)) {
      return SendJson(res, report::RuleExplanationJson(*r, english));
    }
    std::vector<std::string> ids;
    for (const rule::Rule& r : service.rules()) ids.push_back(r.id);
    std::string message = (english ? "unknown rule '" : "没有规则“") + id + (english ? "'" : "”");
    if (const std::string near = config::DidYouMean(id, ids); !near.empty()) {
      message += english ? " (did you mean '" + near + "'?)" : "（是否为“" + near + "”？）";
    }
    SendError(res, 404, message);
  });
  http.Get("/api/plans", [this](const httplib::Request&, httplib::Response& res) {
    ordered_json list = ordered_json::array();
    for (const SheetInfo& sheet : service.sheets()) {
      const model::PlanInfo& info = sheet.plan->info;
      list.push_back({{"id", sheet.id},
                      {"title", info.title},
                      {"level", info.level},
                      {"region", info.region},
                      {"year", info.year ? ordered_json(*info.year) : ordered_json(nullptr)}});
    }
    SendJson(res, list);
  });
  http.Post("/api/lint", [this](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) {
    HandleCheck(req, res, reader, false);
  });
  http.Post("/api/view", [this](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) {
    HandleCheck(req, res, reader, true);
  });
}

Server::Server(const LintService& service, ServerOptions options, std::ostream* access_log)
    : impl_(std::make_unique<Impl>(service, std::move(options), access_log)) {
  impl_->Route();
}

Server::~Server() = default;

Result<int> Server::Bind() {
  const ServerOptions& options = impl_->options;
  const std::string where = options.host + ":" + std::to_string(options.port);
  if (options.port == 0) {
    const int port = impl_->http.bind_to_any_port(options.host);
    if (port > 0) return port;
  } else if (impl_->http.bind_to_port(options.host, options.port)) {
    return options.port;
  }
  return Error{where, {}, "无法在此地址监听：端口已被占用，或不是本机的地址"};
}

bool Server::Listen() { return impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace plancheck::serve
