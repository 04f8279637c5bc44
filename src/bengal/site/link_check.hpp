// Internal links checked against the cross-reference index, from PageMeta alone: every
// Markdown link to a page source or site path and every [[wiki]] link must name an existing
// page, and an #anchor an existing heading of it.
#pragma once

#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/site/site.hpp"

namespace bengal::site {

struct LinkProblem {
  PageId page;
  uint32_t line;
  std::string target;  // as written
  LinkTarget::Status status;
};

// Every broken link of the rendered pages, in page id then line order.
std::vector<LinkProblem> find_broken_links(const Site& site);

// "content/a.md:12: warning: link to missing page 'b.md'; ..." (an error with `as_errors`).
Diagnostic describe(const Site& site, const LinkProblem& problem, bool as_errors);

}  // namespace bengal::site
