#include "bengal/pipeline/load_site.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "bengal/config/config.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/content/markdown_files.hpp"
#include "bengal/markdown/line_blocks.hpp"
#include "bengal/pipeline/heading_id_style.hpp"

namespace bengal::pipeline {
namespace {

int64_t publish_now(const PublishOptions& publish) {
  if (publish.now_epoch_seconds) return *publish.now_epoch_seconds;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != 0) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (*end == 0) return seconds;
  }
  return static_cast<int64_t>(std::time(nullptr));
}

// A multilingual site's build discovers one language's pages (config/languages.hpp): those
// named with its code, and those named with none for the default language or in a content
// folder of its own.
void read_language_options(const config::SiteConfig& config, content::DiscoverOptions& discover) {
  for (const config::Language& l : config.languages) {
    discover.language_codes.push_back(l.code);
    if (l.code != config.content_language) continue;
    discover.language = l.code;
    discover.takes_unnamed_pages = l.is_default || !l.content_dir.empty();
  }
  content::set_page_languages(discover.language_codes);
}

}  // namespace

std::unique_ptr<LoadedSite> load_site(const std::filesystem::path& site_dir,
                                      std::optional<bool> drafts, Diagnostics& diagnostics,
                                      const std::function<void()>& discovered,
                                      const config::LoadOptions& config_options,
                                      const PublishOptions& publish, const DiscoverySetup& setup) {
  config::ConfigResult loaded = config::load_config(site_dir, config_options);
  diagnostics.add_all(std::move(loaded.diagnostics));
  if (!loaded.ok) return nullptr;
  if (loaded.config.config_file.empty()) {
    diagnostics.add(make_warning(
        "", 0, 0,
        fmt::format("no bengal.toml, bengal.yaml or config/ folder in {}: using the default "
                    "settings; create bengal.toml to set the site's title and baseurl",
                    site_dir.string())));
  }
  content::DiscoverOptions discover;
  discover.content_dir = site_dir / loaded.config.content_dir;
  discover.display_prefix = loaded.config.content_dir;
  discover.include_drafts = drafts.value_or(loaded.config.drafts);
  discover.include_future = publish.future;
  discover.include_expired = publish.expired;
  discover.now_epoch_seconds = publish_now(publish);
  discover.home_title = loaded.config.title;
  discover.sources = {site_dir, loaded.config.follow_external_symlinks};
  discover.scan = {
      .heading_id_style = heading_id_style(loaded.config, &diagnostics),
      .smart_punctuation = loaded.config.markdown_smart_punctuation,
      .alerts = loaded.config.markdown_alerts,
      .definition_lists = loaded.config.markdown_definition_lists,
      .block_attributes = loaded.config.markdown_block_attributes,
      .site_shortcodes = shortcode_template_names(site_dir, loaded.config.theme, discover.sources)};
  discover.permalinks = content::read_permalinks(loaded.config, diagnostics);
  read_language_options(loaded.config, discover);
  if (setup) setup(loaded.config, discover);
  content::DiscoveredSite pages = content::discover_pages(discover, diagnostics);
  if (discovered) discovered();
  auto out = std::make_unique<LoadedSite>();
  out->drafts_skipped = pages.drafts_skipped;
  out->unpublished_skipped = pages.unpublished_skipped;
  out->broken_pages = pages.broken_pages;
  out->sources_reused = pages.sources_reused;
  out->site.content_root = discover.content_dir;
  out->site.permalinks = std::move(discover.permalinks);  // discovery is done with them
  out->site.now_epoch_seconds = discover.now_epoch_seconds;
  site::build_index(out->site, std::move(loaded.config), std::move(pages), diagnostics);
  out->site.data = site::load_data(site_dir / "data", diagnostics, discover.sources);
  out->site.shortcode_templates = std::move(discover.scan.site_shortcodes);
  return out;
}

std::vector<std::string> shortcode_template_names(const std::filesystem::path& site_dir,
                                                  std::string_view theme,
                                                  const SourceTreeOptions& sources) {
  std::vector<std::filesystem::path> dirs = {site_dir / "templates" / "shortcodes"};
  if (!theme.empty() && theme != "default")
    dirs.push_back(site_dir / "themes" / theme / "templates" / "shortcodes");
  std::vector<std::string> names;
  Diagnostics quiet;
  for (const auto& dir : dirs) {
    for (std::string& rel : list_source_files(dir, "templates/shortcodes", sources, quiet)) {
      // NAME.html, or Zola's Markdown shortcode NAME.md.
      if (rel.ends_with(".html")) {
        rel.resize(rel.size() - 5);
      } else if (rel.ends_with(".md")) {
        rel.resize(rel.size() - 3);
      } else {
        continue;
      }
      // A name a call can write (markdown::name_at): no folder, no other characters.
      if (!rel.empty() && markdown::name_at(rel, 0).size() == rel.size())
        names.push_back(std::move(rel));
    }
  }
  // Hugo's `param` runs without a template of the site's (SiteDirectiveHost).
  names.emplace_back("param");
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

void warn_relative_baseurl(const site::Site& site, Diagnostics& diagnostics) {
  const auto& config = site.config;
  const auto& f = site.features;
  // Without a config file the warning that there is none already says to set baseurl. A config
  // directory's `local` environment is a preview on one's own machine, where Bengal sites set
  // a relative baseurl on purpose ("/"); the warning is for the published site.
  if (config.config_file.empty() || config.baseurl.find("://") != std::string::npos) return;
  if (config.environment == "local") return;
  if (!f.sitemap && !f.rss && !f.atom && !f.robots) return;
  // Not written at all: the message is about the config as a whole (bengal.toml, or config).
  const auto& positions = config.document.positions;
  bool written = std::any_of(positions.begin(), positions.end(),
                             [](const config::KeyPosition& p) { return p.path == "site.baseurl"; });
  config::SourcePlace at = written ? config.document.value_place_of("site.baseurl")
                                   : config::SourcePlace{config.config_file, 0, 0};
  std::string what = config.baseurl.empty()
                         ? std::string("[site] baseurl is not set")
                         : fmt::format("[site] baseurl \"{}\" is only a path", config.baseurl);
  diagnostics.add(make_warning(
      at.file, at.line, at.column,
      fmt::format("{}, so sitemap.xml, the feeds and robots.txt hold relative URLs, which those "
                  "formats do not allow; set baseurl to the address the site is published at, "
                  "such as \"https://example.org{}/\"",
                  what, config.base_path)));
}

}  // namespace bengal::pipeline
