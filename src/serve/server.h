// The HTTP server of `plancheck serve` (cpp-httplib): the embedded page, the JSON API
// (docs/serve.md) and the limits that keep one bad request from hurting the others.
//
// One process, a fixed pool of `threads` workers; at most `max_checks` documents are
// checked at once, a request beyond them waits `queue_seconds` for its turn and then gets
// 503. A body above `max_body_bytes` gets 413, one that takes longer than
// `request_seconds` to arrive (or stalls for `read_timeout_seconds`) 408, a malformed
// multipart body 400, a document that cannot be read 422; every error is a JSON object
// with a Chinese (or, with ?lang=en, English) message, and the server goes on serving.
// Uploaded documents stay in memory for the request only: never written to disk, never
// logged. The access log has one line per request: time, method, path (no query), bytes
// received, status and milliseconds.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>

#include "base/error_list.h"
#include "serve/service.h"

namespace plancheck::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";  // 0.0.0.0: every interface (an office intranet)
  int port = 8080;                 // 0: any free port (Bind returns it)
  unsigned threads = 8;            // connections served at once
  unsigned max_checks = 0;         // documents checked at once; 0: the number of cores
  std::size_t max_body_bytes = std::size_t{32} << 20;
  int request_seconds = 60;       // longest a request body may take to arrive
  int read_timeout_seconds = 10;  // longest the client may go silent
  int queue_seconds = 15;         // longest a check waits for its turn before 503
};

class Server {
 public:
  // `service` must outlive the server. `access_log` (may be nullptr) gets one line per
  // request, written under a lock.
  Server(const LintService& service, ServerOptions options, std::ostream* access_log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port, or an Error (in Chinese, for the person
  // starting the server) when it cannot: the port is in use, even by another plancheck, or
  // the host is not an address of this machine.
  Result<int> Bind();
  // Serves until Stop(); call after a successful Bind. Returns false if serving failed.
  bool Listen();
  // Stops Listen (from any thread); requests in progress are finished first.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plancheck::serve
