// Phase 2, the index: everything that needs all pages at once, computed from PageMeta only
// (the section tree, page order, URL collisions). After build_index the Site is read-only and
// render threads share it without locks.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bengal/config/config.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/content/page_meta.hpp"
#include "bengal/content/permalinks.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/core/read_set.hpp"
#include "bengal/site/menus.hpp"
#include "bengal/site/output_paths.hpp"
#include "bengal/site/section_options.hpp"
#include "bengal/site/taxonomy.hpp"
#include "bengal/site/xref.hpp"

namespace bengal::site {

using content::PageMeta;

// [features]: the site-wide outputs, each of which can be switched off.
struct Features {
  bool sitemap = true;
  bool rss = true;
  bool atom = false;
  bool search = true;  // index.json
  bool llms_txt = true;
  bool robots = true;
  bool aliases = true;
  bool graph = false;                // graph.json
  bool search_full_text = false;     // [search] full_text
  bool search_sharded = true;        // [search] sharded: search/, the index the theme's box reads
  size_t search_max_postings = 100;  // [search] max_postings: pages kept per term in search/
  bool feed_full_content = false;    // [feeds] full_content
  size_t feed_limit = 20;            // [feeds] limit: the newest pages a feed lists; 0 = all
};

// Built in place by build_index and never copied or moved: the cross-reference index points
// into its page table, so a Site is held where it was made (in place or by pointer).
struct Site {
  Site() = default;
  Site(const Site&) = delete;
  Site(Site&&) = delete;
  Site& operator=(const Site&) = delete;
  Site& operator=(Site&&) = delete;

  config::SiteConfig config;
  // The site's own shortcodes, NAME of templates/shortcodes/NAME.html (load_site.hpp).
  std::vector<std::string> shortcode_templates;
  content::PageTable table;
  std::vector<std::string> content_files;  // non-Markdown files of content/, copied as they are
  PageId home = kNoPage;

  // Per section page (indexed by PageId, empty for regular pages): its regular pages and its
  // subsections, in display order. Stored as offsets into flat arrays (CSR).
  std::span<const PageId> pages_of(PageId section) const;
  std::span<const PageId> sections_of(PageId section) const;
  // The pages section `section` lists (its pager pages, `section.pages`, its pages'
  // neighbours): its own, and those of each subsection with Zola's `transparent = true` (and
  // of theirs while they are transparent), in the section's order. pages_of(section) when no
  // subsection is transparent.
  std::span<const PageId> list_of(PageId section) const;
  // Zola's `transparent = true`: the section's pages are listed in its parent's list too.
  bool transparent(PageId section) const;
  // Zola's `paginate_reversed = true`: the list's pagers go through it from its end.
  bool paginate_reversed(PageId list) const;
  // The pages that are rendered (not excluded, nor kept out by `render: never`), in id order.
  std::span<const PageId> rendered() const { return rendered_; }
  // Of those, the ones the sitemap shows: all but `list: never` and `list: local` pages.
  std::span<const PageId> in_sitemap() const { return in_sitemap_; }
  // Of the rendered pages, the ones the search index shows: all (`list: never` ones too, as
  // they are published) but a section with Zola's `in_search_index = false` and its pages.
  std::span<const PageId> searched() const { return searched_; }
  bool in_search(PageId id) const {
    return std::binary_search(searched_.begin(), searched_.end(), id);
  }
  // The pages lists may show, whether rendered or not (`render: never` keeps a page in lists):
  // all but `list: never` ones.
  std::span<const PageId> listed() const { return listed_; }
  // The page bundles whose files are published next to them: rendered or not, unless
  // `publishResources: false` or headless. In id order.
  std::span<const PageId> resource_owners() const { return resource_owners_; }

