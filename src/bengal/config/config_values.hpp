// Checks and normal forms of config values that more than one part of the config reads: the
// site's address, and folders that must stay inside the site.
#pragma once

#include <string>
#include <string_view>

#include "bengal/config/config.hpp"

namespace bengal::config {

// "https://example.org/docs/" -> baseurl "https://example.org/docs", base_path "/docs".
// Returns false when the value is neither an absolute URL nor a path from the site root.
bool set_baseurl(SiteConfig& c, std::string url);

// Why `dir` cannot be a folder of the site ("is an absolute path; write ..."), or empty.
// Confining the folders to the site keeps an untrusted repository from reading or writing
// elsewhere; a trusted output folder is given on the command line (-o).
std::string site_folder_problem(std::string_view dir);

// "./docs//a/" -> "docs/a".
std::string normal_folder(std::string_view dir);

}  // namespace bengal::config
