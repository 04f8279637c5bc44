// Diagnostics as the user sees them, for exact comparisons in tests.
#pragma once

#include <string>
#include <vector>

#include "bengal/core/diagnostic.hpp"

namespace bengal::test {

inline std::vector<std::string> formatted(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.format());
  return out;
}

}  // namespace bengal::test
