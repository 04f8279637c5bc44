#include "bengal/pipeline/content_store.hpp"

#include <algorithm>

#include "bengal/content/discover.hpp"
#include "bengal/content/front_matter.hpp"
#include "bengal/core/compressed_text.hpp"
#include "bengal/core/file_io.hpp"

namespace bengal::pipeline {

ContentStore::ContentStore(const site::Site& site, std::filesystem::path content_dir,
                           StoreOptions options)
    : site_(site), content_dir_(std::move(content_dir)), options_(std::move(options)) {
  if (options_.keep_all) retained_.resize(site.table.pages.size());
}

bool ContentStore::load_body(PageId id, std::string& out, std::string& error) const {
  const auto& meta = site_.page(id);
  if (meta.generated) {
    out.clear();
    return true;
  }
  // The whole file is read again and compared with what discovery read: a file saved during
  // the build (an editor, a git pull) must not have its new front matter rendered as body
  // text from the old offset.
  if (!read_file(content_dir_ / std::string(site_.source_path(id)), out, error)) return false;
  size_t offset = meta.body_offset;
  if (content::source_hash(out) != meta.source_hash) {
    content::FrontMatterResult fm = content::parse_front_matter(out, site_.source_path(id));
    if (!fm.ok) {
      error = "its front matter became invalid while the site was built; fix it and build again";
      out.clear();
      return false;
    }
    offset = fm.body_offset;
    std::lock_guard lock(mutex_);
    changed_.push_back(id);
  }
  out.erase(0, std::min(offset, out.size()));
  return true;
}

std::vector<PageId> ContentStore::changed_pages() const {
  std::lock_guard lock(mutex_);
  std::vector<PageId> ids = changed_;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string ContentStore::content_html(PageId id, const std::function<std::string()>& render) {
  Tier t = options_.keep_all ? Tier::kHot : tier(id);
  std::string packed;
  size_t raw_size = 0;
  {
    std::lock_guard lock(mutex_);
    TierStats& s = stats_.tiers[static_cast<int>(t)];
    if (auto it = kept_.find(id); it != kept_.end()) {
      ++s.hits;
      return it->second;
    }
    if (auto it = warm_.find(id); it != warm_.end()) {
      ++s.hits;
      lru_.splice(lru_.begin(), lru_, it->second.at);
      if (it->second.bytes.size() == it->second.raw_size) return it->second.bytes;
      packed = it->second.bytes;  // a copy: the entry may be evicted once the lock is gone
      raw_size = it->second.raw_size;
    } else {
      ++s.misses;
    }
  }
  std::string html;
  if (raw_size > 0 && decompress_text(packed, raw_size, html)) return html;
  // Rendered (and compressed) outside the lock: two threads may render the same page at once;
  // both get the same bytes and the second insert is a no-op.
  html = render();
  packed = t == Tier::kWarm && options_.warm_bytes > 0 ? compress_text(html) : std::string();
  std::lock_guard lock(mutex_);
  put_locked(id, html, packed);
  return html;
}

void ContentStore::offer(PageId id, const std::string& body_html) {
  // Hub pages are kept as they render (they are rendered first for that); warm pages enter
  // the LRU only when another page asks for them, so pages nobody reads cost nothing.
  if (!options_.keep_all && (tier(id) != Tier::kHot || !options_.read_by_others)) return;
  std::string none;
  std::lock_guard lock(mutex_);
  put_locked(id, body_html, none);
}

void ContentStore::put_locked(PageId id, const std::string& html, std::string& packed) {
  Tier t = options_.keep_all ? Tier::kHot : tier(id);
  if (t == Tier::kCold) return;
  if (kept_.contains(id) || warm_.contains(id)) return;
  TierStats& s = stats_.tiers[static_cast<int>(t)];
  if (t == Tier::kHot) {
    // Past its bound (the cache size in a streaming build, or a --memory-limit's share) a hub
    // page is not kept: asked for again, it renders again, like a cold page.
    if (!options_.keep_all && s.resident_bytes + html.size() > options_.hot_bytes) return;
    kept_.emplace(id, html);
    ++s.resident_pages;
    s.resident_bytes += html.size();
    return;
  }
  // The bound counts the bytes held. A page too small to shrink is held as it is, so an entry
  // is compressed exactly when it holds fewer bytes than the page.
  std::string bytes;
  if (packed.size() < html.size()) {
    bytes = std::move(packed);
  } else {
    bytes = html;
  }
  size_t size = bytes.size();
  if (size > options_.warm_bytes) return;
  lru_.push_front(id);
  warm_.emplace(id, WarmEntry{std::move(bytes), html.size(), lru_.begin()});
  warm_bytes_ += size;
  while (warm_bytes_ > options_.warm_bytes) {
    PageId victim = lru_.back();
    lru_.pop_back();
    auto it = warm_.find(victim);
    warm_bytes_ -= it->second.bytes.size();
    warm_.erase(it);
    ++stats_.evictions;
  }
  s.resident_pages = warm_.size();
  s.resident_bytes = warm_bytes_;
}

void ContentStore::retain(PageId id, const std::string& body, const std::string& page_html) {
  if (!options_.keep_all) return;
  std::string kept = body + page_html;
  std::lock_guard lock(mutex_);
  stats_.retained_bytes += kept.size();
  retained_[id] = std::move(kept);
}

StoreStats ContentStore::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

size_t ContentStore::resident_pages() const {
  std::lock_guard lock(mutex_);
  return stats_.tiers[0].resident_pages + stats_.tiers[1].resident_pages;
}

size_t ContentStore::resident_bytes() const {
  std::lock_guard lock(mutex_);
  return stats_.tiers[0].resident_bytes + stats_.tiers[1].resident_bytes + stats_.retained_bytes;
}

std::vector<Tier> assign_tiers(const site::Site& site, const graph::SiteGraph& graph,
                               double warm_percent) {
  // The warm tier is the next pages after the hubs in the same ranking.
  size_t nodes = graph.links.active_count();
  size_t warm_end = std::min(nodes, graph.hubs.size() + graph::hub_count(nodes, warm_percent));
  std::vector<PageId> order =
      graph::top_n(graph.links, graph.pagerank.rank, warm_end, graph::SourcePathLess{site});
  std::vector<Tier> tiers(site.table.pages.size(), Tier::kCold);
  for (PageId p : order) tiers[p] = Tier::kWarm;
  for (PageId p : graph.hubs) tiers[p] = Tier::kHot;
  return tiers;
}

}  // namespace bengal::pipeline
