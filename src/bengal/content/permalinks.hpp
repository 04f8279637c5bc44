// Permalink patterns: Hugo's `[permalinks]` config, which gives the pages of a top-level
// section URLs such as "/:year/:month/:title/", and Jekyll's `permalink` front matter with its
// placeholders ("/:categories/:year/:month/:day/:title/"). A site moved over keeps its
// addresses, and with them its search ranking and the links others made to it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bengal/config/config.hpp"
#include "bengal/content/front_matter.hpp"
#include "bengal/content/page_meta.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::content {

// Whose placeholders a pattern is written in: `:title` is the slugified title in Hugo's, the
// name of the file (after its date) in Jekyll's.
enum class PermalinkDialect : uint8_t { kHugo, kJekyll };

// [permalinks]: patterns by top-level section, for its regular pages (`[permalinks]` or
// `[permalinks.page]`) and for its section pages (`[permalinks.section]`); by taxonomy, for
// its term pages (`[permalinks]` under the taxonomy's plural, or `[permalinks.term]`: ":slug"
// and ":title" are the term's slug) and its overview (`[permalinks.taxonomy]`, a path).
struct Permalinks {
  std::vector<std::pair<std::string, std::string>> pages, sections, terms, taxonomies;

  // The pattern for the page at `rel` (relative to the content dir) of kind `kind`; empty for
  // none (the home page never has one).
  std::string_view pattern_for(std::string_view rel, PageKind kind) const;
  // Everything that changes a page's URL, for the key of cached parses.
  std::string fingerprint() const;
  // The URL of the term page of `slug` in the taxonomy `plural`, or of its overview; empty when
  // no pattern is given (the default URLs are the caller's).
  std::string term_url(std::string_view plural, std::string_view slug) const;
  std::string taxonomy_url(std::string_view plural) const;
};

// Reads [permalinks] from the config. A pattern that cannot be used (an unknown placeholder,
// not a string, a taxonomy's term pages) is a diagnostic at its line, and left out.
Permalinks read_permalinks(const config::SiteConfig& config, Diagnostics& diagnostics);

// The URL `pattern` gives the page at `rel` with front matter `fm`, normalized as a front
// matter url is (normalize_url); or an error message (without the pattern). A placeholder without a
// value (a page without a date) takes Hugo's zero date, 0001-01-01.
struct PermalinkUrl {
  std::string url;
  std::string error;
};
PermalinkUrl expand_permalink(std::string_view pattern, PermalinkDialect dialect,
                              std::string_view rel, PageKind kind, const FrontMatter& fm);

// An error message for the first placeholder of `pattern` that `dialect` does not know; empty
// when all are known.
std::string unknown_placeholder(std::string_view pattern, PermalinkDialect dialect);

}  // namespace bengal::content
