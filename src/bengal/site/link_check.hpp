// Internal links checked against the cross-reference index, from PageMeta alone: every
// Markdown link to a page source or site path and every [[wiki]] link must name an existing
// page, and an #anchor an existing heading of it.
#pragma once

#include <filesystem>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/site/site.hpp"

namespace bengal::site {

// What a reference to a site path is, for the words of its warning.
enum class RefKind : uint8_t {
  kLink,
  kImage,  // an image's source
  kMedia,  // the file a video or audio directive plays
  kEmbed,  // what raw HTML's <iframe>, <embed>, <object>, <script> or <link> loads
};

struct LinkProblem {
  PageId page;
  uint32_t line;
  std::string target;  // as written
  LinkTarget::Status status;
  uint32_t column = 0;            // 1-based byte column of the target on its line; 0 until located
  RefKind kind = RefKind::kLink;  // of a site link that names nothing
  bool as_written = false;        // ... in raw HTML, which no base path is put before
  // A reference link ("[text][ref]") names its target in its definition ("[ref]: a.md"),
  // where the problem is then placed: the line of the link itself, else 0.
  uint32_t used_on = 0;
};

// A link or image source that is a site link and names no page, found by the link graph's
// pass and checked once every output is claimed: 16 bytes, its text left in the index (a site
// may have many, each page linking its downloads or images).
struct SiteLink {
  PageId page = 0;
  uint32_t line = 0;
  StrId target = kNoStr;  // cold text
  RefKind kind = RefKind::kLink;
  // In raw HTML: published as written, so a site-root path is below the base path of baseurl
  // only when it says so. Markdown's are site paths, which the renderer puts there.
  bool as_written = false;
};
static_assert(sizeof(SiteLink) == 16);

// Calls `fn(target's id, target as written, line, result)` for each internal link of page `id`, its
// Markdown links and then its [[wiki]] links, resolved through the cross-reference index. The
// link graph and the link check read a page's links through it, so a build resolves each link
// once. Links as written are cold text: the caller walks pages in a ColdPass.
void for_each_link(
    const Site& site, PageId id,
    const std::function<void(StrId, std::string_view, uint32_t, const LinkTarget&)>& fn);

// True for what the link check reports: a missing page or anchor, an unknown project.
bool is_broken(LinkTarget::Status status);

// True for a link that a browser follows within this site: a site path ("/img/a.png") or a
// relative one ("img/a.png", "../b/"); not one with a scheme, to another host
// ("//cdn.example.org/x.js"), nor to a place on the same page ("#top", "?tab=2").
bool is_site_link(std::string_view target);

// The site path a browser goes to for `target` from the URL of `page`: "/docs/a/" and
// "img/x.png" -> "/docs/a/img/x.png" (with the base path of baseurl); a site path as written.
std::string site_path_of(const Site& site, PageId page, std::string_view target);

// The page a link of raw HTML goes to, as a browser goes: the page served at its site path
// ("../guide/", "/docs/guide", "/docs/guide/?x#y"); kNoPage for a file or nothing.
PageId page_of_html_link(const Site& site, PageId page, std::string_view target);
// A link of raw HTML written in page `from`, as a browser follows it: to a page
// (page_of_html_link; "#x" and "?tab=2#x" are `from`), resolved, or a missing anchor when the page
// has no element of its #fragment (decoded); external for anything else, which the site-path check
// reads (find_unpublished_paths).
LinkTarget resolve_html_link(const Site& site, PageId from, std::string_view target);
// Whether page `id`'s raw HTML is published, so its links, images and ids are checked: in
// Markdown where [markdown] unsafe is on; an HTML page's body always.
bool publishes_raw_html(const Site& site, PageId id);
// Calls `fn` as for_each_link does for each <a href> of page `id`'s raw HTML, resolved by
// resolve_html_link, where raw HTML is published (publishes_raw_html).
void for_each_html_link(
    const Site& site, PageId id,
    const std::function<void(StrId, std::string_view, uint32_t, const LinkTarget&)>& fn);

// The output file a site path names, relative to the output folder, as a static server finds
// it: "/a/b/" -> "a/b/index.html", "/" -> "index.html", "/a/b.png" -> "a/b.png", a query and
// fragment dropped and %XX decoded. With `base_path` ("/docs"), a path below it is taken from
// there: "/docs/a/" -> "a/index.html".
std::string output_file_of(std::string_view target, std::string_view base_path);

// Whether another server publishes the site path `path`: it lies under one of the site's
// [build] unchecked_paths. Such a path is neither checked nor given the base path.
bool is_unchecked_path(const Site& site, std::string_view path);
// Whether the site path `path` of a reference in raw HTML (`as_written`), which is published
// as written, points outside a site published below a base path: "/img/a.png" below "/docs".
bool is_outside_base_path(const Site& site, std::string_view path, bool as_written);

// Of `links` (in page order), those that name no file the build writes, nor a folder with an
// index.html, and lie under none of the site's [build] unchecked_paths, as problems of status
// kExternal. Only once every output is claimed in site.outputs (after the aliases).
std::vector<LinkProblem> find_unpublished_paths(const Site& site, std::span<const SiteLink> links);

// Every broken link of the rendered pages, by page id; a page's Markdown links, then its wiki
// links, then its raw HTML's links (for_each_link, for_each_html_link).
std::vector<LinkProblem> find_broken_links(const Site& site);

// Sets each problem's column: where its target stands on its line of the page's file, which
// is read once for all of its problems (only pages with a broken link are read). A link whose
// text runs over lines moves to the line of its destination. A reference
// link's target stands in its definition, on another line: the problem moves there, keeping
// the link's line in `used_on`. A target spelled otherwise in the file (an entity), or a file
// that can no longer be read, leaves the column 0. `problems` in page order.
void locate_columns(const Site& site, const std::filesystem::path& content_dir,
                    std::vector<LinkProblem>& problems);
// The 1-based byte column of `target` on `line`, as a Markdown link's destination or a wiki
// link's target is written there; 0 when it is not on the line.
uint32_t target_column(std::string_view line, std::string_view target);

// "content/a.md:12:9: warning: link to missing page 'b.md'; ..." (an error with `as_errors`);
// for an unpublished site path (status kExternal), "link to '/x/': the site publishes nothing
// at that path; ...".
Diagnostic describe(const Site& site, const LinkProblem& problem, bool as_errors);

}  // namespace bengal::site
