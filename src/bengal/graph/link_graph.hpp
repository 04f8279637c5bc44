// The link graph of a site: one node per page id, edges stored as compact arrays (CSR).
// Content links (Markdown links and [[wiki]] links that resolve to a page, and with [markdown]
// unsafe raw HTML's <a href> that goes to one) are strong edges;
// the section tree (section -> child) and prev/next in a section are weak edges, which keep
// navigation-only pages reachable without outweighing what authors chose to link.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "bengal/site/link_check.hpp"
#include "bengal/site/site.hpp"

namespace bengal::graph {

enum class EdgeKind : uint8_t { kLink, kSection, kSequence };

struct Edge {
  PageId from;
  PageId to;
  EdgeKind kind;
};

class LinkGraph {
 public:
  LinkGraph() = default;
  // Builds from an edge list over pages [0, node_count). Self-edges are dropped; when a page
  // reaches the same target twice the edge is kept once, with the strongest kind
  // (link > section > sequence). `active` marks the pages that are nodes (empty: all are).
  LinkGraph(size_t node_count, std::vector<Edge> edges, std::vector<bool> active = {});

  size_t node_count() const { return active_.size(); }
  size_t active_count() const { return active_count_; }
  bool active(PageId p) const { return active_[p]; }
  size_t edge_count() const { return targets_.size(); }
  size_t link_count() const { return link_count_; }  // strong edges only

  // Outgoing edges of `p`, targets ascending.
  std::span<const PageId> targets(PageId p) const {
    return {targets_.data() + offsets_[p], offsets_[p + 1] - offsets_[p]};
  }
  std::span<const EdgeKind> kinds(PageId p) const {
    return {kinds_.data() + offsets_[p], offsets_[p + 1] - offsets_[p]};
  }
  // Incoming edges of `p`, sources ascending, with their kinds.
  std::span<const PageId> sources(PageId p) const {
    return {sources_.data() + in_offsets_[p], in_offsets_[p + 1] - in_offsets_[p]};
  }
  std::span<const EdgeKind> source_kinds(PageId p) const {
    return {source_kinds_.data() + in_offsets_[p], in_offsets_[p + 1] - in_offsets_[p]};
  }
  // Strong (content link) edges into `p` from other pages.
  uint32_t inbound_links(PageId p) const { return inbound_links_[p]; }

  // Bytes held by the arrays.
  size_t memory_bytes() const;

 private:
  std::vector<bool> active_;
  size_t active_count_ = 0;
  size_t link_count_ = 0;
  std::vector<uint32_t> offsets_, in_offsets_;
  std::vector<PageId> targets_, sources_;
  std::vector<EdgeKind> kinds_, source_kinds_;
  std::vector<uint32_t> inbound_links_;
};

// The graph of a site's rendered pages: content links resolved through the cross-reference
// index (links to a missing page or anchor are not edges), section -> child, prev/next.
// With `broken`, the links it could not resolve go there, as find_broken_links lists them;
// with `site_paths`, the site links that name no page ("/img/a.png", "/tags/go/", "a.pdf"),
// then each page's image sources and media files that are site links, and with [markdown]
// unsafe its raw HTML's <a href>, <img src> and <video src> that are, for
// site::find_unpublished_paths once every output is claimed.
LinkGraph build_link_graph(const site::Site& site, std::vector<site::LinkProblem>* broken = nullptr,
                           std::vector<site::SiteLink>* site_paths = nullptr);

}  // namespace bengal::graph
