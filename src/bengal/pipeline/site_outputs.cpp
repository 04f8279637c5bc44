#include "bengal/pipeline/site_outputs.hpp"

#include "bengal/config/languages.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include "bengal/content/page_url.hpp"
#include "bengal/output/feeds.hpp"
#include "bengal/output/site_files.hpp"
#include "bengal/output/sitemap.hpp"
#include "bengal/pipeline/digests.hpp"
#include "bengal/pipeline/output_plan.hpp"

namespace bengal::pipeline {
namespace {

using content::PageKind;

// Regular pages of a section and of all its subsections.
void descendants(const site::Site& site, PageId section, std::vector<PageId>& out) {
  for (PageId p : site.pages_of(section)) out.push_back(p);
  for (PageId s : site.sections_of(section)) descendants(site, s, out);
}

// What a feed is made of: its channel, which files it holds, and each item's page with the
// digest of all the page gives it (kept_outputs.hpp).
uint64_t feed_inputs(const output::FeedInfo& info, bool rss, bool atom,
                     std::span<const PageId> items, const KeptOutputs& kept) {
  Hasher h;
  h.text(info.title).text(info.link).text(info.description).text(info.language).text(info.author);
  h.num(rss).num(atom).num(items.size());
  for (PageId id : items) h.num(id).num(kept.page_digest(id));
  return h.digest();
}

// Writes rss.xml (and atom.xml) in the folder of `list_url`, or keeps those the last build
// made of the same items (`kept`). Returns the files written or kept. `display_order`: as
// newest_dated's.
size_t write_feeds(const site::Site& site, std::string title, std::string description,
                   std::string_view list_url, std::span<const PageId> pages, bool display_order,
                   const ContentFn& content, output::OutputWriter& writer, KeptOutputs* kept) {
  std::string folder = feed_folder(list_url);  // "blog/" or ""
  // A feed that lost its path to a page was reported when the paths were claimed.
  site::ClaimKey key = feed_key(list_url);
  bool rss = site.features.rss && site.outputs.holds(folder + "rss.xml", key);
  bool atom = site.features.atom && site.outputs.holds(folder + "atom.xml", key);
  if (!rss && !atom) return 0;
  output::FeedInfo info;
  info.title = std::move(title);
  info.link = site.config.baseurl + std::string(list_url);
  info.description = std::move(description);
  info.language = site.config.language;
  const Value* author = site.config.params.find("author");
  info.author = author && author->is_string() ? author->as_string() : site.config.title;
  // An item links to its page: a page without a URL (`render: never`) is none.
  std::vector<PageId> linked;
  pages = site.with_url(pages, linked);
  size_t limit = site.features.feed_limit == 0 ? pages.size() : site.features.feed_limit;
  std::vector<PageId> newest = newest_dated(site, pages, limit, display_order);
  // Items with their bodies are made of more than the pages' digests tell: made every time.
  if (site.features.feed_full_content) kept = nullptr;
  uint64_t inputs = kept != nullptr ? feed_inputs(info, rss, atom, newest, *kept) : 0;
  auto make = [&] {
    std::vector<output::FeedItem> items;
    for (PageId id : newest) {
      const auto& m = site.page(id);
      items.push_back({std::string(site.str(m.title)), site.permalink(id),
                       site.description_or_summary(id),
                       site.features.feed_full_content ? content(id) : std::string(), m.date,
                       m.has_lastmod ? m.lastmod : m.date});
    }
    std::vector<std::string> rels;
    if (rss) {
      info.self = info.link + "rss.xml";
      rels.push_back(folder + "rss.xml");
      writer.write(rels.back(), output::build_rss(info, items));
    }
    if (atom) {
      info.self = info.link + "atom.xml";
      rels.push_back(folder + "atom.xml");
      writer.write(rels.back(), output::build_atom(info, items));
    }
    return rels;
  };
  return keep_or_make(kept, "feed " + folder, inputs, make).size();
}

// One output file written in pieces: what a caller appends to `text` goes out each time it
// passes kPieceBytes, so a file listing every page of the site is never held whole.
class PieceFile {
 public:
  static constexpr size_t kPieceBytes = size_t{256} << 10;
  PieceFile(output::OutputWriter& writer, std::string_view rel) : file_(writer, rel) {}
  void flush_if_full() {
    if (text.size() < kPieceBytes) return;
    file_.append(text);
    text.clear();
  }
  void commit() {
    file_.append(text);
    text.clear();
    file_.commit();
  }
  std::string text;

