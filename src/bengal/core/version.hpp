// The version of bengal: printed by --version, written into build reports, and part of the
// incremental build cache's key (a cache from another version is never trusted).
#pragma once

#include <string_view>

namespace bengal {

inline constexpr const char* kVersion = "0.1.0";

// The digest of the running executable (16 hex digits; "" when it cannot be read): builds of
// bengal from different sources share kVersion until a release, but never their rendering,
// so the incremental build cache is trusted only by the executable that wrote it.
std::string_view executable_digest();

}  // namespace bengal
