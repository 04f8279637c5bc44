// A page's Markdown body to HTML in a site build: links to other pages' sources resolved
// through the cross-reference index, fenced code highlighted as [markdown] says. It needs only
// the site and the content store, so the template context (page.content of another page), the
// feeds and the page renderer all share one.
#pragma once

#include <string>
#include <string_view>

#include "bengal/markdown/markdown.hpp"
#include "bengal/pipeline/content_store.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

class BodyRenderer {
 public:
  BodyRenderer(const site::Site& site, ContentStore& store);
  BodyRenderer(const BodyRenderer&) = delete;  // options_ points into the object
  BodyRenderer& operator=(const BodyRenderer&) = delete;

  // The body of page `id` (already read into `body`) into out.html, out.toc and
  // out.warnings, which are cleared first. Thread-safe.
  void render(PageId id, std::string_view body, markdown::Rendered& out) const;
  // The body HTML of another page: from the content store's cache, or read and rendered.
  // "" when its file can no longer be read (reported when the page itself renders).
  std::string content_html(PageId id) const;
  // Markdown that belongs to no page (the markdownify filter): no page links to resolve.
  std::string markdownify(std::string_view text) const;

 private:
  const site::Site& site_;
  ContentStore& store_;
  const markdown::CodeHighlighter highlight_;
  markdown::Options options_;  // the site's: [markdown] unsafe and highlight
};

}  // namespace bengal::pipeline
