#include "bengal/graph/site_graph.hpp"

#include <algorithm>
#include <numeric>

#include <tbb/parallel_sort.h>

namespace bengal::graph {
namespace {

// Reads a number >= `min` from [related]; reports anything else.
void read_number(const site::Site& site, const Value& v, const std::string& path, double min,
                 double& out, Diagnostics& diagnostics) {
  if (v.is_number() && v.as_float() >= min) {
    out = v.as_float();
    return;
  }
  auto at = site.config.document.place_of(path);
  diagnostics.add(make_error(at.file, at.line, at.column,
                             path + " must be a number of at least " +
                                 std::to_string(static_cast<int>(min)) + ", not " +
                                 (v.is_number() ? "a smaller one" : v.type_name())));
}

}  // namespace

GraphConfig read_graph_config(const site::Site& site, Diagnostics& diagnostics) {
  GraphConfig config;
  const Value* related = site.config.raw.find("related");
  if (related == nullptr || !related->is_table()) return config;
  for (const auto& [key, v] : related->as_table()) {
    std::string path = "related." + key;
    double number = 0;
    if (key == "count") {
      number = static_cast<double>(config.related.count);
      read_number(site, v, path, 0, number, diagnostics);
      config.related.count = static_cast<size_t>(number);
    } else if (key == "max_scan") {
      number = static_cast<double>(config.related.max_scan);
      read_number(site, v, path, 1, number, diagnostics);
      config.related.max_scan = static_cast<size_t>(number);
    } else if (key == "section_weight") {
      read_number(site, v, path, 0, config.related.section_bonus, diagnostics);
    } else if (key == "weights" && v.is_table()) {
      for (const auto& [tax, w] : v.as_table()) {
        double weight = 1;
        read_number(site, w, path + "." + tax, 0, weight, diagnostics);
        config.taxonomy_weights.emplace_back(tax, weight);
      }
    } else {
      auto at = site.config.document.place_of(path);
      diagnostics.add(make_warning(
          at.file, at.line, at.column,
          "unknown key '" + key +
              "' in [related] is ignored; known keys: count, section_weight, max_scan, weights"));
    }
  }
  return config;
}

SiteGraph analyze(const site::Site& site, const GraphConfig& config) {
  SiteGraph g;
  g.links = build_link_graph(site, &g.broken_links, &g.site_path_links);
  g.pagerank = pagerank(g.links, config.pagerank);
  g.hubs = top_n(g.links, g.pagerank.rank, hub_count(g.links.active_count(), config.hot_percent),
                 SourcePathLess{site});
  g.is_hub.assign(site.table.pages.size(), false);
  for (PageId p : g.hubs) g.is_hub[p] = true;

  // Related pages among the regular pages with a URL (not `render: never`); ties go to the
  // newer page, then by path.
  RelatedInput in;
  in.page_count = site.table.pages.size();
  std::vector<PageId> linked;
  in.pages = site.with_url(site.regular_pages, linked);
  for (const auto& tax : site.taxonomies) {
    double weight = 1;
    for (const auto& [name, w] : config.taxonomy_weights)
      if (name == tax.def.plural) weight = w;
    for (const auto& term : tax.terms) in.terms.push_back({weight, term.pages});
  }
  std::vector<PageId> section(in.page_count, kNoPage);
  for (PageId p = 0; p < in.page_count; ++p) section[p] = site.page(p).section;
  std::vector<PageId> order(site.regular_pages);
  // A total order (source paths differ), so any sort gives one result.
  tbb::parallel_sort(order.begin(), order.end(), [&](PageId a, PageId b) {
    const auto &ma = site.page(a), &mb = site.page(b);
    if (ma.date.epoch_seconds != mb.date.epoch_seconds)
      return ma.date.epoch_seconds > mb.date.epoch_seconds;
    return site.source_path_less(a, b);
  });
  std::vector<uint32_t> tie_rank(in.page_count, UINT32_MAX);
  for (uint32_t i = 0; i < order.size(); ++i) tie_rank[order[i]] = i;
  in.section = section;
  in.tie_rank = tie_rank;
  g.related = related_pages(in, config.related, config.related_memo);
  return g;
}

std::vector<PageId> orphans(const site::Site& site, const LinkGraph& graph) {
  std::vector<PageId> out;
  for (PageId p : site.rendered())
    if (p != site.home && graph.inbound_links(p) == 0) out.push_back(p);
  std::sort(out.begin(), out.end(), SourcePathLess{site});
  return out;
}

std::vector<std::vector<PageId>> link_components(const site::Site& site, const LinkGraph& graph) {
  // Union-find with path halving and union by size: near-linear in pages + links.
  const size_t n = graph.node_count();
  std::vector<PageId> parent(n);
  std::iota(parent.begin(), parent.end(), PageId{0});
  std::vector<uint32_t> size(n, 1);
  auto find = [&](PageId x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<bool> linked(n, false);
  for (PageId p = 0; p < n; ++p) {
    auto targets = graph.targets(p);
    auto kinds = graph.kinds(p);
    for (size_t i = 0; i < targets.size(); ++i) {
      if (kinds[i] != EdgeKind::kLink) continue;
      linked[p] = linked[targets[i]] = true;
      PageId a = find(p), b = find(targets[i]);
      if (a == b) continue;
      if (size[a] < size[b]) std::swap(a, b);
      parent[b] = a;
      size[a] += size[b];
    }
  }
  std::vector<std::vector<PageId>> parts;
  std::vector<uint32_t> index(n, UINT32_MAX);
  std::vector<PageId> by_path;
  for (PageId p = 0; p < n; ++p)
    if (linked[p]) by_path.push_back(p);
  std::sort(by_path.begin(), by_path.end(), SourcePathLess{site});
  for (PageId p : by_path) {
    PageId root = find(p);
    if (index[root] == UINT32_MAX) {
      index[root] = static_cast<uint32_t>(parts.size());
      parts.emplace_back();
    }
    parts[index[root]].push_back(p);
  }
  // Parts were created in the path order of their first page: a stable sort by size keeps it.
  std::stable_sort(parts.begin(), parts.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return parts;
}

}  // namespace bengal::graph
