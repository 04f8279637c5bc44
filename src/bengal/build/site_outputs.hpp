// Phase 5, finalize: the site-wide files, written from the index alone (never from page
// bodies): sitemap.xml, RSS/Atom feeds, llms.txt, robots.txt and alias redirects.
// (index.json is streamed during rendering: search_index.hpp.)
#pragma once

#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::build {

// Writes every output switched on in [features]. `virtual_pages` are the taxonomy and term
// pages (listed in the sitemap). Returns the number of files written.
size_t write_site_outputs(const site::Site& site,
                          const std::vector<templates::VirtualPage>& virtual_pages,
                          output::OutputWriter& writer, Diagnostics& diagnostics);

// Newest `limit` dated pages among `pages`, newest first (ties by source path).
std::vector<site::PageId> newest_dated(const site::Site& site, std::span<const site::PageId> pages,
                                       size_t limit);

}  // namespace bengal::build
