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
  size_t hot_bytes = SIZE_MAX;  // the hub pages' HTML kept: streaming, the cache size or less
  uint64_t limit_bytes = 0;
};

struct SiteSize {
  size_t pages = 0;               // pages to render
  size_t resident_bytes = 0;      // the process after the index and the plan (RSS)
  size_t average_body_bytes = 0;  // of the Markdown bodies
  size_t threads = 1;
  size_t output_files = 0;      // pages, generated pages and the 404 page
  size_t output_url_bytes = 0;  // the length of their URLs, summed
  bool keeps_manifest = false;  // the writer lists its files (the cache or --clean reads them)
  bool cache = false;           // the build reads and writes the incremental cache
};

// Bytes one page in flight needs: its body, body HTML, page HTML and template values; a
// conservative multiple of the body, measured on the bench corpus (see docs/internals).
size_t page_working_set(size_t average_body_bytes);

// What the build holds besides the index and the pages in flight, growing as files are written
// and peaking in finalize: the output writer's list of files when kept, the cache's digests,
// the sitemap's sorted URLs, finalize's write buffers and search shards, the generated pages
// in flight.
size_t bookkeeping_bytes(const SiteSize& size);

// The smallest budget this site builds in: the index, the bookkeeping and one page in flight
// per thread, with no cache and no hub page kept.
size_t minimum_limit_bytes(const SiteSize& size);

// The limit a refusal names, in whole MB: the minimum plus room for the next run measuring
// its index a little larger (about 3% and 1 MB).
size_t suggested_limit_mb(const SiteSize& size);

// The plan for `request`. With a budget, what is left after the index and the bookkeeping is
// shared out: a quarter for the warm cache (at most --cache-size-mb), a quarter for the hub
// pages' HTML, the rest for the batch in flight. When the budget is below
// minimum_limit_bytes(), returns nothing and sets `error` to a message naming that minimum
// and suggested_limit_mb().
std::optional<MemoryPlan> plan_memory(const MemoryRequest& request, const SiteSize& size,
                                      std::string& error);

}  // namespace bengal::pipeline
