// The reload channel between the rebuild loop and the browser tabs: the loop publishes one
// event per finished rebuild; every Server-Sent Events connection waits for the events after
// the last one it sent. Thread-safe: one publisher, any number of waiting connections.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace bengal::serve {

struct ReloadEvent {
  uint64_t id = 0;   // 1, 2, 3... in publishing order
  std::string name;  // "reload", "css" (only stylesheets changed) or "build-error"
  std::string data;  // one line of text; for "build-error" the errors, newlines escaped
};

class ReloadChannel {
 public:
  void publish(std::string name, std::string data);
  // The id of the newest event (0 before the first): a new connection starts after it.
  uint64_t last_id() const;
  // The newest event after `after_id`, waiting at most `timeout`; nullopt on timeout or close.
  // Events a slow connection missed collapse into the newest: a tab needs only the last word.
  std::optional<ReloadEvent> wait_after(uint64_t after_id, std::chrono::milliseconds timeout);
  // Wakes every waiting connection for good (the server is stopping).
  void close();
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  ReloadEvent latest_;
  bool closed_ = false;
};

// The event as an SSE message: "id: 3\nevent: reload\ndata: ...\n\n".
std::string format_sse(const ReloadEvent& event);

}  // namespace bengal::serve
