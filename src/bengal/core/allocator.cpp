#include "bengal/core/allocator.hpp"

#include <malloc.h>

#include <cstddef>

// jemalloc's control interface, when the binary links jemalloc (Debian's is built without a
// symbol prefix). Declared weak so that code without jemalloc links, and finds it null.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen)
    __attribute__((weak));

namespace bengal {

std::string allocator_name() {
  if (mallctl == nullptr) return "glibc";
  const char* version = nullptr;
  size_t size = sizeof(version);
  if (mallctl("version", &version, &size, nullptr, 0) != 0 || version == nullptr) return "jemalloc";
  return std::string("jemalloc ") + version;
}

void release_free_memory() {
  if (mallctl == nullptr) {
    malloc_trim(0);
    return;
  }
  // 4096 is MALLCTL_ARENAS_ALL: every arena at once.
  mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
}

}  // namespace bengal
