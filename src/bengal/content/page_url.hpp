// Pretty URLs: where a page lives on the site, from its source path, slug and url fields.
// The result is always a clean site-relative path, so no front matter can point a write
// outside the output directory.
#pragma once

#include <string>
#include <string_view>

#include "bengal/content/page_meta.hpp"

namespace bengal::content {

// A folder or file name as a URL segment: lowercased, and a space, or a character that would
// break the URL ("c#-guide.md"), a '-'.
std::string url_segment(std::string_view s);

// The URL of a page at `source_path` (relative to the content dir): "a/b.md" -> "/a/b/",
// "a/b/index.md" -> "/a/b/", "a/_index.md" -> "/a/", "_index.md" -> "/". A slug replaces the
// last segment. Path segments are lowercased and spaces become '-', as Hugo does.
std::string default_page_url(std::string_view source_path, PageKind kind, std::string_view slug);

// Checks and normalizes a front matter `url`: adds the leading '/', collapses repeated
// slashes, adds a trailing '/' unless the last segment names a file ("feed.xml"). Returns an
// error message instead when the url contains "..", ".", a backslash, a control character or a
// scheme, any of which could escape the output directory or is not a site path.
struct UrlCheck {
  std::string url;
  std::string error;  // empty when url is valid
};
UrlCheck normalize_url(std::string_view url);

// Checks a slug: one path segment, no '/', '\', "..", control characters. Empty = valid.
std::string check_slug(std::string_view slug);

// The file an URL is written to, relative to the output dir: "/a/b/" -> "a/b/index.html",
// "/" -> "index.html", "/feed.xml" -> "feed.xml".
std::string output_path_for_url(std::string_view url);

}  // namespace bengal::content
