// The cross-reference index: finds the page a link means. Keys are source paths (with and
// without ".md"; a bundle or section also by its folder), slugs, front matter `id`s and URLs;
// anchors are checked against each page's heading ids, and where raw HTML is published its ids
// too (sorted, so each check is a binary search). Built from PageMeta only.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bengal/content/page_meta.hpp"
#include "bengal/markdown/link_destination.hpp"
#include "bengal/site/page_key_index.hpp"

namespace bengal::site {

struct LinkTarget {
  // kUnknownProject: an "ext:project:target" whose project has no URL template.
  enum class Status { kExternal, kResolved, kMissingPage, kMissingAnchor, kUnknownProject };
  Status status = Status::kExternal;
  PageId page = kNoPage;
  std::string anchor;  // without '#'
  std::string url;     // an "ext:" link's address, from its project's template
  std::string query;   // a Markdown link's "?..." as written, kept on the page's URL
};

using markdown::ExternalRef;
using markdown::parse_external_ref;

class XrefIndex {
 public:
  XrefIndex() = default;
  // `raw_html`: raw HTML is published ([markdown] unsafe), so its ids and <a name>s are anchors;
  // an HTML page's always are.
  XrefIndex(const content::PageTable& table, std::span<const PageId> pages, bool raw_html);

  // A Markdown link destination written in page `from`: "../a.md#x", "a.md", "#x",
  // "/docs/intro/", percent-encoded or not ("my%20page.md"). Links with a scheme, and site
  // paths that are not pages (assets), are external: they are left as written. "#top" is
  // the top of any page without an element of that id, as in a browser.
  LinkTarget resolve_link(PageId from, std::string_view written) const;
  // A wiki link target (the "|text" part already removed): "path", "path#anchor", "id:x" (the
  // page whose front matter id is x), "!x" (the page holding the `target` directive x, at
  // it), "ext:project:target" (external_refs.templates.project, see set_external_templates).
  LinkTarget resolve_wiki(PageId from, std::string_view target) const;
  // Hugo's ref and relref ("@ref:" links, hugo_shortcodes.hpp): a path with or without its
  // extension, from the page's folder first (unless it starts with '/'), then as a wiki link,
  // and a file name ("post.md") also as the unique page of that name.
  LinkTarget resolve_hugo_ref(PageId from, std::string_view target) const;

  // external_refs.templates: project -> URL template with {target}, {module}, {name} and
  // {name_lower} ("pathlib.Path": "pathlib.Path", "pathlib", "Path", "path").
  void set_external_templates(const Value* templates);
  // external_refs.indexes: [{name, url}] of projects Bengal resolves through a remote xref
  // index. A build reads nothing from the network, so they stay unresolved; this only lets
  // the warning say why. The index URL of `project`, or empty.
  void set_external_indexes(const Value* indexes);
  std::string_view external_index(std::string_view project) const;

  PageId by_path(std::string_view path) const;
  // The page served at `url` ("/docs/guide/", decoded, without the base path), or kNoPage.
  PageId by_url(std::string_view url) const { return urls_.find(*table_, url); }

  // The heading id of `page` that a link's missing `anchor` was likely meant as: the one that
  // reads the same once both are written as bengal writes ids (GitHub's "--flag" is bengal's
  // "flag"; "#Setup" means "setup"). Empty when none does, or when the page has too many ids
  // to compare each (a hint must not cost a hostile page's build minutes).
  std::string_view similar_anchor(PageId page, std::string_view anchor) const;

  // `page` at `anchor` (decoded, without '#'): resolved, or a missing anchor when the page has
  // no such anchor; resolved at once for no anchor.
  LinkTarget with_anchor(PageId page, std::string_view anchor) const;

 private:
  // `dest` (decoded, without its query and anchor) from page `from`.
  LinkTarget resolve_path(PageId from, std::string_view dest, std::string_view anchor) const;

  const content::PageTable* table_ = nullptr;
  // Keys are the table's texts (page_key_index.hpp), which outlive the index.
  PageKeyIndex paths_;                                      // "docs/intro.md", "docs/intro", "docs"
  PageKeyIndex slugs_;                                      // only slugs that name one page
  std::unordered_map<std::string, PageId> ids_;             // front matter ids: the first page wins
  std::unordered_map<std::string_view, PageId> targets_;    // `target` names: the first wins
  std::unordered_map<std::string, std::string> templates_;  // external_refs.templates
  std::unordered_map<std::string, std::string> indexes_;    // external_refs.indexes
  PageKeyIndex urls_;
  PageKeyIndex stems_;  // file names without .md, when unique
  // Anchors of each page sorted by text, found by binary search: a link's anchor check is
  // O(log headings), so 100K links to a page of 100K headings stay cheap. CSR by page id.
  std::vector<uint32_t> anchor_offsets_;
  std::vector<StrId> sorted_anchors_;
};

}  // namespace bengal::site
