#include "bengal/build/load_site.hpp"

#include "bengal/config/config.hpp"
#include "bengal/content/discover.hpp"

namespace bengal::build {

std::unique_ptr<LoadedSite> load_site(const std::filesystem::path& site_dir,
                                      std::optional<bool> drafts, Diagnostics& diagnostics,
                                      const std::function<void()>& discovered) {
  config::ConfigResult loaded = config::load_config(site_dir);
  diagnostics.add_all(std::move(loaded.diagnostics));
  if (!loaded.ok) return nullptr;
  content::DiscoverOptions discover;
  discover.content_dir = site_dir / loaded.config.content_dir;
  discover.display_prefix = loaded.config.content_dir;
  discover.include_drafts = drafts.value_or(loaded.config.drafts);
  discover.home_title = loaded.config.title;
  content::DiscoveredSite pages = content::discover_pages(discover, diagnostics);
  if (discovered) discovered();
  auto out = std::make_unique<LoadedSite>();
  out->drafts_skipped = pages.drafts_skipped;
  out->broken_pages = pages.broken_pages;
  site::build_index(out->site, std::move(loaded.config), std::move(pages), diagnostics);
  out->site.data = site::load_data(site_dir / "data", diagnostics);
  return out;
}

}  // namespace bengal::build