 private:
  output::StreamingFile file_;
};

// Calls `fn(id, text)` for each of `pages` in their order with the page's description or
// summary. The texts are read a chunk of pages at a time in id order, which is the cold file's
// order: in display order (by date) a big section's pages are scattered over its part of the
// file, and a 64 KB window of it would be read for nearly each page.
template <class Fn>
void for_each_description(const site::Site& site, ColdReader& cold, std::span<const PageId> pages,
                          Fn&& fn) {
  constexpr size_t kChunkPages = 4096;
  std::vector<uint32_t> order;
  std::vector<std::string> texts;
  for (size_t start = 0; start < pages.size(); start += kChunkPages) {
    std::span<const PageId> chunk =
        pages.subspan(start, std::min(kChunkPages, pages.size() - start));
    order.resize(chunk.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return chunk[a] < chunk[b]; });
    texts.resize(chunk.size());
    for (uint32_t i : order) texts[i] = site.description_or_summary(chunk[i], cold);
    for (size_t i = 0; i < chunk.size(); ++i) fn(chunk[i], texts[i]);
  }
}

// What llms.txt is made of besides the config: which pages, in which sections, and what a
// link to each shows (its order, title, URL and description or summary).
uint64_t llms_inputs(const site::Site& site, const KeptOutputs& kept) {
  Hasher h;
  h.text(site.config.title).text(site.config.description).text(site.config.baseurl);
  h.num(site.home).num(site.listed().size());
  for (PageId id : site.listed()) {
    h.num(id).num(kept.page_shown_digest(id)).num(site.table.pages[id].build.renders());
  }
  return h.digest();
}

// llms.txt: the home's pages, then every section, depth first in display order, with its own
// pages; written as it is made.
void make_llms_txt(const site::Site& site, output::OutputWriter& writer) {
  PieceFile file(writer, "llms.txt");
  ColdReader cold(site.table.strings);
  output::append_llms_header(file.text, site.config.title, site.config.description);
  auto link = [&](PageId id, std::string_view description) {
    if (!site.page(id).build.renders()) return;  // `render: never`: listed, but nothing to link
    output::append_llms_link(file.text, site.str(site.page(id).title), site.permalink(id),
                             description);
    file.flush_if_full();
  };
  if (site.home != kNoPage) {
    if (!site.pages_of(site.home).empty()) {
      output::append_llms_heading(file.text, "Pages");
      for_each_description(site, cold, site.pages_of(site.home), link);
    }
    std::vector<PageId> stack(site.sections_of(site.home).rbegin(),
                              site.sections_of(site.home).rend());
    while (!stack.empty()) {
      PageId s = stack.back();
      stack.pop_back();
      output::append_llms_heading(file.text, site.str(site.page(s).title));
      link(s, site.description_or_summary(s, cold));
      for_each_description(site, cold, site.pages_of(s), link);
      auto subs = site.sections_of(s);
      stack.insert(stack.end(), subs.rbegin(), subs.rend());
    }
  }
  file.commit();
}

// llms.txt, or the last build's when it was made of the same inputs.
void write_llms_txt(const site::Site& site, output::OutputWriter& writer, KeptOutputs* kept) {
  keep_or_make(kept, "llms.txt", kept != nullptr ? llms_inputs(site, *kept) : 0, [&] {
    make_llms_txt(site, writer);
    return std::vector<std::string>{"llms.txt"};
  });
}

// sitemap.xml (and its numbered parts past 50,000 URLs): every rendered page and every
// taxonomy and term page that holds its URL, sorted by URL. Only the URLs' views into the
// index are sorted; each entry's text is made as it is written. Returns the files written.
std::vector<std::string> make_sitemap(const site::Site& site,
                                      const std::vector<templates::VirtualPage>& virtual_pages,
                                      output::OutputWriter& writer) {
  struct Url {
    std::string_view url;  // after the baseurl, which every URL shares
    uint32_t page;         // a PageId, or kVirtual + the index of a virtual page
  };
  constexpr uint32_t kVirtual = uint32_t{1} << 31;
  std::vector<Url> urls;
  urls.reserve(site.in_sitemap().size() + virtual_pages.size());
  for (PageId id : site.in_sitemap()) urls.push_back({site.str(site.head(id).url), id});
  // A taxonomy or term page that lost its URL is not listed: the URL is the winner's.
  for (size_t i = 0; i < virtual_pages.size(); ++i) {
    const auto& vp = virtual_pages[i];
    if (site.outputs.holds(content::output_path_for_url(vp.url), virtual_page_key(vp)))
      urls.push_back({vp.url, kVirtual | static_cast<uint32_t>(i)});
  }
  std::stable_sort(urls.begin(), urls.end(),
                   [](const Url& a, const Url& b) { return a.url < b.url; });
  const std::string& baseurl = site.config.baseurl;
  auto entry = [&](size_t i) {
    output::SitemapEntry e{baseurl + std::string(urls[i].url), std::nullopt};
    if (!(urls[i].page & kVirtual)) {
      const auto& m = site.page(urls[i].page);
      if (m.has_lastmod) e.lastmod = m.lastmod;
      // A translated page lists every version, itself among them, in language order.
      auto translations = site.translations_of(urls[i].page);
      const auto& languages = site.config.languages;
      for (uint32_t l = 0; !translations.empty() && l < languages.size(); ++l) {
        if (languages[l].code == site.config.content_language) {
          e.alternates.push_back({languages[l].code, e.loc});
          continue;
        }
        for (const auto& t : translations)
          if (t.language == l) e.alternates.push_back({languages[l].code, t.permalink});
      }
    }
    return e;
  };
  std::optional<PieceFile> file;
  std::string path;
  std::vector<std::string> files;
  output::stream_sitemaps(
      urls.size(), entry, baseurl,
      [&](std::string_view rel, std::string_view bytes) {
        if (rel != path) {
          if (file) file->commit();
          file.reset();
          path = rel;
          if (path == "sitemap.xml" || site.outputs.holds(path, sitemap_parts_key())) {
            file.emplace(writer, path);
            files.push_back(path);
          }
        }
        if (!file) return;
        file->text += bytes;
        file->flush_if_full();
      },
      output::kSitemapMaxUrls, size_t{64} << 10, !site.config.languages.empty());
  if (file) file->commit();
  return files;
}

// What the sitemap is made of: the URL and last modification of every page (their heads), and
// the taxonomy and term pages that hold their URLs.
uint64_t sitemap_inputs(const site::Site& site,
                        const std::vector<templates::VirtualPage>& virtual_pages,
                        const KeptOutputs& kept) {
  Hasher h;
  h.text(site.config.baseurl).num(site.in_sitemap().size());
  for (PageId id : site.in_sitemap()) h.num(id).num(kept.page_head_digest(id));
  h.num(virtual_pages.size());
  for (const auto& vp : virtual_pages) {
    h.text(vp.url).num(
        site.outputs.holds(content::output_path_for_url(vp.url), virtual_page_key(vp)));
  }
  return h.digest();
}

// The sitemap, or the last build's when it was made of the same inputs. Returns its files.
size_t write_sitemap(const site::Site& site,
                     const std::vector<templates::VirtualPage>& virtual_pages,
                     output::OutputWriter& writer, KeptOutputs* kept) {
  uint64_t inputs = kept != nullptr ? sitemap_inputs(site, virtual_pages, *kept) : 0;
  return keep_or_make(kept, "sitemap", inputs,
                      [&] { return make_sitemap(site, virtual_pages, writer); })
      .size();
}

}  // namespace

