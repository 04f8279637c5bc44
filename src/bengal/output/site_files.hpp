// Small site-wide text files: robots.txt, llms.txt and alias redirect pages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bengal::output {

// robots.txt allowing everything and pointing at the sitemaps (one per language of a
// multilingual site).
std::string build_robots_txt(const std::vector<std::string>& sitemap_urls);

// A redirect page for an old URL: meta refresh plus a canonical link, not indexed.
std::string build_alias_page(std::string_view target_permalink, std::string_view language);

// llms.txt (llmstxt.org): "# title", "> description", then one "## section" per section with
// a "- [title](url): description" line per page.
struct LlmsLink {
  std::string title;
  std::string url;
  std::string description;
};
struct LlmsSection {
  std::string title;
  std::vector<LlmsLink> links;
};
std::string build_llms_txt(std::string_view title, std::string_view description,
                           const std::vector<LlmsSection>& sections);

// The pieces of llms.txt, appended to `out` one after another, for a caller that writes the
// file as it goes instead of holding every section (build_llms_txt is made of them): the
// header once, then for each section with links its heading and its links.
void append_llms_header(std::string& out, std::string_view title, std::string_view description);
void append_llms_heading(std::string& out, std::string_view section_title);
void append_llms_link(std::string& out, std::string_view title, std::string_view url,
                      std::string_view description);

}  // namespace bengal::output
