// Times the index phase's analysis layer at 10K, 100K and 1M generated pages: the index
// (sections, taxonomies, cross-references), the link graph, PageRank and related pages.
// Pages are generated in memory with front matter only (no files, no bodies), as the graph
// never reads bodies: tags drawn from a Zipf distribution over 2,000 tags (so a few tags are
// on a large share of the site), 1-4 internal links per page, 100 pages per section.
//
//   build/bench/bench_graph [pages...]     (default: 10000 100000 1000000)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include <fmt/format.h>

#include "bengal/core/memory.hpp"
#include "bengal/graph/site_graph.hpp"

namespace {

using namespace bengal;
using content::PageKind;

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

content::DiscoveredSite generate(size_t pages) {
  constexpr size_t kPerSection = 100, kTags = 2000;
  std::mt19937_64 rng(42);
  // Zipf(1.0) over tag ranks by inverse CDF on precomputed cumulative weights.
  std::vector<double> cdf(kTags);
  double sum = 0;
  for (size_t i = 0; i < kTags; ++i) cdf[i] = sum += 1.0 / static_cast<double>(i + 1);
  auto zipf = [&] {
    double u = std::uniform_real_distribution<double>(0, sum)(rng);
    return static_cast<size_t>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
  };
  content::DiscoveredSite d;
  auto& t = d.table;
  size_t sections = (pages + kPerSection - 1) / kPerSection;
  auto add = [&](PageKind kind, std::string path, std::string dir, std::string url) {
    content::PageMeta m;
    m.kind = kind;
    m.source_path = t.strings.intern(path);
    m.dir = t.strings.intern(dir);
    m.url = t.strings.intern(url);
    m.title = t.strings.store(path);
    t.pages.push_back(m);
    return &t.pages.back();
  };
  add(PageKind::kHome, "_index.md", "", "/");
  // Source paths sort as ids must: "_index.md" < "s000000/..." and each section's _index.md
  // before its pages.
  for (size_t s = 0; s < sections; ++s) {
    char dir[32];
    std::snprintf(dir, sizeof dir, "s%06zu", s);
    add(PageKind::kSection, std::string(dir) + "/_index.md", dir, fmt::format("/{}/", dir));
    for (size_t i = s * kPerSection; i < std::min(pages, (s + 1) * kPerSection); ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "p%07zu", i);
      std::string path = std::string(dir) + "/" + name + ".md";
      content::PageMeta* m = add(PageKind::kPage, path, dir, fmt::format("/{}/{}/", dir, name));
      m->has_date = true;
      m->date.epoch_seconds = 1'600'000'000 + static_cast<int64_t>(i) * 3600;
      std::vector<std::string> tags;
      for (int k = 0, n = 1 + static_cast<int>(rng() % 5); k < n; ++k)
        tags.push_back("tag-" + std::to_string(zipf()));
      std::sort(tags.begin(), tags.end());
      tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
      m->tags = t.add_list(tags);
      std::vector<std::string> links;
      for (int k = 0, n = 1 + static_cast<int>(rng() % 4); k < n; ++k) {
        size_t target = rng() % pages;
        char link[64];
        std::snprintf(link, sizeof link, "../s%06zu/p%07zu.md", target / kPerSection, target);
        links.push_back(link);
      }
      m->links = t.add_list(links, content::PageTable::Keep::kCold);
    }
  }
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
  if (sizes.empty()) sizes = {10'000, 100'000, 1'000'000};
  std::printf(
      "| pages | index | link graph | links | PageRank (iterations) | related | peak RSS |\n");
  std::printf(
      "|------:|------:|-----------:|------:|-----------------------:|--------:|---------:|\n");
  for (size_t pages : sizes) {
    content::DiscoveredSite discovered = generate(pages);
    Diagnostics diagnostics;
    auto start = std::chrono::steady_clock::now();
    auto site = std::make_unique<site::Site>();
    site::build_index(*site, config::SiteConfig{}, std::move(discovered), diagnostics);
    double index_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    graph::LinkGraph links = graph::build_link_graph(*site);
    double links_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    graph::PageRankResult rank = graph::pagerank(links);
    double rank_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    graph::GraphConfig config;
    graph::SiteGraph full = graph::analyze(*site, config);  // includes related pages
    double analyze_s = seconds_since(start);
    double related_s = analyze_s - links_s - rank_s;
    std::printf("| %zu | %.2f s | %.2f s | %zu | %.2f s (%d) | %.2f s | %s |\n", pages, index_s,
                links_s, links.link_count(), rank_s, rank.iterations, related_s,
                format_megabytes(peak_rss_bytes()).c_str());
    std::fflush(stdout);
  }
  return 0;
}
