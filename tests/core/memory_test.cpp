// Process memory helpers: huge pages asked for on the aligned part of a range.
#include "bengal/core/memory.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace bengal {
namespace {

constexpr size_t kHuge = size_t{2} << 20;

// The VmFlags of the mapping of /proc/self/smaps that holds `at`.
std::string vm_flags_at(const void* at) {
  std::ifstream smaps("/proc/self/smaps");
  auto p = reinterpret_cast<uintptr_t>(at);
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    uintptr_t start = 0, end = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &start, &end) == 2 && line.find(':') > 8) {
      inside = start <= p && p < end;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return {};
}

bool huge_pages_on_request() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(f, modes);
  return modes.find("[madvise]") != std::string::npos;
}

// The aligned 2 MiB pieces of a range are advised, and only they (the mapping is split there).
TEST(Memory, HugePagesAreAskedForTheAlignedPartOfARange) {
  if (!huge_pages_on_request()) GTEST_SKIP() << "transparent huge pages are not in madvise mode";
  struct Free {
    void operator()(void* p) const { std::free(p); }
  };
  std::unique_ptr<char, Free> block(static_cast<char*>(std::aligned_alloc(kHuge, 4 * kHuge)));
  ASSERT_NE(block, nullptr);
  char* base = block.get();
  // [1 MiB, 3 MiB) holds no whole aligned huge page: nothing is advised.
  advise_huge_pages(base + kHuge / 2, kHuge);
  EXPECT_EQ(vm_flags_at(base + kHuge).find(" hg"), std::string::npos);
  // [1 MiB, 7 MiB): [2 MiB, 6 MiB) is.
  advise_huge_pages(base + kHuge / 2, 3 * kHuge);
  EXPECT_NE(vm_flags_at(base + kHuge).find(" hg"), std::string::npos) << vm_flags_at(base + kHuge);
  EXPECT_NE(vm_flags_at(base + 3 * kHuge - 1).find(" hg"), std::string::npos);
  EXPECT_EQ(vm_flags_at(base + kHuge / 2).find(" hg"), std::string::npos);
  EXPECT_EQ(vm_flags_at(base + 3 * kHuge).find(" hg"), std::string::npos);
}

}  // namespace
}  // namespace bengal
