// Hugo's text of taxonomy and term pages: content/tags/_index.md for the overview at /tags/,
// content/tags/go/_index.md for the term "go". Such files are not pages of their own; the
// taxonomy's generated pages show their title, description, params and text.
#pragma once

#include <string>
#include <vector>

#include "bengal/config/config.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/site/taxonomy.hpp"

namespace bengal::site {

// [taxonomies]: singular = "plural" pairs as in Hugo; default tags and categories. A value
// that is not a name is an error at its line.
std::vector<TaxonomyDef> read_taxonomy_defs(const config::SiteConfig& config,
                                            Diagnostics& diagnostics);

// Takes the section pages of content/<plural>/ and of its folders out of the site before its
// outputs are claimed: neither written (the taxonomy's pages hold their URLs) nor listed
// (content::headless_build). Returns them in id order.
std::vector<PageId> take_taxonomy_content(content::PageTable& table,
                                          const std::vector<TaxonomyDef>& defs);

// Once the terms are known, gives each taxonomy and term its page among `taken` (a term's by
// the folder that is its slug). A file for a taxonomy or term no page has is a warning, as
// nothing shows it; `content_dir` names the files.
void attach_taxonomy_content(const content::PageTable& table, const std::string& content_dir,
                             const std::vector<PageId>& taken, std::vector<Taxonomy>& taxonomies,
                             Diagnostics& diagnostics);

}  // namespace bengal::site
