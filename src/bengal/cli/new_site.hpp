// `bengal new site NAME`: writes a small working site (config, sections, pages) that builds
// at once, as a starting point.
#pragma once

#include <filesystem>
#include <string>

namespace bengal::cli {

// Creates the site in `dir`, which must not exist or be empty. Returns an error message, or
// an empty string on success.
std::string create_site(const std::filesystem::path& dir, const std::string& title);

}  // namespace bengal::cli