std::vector<PageId> newest_dated(const site::Site& site, std::span<const PageId> pages,
                                 size_t limit, bool display_order) {
  auto newer = [&](PageId a, PageId b) {
    const auto &x = site.page(a), &y = site.page(b);
    if (x.date.epoch_seconds != y.date.epoch_seconds)
      return x.date.epoch_seconds > y.date.epoch_seconds;
    return site.source_path_less(a, b);
  };
  std::vector<PageId> dated;
  if (display_order && limit > 0 && site::list_by_date(site.table, pages)) {
    // Dated pages come first, newest first; only ties (by title there, by path here) can
    // differ, so the first `limit` and those dated as the last of them are all it needs.
    for (size_t i = 0; i < pages.size() && site.page(pages[i]).has_date; ++i) {
      if (i >= limit &&
          site.page(pages[i]).date.epoch_seconds != site.page(pages[limit - 1]).date.epoch_seconds)
        break;
      dated.push_back(pages[i]);
    }
  } else {
    for (PageId id : pages)
      if (site.page(id).has_date) dated.push_back(id);
  }
  size_t n = std::min(limit, dated.size());
  std::partial_sort(dated.begin(), dated.begin() + static_cast<long>(n), dated.end(), newer);
  dated.resize(n);
  return dated;
}

