// sitemap.xml per the sitemaps.org protocol: one urlset, or past 50,000 URLs a sitemap index
// pointing at numbered sitemaps of at most 50,000 URLs each.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/date.hpp"

namespace bengal::output {

// A version of a page in another language (and the page itself), as search engines read
// them from a sitemap: <xhtml:link rel="alternate" hreflang="fr" href="…"/>.
struct SitemapAlternate {
  std::string hreflang;
  std::string href;  // absolute URL
};

struct SitemapEntry {
  std::string loc;  // absolute URL
  std::optional<Date> lastmod;
  std::vector<SitemapAlternate> alternates = {};  // a multilingual site's page: every version
};

struct SitemapFile {
  std::string path;  // relative to the output dir: "sitemap.xml", "sitemap-1.xml", ...
  std::string xml;
};

inline constexpr size_t kSitemapMaxUrls = 50000;

// Where stream_sitemaps sends the files: `bytes` belong to the file `path`; the pieces of one
// file come one after another, files in the order build_sitemaps lists them.
using SitemapSink = std::function<void(std::string_view path, std::string_view bytes)>;

// The sitemap files of `count` URLs, the i-th (in the order they are listed) from `entry(i)`,
// handed to `sink` in pieces of about `piece_bytes`: what the files hold is never in memory
// whole, and the caller need not hold every entry's URL either. `alternates`: the urlsets
// declare the xhtml namespace, which entries' alternates need (a multilingual site's).
void stream_sitemaps(size_t count, const std::function<SitemapEntry(size_t)>& entry,
                     std::string_view baseurl, const SitemapSink& sink,
                     size_t max_urls = kSitemapMaxUrls, size_t piece_bytes = size_t{64} << 10,
                     bool alternates = false);

// `baseurl` (absolute, no trailing slash) locates the numbered sitemaps from the index.
// The same bytes as stream_sitemaps, collected.
std::vector<SitemapFile> build_sitemaps(const std::vector<SitemapEntry>& entries,
                                        std::string_view baseurl,
                                        size_t max_urls = kSitemapMaxUrls);

// Escapes text for XML element content and attributes (& < > " '); leaves out the characters
// XML 1.0 cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF).
void append_xml_escaped(std::string& out, std::string_view text);

}  // namespace bengal::output
