// Internal to the config library: reading a config directory, Bengal's layout of a site's
// config, into one merged Document that config.cpp then checks as it checks bengal.toml.
//   config/_default/*.yaml (.yml, .toml)   merged in file-name order
//   config/environments/<env>.yaml         merged on top, for the chosen environment
// Each key keeps the file, line and column that set it last, so a wrong value in
// config/environments/production.yaml is reported there.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "bengal/config/document.hpp"
#include "bengal/config/environment.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::config {

// More files than this in config/_default/ are not read (a warning says so): a config never
// needs them, and each file may be as large as any source file (kMaxSourceFileBytes).
constexpr size_t kMaxConfigDirFiles = 64;

struct ConfigDirResult {
  Document document;  // files[0] is "config", for keys no file set
  std::vector<Diagnostic> diagnostics;
  bool ok = true;  // false: a file could not be read or parsed
};

// Reads and merges the config directory of `site_dir` for `env`. Hidden files, editor backups
// and symlinks leading out of the site are skipped as everywhere else (core/source_tree.hpp).
ConfigDirResult read_config_dir(const std::filesystem::path& site_dir, const Environment& env);

// One config file's text: UTF-8 check, byte order mark, syntax. nullopt with the error added
// to `diagnostics`.
std::optional<Document> read_config_text(std::string_view text, std::string_view file,
                                         Format format, std::vector<Diagnostic>& diagnostics);

// .toml is TOML, anything else YAML.
Format config_format(std::string_view file_name);

}  // namespace bengal::config
