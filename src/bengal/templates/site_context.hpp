// What templates see: the site and its pages as lazy host objects over the read-only Site
// index. Nothing is copied up front; `page.title` reads the string pool when a template asks.
// Built once after the index phase and shared by all render threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bengal/graph/site_graph.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/site/pagination.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/engine/value.hpp"

namespace bengal::templates {

// The per-render part of the page being rendered: its HTML and table of contents.
struct PageRender {
  std::string_view content;
  std::string_view toc;
  const std::vector<markdown::TocEntry>* toc_items = nullptr;
  bool has_math = false;               // the body holds math: the theme loads KaTeX only then
  const site::Pager* pager = nullptr;  // list pages: which page of the list this is
  std::span<const PageId> list;        // list pages: every item, in order
  PageId owner = kNoPage;              // a section's or the home page's list: that page
};

// A page that exists only in the output: a taxonomy overview, a term page, the 404 page.
struct VirtualPage {
  std::string kind;  // "taxonomy", "term", "404"
  std::string title;
  std::string url;    // site-relative, without base path
  int taxonomy = -1;  // index into Site::taxonomies
  int term = -1;      // index into that taxonomy's terms
  // The page whose front matter and text the taxonomy or term page shows (Hugo's
  // content/tags/go/_index.md), or kNoPage.
  PageId content = kNoPage;
};

class SiteContext {
 public:
  // `content` renders another page's HTML on demand (page.content of a page not being
  // rendered): it goes through the build's ContentStore.
  SiteContext(const site::Site& site, std::function<std::string(PageId)> content);

  const site::Site& site() const { return site_; }
  // The `site` object as seen from page `current` (menus mark its active trail).
  Value site_value(PageId current = kNoPage) const;
  const Value& params() const { return params_; }
  const Value& data() const { return data_; }
  // site.config: the merged configuration as read (SiteConfig::raw), for Bengal themes.
  const Value& config() const { return config_; }
  // The site language's texts for t(): i18n/<language>.yaml, set by the build (empty: none).
  // Kept here, since the template values view its strings.
  void set_translations(bengal::Value texts) {
    translations_source_ = std::move(texts);
    translations_ = Value::from(translations_source_);
  }
  const Value& translations() const { return translations_; }
  const bengal::Value& translations_source() const { return translations_source_; }
  // A page object; with `render` for the page being rendered (content, toc, paginator).
  Value page(PageId id, const PageRender* render = nullptr) const;
  Value virtual_page(const VirtualPage& page, const PageRender* render) const;
  Value pages(std::shared_ptr<const std::vector<PageId>> ids) const;
  Value pages(std::span<const PageId> ids) const;  // a view: `ids` must outlive the build
  Value term(size_t taxonomy, size_t term) const;
  Value taxonomy_terms(size_t taxonomy) const;
  // site.menus.<name>: entries {name, url, weight, identifier, children, active, current}.
  Value menu(const std::string& name, PageId current) const;
  std::string content_of(PageId id) const { return content_(id); }
  // The link graph analysis behind page.pagerank and page.related (none: 0 and empty).
  void set_graph(const graph::SiteGraph* graph) { graph_ = graph; }
  const graph::SiteGraph* graph() const { return graph_; }
  // Globals every template gets: url_for, asset_url, get_page, get_section, tag_url, now.
  std::vector<std::pair<std::string, Value>> functions() const;
  // Site-relative URL with base path: "/docs" + "/a/".
  std::string rel(std::string_view url) const { return site_.config.base_path + std::string(url); }

 private:
  const site::Site& site_;
  std::function<std::string(PageId)> content_;
  const graph::SiteGraph* graph_ = nullptr;
  Value params_, data_, config_, translations_ = Value::dict({});
  bengal::Value translations_source_;
};

// kida_helpers.cpp: icon(), t() and get_breadcrumbs(), appended to `fns`.
void add_kida_helpers(const SiteContext& ctx, std::vector<std::pair<std::string, Value>>& fns);

}  // namespace bengal::templates
