#include "bengal/pipeline/memory_plan.hpp"

#include <algorithm>

#include "bengal/core/memory.hpp"

namespace bengal::pipeline {

size_t page_working_set(size_t average_body_bytes) {
  constexpr size_t kFloor = 64 << 10;
  return std::max(kFloor, average_body_bytes * 16);
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
  if (request.limit_bytes == 0) return plan;

  // A budget always streams: keeping everything is what it exists to prevent.
  plan.streaming = true;
  size_t per_page = page_working_set(size.average_body_bytes);
  size_t minimum = size.resident_bytes + per_page * std::max<size_t>(1, size.threads);
  if (request.limit_bytes < minimum) {
    error = "memory limit " + format_megabytes(request.limit_bytes) +
            " cannot hold this site: the index alone takes " +
            format_megabytes(size.resident_bytes) + " and rendering needs at least " +
            format_megabytes(minimum) + "; raise --memory-limit (or [build] memory_limit) to " +
            format_megabytes(minimum + minimum / 4) + " or more";
    return std::nullopt;
  }
  size_t spare = static_cast<size_t>(request.limit_bytes) - size.resident_bytes;
  plan.cache_bytes = std::min(request.cache_bytes, spare / 4);
  plan.batch_size = std::clamp<size_t>((spare - plan.cache_bytes) / per_page, 1, plan.batch_size);
  return plan;
}

}  // namespace bengal::pipeline
