// Site configuration: a config/ directory (config/_default/*.yaml merged, then
// config/environments/<env>.yaml, as Bengal lays it out) or bengal.toml (or bengal.yaml /
// bengal.yml) at the site root. Values are checked against the known sections and types;
// mistakes are diagnostics naming the file, line and column that set the value. Without a
// config every default applies.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/config/document.hpp"
#include "bengal/config/environment.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/core/value.hpp"

namespace bengal::config {

// What the build keeps after a page is written (DESIGN.md, "Two memory policies").
enum class MemoryPolicy : uint8_t {
  kAuto,       // streaming from `streaming_threshold` pages up
  kFull,       // memory_optimized = false: every body and HTML stays until the build ends
  kStreaming,  // memory_optimized = true
};

// One language of a multilingual site ([languages]; languages.hpp reads and applies it).
struct Language {
  std::string code;    // "fr": its pages' file names (about.fr.md) and its folder (/fr/)
  std::string name;    // what a language menu shows, "Français"; the code when not set
  std::string locale;  // <html lang> and the feeds' language, "fr-FR"; the code when not set
  std::string direction = "ltr";  // "rtl" for Arabic, Hebrew...: the default theme's dir
  int64_t weight = 0;
  // Its own content folder (a folder of the site), or empty: the site's, where its pages are
  // named with its code (about.fr.md) and unnamed ones are the default language's.
  std::string content_dir;
  bool is_default = false;
  bool in_subdir = true;  // built into OUTPUT/<code>/; the default language at OUTPUT/
  // Its home page: site-relative with the base path ("/docs/fr/"), and absolute as baseurl
  // writes it. Set by apply_language, once the baseurl is final.
  std::string href;
  std::string permalink;
  Value overrides = Value::table();  // its title, description, params, menus, features
};

struct SiteConfig {
  // [site]
  std::string title = "My Site";
  std::string logo_text;  // Bengal's header text beside (or instead of) a logo
  // Absolute, without trailing slash: "https://example.org/docs/" is kept as
  // "https://example.org/docs", so templates write `baseurl + url` with url starting at '/'.
  // A bare path ("/docs") is kept as is; empty means links are site-relative from '/'.
  std::string baseurl;
  std::string base_path;  // the path part of baseurl, for site-relative links: "/docs" or ""
  std::string description;
  std::string language = "en";
  // [build]
  // Folders inside the site folder: relative, without "..", normalized ("./docs/" -> "docs");
  // an untrusted repository's config cannot point them elsewhere. The theme is a folder name
  // in themes/.
  std::string content_dir = "content";
  std::string output_dir = "public";
  std::string theme = "default";
  // Symlinks in content/, static/ and the theme leading outside the site are skipped unless
  // this is set (core/source_tree.hpp).
  bool follow_external_symlinks = false;
  bool drafts = false;
  MemoryPolicy memory_policy = MemoryPolicy::kAuto;  // memory_optimized: true, false or "auto"
  int64_t streaming_threshold = 5000;                // pages; kAuto streams from here up
  int64_t batch_size = 1000;                         // pages rendered per batch, >= 1
  std::string memory_limit;                          // as written, "256MB"; empty = none
  uint64_t memory_limit_bytes = 0;                   // memory_limit parsed; 0 = none
  int64_t threads = 0;                               // 0 = all cores
  int64_t hot_percent = 10;    // hubs kept resident by the streaming build: top % by PageRank
  int64_t cache_size_mb = 64;  // warm tier of the content store, in MB
  // Site paths that another server publishes ("/api/"): links under them are not checked
  // against the files the build writes (site/link_check.hpp).
  std::vector<std::string> unchecked_paths;
  // [markdown]
  bool markdown_unsafe = true;  // raw HTML in Markdown is passed through
  // [markdown] smart_punctuation, hard_wraps and external_links_* (markdown::Options).
  bool markdown_smart_punctuation = false;
  bool markdown_hard_wraps = false;
  // [markdown] alerts (Zola's github_alerts): "> [!NOTE]" quotes are admonitions.
  bool markdown_alerts = true;
  // [markdown] definition_lists: "Term" then ": Definition" lines are a <dl>, as in Hugo.
  bool markdown_definition_lists = true;
  // [markdown] block_attributes: a "{: .notice}" line gives the block it stands by attributes.
  bool markdown_block_attributes = true;
  // [markdown] lazy_async_image (Zola's): Markdown images load lazily and decode apart.
  bool markdown_lazy_images = false;
  bool external_links_target_blank = false;
  bool external_links_no_follow = false;
  bool external_links_no_referrer = false;
  // On by default: the hand-written lexers keep it within the +25% build-time budget on a
  // code-heavy site (bench/RESULTS.md). `[markdown] highlight = false` turns it off.
  bool markdown_highlight = true;
  std::string markdown_highlight_style = "semantic";  // or "pygments": the CSS class scheme
  // [theme] nav_cap: the most entries a level of the default theme's section navigation shows
  // (templates/nav_tree.hpp); the rest of [theme] is kept unchecked in `raw`.
  int64_t nav_cap = 30;
  // [languages]: a site in several languages, each built as a site of its own (its pages, lists,
  // feeds, sitemap and search) into its folder, ordered by weight, then code; empty for a site
  // in one language. `content_language` is the code of the language this config builds
  // (apply_language), empty for a site in one language.
  std::vector<Language> languages;
  std::string content_language;
  // [params]: free table for templates
  Value params = Value::table();
  // The whole document, for sections later stages read (taxonomies, menu, pagination,
  // features, search, related, outputs), which are kept here unchecked.
  Value raw = Value::table();
  // Positions, for errors that later stages report: `document.place_of("menu.main")` names
  // the file, line and column that set a key (with a config directory, one of its files).
  Document document;
  // As shown in messages: "bengal.toml", "config" for a config directory, empty when none.
  std::string config_file;
  std::string environment;  // the environment a config directory was merged for, else empty
};

struct ConfigResult {
  SiteConfig config;
  std::vector<Diagnostic> diagnostics;
  bool ok = true;  // false: an error makes the config unusable (syntax, wrong type or range)
};

struct LoadOptions {
  std::string environment;  // --environment; empty: BENGAL_ENV, CI or local
  // --baseurl (and `bengal serve`'s local address): replaces [site] baseurl after reading.
  std::optional<std::string> baseurl;
  // With `baseurl`: it replaces only the scheme and host, and the path of [site] baseurl
  // stays. `bengal serve` serves the site below its base path, as it is published, so that
  // paths written with it work in the preview too.
  bool keep_base_path = false;
  // A multilingual site's language to build (apply_language); empty: the default language.
  std::string language;
  EnvLookup lookup = process_environment();  // tests pass their own
};

// Reads the config of the site in `site_dir`: the config/ directory when there is one (see
// config_dir.hpp; a warning names a bengal.toml or bengal.yaml beside it, which is ignored),
// else bengal.toml, else bengal.yaml, else bengal.yml (a warning names any of them that is
// ignored). No config: defaults, no diagnostic. Messages name files relative to the site.
ConfigResult load_config(const std::filesystem::path& site_dir, const LoadOptions& options = {});

// Whether `site_dir` has a config/ folder, which then holds the site's config.
bool has_config_dir(const std::filesystem::path& site_dir);

// The config file `load_config` reads in `site_dir` ("bengal.toml", "bengal.yaml" or
// "bengal.yml"), or an empty string when there is none.
std::string find_config_file(const std::filesystem::path& site_dir);
// Parses config text of the given format; `file_name` is only used in messages.
ConfigResult parse_config(std::string_view text, std::string_view file_name, Format format);
// As above, with the format chosen by the extension: .toml is TOML, anything else YAML.
ConfigResult parse_config(std::string_view text, std::string_view file_name);
// Checks an already merged document (a config directory's) and reads it into a SiteConfig.
ConfigResult read_config(Document document, std::string config_file);

// "256MB" -> 268435456. Units B, KB, MB, GB, TB (binary multiples; KiB, MiB... too), case
// insensitive, optional space before the unit; a bare number is bytes. nullopt when invalid.
std::optional<uint64_t> parse_byte_size(std::string_view text);

}  // namespace bengal::config
