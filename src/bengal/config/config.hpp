// Site configuration: bengal.toml (or bengal.yaml / bengal.yml) at the site root. Values are
// checked against the known sections and types; mistakes are diagnostics with file, line and
// column. Without a config file every default applies.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bengal/config/document.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/core/value.hpp"

namespace bengal::config {

struct SiteConfig {
  // [site]
  std::string title = "My Site";
  std::string baseurl;    // absolute, without trailing slash: "https://example.org/docs"
  std::string base_path;  // the path part of baseurl, for site-relative links: "/docs" or ""
  std::string description;
  std::string language = "en";
  // [build]
  std::string content_dir = "content";
  std::string output_dir = "public";
  std::string theme = "default";
  bool drafts = false;
  std::string memory_optimized = "auto";  // "auto", "true" or "false"
  int64_t streaming_threshold = 5000;
  int64_t batch_size = 1000;
  std::string memory_limit;  // "256MB"; empty = none
  int64_t threads = 0;       // 0 = all cores
  // [markdown]
  bool markdown_unsafe = true;
  // [params]: free table for templates
  Value params = Value::table();
  // The whole document, for sections later stages read (taxonomies, menu, pagination, ...).
  Value raw = Value::table();
  Document document;        // positions, for errors that later stages report
  std::string config_file;  // as shown in messages ("bengal.toml"), empty when none
};

struct ConfigResult {
  SiteConfig config;
  std::vector<Diagnostic> diagnostics;
  bool ok = true;  // false: an error makes the config unusable (syntax, wrong type)
};

// Reads the config of the site in `site_dir`. Messages name the file relative to the site.
ConfigResult load_config(const std::filesystem::path& site_dir);
// Parses config text; `file_name` decides the format by extension (.toml, .yaml, .yml).
ConfigResult parse_config(std::string_view text, std::string_view file_name);

}  // namespace bengal::config
