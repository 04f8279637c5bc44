// The allocator the process runs on. The bengal binary links jemalloc (CMake option
// BENGAL_JEMALLOC, on unless the sanitizers are): rendering allocates and frees many small
// template values per page from two threads, which glibc's malloc serves with 7-12% more CPU
// at the same peak (bench/RESULTS.md, "Allocator"). Libraries and tests that link no jemalloc
// run on glibc; these functions work with either.
#pragma once

#include <string>

namespace bengal {

// "jemalloc 5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c" or "glibc".
std::string allocator_name();

// Gives the memory freed so far back to the operating system: jemalloc purges its arenas'
// unused dirty pages, glibc trims its heaps. Streaming builds call it after each render
// batch, so that a batch larger than those before it does not stay resident.
void release_free_memory();

}  // namespace bengal
