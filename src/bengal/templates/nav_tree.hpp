// The section navigation of a page, bounded: what the default theme's sidebar shows. From the
// top-level section down to the current page, each level lists the entries of one section
// (its subsections, then its pages, in the section's display order); only the sections on the
// current page's path are expanded. A level longer than `cap` shows a window of `cap` entries
// that holds the path, and says how many it has in all, so that a page's navigation costs
// O(depth × cap), never O(section size). Read-only over the Site: safe from render threads.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "bengal/templates/site_context.hpp"

namespace bengal::templates {

// At most this many levels are shown: a deeper page's tree starts further down, so that the
// output stays bounded (and within the template engine's recursion limit).
inline constexpr size_t kNavMaxDepth = 16;

// Entries [first, first + count) of a level of `total` entries are shown.
struct NavWindow {
  size_t first = 0;
  size_t count = 0;
};

// The window of at most `cap` (>= 1) entries of `total` that holds entry `at`, with `at` as
// near its middle as the ends allow; `at` >= total (no entry on the path) gives the first
// `cap`.
NavWindow nav_window(size_t total, size_t at, size_t cap);

// nav_tree(page, cap): none for the home page, a page directly under the home page, a page
// without a source (taxonomy, 404) or a page that is not rendered. Otherwise the root node,
// the top-level section holding the page. A node is a dict:
//   title     the page's nav_title           url       its URL, with the base path
//   is_section, current (the page itself), active (on the page's path, or itself)
//   children  nodes of its expanded level, in display order (empty unless expanded)
//   total     how many entries its level has (0 unless expanded)
//   more      true when `children` is a window of fewer than `total` entries
Value nav_tree(const SiteContext& ctx, PageId current, size_t cap);

// Adds the global nav_tree(page, cap=[theme] nav_cap) to `fns` (SiteContext::functions()).
void add_nav_tree(const SiteContext& ctx, std::vector<std::pair<std::string, Value>>& fns);

}  // namespace bengal::templates
