// Phases 1 and 2 for every command that needs the index: read the config, discover the
// pages, build the index. `bengal build`, `check` and `graph` all start here.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "bengal/config/config.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

// Hugo's publishing window: pages dated in the future or past their expirydate are left out
// unless asked for (`bengal build --build-future --build-expired`).
struct PublishOptions {
  bool future = false;
  bool expired = false;
  // "Now" for the window. Unset: SOURCE_DATE_EPOCH when set (a reproducible build names its
  // time), else the clock.
  std::optional<int64_t> now_epoch_seconds;
};

struct LoadedSite {
  site::Site site;
  size_t drafts_skipped = 0;
  size_t unpublished_skipped = 0;  // future or expired
  size_t broken_pages = 0;
  size_t sources_reused = 0;  // page files whose cached parse was used
};

// Null when the config cannot be read (reported in `diagnostics`). Held by pointer because
// the Site must stay where it was built. `drafts` overrides [build] drafts. `discovered`, when
// given, is called between discovery and indexing (the memory profiler's phase boundary).
// `config_options` chooses the environment of a config directory; `publish` the window.
// `setup`, once the config is read, may set where discovery finds the parses of page files it
// has seen before (incremental builds; unset: it parses every file) and the folder for the
// index's cold text (unset: it stays in memory).
using DiscoverySetup = std::function<void(const config::SiteConfig&, content::DiscoverOptions&)>;
std::unique_ptr<LoadedSite> load_site(const std::filesystem::path& site_dir,
                                      std::optional<bool> drafts, Diagnostics& diagnostics,
                                      const std::function<void()>& discovered = {},
                                      const config::LoadOptions& config_options = {},
                                      const PublishOptions& publish = {},
                                      const DiscoverySetup& setup = {});

// The site's own shortcodes (markdown/hugo_shortcodes.hpp): NAME of each
// templates/shortcodes/NAME.html in the site's templates folder or its theme's, sorted, NAME
// made of letters, digits, '-' and '_'. Listed as the template loader lists them (its
// warnings are the loader's, not repeated here).
std::vector<std::string> shortcode_template_names(const std::filesystem::path& site_dir,
                                                  std::string_view theme,
                                                  const SourceTreeOptions& sources);

// Sitemaps, feeds and robots.txt must hold absolute URLs: warns once when the site's
// baseurl has no scheme and host and one of them is written.
void warn_relative_baseurl(const site::Site& site, Diagnostics& diagnostics);

}  // namespace bengal::pipeline
