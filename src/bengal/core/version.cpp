#include "bengal/core/version.hpp"

#include <xxhash.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace bengal {

std::string_view executable_digest() {
  // Read once a process, in slices: a sanitizer build's test programs are hundreds of MB.
  static const std::string digest = []() -> std::string {
    // /proc/self/exe is the running program, whichever path or link started it.
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen("/proc/self/exe", "rb"), &std::fclose);
    std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state(XXH3_createState(),
                                                                          &XXH3_freeState);
    if (!file || !state || XXH3_64bits_reset(state.get()) != XXH_OK) return "";
    std::vector<char> slice(size_t{1} << 20);
    while (size_t n = std::fread(slice.data(), 1, slice.size(), file.get()))
      XXH3_64bits_update(state.get(), slice.data(), n);
    if (std::ferror(file.get())) return "";
    return fmt::format("{:016x}", XXH3_64bits_digest(state.get()));
  }();
  return digest;
}

}  // namespace bengal
