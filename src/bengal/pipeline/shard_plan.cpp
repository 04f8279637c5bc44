#include "bengal/pipeline/shard_plan.hpp"

#include <algorithm>
#include <charconv>

#include <xxhash.h>

namespace bengal::pipeline {
namespace {

constexpr uint32_t kMaxShards = 10000;

bool parse_count(std::string_view text, uint32_t& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

struct Unit {
  uint64_t hash;
  double cost;
  int kind;  // 0 page, 1 generated page, 2 the site
  size_t index;
};

uint64_t key_hash(int kind, std::string_view key) {
  return XXH3_64bits_withSeed(key.data(), key.size(), static_cast<uint64_t>(kind));
}

// Half a unit for each list page of a list of `members` pages.
double list_cost(const site::Site& site, size_t members) {
  size_t list_pages = site.per_page == 0 ? 1 : members / site.per_page + 1;
  return 0.5 * static_cast<double>(list_pages);
}

// A page costs its body (about 200 words a unit, read from the index: nothing is rendered to
// estimate) and, for a section, its list pages; a term page its list pages. The estimates
// need only be proportional to render time: they decide where the cuts go.
double page_cost(const site::Site& site, PageId id) {
  const content::PageMeta& m = site.table.pages[id];
  double cost = 1.0 + m.word_count / 200.0;
  if (m.kind != content::PageKind::kPage) cost += list_cost(site, site.list_of(id).size());
  return cost;
}

}  // namespace

std::optional<ShardSpec> parse_shard(std::string_view text, std::string& error) {
  size_t slash = text.find('/');
  uint32_t k = 0, n = 0;
  if (slash == std::string_view::npos || !parse_count(text.substr(0, slash), k) ||
      !parse_count(text.substr(slash + 1), n) || n == 0 || n > kMaxShards || k == 0 || k > n) {
    error =
        "--shard takes K/N, this job's number K of N jobs, with 1 <= K <= N <= 10000: "
        "--shard 1/4 ... --shard 4/4";
    return std::nullopt;
  }
  return ShardSpec{k - 1, n};
}

ShardPlan::ShardPlan(const site::Site& site, const std::vector<templates::VirtualPage>& generated,
                     ShardSpec spec)
    : spec_(spec) {
  if (!spec.sharded()) return;
  std::vector<Unit> units;
  units.reserve(site.rendered().size() + generated.size() + 1);
  double pages_cost = 0;
  for (PageId id : site.rendered()) {
    double cost = page_cost(site, id);
    pages_cost += cost;
    units.push_back({key_hash(0, site.source_path(id)), cost, 0, id});
  }
  for (size_t i = 0; i < generated.size(); ++i) {
    const templates::VirtualPage& vp = generated[i];
    double cost = 1.0;
    if (vp.term >= 0) {
      const auto& tax = site.taxonomies[static_cast<size_t>(vp.taxonomy)];
      cost += list_cost(site, tax.terms[static_cast<size_t>(vp.term)].pages.size());
    }
    units.push_back({key_hash(1, vp.url), cost, 1, i});
  }
  // The site's files: the sitemap and feeds read every page's head; a tenth of the pages'
  // cost is what finalize takes of a build (bench/RESULTS.md, phase times).
  units.push_back({key_hash(2, ""), 1.0 + pages_cost / 10.0, 2, 0});
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) {
    return a.hash != b.hash   ? a.hash < b.hash
           : a.kind != b.kind ? a.kind < b.kind
                              : a.index < b.index;
  });
  for (const Unit& u : units) total_ += u.cost;
  pages_.assign(site.table.pages.size(), UINT32_MAX);
  generated_.assign(generated.size(), 0);
  double before = 0;
  for (const Unit& u : units) {
    // The arc a unit's middle falls in owns it.
    double middle = (before + u.cost / 2) / total_;
    auto owner = std::min(spec.count - 1, static_cast<uint32_t>(middle * spec.count));
    before += u.cost;
    if (owner == spec.index) mine_ += u.cost;
    if (u.kind == 0) pages_[u.index] = owner;
    if (u.kind == 1) generated_[u.index] = owner;
    if (u.kind == 2) site_ = owner;
  }
}

}  // namespace bengal::pipeline
