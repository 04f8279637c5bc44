// The only way to read a page's Markdown body or its rendered HTML during the render phase.
// Bodies are not kept after discovery; the store reads them back from disk on demand.
//
// Rendered body HTML (what page.content of another page, get_page(x).content and full-content
// feeds read) is kept by tier, decided from PageRank before rendering:
//   hot   the hub pages: once rendered, kept for the whole build;
//   warm  the next pages by rank: kept, once asked for, in an LRU bounded in bytes, each
//         page zstd-compressed and counted by its compressed bytes (core/compressed_text.hpp):
//         rendered HTML shrinks 3 to 4 times, so the bound holds that many more pages;
//   cold  the rest: rendered again on each request, never cached.
// In the full policy (the baseline) everything is kept: every body, body HTML and page HTML
// stays until the build ends. Either way a page rendered twice gives the same bytes, so what is
// cached never changes the output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "bengal/graph/site_graph.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

enum class Tier : uint8_t { kHot, kWarm, kCold };

struct TierStats {
  size_t hits = 0;
  size_t misses = 0;
  size_t resident_pages = 0;
  size_t resident_bytes = 0;
};

struct StoreStats {
  TierStats tiers[3];         // by Tier
  size_t retained_bytes = 0;  // full policy: bodies and page HTML kept
  size_t evictions = 0;       // warm entries dropped to stay under the byte bound
};

struct StoreOptions {
  bool keep_all = false;         // the full policy
  size_t warm_bytes = 64 << 20;  // the warm LRU's bound
  size_t hot_bytes = SIZE_MAX;   // the hub pages' bound (streaming only)
  // Whether anything may ask for a page's HTML besides its own render (a template reading
  // another page's content, full-content feeds). When nothing does, hub pages are not kept
  // as they render: the cache would only hold memory.
  bool read_by_others = true;
  std::vector<Tier> tiers;  // by page id; empty: every page is cold
};

class ContentStore {
 public:
  ContentStore(const site::Site& site, std::filesystem::path content_dir, StoreOptions options);

  // Replaces `out` with the Markdown body of `id` (the text after its front matter). A file
  // whose bytes changed since discovery is split again, so its body is still its body, and
  // listed in changed_pages(). Returns false and sets `error` when the file can no longer be
  // read or its new front matter does not parse. Thread-safe.
  bool load_body(PageId id, std::string& out, std::string& error) const;
  // Pages whose file changed between discovery and the reading of its body, sorted: their
  // body is new, their title, date and other front matter fields still the old ones.
  std::vector<PageId> changed_pages() const;

  // The rendered body HTML of `id`: from its tier's cache, or from `render` (then cached as
  // the tier allows). Thread-safe.
  std::string content_html(PageId id, const std::function<std::string()>& render);
  // Called once a page has been rendered with its own body HTML: a hub page (or any page in the
  // full policy) is kept, so later requests for it hit, unless no page reads another's.
  void offer(PageId id, const std::string& body_html);
  // The full policy's baseline: keeps the body and the page's output until the end.
  void retain(PageId id, const std::string& body, const std::string& page_html);

  Tier tier(PageId id) const {
    return id < options_.tiers.size() ? options_.tiers[id] : Tier::kCold;
  }
  StoreStats stats() const;
  // Pages whose body HTML is held (hot and warm; every page in the full policy), and the
  // bytes held including the full policy's kept bodies and pages.
  size_t resident_pages() const;
  size_t resident_bytes() const;

 private:
  // Caches `html` as its tier allows; the warm tier takes `packed`, its zstd frame, instead.
  void put_locked(PageId id, const std::string& html, std::string& packed);

  const site::Site& site_;
  std::filesystem::path content_dir_;
  StoreOptions options_;
  mutable std::mutex mutex_;
  StoreStats stats_;
  std::unordered_map<PageId, std::string> kept_;  // hot pages, and every page when full
  // Warm LRU: most recently used at the front.
  std::list<PageId> lru_;
  struct WarmEntry {
    std::string bytes;  // the HTML's zstd frame; the HTML itself when that is not smaller
    size_t raw_size;    // the HTML's size
    std::list<PageId>::iterator at;
  };
  std::unordered_map<PageId, WarmEntry> warm_;
  size_t warm_bytes_ = 0;
  std::vector<std::string> retained_;    // full policy: body + page HTML of each page
  mutable std::vector<PageId> changed_;  // guarded by mutex_
};

// Tiers from PageRank: the graph's hubs hot, the next `warm_percent` of the pages warm, the
// rest cold (ties by source path, as everywhere).
std::vector<Tier> assign_tiers(const site::Site& site, const graph::SiteGraph& graph,
                               double warm_percent);

}  // namespace bengal::pipeline
