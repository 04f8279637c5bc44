#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "bengal/content/page_url.hpp"
#include "bengal/site/site.hpp"

namespace bengal::site {
namespace {

std::string display_path(const Site& site, PageId id) {
  return site.config.content_dir + "/" + std::string(site.source_path(id));
}

// Fills a CSR index: for each page id, the ids grouped under it by `owner_of`.
template <typename OwnerOf>
void group_by(const Site& site, std::span<const PageId> members, OwnerOf owner_of,
              std::vector<uint32_t>& offsets, std::vector<PageId>& items) {
  size_t n = site.table.pages.size();
  offsets.assign(n + 1, 0);
  for (PageId id : members) {
    PageId owner = owner_of(id);
    if (owner != content::kNoPage) ++offsets[owner + 1];
  }
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  items.assign(offsets[n], 0);
  std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (PageId id : members) {
    PageId owner = owner_of(id);
    if (owner != content::kNoPage) items[fill[owner]++] = id;
  }
  for (size_t i = 0; i < n; ++i) {
    std::sort(items.begin() + offsets[i], items.begin() + offsets[i + 1],
              [&](PageId a, PageId b) { return page_order_less(site.table, a, b); });
  }
}

}  // namespace

std::span<const PageId> Site::pages_of(PageId section) const {
  return {section_pages.data() + page_offsets[section],
          page_offsets[section + 1] - page_offsets[section]};
}

std::span<const PageId> Site::sections_of(PageId section) const {
  return {section_children.data() + section_offsets[section],
          section_offsets[section + 1] - section_offsets[section]};
}

bool page_order_less(const content::PageTable& table, PageId a, PageId b) {
  const PageMeta& x = table.pages[a];
  const PageMeta& y = table.pages[b];
  // Pages without a weight (0) sort after every weighted page.
  auto weight_key = [](const PageMeta& m) {
    return std::pair<bool, int64_t>(m.weight == 0, m.weight);
  };
  if (weight_key(x) != weight_key(y)) return weight_key(x) < weight_key(y);
  if (x.has_date != y.has_date) return x.has_date;  // dated pages first
  if (x.date.epoch_seconds != y.date.epoch_seconds)
    return x.date.epoch_seconds > y.date.epoch_seconds;
  auto tx = table.str(x.title), ty = table.str(y.title);
  if (tx != ty) return tx < ty;
  return table.str(x.source_path) < table.str(y.source_path);
}

Site build_index(config::SiteConfig config, content::DiscoveredSite discovered,
                 Diagnostics& diagnostics) {
  Site site;
  site.config = std::move(config);
  site.table = std::move(discovered.table);
  site.content_files = std::move(discovered.content_files);
  auto& pages = site.table.pages;

  // URL collisions: the first claimant in source order keeps the URL. Output files are what
  // actually collide, so "/a.html" and a page at "/a.html" count, and "/A/" does not clash
  // with "/a/" only on case-sensitive file systems; compare output paths as they are.
  std::unordered_map<std::string, PageId> owners;
  for (PageId id = 0; id < pages.size(); ++id) {
    std::string out = content::output_path_for_url(site.str(pages[id].url));
    auto [it, inserted] = owners.emplace(out, id);
    if (!inserted) {
      pages[id].excluded = true;
      diagnostics.add(
          make_error(display_path(site, id), 0, 0,
                     "URL " + std::string(site.str(pages[id].url)) + " is also claimed by " +
                         display_path(site, it->second) +
                         "; give one of them a different slug or url (this page was not written)"));
    }
  }
  for (PageId id = 0; id < pages.size(); ++id) {
    if (pages[id].kind == content::PageKind::kHome) site.home = id;
    if (!pages[id].excluded) site.rendered_.push_back(id);
  }

  std::vector<PageId> regular, sections;
  for (PageId id : site.rendered_) {
    (pages[id].kind == content::PageKind::kPage ? regular : sections).push_back(id);
  }
  group_by(
      site, regular, [&](PageId id) { return pages[id].section; }, site.page_offsets,
      site.section_pages);
  group_by(
      site, sections, [&](PageId id) { return pages[id].section; }, site.section_offsets,
      site.section_children);
  return site;
}

}  // namespace bengal::site
