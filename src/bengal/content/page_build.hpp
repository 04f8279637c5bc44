// Hugo's build options of a page (`_build`, or `build` since Hugo 0.123, and `headless`):
// whether the page is written, where it is listed, and whether its bundle's files are
// published. A site moved over from Hugo keeps out of its output what its author kept out.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "bengal/core/value.hpp"

namespace bengal::content {

// kUnset everywhere is "not said": a cascade may fill it, and it then means the first choice
// (always, always, published).
enum class RenderMode : uint8_t { kUnset, kAlways, kNever, kLink };
enum class ListMode : uint8_t { kUnset, kAlways, kNever, kLocal };
enum class ResourceMode : uint8_t { kUnset, kPublish, kKeep };

struct PageBuild {
  RenderMode render = RenderMode::kUnset;
  ListMode list = ListMode::kUnset;
  ResourceMode resources = ResourceMode::kUnset;

  // `render: never` and `render: link` write nothing.
  bool renders() const { return render == RenderMode::kUnset || render == RenderMode::kAlways; }
  // Whether templates see the page's URL: a page that is written, or one with `render: link`
  // (published by something else). A `never` page has none, as in Hugo: lists show it
  // unlinked, and neighbours, related pages and feeds leave it out.
  bool has_url() const { return renders() || render == RenderMode::kLink; }
  // In its section's list, the section's feed and the docs sidebar.
  bool listed() const { return list != ListMode::kNever; }
  // Also in site.pages, the home page's list, taxonomies, the site feed, the sitemap and search.
  bool listed_site_wide() const { return list == ListMode::kUnset || list == ListMode::kAlways; }
  bool publishes_resources() const { return resources != ResourceMode::kKeep; }
  // Each field not set here takes `from`'s.
  void fill(const PageBuild& from);
  bool operator==(const PageBuild&) const = default;
};

// `headless: true`: neither written nor listed, its bundle's files not published.
PageBuild headless_build();

// Whether `key` names the build options: `_build` or `build`, in any case.
bool is_build_key(std::string_view key);
// Whether `key` is one of them: `render`, `list` or `publishResources`, in any case.
bool is_build_option(std::string_view key);

// Reads a `_build` table: `render` ("always", "never", "link", or Hugo's older true/false),
// `list` ("always", "never", "local", or true/false) and `publishResources` (true/false), keys
// in any case. Anything else calls `problem` with the key under the table (empty for the table
// itself) and a message, and is left unset.
PageBuild read_page_build(
    const Value& table,
    const std::function<void(const std::string& key, const std::string& message)>& problem);

}  // namespace bengal::content
