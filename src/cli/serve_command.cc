// `plancheck serve`: options -> the checking service and the HTTP server; runs until a
// signal (or --stop-after).
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <ostream>
#include <thread>

#include "cli/app.h"
#include "cli/commands.h"
#include "serve/server.h"
#include "serve/service.h"

namespace plancheck::cli {

int RunServe(const ServeCommand& command, std::ostream& out, std::ostream& err) {
  ErrorList errors;
  serve::ServiceOptions service_options;
  service_options.rule_packs = command.sources.packs;
  service_options.no_default_rules = command.sources.no_default_rules;
  service_options.config = command.config;
  // Rule packs, configuration and reference data are loaded once, before listening.
  const std::unique_ptr<serve::LintService> service = serve::LintService::Load(service_options, errors);
  if (!errors.empty()) {
    err << errors.ToString();
    return kExitError;
  }

  serve::ServerOptions options;
  options.host = command.host;
  options.port = command.port;
  options.threads = command.threads;
  options.max_checks = command.max_checks;
  options.max_body_bytes = command.max_body_mib << 20;
  options.request_seconds = command.request_seconds;
  serve::Server server(*service, options, &err);
  const Result<int> port = server.Bind();
  if (!port) {
    err << FormatError(port.error()) << '\n';
    return kExitError;
  }

  // SIGINT and SIGTERM are blocked in every thread (the server's workers start inside
  // Listen and inherit the mask) and waited for on one, which stops the server; Stop is
  // repeated until Listen returns, in case a signal comes before it has started.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  std::atomic<bool> listening_done{false};
  std::thread watcher([&] {
    const auto start = std::chrono::steady_clock::now();
    bool stopping = false;
    while (!listening_done) {
      const timespec tick{0, 200'000'000};
      if (sigtimedwait(&signals, nullptr, &tick) > 0) stopping = true;
      if (command.stop_after_seconds > 0 &&
          std::chrono::steady_clock::now() - start >= std::chrono::seconds(command.stop_after_seconds)) {
        stopping = true;
      }
      if (stopping) server.Stop();
    }
  });

  out << "plancheck serve：正在监听 http://" << command.host << ":" << *port << "/";
  if (command.host == "0.0.0.0") out << "（所有网络接口：同一网络中的其他计算机也可以访问）";
  out << "，按 Ctrl+C 停止" << std::endl;
  const bool ok = server.Listen();
  listening_done = true;
  watcher.join();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return ok ? kExitOk : kExitError;
}

}  // namespace plancheck::cli
