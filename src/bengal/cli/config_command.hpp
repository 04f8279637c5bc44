// `bengal config show`: the site's config as bengal reads it, after a config directory's files
// and environment are merged, each value with the file and line that set it, so a user can
// see which file won a merge.
#pragma once

#include <filesystem>
#include <string>

#include "bengal/config/config.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::cli {

enum class ConfigFormat { kText, kJson };

struct ConfigShowOptions {
  std::filesystem::path site_dir = ".";
  config::LoadOptions load;  // the environment
  ConfigFormat format = ConfigFormat::kText;
};

// Fills `out` with every value the config files set, sorted by key:
//   site.title = "Docs"  # config/_default/site.yaml:2
// Array items are shown one per line as key[0], key[1] when they hold tables. Returns false
// when the config has errors (in `diagnostics`, with its warnings).
bool show_config(const ConfigShowOptions& options, std::string& out, Diagnostics& diagnostics);

}  // namespace bengal::cli
