// The version of bengal: printed by --version, written into build reports, and part of the
// incremental build cache's key (a cache from another version is never trusted).
#pragma once

namespace bengal {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace bengal
