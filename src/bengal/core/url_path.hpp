// Site URL paths ("/docs/guide/install/"), as the pages of a built site link each other.
#pragma once

#include <string>
#include <string_view>

namespace bengal {

// The link from the page served at `from` to `to`, relative to `from`'s folder, as Sphinx and
// MkDocs write their navigation: from "/a/b/page-1/" to "/a/b/page-2/" is "../page-2/", to
// "/a/b/" is "../", to itself "./"; from "/a/x.html" to "/a/y.html" is "y.html". A query or
// fragment of `to` is kept. `to` comes back unchanged unless both are site-absolute paths
// (start with one "/"): a full URL, "//host/..", "mailto:" or an already relative link.
// Relative links keep a long section's navigation short (the default theme's sidebar) and
// work under any base path.
std::string relative_url_path(std::string_view from, std::string_view to);

// True when `url` starts with a scheme ("https:", "mailto:", "ext:"): letters, then letters,
// digits, '+', '-' or '.', then ':'.
bool has_url_scheme(std::string_view url);

// Where a browser on the page at `base` (a site path, "/docs/a/") goes for the relative link
// `relative` ("../b/", "img/x.png?v=1"): the joined path with "." and ".." segments resolved
// (".." never climbs above "/") and the query and fragment kept.
std::string resolve_url_path(std::string_view base, std::string_view relative);

// `path` with each "%XX" (two hex digits) replaced by its byte, as a browser reads a link's
// path: "my%20page.md" is "my page.md". A '%' not followed by two hex digits stays.
std::string percent_decoded(std::string_view path);

// Whether the site path `path` ("/docs/img/a.png?v=1") lies below `base` ("/docs", the path of
// baseurl): `base` itself, or a path that goes on from it with '/', '?' or '#'. An empty base
// holds every path.
bool is_below_base_path(std::string_view path, std::string_view base);

}  // namespace bengal
