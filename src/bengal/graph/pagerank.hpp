// PageRank over the link graph by power iteration. Each page passes its rank along its
// outgoing edges in proportion to their weights (content links count fully, navigation edges
// less); pages without outgoing edges spread theirs evenly over all pages, so the ranks always
// sum to 1. Each iteration pulls along incoming edges in a fixed order, so the result is the
// same at any thread count.
#pragma once

#include <functional>
#include <vector>

#include "bengal/graph/link_graph.hpp"

namespace bengal::graph {

struct PageRankOptions {
  double damping = 0.85;
  int max_iterations = 100;
  double tolerance = 1e-6;  // stop when no rank changes by more than this
  // Weight of an edge by kind: a content link, section -> child, prev/next.
  double link_weight = 1.0;
  double section_weight = 0.5;
  double sequence_weight = 0.25;
};

struct PageRankResult {
  std::vector<double> rank;  // by page id; 0 for pages that are not nodes
  int iterations = 0;
  double last_change = 0;  // the largest change of the last iteration
};

PageRankResult pagerank(const LinkGraph& graph, const PageRankOptions& options = {});

// The `n` nodes of highest rank, highest first, ties broken by `tie_less` (for a site: source
// path order), so the list is the same on every run.
std::vector<PageId> top_n(const LinkGraph& graph, const std::vector<double>& rank, size_t n,
                          const std::function<bool(PageId, PageId)>& tie_less);

// How many pages are hubs: `percent` of the nodes, rounded up (at least one if any).
size_t hub_count(size_t nodes, double percent);

}  // namespace bengal::graph
