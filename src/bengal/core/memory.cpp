#include "bengal/core/memory.hpp"

#include <algorithm>

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>

#include <fmt/format.h>

namespace bengal {

void advise_huge_pages(const void* data, size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  // madvise takes a mutable pointer, though advice changes no byte.
  char* at = static_cast<char*>(const_cast<void*>(data));
  size_t lead = (kHuge - reinterpret_cast<uintptr_t>(at) % kHuge) % kHuge;
  if (bytes < lead) return;
  size_t whole = (bytes - lead) / kHuge * kHuge;
  // A kernel without transparent huge pages refuses the advice: the pages stay small.
  if (whole > 0) madvise(at + lead, whole, MADV_HUGEPAGE);
}

size_t current_rss_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  if (n != 2) return 0;
  return static_cast<size_t>(resident) * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

size_t peak_rss_bytes() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return current_rss_bytes();
  // The kernel updates the high-water mark lazily (per-thread counters are folded in now and
  // then), so it can lag the current RSS by a little: a peak is never below the present.
  return std::max(static_cast<size_t>(usage.ru_maxrss) * 1024, current_rss_bytes());
}

std::string format_megabytes_change(size_t now, size_t before) {
  // One fmt call instead of `"+" + std::string`: g++ 12 at -O3 reports a false
  // -Werror=restrict inside std::string's operator+ (GCC bug 105329).
  const bool grew = now >= before;
  const double megabytes =
      static_cast<double>(grew ? now - before : before - now) / (1024.0 * 1024.0);
  return fmt::format("{}{:.1f} MB", grew ? '+' : '-', megabytes);
}

std::string format_megabytes(size_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace bengal
