// Zola's section front matter: `sort_by` orders a section's pages, `paginate_by` sets its
// pages per pager, `render = false` leaves its own page unwritten (its pages are written),
// `page_template` names the template of the pages below it, `in_search_index = false` keeps it
// and its pages out of the search index, `transparent = true` lists its pages in its parent's
// list too, `paginate_reversed = true` pages through its list from the end, `paginate_path`
// names the folder of its pagers ("p": /blog/p/2/).
// Read from the section pages' params, which keep every key discovery does not know.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "bengal/content/page_meta.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::site {

// Zola's orders: "date" and "update_date" newest first, "title" ignoring case with numbers in
// their order ("Part 2" before "Part 10"), "title_bytes"
// by bytes, "weight" lightest first, "slug" by the last part of the URL; "none" (and no
// sort_by) is bengal's order (site::page_order_less). Pages the order cannot place (no date,
// no weight) come after, in bengal's order.
enum class SectionSort : uint8_t {
  kDefault,
  kDate,
  kUpdateDate,
  kTitle,
  kTitleBytes,
  kWeight,
  kSlug
};

struct SectionOptions {
  std::vector<std::pair<PageId, SectionSort>> sorts;    // by section page id
  std::vector<std::pair<PageId, size_t>> per_page;      // by section (or home) page id
  std::vector<PageId> unsearched;                       // in_search_index = false, by page id
  std::vector<PageId> transparent;                      // sections only, by page id
  std::vector<PageId> reversed;                         // paginate_reversed = true, by page id
  std::vector<std::pair<PageId, StrId>> pager_folders;  // paginate_path, by page id
};

// The option of page `id` in `options` (sorted by page id), else `otherwise`.
template <typename T>
T option_of(const std::vector<std::pair<PageId, T>>& options, PageId id, T otherwise) {
  auto it = std::lower_bound(options.begin(), options.end(), id,
                             [](const auto& entry, PageId page) { return entry.first < page; });
  return it != options.end() && it->first == id ? it->second : otherwise;
}

// Reads the options of every section page and the home page. Applies `render = false` to the
// page's build options (before outputs are claimed), and `page_template` to the template of
// each page below the section (and its subsections, unless a nearer one names another) that
// names none itself. A value that cannot be used is a warning
// at its line (`content_root` finds the file) and left out.
SectionOptions read_section_options(content::PageTable& table,
                                    const std::filesystem::path& content_root,
                                    const std::string& content_dir, Diagnostics& diagnostics);

// Whether page `a` comes before `b` in a list sorted by `sort` (a total order: ties fall back
// to site::page_order_less).
bool sorted_before(const content::PageTable& table, SectionSort sort, PageId a, PageId b);

}  // namespace bengal::site
