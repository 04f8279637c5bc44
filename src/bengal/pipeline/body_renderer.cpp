#include "bengal/pipeline/body_renderer.hpp"

#include "bengal/pipeline/code_highlighting.hpp"

namespace bengal::pipeline {

BodyRenderer::BodyRenderer(const site::Site& site, ContentStore& store)
    : site_(site), store_(store), highlight_(make_code_highlighter(site.config)) {
  options_.unsafe_html = site.config.markdown_unsafe;
  if (highlight_) options_.highlight_code = &highlight_;
}

void BodyRenderer::render(PageId id, std::string_view body, markdown::Rendered& out) const {
  // Links to other pages' sources ("../a.md#x", "[[a]]") become those pages' URLs.
  // Missing targets keep their text and get class="broken-link"; they are reported from the
  // index (site/link_check.hpp), with their lines.
  markdown::LinkResolver resolve = [this, id](std::string_view dest,
                                              bool wiki) -> std::optional<markdown::LinkRewrite> {
    using Status = site::LinkTarget::Status;
    site::LinkTarget t =
        wiki ? site_.xref.resolve_wiki(id, dest) : site_.xref.resolve_link(id, dest);
    switch (t.status) {
      case Status::kExternal:
        return std::nullopt;
      case Status::kMissingPage:
        return markdown::LinkRewrite{std::string(dest), true};
      case Status::kResolved:
      case Status::kMissingAnchor: {
        std::string url = site_.rel_url(t.page);
        if (!t.anchor.empty()) url += "#" + t.anchor;
        return markdown::LinkRewrite{std::move(url), t.status == Status::kMissingAnchor};
      }
    }
    return std::nullopt;
  };
  markdown::Options page = options_;
  page.wiki_links = true;
  page.resolve_link = &resolve;
  out.html.clear();
  out.toc.clear();
  out.warnings.clear();
  markdown::render_html(body, page, out);
}

std::string BodyRenderer::content_html(PageId id) const {
  return store_.content_html(id, [&] {
    std::string body, error;
    if (!store_.load_body(id, body, error)) return std::string();
    markdown::Rendered r;
    render(id, body, r);
    return std::move(r.html);
  });
}

std::string BodyRenderer::markdownify(std::string_view text) const {
  markdown::Rendered r;
  markdown::render_html(text, options_, r);
  return std::move(r.html);
}

}  // namespace bengal::pipeline
