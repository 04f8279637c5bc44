#include "bengal/graph/pagerank.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace bengal::graph {

PageRankResult pagerank(const LinkGraph& graph, const PageRankOptions& options) {
  const size_t n = graph.node_count();
  PageRankResult result;
  result.rank.assign(n, 0.0);
  if (graph.active_count() == 0) return result;
  const double nodes = static_cast<double>(graph.active_count());
  auto weight = [&](EdgeKind k) {
    switch (k) {
      case EdgeKind::kLink:
        return options.link_weight;
      case EdgeKind::kSection:
        return options.section_weight;
      case EdgeKind::kSequence:
        return options.sequence_weight;
    }
    return 0.0;
  };
  // Total outgoing weight per page; a page with none is dangling.
  std::vector<double> out_weight(n, 0.0);
  for (PageId p = 0; p < n; ++p)
    for (EdgeKind k : graph.kinds(p)) out_weight[p] += weight(k);

  std::vector<double> rank(n, 0.0), next(n, 0.0), share(n, 0.0);
  for (PageId p = 0; p < n; ++p)
    if (graph.active(p)) rank[p] = 1.0 / nodes;
  const double d = options.damping;
  for (int it = 0; it < options.max_iterations; ++it) {
    // Mass of dangling pages, summed in id order so every run adds the same numbers.
    double dangling = 0;
    for (PageId p = 0; p < n; ++p) {
      if (!graph.active(p)) continue;
      if (out_weight[p] > 0)
        share[p] = rank[p] / out_weight[p];
      else
        dangling += rank[p];
    }
    const double base = (1.0 - d) / nodes + d * dangling / nodes;
    // Each page sums its incoming edges itself: no two threads write the same slot.
    tbb::parallel_for(tbb::blocked_range<PageId>(0, static_cast<PageId>(n), 4096),
                      [&](const tbb::blocked_range<PageId>& r) {
                        for (PageId p = r.begin(); p != r.end(); ++p) {
                          if (!graph.active(p)) continue;
                          double sum = 0;
                          auto from = graph.sources(p);
                          auto kinds = graph.source_kinds(p);
                          for (size_t i = 0; i < from.size(); ++i)
                            sum += share[from[i]] * weight(kinds[i]);
                          next[p] = base + d * sum;
                        }
                      });
    double change = 0;
    for (PageId p = 0; p < n; ++p) change = std::max(change, std::abs(next[p] - rank[p]));
    rank.swap(next);
    result.iterations = it + 1;
    result.last_change = change;
    if (change < options.tolerance) break;
  }
  result.rank = std::move(rank);
  return result;
}

std::vector<PageId> top_n(const LinkGraph& graph, const std::vector<double>& rank, size_t n,
                          const std::function<bool(PageId, PageId)>& tie_less) {
  std::vector<PageId> nodes;
  nodes.reserve(graph.active_count());
  for (PageId p = 0; p < graph.node_count(); ++p)
    if (graph.active(p)) nodes.push_back(p);
  n = std::min(n, nodes.size());
  std::partial_sort(nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>(n), nodes.end(),
                    [&](PageId a, PageId b) {
                      if (rank[a] != rank[b]) return rank[a] > rank[b];
                      return tie_less(a, b);
                    });
  nodes.resize(n);
  return nodes;
}

size_t hub_count(size_t nodes, double percent) {
  if (nodes == 0 || percent <= 0) return 0;
  auto count = static_cast<size_t>(std::ceil(static_cast<double>(nodes) * percent / 100.0));
  return std::clamp<size_t>(count, 1, nodes);
}

}  // namespace bengal::graph
