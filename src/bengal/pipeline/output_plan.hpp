// The outputs claimed after the index and before rendering (site/output_paths.hpp): every
// page's pagination pages, taxonomy and term pages with theirs, section and term feeds,
// numbered sitemaps, bundle resources and other files of content/. Static files are claimed
// as they are copied and aliases last, so the claims stay in the registry's order. The keys
// here are how each writer asks whether it still holds its path.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

// Pages 2..N of a section's or the home page's list.
site::ClaimKey pager_key(const site::Site& site, PageId id);
// A taxonomy or term page and its pagination, by its URL.
site::ClaimKey virtual_page_key(const templates::VirtualPage& page);
// The RSS and Atom feeds of a list at `list_url` ("/" is the site feed, a site file).
site::ClaimKey feed_key(std::string_view list_url);
// A file of content/ copied as it is, by its path relative to the content dir.
site::ClaimKey content_file_key(std::string_view rel);
// Static layers: 0 the site's static/, 1 the theme's, 2 the built-in theme's.
site::ClaimKey static_key(uint8_t layer, std::string_view display_dir);
// The numbered sitemaps of a site past output::kSitemapMaxUrls URLs.
site::ClaimKey sitemap_parts_key();

// The folder of a list's feeds, relative to the output dir: "/blog/" -> "blog/", "/" -> "".
std::string feed_folder(std::string_view list_url);

// The taxonomy overview pages and term pages, in taxonomy and term order (the 404 page is a
// site file, rendered on its own).
std::vector<templates::VirtualPage> list_generated_pages(const site::Site& site);

// Claims the generated list outputs and content files named above in site.outputs; clashes
// are reported in `diagnostics`.
void claim_generated_outputs(site::Site& site,
                             const std::vector<templates::VirtualPage>& virtual_pages,
                             Diagnostics& diagnostics);

// Claims one static file for `layer` and says whether to copy it.
bool claim_static_file(site::Site& site, uint8_t layer, std::string_view display_dir,
                       std::string_view rel, Diagnostics& diagnostics);

}  // namespace bengal::pipeline
