// Small site-wide text files: robots.txt, llms.txt and alias redirect pages.
#pragma once

#include <string>
#include <vector>

namespace bengal::output {

// robots.txt allowing everything and pointing at the sitemap.
std::string build_robots_txt(std::string_view sitemap_url);

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

}  // namespace bengal::output
