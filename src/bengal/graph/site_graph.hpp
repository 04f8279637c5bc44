// The index phase's analysis layer: the link graph, PageRank, hubs and related pages of a site,
// computed from PageMeta alone (no page bodies), in time near-linear in pages + links.
#pragma once

#include <string>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/graph/link_graph.hpp"
#include "bengal/graph/pagerank.hpp"
#include "bengal/graph/related.hpp"
#include "bengal/site/link_check.hpp"
#include "bengal/site/site.hpp"

namespace bengal::graph {

struct GraphConfig {
  PageRankOptions pagerank;
  RelatedOptions related;
  // [related.weights]: taxonomy (plural name) -> weight; taxonomies not named weigh 1.
  std::vector<std::pair<std::string, double>> taxonomy_weights;
  double hot_percent = 10;              // hubs: the top pages by PageRank
  RelatedMemo* related_memo = nullptr;  // related pages of the last build, if any
};

// Reads [related] (count, section_weight, max_scan, weights.<taxonomy>) from the config.
// Bad values are reported with the config file's line and column and the default is kept.
GraphConfig read_graph_config(const site::Site& site, Diagnostics& diagnostics);

struct SiteGraph {
  LinkGraph links;
  PageRankResult pagerank;
  std::vector<PageId> hubs;  // top hot_percent by PageRank, ties by source path; rank order
  std::vector<bool> is_hub;  // by page id
  RelatedPages related;
  // The links the graph could not resolve, as site::find_broken_links lists them: found in
  // the same pass, so a build resolves each link once.
  std::vector<site::LinkProblem> broken_links;
  // The links to a site path that is no page, in the same order: whether the site publishes
  // anything there is known once every output is claimed (site::find_unpublished_paths).
  std::vector<site::SiteLink> site_path_links;

  double rank(PageId p) const { return p < pagerank.rank.size() ? pagerank.rank[p] : 0.0; }
};

SiteGraph analyze(const site::Site& site, const GraphConfig& config);

// Orders pages by source path: the tie break of every ranking.
struct SourcePathLess {
  const site::Site& site;
  bool operator()(PageId a, PageId b) const { return site.source_path_less(a, b); }
};

// Pages no content link points to (the home page is never an orphan), by source path.
std::vector<PageId> orphans(const site::Site& site, const LinkGraph& graph);

// Connected parts of the graph of content links (links taken as undirected; navigation edges
// would join every page through the section tree). Largest first, then by the source path of
// their first page; each lists its pages by source path. Pages without any link are parts of
// one and are left out.
std::vector<std::vector<PageId>> link_components(const site::Site& site, const LinkGraph& graph);

}  // namespace bengal::graph
