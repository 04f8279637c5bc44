// `bengal build --shard K/N`: which part of the site one of N build jobs renders. Every job
// discovers and indexes the whole site (the index is the same in each), then renders only
// the render units it owns; `bengal merge` joins the N output folders (pipeline/merge.hpp).
//
// A unit is a page with its list pages, a taxonomy or term page, or "the site": the 404 page,
// the sitemap, feeds, robots.txt, llms.txt, graph.json, aliases and the copied files. Units
// are ordered by a hash of their key (a page's source path, a generated page's URL) and that
// ring is cut into N arcs of equal estimated cost. So shards are balanced by cost, not by
// count, and adding or removing one page moves only the units near the cuts to another shard.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/site/site.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

struct ShardSpec {
  uint32_t index = 0;  // 0-based: the CLI's K is index + 1
  uint32_t count = 0;  // 0: not sharded, the whole site in one build
  bool sharded() const { return count > 0; }
};

// "K/N" with 1 <= K <= N <= 10000; nullopt and `error` (what to type) otherwise.
std::optional<ShardSpec> parse_shard(std::string_view text, std::string& error);

class ShardPlan {
 public:
  ShardPlan() = default;  // not sharded: owns everything
  ShardPlan(const site::Site& site, const std::vector<templates::VirtualPage>& generated,
            ShardSpec spec);

  bool owns_page(PageId id) const { return pages_.empty() || pages_[id] == spec_.index; }
  bool owns_generated(size_t i) const { return generated_.empty() || generated_[i] == spec_.index; }
  bool owns_site() const { return !spec_.sharded() || site_ == spec_.index; }
  // The estimated cost this shard renders and the whole site's, in the same unit.
  double cost() const { return mine_; }
  double total_cost() const { return total_; }

 private:
  ShardSpec spec_;
  std::vector<uint32_t> pages_;      // owner by page id (empty: not sharded)
  std::vector<uint32_t> generated_;  // owner by generated page
  uint32_t site_ = 0;
  double mine_ = 0, total_ = 0;
};

}  // namespace bengal::pipeline