size_t write_site_outputs(const site::Site& site,
                          const std::vector<templates::VirtualPage>& virtual_pages,
                          const ContentFn& content, output::OutputWriter& writer,
                          Diagnostics& /*diagnostics*/, bool parallel, KeptOutputs* kept) {
  std::atomic<size_t> written{0};
  const auto& cfg = site.config;
  const auto& f = site.features;
  // Each feed is its own file: the site's, one a section's, one a term's.
  struct Feed {
    enum class Of : uint8_t { kSite, kSection, kTerm };
    Of of = Of::kSite;
    size_t index = 0;  // the section's PageId, or the term's virtual page
  };
  std::vector<Feed> feeds;
  if (f.rss || f.atom) {
    feeds.push_back({Feed::Of::kSite});
    for (PageId id : site.rendered())
      if (site.page(id).kind == PageKind::kSection) feeds.push_back({Feed::Of::kSection, id});
    for (size_t i = 0; i < virtual_pages.size(); ++i)
      if (virtual_pages[i].term >= 0) feeds.push_back({Feed::Of::kTerm, i});
  }
  auto write_feed = [&](const Feed& feed) {
    switch (feed.of) {
      case Feed::Of::kSite:
        written += write_feeds(site, cfg.title, cfg.description, "/", site.regular_pages, true,
                               content, writer, kept);
        break;
      case Feed::Of::kSection: {
        auto id = static_cast<PageId>(feed.index);
        std::vector<PageId> pages;
        descendants(site, id, pages);
        written += write_feeds(site, std::string(site.str(site.page(id).title)) + " | " + cfg.title,
                               std::string(site.str(site.page(id).description)),
                               site.str(site.page(id).url), pages, false, content, writer, kept);
        break;
      }
      case Feed::Of::kTerm: {
        const auto& vp = virtual_pages[feed.index];
        const auto& term =
            site.taxonomies[static_cast<size_t>(vp.taxonomy)].terms[static_cast<size_t>(vp.term)];
        written += write_feeds(site, term.name + " | " + cfg.title, "", vp.url, term.pages, true,
                               content, writer, kept);
        break;
      }
    }
  };
  auto sitemap = [&] {
    if (f.sitemap) written += write_sitemap(site, virtual_pages, writer, kept);
  };
  auto rest = [&] {
    if (f.llms_txt) {
      write_llms_txt(site, writer, kept);
      ++written;
    }
    if (f.robots) {
      // A multilingual site's root language names every language's sitemap.
      writer.write("robots.txt", output::build_robots_txt(config::sitemap_urls(cfg)));
      ++written;
    }
  };
  if (parallel) {
    tbb::parallel_invoke(sitemap, rest, [&] {
      tbb::parallel_for(size_t{0}, feeds.size(), [&](size_t i) { write_feed(feeds[i]); });
    });
  } else {
    sitemap();
    for (const Feed& feed : feeds) write_feed(feed);
    rest();
  }
  return written.load();
}

std::vector<std::pair<std::string, PageId>> claim_aliases(site::Site& site,
                                                          Diagnostics& diagnostics) {
  if (!site.features.aliases) return {};
  const auto& cfg = site.config;
  std::vector<site::OutputClaim> claims;
  std::vector<PageId> owners;
  for (PageId id : site.rendered()) {
    std::string display = fmt::format("{}/{}", cfg.content_dir, site.source_path(id));
    for (StrId a : site.table.list(site.table.extras_of(site.page(id)).aliases)) {
      content::UrlCheck check = content::normalize_url(site.str(a));
      if (!check.error.empty()) {
        diagnostics.add(
            make_error(display, 0, 0, fmt::format("alias {}: {}", site.str(a), check.error)));
        continue;
      }
      site::OutputClaim c;
      c.path = content::output_path_for_url(check.url);
      c.by = {site::OutputRank::kAlias, 0, std::string(site.source_path(id))};
      c.what = c.who = fmt::format("alias {} of {}", check.url, display);
      c.file = display;
      c.source = site.source_path(id);
      c.keys = {"aliases"};
      c.remedy = "remove the alias";
      claims.push_back(std::move(c));
      owners.push_back(id);
    }
  }
  std::vector<std::string> paths;
  paths.reserve(claims.size());
  for (const auto& c : claims) paths.push_back(c.path);
  std::vector<bool> won = site.outputs.claim(std::move(claims), diagnostics);
  std::vector<std::pair<std::string, PageId>> held;
  for (size_t i = 0; i < won.size(); ++i)
    if (won[i]) held.emplace_back(std::move(paths[i]), owners[i]);
  return held;
}

size_t write_aliases(site::Site& site, output::OutputWriter& writer, Diagnostics& diagnostics) {
  auto held = claim_aliases(site, diagnostics);
  for (const auto& [path, owner] : held)
    writer.write(path, output::build_alias_page(site.permalink(owner), site.config.language));
  return held.size();
}

}  // namespace bengal::pipeline
