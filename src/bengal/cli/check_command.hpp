// `bengal check`: the problems a build would report, and a few more, without writing the
// site: broken internal links and anchors, duplicate URLs, orphan pages, missing titles.
#pragma once

#include <filesystem>

#include "bengal/config/config.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::cli {

struct CheckStats {
  size_t pages = 0;
  size_t broken_links = 0;
  size_t orphans = 0;         // no inbound link and in no list (section, home or term)
  size_t missing_titles = 0;  // pages whose title comes from the file name
  bool config_ok = true;
};

// `config_options` chooses the environment of a config directory.
CheckStats check_site(const std::filesystem::path& site_dir, Diagnostics& diagnostics,
                      const config::LoadOptions& config_options = {});

}  // namespace bengal::cli
