// Taxonomies (tags, categories, and any configured in [taxonomies]): terms collected from
// PageMeta, merged when they differ only by case or spacing, slugged and sorted
// deterministically.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bengal/content/page_meta.hpp"

namespace bengal::site {

struct TaxonomyDef {
  std::string singular;  // "tag"
  std::string plural;    // "tags": the front matter key and the URL segment
};

struct Term {
  std::string name;           // the first spelling met, in page id order
  std::string slug;           // unique within the taxonomy
  std::vector<PageId> pages;  // in display order (page_order_less)
  // Hugo's term content: content/<plural>/<slug>/_index.md gives the term's page its title,
  // text and params (kNoPage: none).
  PageId content = kNoPage;
};

struct Taxonomy {
  TaxonomyDef def;
  PageId content = kNoPage;  // content/<plural>/_index.md, for the taxonomy's own page
  std::vector<Term> terms;   // most pages first, then name, then slug
  // (term_key, index into terms), sorted by key: what find() searches. Every page's template
  // looks its terms up, so a scan of all terms would make each page cost O(site's terms).
  std::vector<std::pair<std::string, uint32_t>> by_key;
  // Index of the term a name belongs to, -1 if none ("Machine  Learning" finds
  // "machine learning"). O(log terms) once by_key is built (build_taxonomies builds it).
  int find(std::string_view name) const;
  // Builds by_key from terms; call again after changing terms.
  void index_keys();
};

// The merge key of a term: ASCII lowercased, runs of whitespace folded to one space, trimmed.
std::string term_key(std::string_view name);

// Builds each taxonomy from the given pages (regular pages that are rendered), given in page
// order (page_order_less): each term lists its pages in that order. Terms of "tags" and
// "categories" come from PageMeta; any other taxonomy from the page param of its plural name
// (a string or a list of strings).
std::vector<Taxonomy> build_taxonomies(const content::PageTable& table,
                                       std::span<const PageId> pages,
                                       const std::vector<TaxonomyDef>& defs);

}  // namespace bengal::site
