#include "bengal/cli/serve_command.hpp"

#include <signal.h>

#include <atomic>
#include <iostream>
#include <mutex>

namespace bengal::cli {
namespace {

// Set by the signal handler; a lock-free atomic is safe to write from one.
std::atomic<bool> stop_requested{false};

// The first signal asks the server to stop once a running rebuild ends (it removes its
// folder then); a second one ends the process at once, as the user insists.
extern "C" void request_stop(int sig) {
  if (stop_requested.exchange(true)) {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  // A browser closing a connection mid-write must not end the server.
  signal(SIGPIPE, SIG_IGN);
}

}  // namespace

int run_serve(const serve::ServeOptions& options) {
  static_assert(std::atomic<bool>::is_always_lock_free);
  install_stop_handlers();
  std::mutex print;
  serve::DevServer server(options, [&print](const std::string& line) {
    std::lock_guard lock(print);
    std::cerr << line << '\n';
  });
  if (!server.start()) return 1;
  server.run(stop_requested);
  std::cerr << "Stopping: the preview's files are removed\n";
  return 0;
}

}  // namespace bengal::cli