  // Every read of a page's entry goes through here, so an incremental build knows which pages
  // a render looked at (core/read_set.hpp).
  const PageMeta& page(PageId id) const {
    reads::page_read(id);
    return table.pages[id];
  }
  std::string_view str(StrId id) const { return table.str(id); }
  // The same entry, for a caller that reads only its head: what pages show of other pages
  // (title, nav title, URL, kind, dates, weight, description, params, terms, section), never
  // what the body gives (summary, word count, headings, links). A body edit then re-renders
  // only the pages that read the body's fields.
  const PageMeta& head(PageId id) const {
    reads::head_read(id);
    return table.pages[id];
  }
  // What a list, a feed or a search fragment shows of a page: its description, else its
  // summary. Copied from the index's cold file, not read through its map: these read every
  // page's, scattered over the file (core/string_pool.hpp StringPool::copy).
  std::string description_or_summary(PageId id) const {
    const PageMeta& m = page(id);
    std::string text = table.strings.copy(m.description);
    return text.empty() ? table.strings.copy(m.summary) : text;
  }
  // The same for a caller that reads every page's in about id order (the file's order).
  std::string_view description_or_summary(PageId id, ColdReader& cold) const {
    const PageMeta& m = page(id);
    std::string_view text = cold.get(m.description);
    return text.empty() ? cold.get(m.summary) : text;
  }
  // The source path is in every build key (pipeline/digests.hpp): no read to record.
  std::string_view source_path(PageId id) const { return str(table.pages[id].source_path); }
  // Whether `a`'s source path sorts (bytewise) before `b`'s. Discovery numbers pages in that
  // order, so the ids tell without reading the paths (build_index checks it once).
  bool source_path_less(PageId a, PageId b) const {
    return ids_follow_paths_ ? a < b : source_path(a) < source_path(b);
  }
  // Links on the site carry the base path: "/docs" + "/a/".
  std::string rel_url(PageId id) const { return config.base_path + std::string(str(head(id).url)); }
  std::string permalink(PageId id) const { return config.baseurl + std::string(str(head(id).url)); }
  // rel_url (or, `absolute`, permalink) of a page with a URL (PageBuild::has_url), else "": what
  // templates link to, as Hugo's RelPermalink and Permalink.
  std::string linked_url(PageId id, bool absolute = false) const {
    if (!head(id).build.has_url()) return {};
    return absolute ? permalink(id) : rel_url(id);
  }
  // The pages of `pages` with a URL: `pages` itself when all have one, else their copy in
  // `copy` (a list, feed or related set never points at a page that is not published).
  std::span<const PageId> with_url(std::span<const PageId> pages, std::vector<PageId>& copy) const;

  // A multilingual site's page in another language (config.languages[language]): the same
  // source path with that language's code ("about.fr.md" for "about.md"), or the same
  // front matter translationKey.
  struct Translation {
    PageId page = kNoPage;  // the page of this site it translates
    uint32_t language = 0;  // index in config.languages
    std::string title;
    std::string href;       // site-relative, with that language's base path: "/fr/about/"
    std::string permalink;  // absolute, as that language's baseurl writes it
  };
  // A page's translations in the order of config.languages; empty for a site in one language.
  // In every page's digest (pipeline/digests.hpp): a translation's new title or address
  // renders the pages that show it again.
  std::span<const Translation> translations_of(PageId id) const;
  // Sets every page's translations from `all`, sorted by page, then language (made by
  // pipeline/languages.hpp once every language's index is made).
  void set_translations(std::vector<Translation> all);

