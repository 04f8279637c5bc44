// Waiting in tests for what another thread does (a server, a watcher): poll, with a limit.
#pragma once

#include <chrono>
#include <thread>

namespace bengal::test {

// Polls `done` every 10 ms for up to `limit`; true when it became true. The limit only ends a
// test that would otherwise hang: it is generous for a loaded sanitizer build, and how fast
// things happen is measured in bench/, not here.
template <typename Pred>
bool eventually(Pred done, std::chrono::milliseconds limit = std::chrono::milliseconds(15000)) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace bengal::test
