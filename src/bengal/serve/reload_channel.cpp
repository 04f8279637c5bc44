#include "bengal/serve/reload_channel.hpp"

#include <fmt/format.h>

namespace bengal::serve {

void ReloadChannel::publish(std::string name, std::string data) {
  {
    std::lock_guard lock(mutex_);
    latest_ = {latest_.id + 1, std::move(name), std::move(data)};
  }
  changed_.notify_all();
}

uint64_t ReloadChannel::last_id() const {
  std::lock_guard lock(mutex_);
  return latest_.id;
}

std::optional<ReloadEvent> ReloadChannel::wait_after(uint64_t after_id,
                                                     std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  bool ready = changed_.wait_for(lock, timeout, [&] { return closed_ || latest_.id > after_id; });
  if (!ready || closed_) return std::nullopt;
  return latest_;
}

void ReloadChannel::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool ReloadChannel::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::string format_sse(const ReloadEvent& event) {
  // A data line ends at a newline: the text is sent on one line, newlines as "\n".
  std::string data;
  for (char c : event.data) {
    if (c == '\n') {
      data += "\\n";
    } else if (c == '\\') {
      data += "\\\\";
    } else if (c != '\r') {
      data += c;
    }
  }
  return fmt::format("id: {}\nevent: {}\ndata: {}\n\n", event.id, event.name, data);
}

}  // namespace bengal::serve
