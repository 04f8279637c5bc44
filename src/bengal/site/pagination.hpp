// Pagination of list pages (sections, terms, home): which items each page shows and where the
// pages live. Page 1 is at the list URL, page N at "<list>/page/N/", or below another folder
// than "page" (Hugo's [pagination] path, Zola's paginate_path).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::site {

struct Pager {
  size_t number = 1;       // 1-based
  size_t total_pages = 1;  // at least 1, even for an empty list
  size_t total_items = 0;
  size_t first_item = 0;  // index of this page's first item
  size_t item_count = 0;
  std::string url;                 // site-relative, without base path
  std::string prev_url, next_url;  // empty at the ends
  std::string first_url, last_url;
  std::string folder = "page";  // the folder of pages 2..N, as paginate() was given it
  bool has_prev() const { return number > 1; }
  bool has_next() const { return number < total_pages; }
};

// The URL of page `number` of the list at `list_url` ("/blog/" -> "/blog/page/2/", with
// folder "p": "/blog/p/2/").
std::string pager_url(std::string_view list_url, size_t number, std::string_view folder = "page");

// Splits `total_items` into pages of `per_page` (0 means all on one page), pages 2..N in
// `folder` below the list.
std::vector<Pager> paginate(size_t total_items, size_t per_page, std::string_view list_url,
                            std::string_view folder = "page");

// Whether `folder` can hold a list's pages: one URL segment of letters, digits, '-', '_' or
// '.', and not "." or "..".
bool is_pager_folder(std::string_view folder);

// The page numbers a numbered pagination shows for page `number` of `total`: the first and the
// last page and `radius` pages either side of the current one, in order, with 0 where pages
// are left out (an ellipsis). A gap of a single page shows that page instead, since an
// ellipsis would take the same room. At most 2 * radius + 5 entries, however many pages.
std::vector<size_t> pager_window(size_t number, size_t total, size_t radius = 2);

}  // namespace bengal::site
