// Phase 5, finalize: the site-wide files, written from the index (bodies only through the
// content store, for full-content feeds): sitemap.xml, RSS/Atom feeds, llms.txt, robots.txt
// and alias redirects. Feeds and sitemap files are written only where they hold their path in
// site.outputs (output_plan.hpp).
// (index.json is streamed during rendering: search_index.hpp.)
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/pipeline/kept_outputs.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

// A page's rendered body HTML, read through the content store.
using ContentFn = std::function<std::string(PageId)>;

// Writes every output switched on in [features]. `virtual_pages` are the taxonomy and term
// pages (listed in the sitemap); `content` gives feed items their bodies with
// [feeds] full_content. Returns the number of files written or kept. With `parallel` the
// files are made on every thread (`content` must then be thread-safe), each file as it would
// be alone. With `kept` (an incremental build), a feed the last build made of the same items
// is kept as it is.
size_t write_site_outputs(const site::Site& site,
                          const std::vector<templates::VirtualPage>& virtual_pages,
                          const ContentFn& content, output::OutputWriter& writer,
                          Diagnostics& diagnostics, bool parallel = false,
                          KeptOutputs* kept = nullptr);

// Claims every alias in site.outputs, after every other output (an alias never replaces a
// file): the paths it holds, with the page each redirects to.
std::vector<std::pair<std::string, PageId>> claim_aliases(site::Site& site,
                                                          Diagnostics& diagnostics);
// claim_aliases, then writes the redirect pages. Returns the files written.
size_t write_aliases(site::Site& site, output::OutputWriter& writer, Diagnostics& diagnostics);

// Newest `limit` dated pages among `pages`, newest first (ties by source path). With
// `display_order`, `pages` is a list in display order (site::page_order_less), and one
// ordered by date is read only as far as its newest pages: a term's feed need not look at
// all its pages.
std::vector<PageId> newest_dated(const site::Site& site, std::span<const PageId> pages,
                                 size_t limit, bool display_order = false);

}  // namespace bengal::pipeline
