// sitemap.xml per the sitemaps.org protocol: one urlset, or past 50,000 URLs a sitemap index
// pointing at numbered sitemaps of at most 50,000 URLs each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bengal/core/date.hpp"

namespace bengal::output {

struct SitemapEntry {
  std::string loc;  // absolute URL
  std::optional<Date> lastmod;
};

struct SitemapFile {
  std::string path;  // relative to the output dir: "sitemap.xml", "sitemap-1.xml", ...
  std::string xml;
};

inline constexpr size_t kSitemapMaxUrls = 50000;

// `baseurl` (absolute, no trailing slash) locates the numbered sitemaps from the index.
std::vector<SitemapFile> build_sitemaps(const std::vector<SitemapEntry>& entries,
                                        std::string_view baseurl,
                                        size_t max_urls = kSitemapMaxUrls);

// Escapes text for XML element content and attributes (& < > " '); leaves out the characters
// XML 1.0 cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF).
void append_xml_escaped(std::string& out, std::string_view text);

}  // namespace bengal::output
