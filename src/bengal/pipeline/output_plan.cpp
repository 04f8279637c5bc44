#include "bengal/pipeline/output_plan.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "bengal/content/page_url.hpp"
#include "bengal/output/sitemap.hpp"
#include "bengal/site/pagination.hpp"

namespace bengal::pipeline {
namespace {

using site::ClaimKey;
using site::OutputClaim;
using site::OutputRank;

std::string display_path(const site::Site& site, PageId id) {
  return fmt::format("{}/{}", site.config.content_dir, site.source_path(id));
}

// Claims resolved a few thousand at a time as they are made: claims come in the order of
// their keys (equal keys in the order made), so resolving them in pieces gives what one call
// with all of them would, without holding all of them.
class ClaimBatch {
 public:
  ClaimBatch(site::Site& site, Diagnostics& diagnostics) : site_(site), diagnostics_(diagnostics) {}
  void push_back(OutputClaim c) {
    claims_.push_back(std::move(c));
    if (claims_.size() >= 4096) flush();
  }
  void flush() { site_.outputs.claim(std::exchange(claims_, {}), diagnostics_); }

 private:
  site::Site& site_;
  Diagnostics& diagnostics_;
  std::vector<OutputClaim> claims_;
};

// Pages 2..N of a list of `items` at `list_url`, in `folder` below it.
void claim_pagers(ClaimBatch& claims, size_t items, size_t per_page, std::string_view list_url,
                  std::string_view folder, const ClaimKey& key, std::string_view list,
                  const std::string& file) {
  auto pagers = site::paginate(items, per_page, list_url, folder);
  for (size_t i = 1; i < pagers.size(); ++i) {
    OutputClaim c;
    c.path = content::output_path_for_url(pagers[i].url);
    c.by = key;
    c.what = c.who = list;
    c.page = static_cast<uint32_t>(pagers[i].number);
    c.file = file;
    claims.push_back(std::move(c));
  }
}

void claim_feeds(ClaimBatch& claims, const site::Site& site, std::string_view list_url,
                 std::string_view list, const std::string& file) {
  for (auto [on, name, kind] : {std::tuple{site.features.rss, "rss.xml", "RSS"},
                                std::tuple{site.features.atom, "atom.xml", "Atom"}}) {
    if (!on) continue;
    OutputClaim c;
    c.path = feed_folder(list_url) + name;
    c.by = feed_key(list_url);
    c.what = c.who = fmt::format("the {} feed of {}", kind, list);
    c.file = file;
    claims.push_back(std::move(c));
  }
}

// "categories" -> "Categories": the title of a taxonomy overview page.
std::string title_from_name(std::string name) {
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

}  // namespace

ClaimKey pager_key(const site::Site& site, PageId id) {
  return {OutputRank::kListPage, 0, std::string(site.source_path(id))};
}
ClaimKey virtual_page_key(const templates::VirtualPage& page) {
  return {OutputRank::kListPage, 1, page.url};
}
ClaimKey feed_key(std::string_view list_url) {
  if (list_url == "/") return {OutputRank::kSiteFile, 0, "feeds"};
  return {OutputRank::kListPage, 2, std::string(list_url)};
}
ClaimKey sitemap_parts_key() {
  return {OutputRank::kListPage, 3, "sitemap"};
}
ClaimKey content_file_key(std::string_view rel) {
  return {OutputRank::kContentFile, 0, std::string(rel)};
}
ClaimKey static_key(uint8_t layer, std::string_view display_dir) {
  return {OutputRank::kStatic, layer, std::string(display_dir)};
}

std::string feed_folder(std::string_view list_url) {
  return std::string(list_url.substr(list_url.starts_with('/') ? 1 : 0));
}

std::vector<templates::VirtualPage> list_generated_pages(const site::Site& site) {
  std::vector<templates::VirtualPage> pages;
  for (size_t t = 0; t < site.taxonomies.size(); ++t) {
    const auto& tax = site.taxonomies[t];
    pages.push_back({"taxonomy", title_from_name(tax.def.plural), site.taxonomy_url(t),
                     static_cast<int>(t), -1, tax.content});
    for (size_t i = 0; i < tax.terms.size(); ++i) {
      pages.push_back({"term", tax.terms[i].name, site.term_url(t, i), static_cast<int>(t),
                       static_cast<int>(i), tax.terms[i].content});
    }
  }
  return pages;
}

namespace {

// One claimant of generated outputs, whose claims are made only when its turn comes. Claims are
// resolved in the order of their keys (site/output_paths.hpp), and a million-page site has
// 300,000 of them (pagers, term pages, feeds) of about 500 bytes each with their names: the
// claimants are listed, sorted by key as claim() would sort their claims (stable, so equal
// keys keep the order they were listed in) and their claims made and resolved a few thousand
// at a time, which resolves them as one call would.
struct Claimant {
  enum Kind : uint8_t { kPagers, kFeeds, kVirtualPage, kVirtualFeeds, kSitemaps, kFile, kResource };
  ClaimKey by;  // of each of its claims
  Kind kind;
  uint32_t index = 0;  // a page id, a virtual page, a content file; kSitemaps: how many
  bool operator<(const Claimant& o) const { return by < o.by; }
};

Claimant claimant(ClaimKey by, Claimant::Kind kind, size_t index) {
  return {std::move(by), kind, static_cast<uint32_t>(index)};
}

std::vector<Claimant> list_claimants(const site::Site& site,
                                     const std::vector<templates::VirtualPage>& virtual_pages) {
  std::vector<Claimant> list;
  for (PageId id : site.rendered()) {
    const auto& m = site.page(id);
    if (m.kind == content::PageKind::kPage) continue;
    list.push_back(claimant(pager_key(site, id), Claimant::kPagers, id));
    if (m.kind == content::PageKind::kSection)
      list.push_back(claimant(feed_key(site.str(m.url)), Claimant::kFeeds, id));
  }
  for (size_t i = 0; i < virtual_pages.size(); ++i) {
    const auto& vp = virtual_pages[i];
    list.push_back(claimant(virtual_page_key(vp), Claimant::kVirtualPage, i));
    if (vp.term >= 0) list.push_back(claimant(feed_key(vp.url), Claimant::kVirtualFeeds, i));
  }
  // Past kSitemapMaxUrls the sitemap is an index of numbered files.
  size_t urls = site.in_sitemap().size() + virtual_pages.size();
  if (site.features.sitemap && urls > output::kSitemapMaxUrls) {
    list.push_back(claimant(sitemap_parts_key(), Claimant::kSitemaps,
                            (urls + output::kSitemapMaxUrls - 1) / output::kSitemapMaxUrls));
  }
  for (size_t i = 0; i < site.content_files.size(); ++i) {
    const std::string& rel = site.content_files[i];
    list.push_back(claimant(content_file_key(rel), Claimant::kFile, i));
  }
  for (PageId id : site.resource_owners()) {
    const content::StrRange resources = site.table.extras_of(site.page(id)).resources;
    for (StrId r : site.table.list(resources))
      list.push_back(claimant(content_file_key(site.str(r)), Claimant::kResource, id));
  }
  std::stable_sort(list.begin(), list.end());
  return list;
}

void make_claims(const site::Site& site, const std::vector<templates::VirtualPage>& virtual_pages,
                 const Claimant& who, ClaimBatch& claims) {
  const std::string& content_dir = site.config.content_dir;
  switch (who.kind) {
    case Claimant::kPagers:
    case Claimant::kFeeds: {
      PageId id = who.index;
      const auto& m = site.page(id);
      std::string file = display_path(site, id);
      std::string list = fmt::format("the list of {}", file);
      if (who.kind == Claimant::kFeeds) {
        claim_feeds(claims, site, site.str(m.url), list, file);
        return;
      }
      size_t items =
          m.kind == content::PageKind::kHome ? site.regular_pages.size() : site.list_of(id).size();
      claim_pagers(claims, items, site.per_page_of(id), site.str(m.url), site.pager_folder_of(id),
                   pager_key(site, id), list, file);
      return;
    }
    case Claimant::kVirtualPage:
    case Claimant::kVirtualFeeds: {
      const auto& vp = virtual_pages[who.index];
      std::string list = fmt::format("the {} page {}", vp.kind, vp.url);
      if (who.kind == Claimant::kVirtualFeeds) {
        claim_feeds(claims, site, vp.url, list, "");
        return;
      }
      OutputClaim c;
      c.path = content::output_path_for_url(vp.url);
      c.by = virtual_page_key(vp);
      c.what = c.who = list;
      claims.push_back(std::move(c));
      if (vp.term < 0) return;
      const auto& term =
          site.taxonomies[static_cast<size_t>(vp.taxonomy)].terms[static_cast<size_t>(vp.term)];
      claim_pagers(claims, term.pages.size(), site.per_page, vp.url, site.pager_folder,
                   virtual_page_key(vp), list, "");
      return;
    }
    case Claimant::kSitemaps: {
      for (size_t n = 1; n <= who.index; ++n) {
        OutputClaim c;
        c.path = fmt::format("sitemap-{}.xml", n);
        c.by = who.by;
        c.what = c.who = "the sitemap";
        claims.push_back(std::move(c));
      }
      return;
    }
    case Claimant::kFile: {
      const std::string& rel = site.content_files[who.index];
      OutputClaim c;
      c.path = rel;
      c.by = content_file_key(rel);
      c.what = c.who = c.file = fmt::format("{}/{}", content_dir, rel);
      c.remedy = "rename or move the file";
      claims.push_back(std::move(c));
      return;
    }
    case Claimant::kResource: {
      PageId id = who.index;
      std::string_view source = site.source_path(id);
      std::string_view bundle_dir = source.substr(0, source.rfind('/') + 1);
      std::string out_dir = content::output_path_for_url(site.str(site.page(id).url));
      out_dir.resize(out_dir.rfind('/') == std::string::npos ? 0 : out_dir.rfind('/') + 1);
      std::string_view rel = who.by.key;
      OutputClaim c;
      c.path = out_dir + std::string(rel.substr(bundle_dir.size()));
      c.by = content_file_key(rel);
      c.file = fmt::format("{}/{}", content_dir, rel);
      c.what = c.who = fmt::format("{} (a resource of {})", c.file, display_path(site, id));
      c.remedy = "rename the file";
      claims.push_back(std::move(c));
      return;
    }
  }
}

}  // namespace

void claim_generated_outputs(site::Site& site,
                             const std::vector<templates::VirtualPage>& virtual_pages,
                             Diagnostics& diagnostics) {
  ClaimBatch claims(site, diagnostics);
  for (const Claimant& who : list_claimants(site, virtual_pages))
    make_claims(site, virtual_pages, who, claims);
  claims.flush();
}

bool claim_static_file(site::Site& site, uint8_t layer, std::string_view display_dir,
                       std::string_view rel, Diagnostics& diagnostics) {
  OutputClaim c;
  c.path = rel;
  c.by = static_key(layer, display_dir);
  c.what = c.who = c.file = fmt::format("{}/{}", display_dir, rel);
  c.remedy = "rename or remove the file";
  std::vector<OutputClaim> one;
  one.push_back(std::move(c));
  return site.outputs.claim(std::move(one), diagnostics)[0];
}

}  // namespace bengal::pipeline
