// Where a front matter key sits in a page file, for errors found after discovery dropped the
// file (an output clash caused by `url` or `aliases`). Reads the file again: call it for the
// few pages that have an error, not for every page.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <utility>

namespace bengal::site {

// 1-based line and column of the top-level front matter key `key` (matched ignoring ASCII
// case, as front matter keys are); {0, 0} when the file cannot be read or has no such key.
std::pair<uint32_t, uint32_t> front_matter_key_position(const std::filesystem::path& file,
                                                        std::string_view key);

}  // namespace bengal::site
