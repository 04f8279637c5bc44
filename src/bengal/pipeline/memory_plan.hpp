// The memory policy of one build: whether it streams, the batch size, the warm cache size, and
// what a --memory-limit budget allows, decided after the index is built (when its size and the
// page count are known) and before anything is rendered.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "bengal/config/config.hpp"

namespace bengal::pipeline {

struct MemoryRequest {
  config::MemoryPolicy policy = config::MemoryPolicy::kAuto;
  size_t streaming_threshold = 5000;  // pages; kAuto streams from here up
  size_t batch_size = 1000;
  size_t cache_bytes = 64u << 20;
  uint64_t limit_bytes = 0;  // 0: no budget
};

struct MemoryPlan {
  bool streaming = false;
  size_t batch_size = 1000;
  size_t cache_bytes = 64u << 20;
  uint64_t limit_bytes = 0;
};

struct SiteSize {
  size_t pages = 0;               // pages to render
  size_t resident_bytes = 0;      // the process after the index (RSS)
  size_t average_body_bytes = 0;  // of the Markdown bodies
  size_t threads = 1;
};

// Bytes one page in flight needs: its body, body HTML, page HTML and template values; a
// conservative multiple of the body, measured on the bench corpus (see docs/internals).
size_t page_working_set(size_t average_body_bytes);

// The plan for `request`. With a budget, the batch and cache shrink to fit what is left after
// the index: a quarter of it for the warm cache, the rest for the batch in flight. When the
// budget cannot hold even the index and one page per thread, returns nothing and sets `error`
// to a message that says how much is needed.
std::optional<MemoryPlan> plan_memory(const MemoryRequest& request, const SiteSize& size,
                                      std::string& error);

}  // namespace bengal::pipeline
