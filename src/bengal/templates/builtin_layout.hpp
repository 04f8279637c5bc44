// The built-in page layout: one HTML layout for pages, sections and the home page, used until
// the template engine renders themes. It reads only the Site index and the page's own HTML.
#pragma once

#include <string>
#include <string_view>

#include "bengal/site/site.hpp"

namespace bengal::templates {

struct PageHtml {
  std::string_view content;  // the page body rendered from Markdown
  std::string_view toc;      // table of contents as nested <ul>, may be empty
};

// Appends the whole HTML document of page `id` to `out`.
void render_builtin_layout(const site::Site& site, site::PageId id, const PageHtml& html,
                           std::string& out);

}  // namespace bengal::templates
