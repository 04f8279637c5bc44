// Process memory as the operating system sees it: what the build summary and the memory
// profiler report.
#pragma once

#include <cstddef>
#include <string>

namespace bengal {

// Resident set size now, in bytes (from /proc/self/statm); 0 if unavailable.
size_t current_rss_bytes();
// Highest resident set size of this process so far, in bytes (getrusage).
size_t peak_rss_bytes();
// "23.4 MB" with one decimal; 1 MB = 1024 * 1024 bytes, as top and ps count.
std::string format_megabytes(size_t bytes);
// "+12.8 MB" / "-3.0 MB": the change from `before` to `now`, signed.
std::string format_megabytes_change(size_t now, size_t before);

}  // namespace bengal
