// BENGAL_ASAN is defined when AddressSanitizer is on, so tests can size their work to the
// sanitizer build, which runs bengal 4-5 times slower: g++ says so with __SANITIZE_ADDRESS__,
// clang with __has_feature.
#pragma once

#if defined(__SANITIZE_ADDRESS__)  // g++
#define BENGAL_ASAN 1
#elif defined(__has_feature)  // clang
#if __has_feature(address_sanitizer)
#define BENGAL_ASAN 1
#endif
#endif