  // Taxonomies from [taxonomies] (default tags and categories), terms sorted by page count.
  std::vector<Taxonomy> taxonomies;
  // Every rendered regular page in display order: site.pages and the home page's list.
  std::vector<PageId> regular_pages;
  // Neighbours of each page in its section's display order (kNoPage at the ends).
  std::vector<PageId> prev_in_section, next_in_section;
  // data/*.toml|yaml|json as one table: site.data.<file name>.
  Value data = Value::table();
  XrefIndex xref;
  // The same for the pages that are not written (`render: never`, headless), empty when there
  // are none: for get_page, which finds them as Hugo's GetPage does, and to say so where a link
  // to one of them is reported.
  std::optional<XrefIndex> unrendered_xref;
  size_t per_page = 10;  // [pagination] per_page; 0 = no pagination
  // [pagination] path (Hugo's): the folder of a list's pages 2..N, "/blog/page/2/".
  std::string pager_folder = "page";
  // The folder of list page `list`'s pagers: its section's `paginate_path` (Zola's), else
  // pager_folder.
  std::string_view pager_folder_of(PageId list) const;
  // Pages per pager of list page `list`: its section's `paginate_by` (Zola's), else per_page.
  size_t per_page_of(PageId list) const;
  // Whether `a` comes before `b` in the list of section `section`: its `sort_by` (Zola's), else
  // page_order_less. pages_of(section) and list_of(section) are sorted so.
  bool list_less(PageId section, PageId a, PageId b) const;
  // The order of section `section`'s list (kDefault: page_order_less; also for kNoPage).
  SectionSort sort_of(PageId section) const;
  Features features;
  std::map<std::string, Menu> menus;
  // Every output path and who holds it (output_paths.hpp): build_index claims the site files
  // and the pages; the build claims the rest before writing them.
  OutputPaths outputs;
  // The content folder as the build reads it, for error positions found after discovery
  // (empty: errors name the file without a line).
  std::filesystem::path content_root;
  // The build's "now" (seconds since 1970, UTC): SOURCE_DATE_EPOCH when it is set, else
  // the clock when the build started. The publishing window and the templates' now() use it.
  int64_t now_epoch_seconds = 0;

  // [permalinks] (content/permalinks.hpp): set before build_index, which reads the patterns of
  // taxonomy and term pages from it through taxonomy_url and term_url.
  content::Permalinks permalinks;
  // "/tags/" and "/tags/go/": the URLs of taxonomy pages, unless [permalinks] gives others.
  std::string taxonomy_url(size_t taxonomy) const;
  std::string term_url(size_t taxonomy, size_t term) const;

 private:
  friend void build_index(Site& site, config::SiteConfig config, content::DiscoveredSite discovered,
                          Diagnostics& diagnostics);
  // build_index's: pages_of, list_of and the neighbours, from the pages listed in sections (in
  // page order) and the sections.
  void group_lists(std::span<const PageId> in_sections, std::span<const PageId> sections);
  // Filled by build_index: pages_of and sections_of as offsets (size pages+1) into flat arrays.
  std::vector<uint32_t> page_offsets_, section_offsets_;
  std::vector<PageId> section_pages_, section_children_;
  // list_of as offsets and ids when a section is transparent; both empty otherwise.
  std::vector<uint32_t> list_offsets_;
  std::vector<PageId> list_pages_;
  std::vector<PageId> rendered_, in_sitemap_, searched_, listed_, resource_owners_;
  SectionOptions section_options_;  // sorted by page id
  bool ids_follow_paths_ = false;
  std::vector<Translation> translations_;
  std::vector<uint32_t> translation_offsets_;  // size pages+1 once set, else empty
};

// Reads data/ under the site folder: each .toml, .yaml, .yml or .json file becomes a key
// (its name without extension; subfolders nest). Errors name the file, line and column.
// Files are listed as every source folder is (core/source_tree.hpp): symlinks leaving the
// site (`sources.site_dir`; data/ itself when empty) are skipped with a warning.
Value load_data(const std::filesystem::path& data_dir, Diagnostics& diagnostics,
                const SourceTreeOptions& sources = {});

// Display order of pages: weight (pages with a weight first, lowest first; as in Hugo a weight
// of 0 means none), then date newest first, then title, then source path: a total order.
bool page_order_less(const content::PageTable& table, PageId a, PageId b);

// Whether a list in display order is ordered by date: its first page has no weight (so none
// has) and has a date (so the dated pages come first, newest first). O(1): it reads the first
// page only, which page_order_less makes decisive. Themes label such lists "Newer/Older" and
// show dates; a list ordered by weight or title does neither.
bool list_by_date(const content::PageTable& table, std::span<const PageId> list);

// Builds the index into `site`. Claims the site files bengal generates and every page's URL
// in site.outputs: a page that loses its URL (to a site file, or to a page that comes first)
// is reported as an error naming both and left out.
void build_index(Site& site, config::SiteConfig config, content::DiscoveredSite discovered,
                 Diagnostics& diagnostics);

}  // namespace bengal::site
