#include "bengal/templates/builtin_layout.hpp"

#include <algorithm>

#include "bengal/core/html.hpp"

namespace bengal::templates {
namespace {

using content::PageKind;
using content::PageMeta;
using site::PageId;
using site::Site;

constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;line-height:1.6;margin:0;color:#1f2328;"
    "background:#fff}header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}"
    "header nav a{margin-right:1rem}a{color:#0969da}pre{overflow:auto;background:#f6f8fa;"
    "padding:1rem}.meta,.breadcrumbs{color:#59636e;font-size:.9rem}"
    "@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}"
    "a{color:#4493f8}pre{background:#161b22}.meta,.breadcrumbs{color:#9198a1}}";

void esc(std::string& out, std::string_view s) {
  append_html_escaped(out, s);
}

void link(std::string& out, const Site& site, PageId id) {
  out += "<a href=\"";
  esc(out, site.rel_url(id));
  out += "\">";
  esc(out, site.str(site.page(id).title));
  out += "</a>";
}

void page_list(std::string& out, const Site& site, std::span<const PageId> ids) {
  if (ids.empty()) return;
  out += "<ul class=\"pages\">\n";
  for (PageId id : ids) {
    const PageMeta& m = site.page(id);
    out += "<li>";
    link(out, site, id);
    if (m.has_date) {
      out += " <time datetime=\"";
      out += m.date.to_rfc3339();
      out += "\">";
      out += m.date.to_iso_date();
      out += "</time>";
    }
    if (auto summary = site.str(m.summary); !summary.empty()) {
      out += "<p>";
      esc(out, summary);
      out += "</p>";
    }
    out += "</li>\n";
  }
  out += "</ul>\n";
}

void term_list(std::string& out, const Site& site, std::string_view cls, content::StrRange r) {
  if (r.count == 0) return;
  out += "<ul class=\"";
  out += cls;
  out += "\">";
  for (StrId t : site.table.list(r)) {
    out += "<li>";
    esc(out, site.str(t));
    out += "</li>";
  }
  out += "</ul>\n";
}

}  // namespace

void render_builtin_layout(const Site& site, PageId id, const PageHtml& html, std::string& out) {
  const PageMeta& m = site.page(id);
  const auto& cfg = site.config;
  out += "<!DOCTYPE html>\n<html lang=\"";
  esc(out, cfg.language);
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  esc(out, site.str(m.title));
  if (m.kind != PageKind::kHome && !cfg.title.empty()) {
    out += " | ";
    esc(out, cfg.title);
  }
  out += "</title>\n";
  std::string_view description = site.str(m.description);
  if (description.empty() && m.kind == PageKind::kHome) description = cfg.description;
  if (!description.empty()) {
    out += "<meta name=\"description\" content=\"";
    esc(out, description);
    out += "\">\n";
  }
  out += "<link rel=\"canonical\" href=\"";
  esc(out, site.permalink(id));
  out += "\">\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n<a class=\"site-title\" href=\"";
  esc(out, cfg.base_path + "/");
  out += "\">";
  esc(out, cfg.title);
  out += "</a>\n<nav>";
  if (site.home != content::kNoPage) {
    for (PageId s : site.sections_of(site.home)) link(out, site, s);
  }
  out += "</nav>\n</header>\n<main>\n";

  if (m.kind != PageKind::kHome) {
    // Breadcrumbs: the chain of sections up to the home page.
    std::vector<PageId> trail;
    for (PageId s = m.section; s != content::kNoPage; s = site.page(s).section) trail.push_back(s);
    std::reverse(trail.begin(), trail.end());
    out += "<nav class=\"breadcrumbs\">";
    for (PageId s : trail) {
      link(out, site, s);
      out += " / ";
    }
    out += "</nav>\n";
  }

  out += "<article>\n<h1>";
  esc(out, site.str(m.title));
  out += "</h1>\n";
  if (m.has_date) {
    out += "<p class=\"meta\"><time datetime=\"";
    out += m.date.to_rfc3339();
    out += "\">";
    out += m.date.to_iso_date();
    out += "</time> · ";
    out += std::to_string(m.word_count);
    out += " words</p>\n";
  }
  if (!html.toc.empty()) {
    out += "<nav class=\"toc\">\n";
    out += html.toc;
    out += "</nav>\n";
  }
  out += html.content;
  term_list(out, site, "tags", m.tags);
  term_list(out, site, "categories", m.categories);
  out += "</article>\n";

  if (m.kind != PageKind::kPage) {
    page_list(out, site, site.sections_of(id));
    page_list(out, site, site.pages_of(id));
  }
  out += "</main>\n<footer><p class=\"meta\">";
  esc(out, cfg.title);
  out += "</p></footer>\n</body>\n</html>\n";
}

}  // namespace bengal::templates
