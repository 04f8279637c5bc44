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

// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with transparent huge
// pages, as it does in its "madvise" mode (Debian's default) only when asked. For the index's
// few large arrays that every phase reads at random (the page table, the string pool's
// entries): each 4 KiB page of them costs a TLB entry, and under a hypervisor a TLB miss is a
// two-level page walk. A warm 50K build ran 6% faster at the same peak RSS
// (bench/RESULTS.md). Only memory the caller has room for and will fill is advised: a huge
// page is resident whole once touched.
void advise_huge_pages(const void* data, size_t bytes);

}  // namespace bengal
