#include "bengal/build/site_outputs.hpp"

#include <algorithm>
#include <unordered_map>

#include "bengal/content/page_url.hpp"
#include "bengal/output/feeds.hpp"
#include "bengal/output/site_files.hpp"
#include "bengal/output/sitemap.hpp"

namespace bengal::build {
namespace {

using content::PageKind;
using site::PageId;

constexpr size_t kFeedItems = 20;

// Regular pages of a section and of all its subsections.
void descendants(const site::Site& site, PageId section, std::vector<PageId>& out) {
  for (PageId p : site.pages_of(section)) out.push_back(p);
  for (PageId s : site.sections_of(section)) descendants(site, s, out);
}

// Writes rss.xml (and atom.xml) in the folder of `list_url`.
size_t write_feeds(const site::Site& site, std::string title, std::string description,
                   std::string_view list_url, std::span<const PageId> pages,
                   const ContentFn& content, output::OutputWriter& writer) {
  size_t written = 0;
  std::vector<output::FeedItem> items;
  for (PageId id : newest_dated(site, pages, kFeedItems)) {
    const auto& m = site.page(id);
    std::string summary(site.str(m.description));
    if (summary.empty()) summary = site.str(m.summary);
    items.push_back({std::string(site.str(m.title)), site.permalink(id), summary,
                     site.features.feed_full_content ? content(id) : std::string(), m.date,
                     m.has_lastmod ? m.lastmod : m.date});
  }
  output::FeedInfo info;
  info.title = std::move(title);
  info.link = site.config.baseurl + std::string(list_url);
  info.description = std::move(description);
  info.language = site.config.language;
  const Value* author = site.config.params.find("author");
  info.author = author && author->is_string() ? author->as_string() : site.config.title;
  std::string folder(list_url.substr(1));  // "blog/" or ""
  if (site.features.rss) {
    info.self = info.link + "rss.xml";
    writer.write(folder + "rss.xml", output::build_rss(info, items));
    ++written;
  }
  if (site.features.atom) {
    info.self = info.link + "atom.xml";
    writer.write(folder + "atom.xml", output::build_atom(info, items));
    ++written;
  }
  return written;
}

std::string llms_txt(const site::Site& site) {
  std::vector<output::LlmsSection> sections;
  auto link = [&](PageId id) {
    const auto& m = site.page(id);
    std::string d(site.str(m.description));
    if (d.empty()) d = site.str(m.summary);
    return output::LlmsLink{std::string(site.str(m.title)), site.permalink(id), d};
  };
  if (site.home != content::kNoPage) {
    output::LlmsSection top{"Pages", {}};
    for (PageId p : site.pages_of(site.home)) top.links.push_back(link(p));
    sections.push_back(std::move(top));
    // Every section, depth first in display order, with its own pages.
    std::vector<PageId> stack(site.sections_of(site.home).rbegin(),
                              site.sections_of(site.home).rend());
    while (!stack.empty()) {
      PageId s = stack.back();
      stack.pop_back();
      output::LlmsSection sec{std::string(site.str(site.page(s).title)), {link(s)}};
      for (PageId p : site.pages_of(s)) sec.links.push_back(link(p));
      sections.push_back(std::move(sec));
      auto subs = site.sections_of(s);
      stack.insert(stack.end(), subs.rbegin(), subs.rend());
    }
  }
  return output::build_llms_txt(site.config.title, site.config.description, sections);
}

}  // namespace

std::vector<PageId> newest_dated(const site::Site& site, std::span<const PageId> pages,
                                 size_t limit) {
  std::vector<PageId> dated;
  for (PageId id : pages)
    if (site.page(id).has_date) dated.push_back(id);
  auto newer = [&](PageId a, PageId b) {
    const auto &x = site.page(a), &y = site.page(b);
    if (x.date.epoch_seconds != y.date.epoch_seconds)
      return x.date.epoch_seconds > y.date.epoch_seconds;
    return site.source_path(a) < site.source_path(b);
  };
  size_t n = std::min(limit, dated.size());
  std::partial_sort(dated.begin(), dated.begin() + static_cast<long>(n), dated.end(), newer);
  dated.resize(n);
  return dated;
}

size_t write_site_outputs(const site::Site& site,
                          const std::vector<templates::VirtualPage>& virtual_pages,
                          const ContentFn& content, output::OutputWriter& writer,
                          Diagnostics& diagnostics) {
  size_t written = 0;
  const auto& cfg = site.config;
  const auto& f = site.features;

  if (f.sitemap) {
    std::vector<output::SitemapEntry> entries;
    for (PageId id : site.rendered()) {
      const auto& m = site.page(id);
      entries.push_back(
          {site.permalink(id), m.has_lastmod ? std::optional<Date>(m.lastmod) : std::nullopt});
    }
    for (const auto& vp : virtual_pages) entries.push_back({cfg.baseurl + vp.url, std::nullopt});
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.loc < b.loc; });
    for (const auto& file : output::build_sitemaps(entries, cfg.baseurl)) {
      writer.write(file.path, file.xml);
      ++written;
    }
  }

  if (f.rss || f.atom) {
    written +=
        write_feeds(site, cfg.title, cfg.description, "/", site.regular_pages, content, writer);
    for (PageId id : site.rendered()) {
      if (site.page(id).kind != PageKind::kSection) continue;
      std::vector<PageId> pages;
      descendants(site, id, pages);
      written += write_feeds(site, std::string(site.str(site.page(id).title)) + " | " + cfg.title,
                             std::string(site.str(site.page(id).description)),
                             site.str(site.page(id).url), pages, content, writer);
    }
    for (const auto& vp : virtual_pages) {
      if (vp.term < 0) continue;
      const auto& term =
          site.taxonomies[static_cast<size_t>(vp.taxonomy)].terms[static_cast<size_t>(vp.term)];
      written +=
          write_feeds(site, term.name + " | " + cfg.title, "", vp.url, term.pages, content, writer);
    }
  }

  if (f.llms_txt) {
    writer.write("llms.txt", llms_txt(site));
    ++written;
  }
  if (f.robots) {
    writer.write("robots.txt", output::build_robots_txt(cfg.baseurl + "/sitemap.xml"));
    ++written;
  }

  if (f.aliases) {
    // An alias must not replace a page: those files exist already.
    std::unordered_map<std::string, PageId> pages;
    for (PageId id : site.rendered())
      pages.emplace(content::output_path_for_url(site.str(site.page(id).url)), id);
    std::unordered_map<std::string, PageId> aliases;
    for (PageId id : site.rendered()) {
      std::string display = cfg.content_dir + "/" + std::string(site.source_path(id));
      for (StrId a : site.table.list(site.page(id).aliases)) {
        content::UrlCheck check = content::normalize_url(site.str(a));
        if (!check.error.empty()) {
          diagnostics.add(
              make_error(display, 0, 0, "alias " + std::string(site.str(a)) + ": " + check.error));
          continue;
        }
        std::string path = content::output_path_for_url(check.url);
        if (auto it = pages.find(path); it != pages.end()) {
          diagnostics.add(
              make_error(display, 0, 0,
                         "alias " + check.url + " is the URL of " + cfg.content_dir + "/" +
                             std::string(site.source_path(it->second)) +
                             "; remove the alias or move that page (no redirect was written)"));
          continue;
        }
        if (auto [it, inserted] = aliases.emplace(path, id); !inserted) {
          if (it->second != id)
            diagnostics.add(make_error(
                display, 0, 0,
                "alias " + check.url + " is also an alias of " + cfg.content_dir + "/" +
                    std::string(site.source_path(it->second)) + "; keep it on one page"));
          continue;
        }
        writer.write(path, output::build_alias_page(site.permalink(id), cfg.language));
        ++written;
      }
    }
  }
  return written;
}

}  // namespace bengal::build
