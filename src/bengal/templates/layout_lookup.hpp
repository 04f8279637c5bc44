// Which template renders a page, in the order Hugo and Zola users expect: the first name the
// template loader can find wins (site templates/ over theme over built-in theme).
#pragma once

#include <string>
#include <vector>

#include "bengal/site/site.hpp"

namespace bengal::templates {

// Candidate template names for a page, most specific first:
//   page:    front matter template, layout, <type>/single.html, single.html, page.html
//   section: <type>/list.html, list.html, section.html
//   home:    home.html, index.html, list.html
std::vector<std::string> layout_candidates(const site::Site& site, PageId id);
// Taxonomy overview: <plural>/terms.html, terms.html. Term: <plural>/term.html, term.html.
std::vector<std::string> taxonomy_candidates(const std::string& plural, bool term);

// "layout: wide" means "wide.html".
std::string with_html_extension(std::string_view name);

}  // namespace bengal::templates
