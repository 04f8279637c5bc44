// What `bengal graph` prints and what the build writes to graph.json, from the index and the
// graph alone (nothing is rendered).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "bengal/graph/site_graph.hpp"

namespace bengal::graph {

struct GraphSummary {
  size_t pages = 0;
  size_t links = 0;             // content links between pages (one per page pair)
  size_t navigation_edges = 0;  // section -> child and prev/next
  size_t broken_links = 0;
  int iterations = 0;
  double hot_percent = 10;
  std::vector<PageId> orphans;  // by source path
  std::vector<PageId> top;      // by PageRank
  std::vector<PageId> hubs;     // by PageRank
  size_t component_count = 0;   // parts with at least one link
  std::vector<std::vector<PageId>> largest_components;
};

// `top` pages by PageRank and the `components` largest parts are kept.
GraphSummary summarize(const site::Site& site, const SiteGraph& graph, const GraphConfig& config,
                       size_t top, size_t components);

// The three formats of `bengal graph`; JSON follows the schema in docs/ (reference/graph).
std::string format_text(const site::Site& site, const SiteGraph& graph, const GraphSummary& s);
std::string format_json(const site::Site& site, const SiteGraph& graph, const GraphSummary& s);
// Graphviz: every page a node (labelled with its title), content links solid, section edges
// dashed, prev/next dotted.
std::string format_dot(const site::Site& site, const SiteGraph& graph);

// graph.json of the build: {"nodes": [{id, url, title, section, pagerank}], "edges":
// [{source, target, kind}]}, node ids numbered in page id order. Written through `sink` in
// pieces so a large site never holds the whole file.
void write_graph_json(const site::Site& site, const SiteGraph& graph,
                      const std::function<void(std::string_view)>& sink);

}  // namespace bengal::graph
