// Counts in messages: "1 page", "2 pages". Every summary and report line counts through this.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace bengal {

// `n` and `noun`, with an "s" unless n is 1 (nouns that take a plain "s" only).
inline std::string plural(size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace bengal
