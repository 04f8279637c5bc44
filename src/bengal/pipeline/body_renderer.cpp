#include "bengal/pipeline/body_renderer.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "bengal/core/url_path.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"
#include "bengal/markdown/title_heading.hpp"
#include "bengal/pipeline/code_highlighting.hpp"
#include "bengal/pipeline/heading_id_style.hpp"
#include "bengal/site/link_check.hpp"

namespace bengal::pipeline {

BodyRenderer::BodyRenderer(const site::Site& site, ContentStore& store,
                           const std::filesystem::path& site_dir, Diagnostics& diagnostics)
    : site_(site),
      store_(store),
      highlight_(make_code_highlighter(site.config)),
      directives_(site, site_dir, diagnostics) {
  const config::SiteConfig& c = site.config;
  options_.unsafe_html = c.markdown_unsafe;
  options_.smart_punctuation = c.markdown_smart_punctuation;
  options_.hard_wraps = c.markdown_hard_wraps;
  options_.alerts = c.markdown_alerts;
  options_.definition_lists = c.markdown_definition_lists;
  options_.block_attributes = c.markdown_block_attributes;
  options_.site_shortcodes = site.shortcode_templates;
  options_.lazy_images = c.markdown_lazy_images;
  options_.external_links = {c.external_links_target_blank, c.external_links_no_follow,
                             c.external_links_no_referrer};
  options_.directives = true;
  options_.math = true;
  options_.heading_id_style = heading_id_style(site.config, nullptr);  // load_site reported it
  if (highlight_) options_.highlight_code = &highlight_;
}

namespace {

// The pages whose bodies this thread is rendering, innermost last: a shortcode's template that
// shows one of them (page.content) gets nothing, or each of its calls would render the body
// again, and each of those calls again.
thread_local std::vector<PageId> t_bodies_rendering;

class BodyRendering {
 public:
  explicit BodyRendering(PageId id) { t_bodies_rendering.push_back(id); }
  ~BodyRendering() { t_bodies_rendering.pop_back(); }
  BodyRendering(const BodyRendering&) = delete;
  BodyRendering& operator=(const BodyRendering&) = delete;
};

}  // namespace

void BodyRenderer::render(PageId id, std::string_view body, markdown::Rendered& out) const {
  // The render around this one uses the body; what the body itself reads is recorded apart,
  // for every later page that embeds it from the content store.
  reads::content_read(id);
  BodyRendering rendering(id);
  if (!body_reads_) {
    render_body(id, body, out);
    return;
  }
  reads::ReadSet set;
  {
    reads::Recording recording(set);
    render_body(id, body, out);
  }
  set.finish();
  body_reads_(id, std::move(set));
}

std::optional<markdown::LinkRewrite> BodyRenderer::under_base_path(std::string_view dest) const {
  // A site path that is no page ("/img/a.png") is the site's file, as the link check reads it
  // and as a page's URL gets the base path: on a site published below "/docs" it is written
  // "/docs/img/a.png". Unless it already says so, or another server publishes it there.
  const std::string& base = site_.config.base_path;
  if (base.empty() || !dest.starts_with('/') || dest.starts_with("//") ||
      is_below_base_path(dest, base) || site::is_unchecked_path(site_, dest))
    return std::nullopt;
  markdown::LinkRewrite r;
  r.href = base;
  r.href += dest;
  return r;
}

void BodyRenderer::render_body(PageId id, std::string_view body, markdown::Rendered& out) const {
  // Links to other pages' sources ("../a.md#x", "[[a]]") become those pages' URLs.
  // Missing targets keep their text and get class="broken-link"; they are reported from the
  // index (site/link_check.hpp), with their lines.
  markdown::LinkResolver resolve = [this, id](std::string_view dest,
                                              bool wiki) -> std::optional<markdown::LinkRewrite> {
    using Status = site::LinkTarget::Status;
    site::LinkTarget t =
        wiki ? site_.xref.resolve_wiki(id, dest) : site_.xref.resolve_link(id, dest);
    markdown::LinkRewrite r;
    site::ExternalRef ext;
    bool is_ext = wiki && site::parse_external_ref(dest, ext);
    switch (t.status) {
      case Status::kExternal:
        if (!is_ext) return under_base_path(dest);
        // [[ext:project:target]] shows the target, as Bengal does.
        r.href = std::move(t.url);
        r.text = std::string(ext.target);
        r.css_class = "extref";
        return r;
      case Status::kUnknownProject:
        r.code = true;
        r.css_class = "extref extref-unresolved";
        r.text = fmt::format("ext:{}:", ext.project);
        return r;
      case Status::kMissingPage:
        r.href = std::string(dest);
        // A Hugo ref keeps its path ("@ref:" is bengal's, hugo_shortcodes.hpp).
        if (dest.starts_with(markdown::kHugoRefScheme))
          r.href.erase(0, markdown::kHugoRefScheme.size());
        r.broken = true;
        return r;
      case Status::kResolved:
      case Status::kMissingAnchor: {
        r.href = site_.rel_url(t.page) + t.query;
        if (!t.anchor.empty()) r.href += "#" + t.anchor;
        r.broken = t.status == Status::kMissingAnchor;
        // [[id:x]] shows the page's title; [[!x]] the target's name.
        if (wiki && dest.starts_with("id:"))
          r.text = std::string(site_.str(site_.page(t.page).title));
        if (wiki && dest.starts_with('!'))
          r.text = std::string(dest.substr(markdown::wiki_target_hidden_prefix(dest)));
        return r;
      }
    }
    return std::nullopt;
  };
  out.html.clear();
  out.toc.clear();
  out.warnings.clear();
  const content::PageMeta& m = site_.page(id);
  if (site_.table.is_html_page(id)) {  // Hugo's HTML content, as written
    markdown::append_html_body(body, out);
    return;
  }
  SiteDirectiveHost host(directives_, id);
  markdown::Options page = options_;
  page.wiki_links = true;
  page.resolve_link = &resolve;
  page.directive_host = &host;
  // Without the <h1> that gives or repeats the title, as discovery scanned it.
  if (m.title_heading_first != 0) {
    std::string rest = markdown::without_lines(body, m.title_heading_first, m.title_heading_last);
    markdown::render_html(rest, page, out);
    return;
  }
  markdown::render_html(body, page, out);
}

std::string BodyRenderer::content_html(PageId id) const {
  reads::content_read(id);
  if (std::find(t_bodies_rendering.begin(), t_bodies_rendering.end(), id) !=
      t_bodies_rendering.end())
    return {};  // asked for by a shortcode inside this very body
  return store_.content_html(id, [&] {
    std::string body, error;
    if (!store_.load_body(id, body, error)) return std::string();
    markdown::Rendered r;
    render(id, body, r);
    return std::move(r.html);
  });
}

std::string BodyRenderer::markdownify(std::string_view text) const {
  SiteDirectiveHost host(directives_, kNoPage);
  markdown::Options options = options_;
  options.directive_host = &host;
  markdown::Rendered r;
  markdown::render_html(text, options, r);
  return std::move(r.html);
}

}  // namespace bengal::pipeline
