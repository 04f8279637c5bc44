// A page's Markdown body to HTML in a site build: links to other pages' sources resolved
// through the cross-reference index, fenced code highlighted as [markdown] says, directives
// and roles on, with the site's directive host (site_directive_host.hpp). It needs only the
// site, its folder and the content store, so the template context (page.content of another
// page), the feeds and the page renderer all share one.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "bengal/core/read_set.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/pipeline/content_store.hpp"
#include "bengal/pipeline/site_directive_host.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

class BodyRenderer {
 public:
  // `site_dir` is where includes and data/glossary.yaml are read; the glossary's errors go to
  // `diagnostics`.
  BodyRenderer(const site::Site& site, ContentStore& store, const std::filesystem::path& site_dir,
               Diagnostics& diagnostics);
  BodyRenderer(const BodyRenderer&) = delete;  // options_ points into the object
  BodyRenderer& operator=(const BodyRenderer&) = delete;

  // The body of page `id` (already read into `body`) into out.html, out.toc and out.warnings,
  // which are cleared first. Thread-safe.
  void render(PageId id, std::string_view body, markdown::Rendered& out) const;
  // The body HTML of another page: from the content store's cache, or read and rendered.
  // "" when its file can no longer be read (reported when the page itself renders).
  std::string content_html(PageId id) const;
  // Markdown that belongs to no page (the markdownify filter): no page links to resolve;
  // includes start in content/.
  std::string markdownify(std::string_view text) const;
  // Incremental builds: called with what each body rendered read (core/read_set.hpp), from
  // the render threads. Set before rendering.
  const IncludeRoots& include_roots() const { return directives_.include_roots(); }
  // The templates a call of the site's own shortcode renders with (site_directive_host.hpp).
  void set_templates(const templates::Environment* env, const templates::SiteContext* ctx) {
    directives_.set_templates(env, ctx);
  }
  using BodyReads = std::function<void(PageId, reads::ReadSet&&)>;
  void set_body_reads(BodyReads sink) { body_reads_ = std::move(sink); }

 private:
  void render_body(PageId id, std::string_view body, markdown::Rendered& out) const;
  // A site-root link to a file, with the base path of baseurl put before it where it lacks it.
  std::optional<markdown::LinkRewrite> under_base_path(std::string_view dest) const;

  const site::Site& site_;
  ContentStore& store_;
  const markdown::CodeHighlighter highlight_;
  SiteDirectives directives_;
  markdown::Options options_;  // the site's: [markdown] unsafe and highlight, directives
  BodyReads body_reads_;
};

}  // namespace bengal::pipeline
