#include "bengal/pipeline/memory_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bengal/core/memory.hpp"
#include "bengal/highlight/highlight.hpp"

namespace bengal::pipeline {

size_t page_working_set(size_t average_body_bytes) {
  constexpr size_t kFloor = 64 << 10;
  return std::max(kFloor, average_body_bytes * 16);
}

size_t bookkeeping_bytes(const SiteSize& size) {
  // Per output file, what the render adds to the index it measured: 5 MiB over the 1.65M files
  // of a million pages (bench/RESULTS.md), the writer's folders being forgotten past 4,096.
  // 16 bytes a file is three times that. (Until the writer kept its manifest as one string,
  // or none, it was 320 bytes and 4 per URL byte: at a million pages a 1 GB build was refused
  // for needing 1.7 GB.)
  size_t files = size.output_files * 16;
  // The manifest, kept for the cache or --clean: each path with "index.html" and a NUL in one
  // string, which may hold up to twice that while it grows, and a 16-byte view of each when
  // it is sorted at the end.
  if (size.keeps_manifest)
    files += 2 * (size.output_url_bytes + size.output_files * 12) + size.output_files * 16;
  // With the cache, what it reads and makes after the measure: this build's and the last
  // build's digests (32 bytes a page) and each page body's reads (a few dozen bytes).
  if (size.cache) files += size.pages * 96;
  // Finalize: the sitemap sorts a 24-byte view per URL; each output's write buffer, the
  // search shards of one bucket (a term's best postings only) and the feeds take a few MB,
  // whatever the site's size.
  size_t finalize = size.output_files * 24 + (size_t{8} << 20);
  // The render machinery fills as pages render: the code highlighter's cache (bounded), the
  // compiled templates and each thread's allocator cache (a few MB, measured).
  size_t machinery = highlight::Highlighter::kDefaultCacheBytes + (size_t{4} << 20);
  // jemalloc's pages hold a few percent more than what is allocated in them.
  size_t fragmentation = size.resident_bytes / 16;
  return files + finalize + machinery + fragmentation;
}

size_t minimum_limit_bytes(const SiteSize& size) {
  // Fewer pages in flight than this and the batches become so many that their fixed costs
  // (purging the allocator, scheduling) slow the build down for a few MB.
  constexpr size_t kMinPagesInFlight = 64;
  size_t per_page = page_working_set(size.average_body_bytes);
  return size.resident_bytes + bookkeeping_bytes(size) +
         per_page * std::max(kMinPagesInFlight, size.threads);
}

size_t suggested_limit_mb(const SiteSize& size) {
  constexpr size_t kMB = size_t{1} << 20;
  size_t minimum = minimum_limit_bytes(size);
  // The index's RSS differs by up to a few MB from one run to the next (threads, allocator),
  // so the limit named leaves room for that: passed as it is, the next run is not refused.
  return (minimum + minimum / 32 + kMB + kMB - 1) / kMB;
}

std::optional<MemoryPlan> plan_memory(const MemoryRequest& request, const SiteSize& size,
                                      std::string& error) {
  MemoryPlan plan;
  plan.streaming =
      request.policy == config::MemoryPolicy::kStreaming ||
      (request.policy == config::MemoryPolicy::kAuto && size.pages >= request.streaming_threshold);
  plan.batch_size = std::max<size_t>(1, request.batch_size);
  plan.cache_bytes = request.cache_bytes;
  plan.limit_bytes = request.limit_bytes;
  // Hub pages are the top tenth by PageRank: at a million pages, 100,000 pages' HTML (750 MB
  // on the generated corpus) if all were kept. A streaming build keeps them up to the warm
  // cache's size again; a hub past it renders again when another page asks for it.
  if (plan.streaming) plan.hot_bytes = request.cache_bytes;
  if (request.limit_bytes == 0) return plan;

  // A budget always streams: keeping everything is what it exists to prevent.
  plan.streaming = true;
  size_t per_page = page_working_set(size.average_body_bytes);
  size_t minimum = minimum_limit_bytes(size);
  if (request.limit_bytes < minimum) {
    error = fmt::format(
        "memory limit {} cannot hold this site: the index alone takes {} and the build needs "
        "at least {}; raise --memory-limit (or [build] memory_limit) to {}MB or more",
        format_megabytes(request.limit_bytes), format_megabytes(size.resident_bytes),
        format_megabytes(minimum), suggested_limit_mb(size));
    return std::nullopt;
  }
  size_t spare =
      static_cast<size_t>(request.limit_bytes) - size.resident_bytes - bookkeeping_bytes(size);
  plan.cache_bytes = std::min(request.cache_bytes, spare / 4);
  plan.hot_bytes = spare / 4;
  plan.batch_size = std::clamp<size_t>((spare - plan.cache_bytes - plan.hot_bytes) / per_page, 1,
                                       plan.batch_size);
  return plan;
}

}  // namespace bengal::pipeline
