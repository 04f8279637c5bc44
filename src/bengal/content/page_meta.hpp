// PageMeta: the compact record discovery keeps for each page once its body is dropped. Every
// later stage reads pages through this table; bodies come back only in the render phase.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "bengal/content/page_build.hpp"
#include "bengal/core/date.hpp"
#include "bengal/core/ids.hpp"
#include "bengal/core/string_pool.hpp"
#include "bengal/core/value.hpp"

namespace bengal::content {

enum class PageKind : uint8_t { kPage, kSection, kHome };

// A slice of PageTable::lists (tags, links, ...): ids of interned strings.
struct StrRange {
  uint32_t offset = 0;
  uint32_t count = 0;
};

// The lists most pages leave empty, beside the table (PageTable::extras): in every record they
// would cost each page of a million-page site 48 bytes.
struct PageExtras {
  StrRange keywords, aliases;
  StrRange wiki_links;  // [[...]] targets as written
  StrRange wiki_link_lines;
  StrRange images;  // image sources as written, checked as site links are
  StrRange image_lines;
  StrRange html_links;  // raw HTML's <a href> values, checked where a browser goes
  StrRange html_link_lines;
  StrRange html_images;  // raw HTML's <img src> values, likewise
  StrRange html_image_lines;
  StrRange html_media;  // raw HTML's <video src>, <audio src>, <source src>, <track src>
  StrRange html_media_lines;
  StrRange html_embeds;       // raw HTML's <iframe src>, <embed src>, <object data>, <script src>,
  StrRange html_embed_lines;  // <link href>
  StrRange html_ids;          // raw HTML's ids and <a name>s: anchors with [markdown] unsafe
  StrRange media;             // the files of video and audio directives, checked as images are
  StrRange media_lines;
  StrRange targets;    // names of `target` directives (also among the anchors): [[!name]]
  StrRange resources;  // bundle files, relative to the content dir
  bool empty() const {
    return keywords.count + aliases.count + wiki_links.count + images.count + html_links.count +
               html_images.count + html_media.count + html_embeds.count + html_ids.count +
               media.count + targets.count + resources.count ==
           0;
  }
};

struct PageMeta {
  PageKind kind = PageKind::kPage;
  bool draft = false;
  bool is_bundle = false;  // index.md of a leaf bundle: its folder's files are resources
  bool generated = false;  // a section or home page with no _index.md behind it
  bool has_date = false;
  bool has_lastmod = false;
  bool has_more_marker = false;  // the summary is the text before <!--more-->
  bool excluded = false;         // lost a URL collision: reported, not rendered
  bool has_title = false;  // the front matter or the first <h1> sets a title (else the file name)
  PageBuild build;         // Hugo's build options, cascade applied (page_build.hpp)
  StrId source_path = kEmptyStr;  // relative to the content dir, '/'-separated: "docs/intro.md"
  StrId dir = kEmptyStr;          // the section folder it belongs to: "docs" ("" for root)
  StrId title = kEmptyStr;
  StrId slug = kEmptyStr;
  StrId url = kEmptyStr;  // site-relative, without base path: "/docs/intro/" or "/a.xml"
  StrId description = kEmptyStr;
  StrId summary = kEmptyStr;  // plain text
  StrId type = kEmptyStr;
  StrId layout = kEmptyStr;
  StrId template_name = kEmptyStr;
  Date date;
  Date lastmod;
  int64_t weight = 0;
  uint64_t content_hash = 0;
  uint32_t word_count = 0;
  uint32_t body_offset = 0;  // where the Markdown body starts in the source file
  // XXH3 of the whole source file as discovery read it: the body is read back at body_offset
  // only from the same bytes (content_store.hpp).
  uint64_t source_hash = 0;
  uint32_t body_line = 1;
  // Body lines (1-based) of the <h1> that gives the title or repeats it, which the body is
  // rendered without (markdown/title_heading.hpp); 0 when the body is rendered whole.
  uint32_t title_heading_first = 0;
  uint32_t title_heading_last = 0;
  uint32_t params = UINT32_MAX;  // index into PageTable::params, or none
  PageId section = kNoPage;      // the section page it belongs to (home for top-level pages)
  uint32_t extras = UINT32_MAX;  // index into PageTable::extras, or none (all empty)
  StrRange tags, categories;
  StrRange links;       // link destinations as written in the body
  StrRange link_lines;  // file line of each link: a range of PageTable::numbers
  StrRange anchors;     // heading ids
};

// All pages of a site, by dense id. Ids follow the sorted source path, so they are the same
// on every run whatever the thread count or file-system order.
struct PageTable {
  StringPool strings;
  std::vector<PageMeta> pages;
  std::vector<StrId> lists;       // backing store of every StrRange of strings
  std::vector<uint32_t> numbers;  // backing store of the line-number ranges
  std::vector<Value> params;
  std::vector<PageExtras> extras;

  std::string_view str(StrId id) const { return strings.get(id); }
  std::span<const StrId> list(StrRange r) const { return {lists.data() + r.offset, r.count}; }
  const Value* page_params(const PageMeta& p) const {
    return p.params == UINT32_MAX ? nullptr : &params[p.params];
  }
  // The label of a page in menus, sidebars and breadcrumbs: front matter `nav_title` (Bengal's
  // field), else `linkTitle` (Hugo's), else the title.
  std::string_view nav_title(const PageMeta& p) const {
    const Value* params = page_params(p);
    for (std::string_view key : {"nav_title", "linkTitle"}) {
      const Value* v = params != nullptr ? params->find(key) : nullptr;
      if (v != nullptr && v->is_string() && !v->as_string().empty()) return v->as_string();
    }
    return str(p.title);
  }
  // Whether page `id` is an HTML page (Hugo's HTML content, markdown_files.hpp): its body is
  // HTML, published as it is written.
  bool is_html_page(PageId id) const;
  const PageExtras& extras_of(const PageMeta& p) const {
    static const PageExtras kNone;
    return p.extras == UINT32_MAX ? kNone : extras[p.extras];
  }
  // Sets the lists of `p` (none kept when all are empty).
  void set_extras(PageMeta& p, const PageExtras& e);
  // How add_list keeps its strings (StringPool): interned, stored, or stored cold.
  enum class Keep : uint8_t { kIntern, kStore, kCold };
  StrRange add_list(std::span<const std::string> items, Keep keep = Keep::kIntern);
  // Stores numbers plus `base` (body line offsets become file lines).
  StrRange add_numbers(std::span<const uint32_t> items, uint32_t base);
  std::span<const uint32_t> number_list(StrRange r) const {
    return {numbers.data() + r.offset, r.count};
  }
  // Bytes held by the table: records, lists, params estimate and strings.
  size_t memory_bytes() const;
};

}  // namespace bengal::content
