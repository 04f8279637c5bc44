// Where a build may write. The output folder must be a folder of its own: never the site
// folder, one of its source folders (content, static, templates, data, themes), inside one
// or holding one, since a build writes and replaces files there. A folder named in the config
// must also stay inside the site folder once symlinks are resolved, so an untrusted
// repository cannot send the output elsewhere; one given on the command line (-o) is trusted
// to be anywhere else.
#pragma once

#include <filesystem>
#include <optional>

#include "bengal/config/config.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::output {

// The problem with the output folder of the site in `site_dir`: `command_line` when given,
// else `config.output_dir`. An error at the config value, or (for -o) without a file;
// nullopt when the folder may be written. Folders need not exist.
std::optional<Diagnostic> check_output_folder(
    const std::filesystem::path& site_dir, const config::SiteConfig& config,
    const std::optional<std::filesystem::path>& command_line);

}  // namespace bengal::output
