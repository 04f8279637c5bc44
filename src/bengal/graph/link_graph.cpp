#include "bengal/graph/link_graph.hpp"

#include <algorithm>
#include <atomic>

#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include "bengal/core/string_pool.hpp"

namespace bengal::graph {
namespace {

// Counting sort of `edges` by `key` into CSR offsets: O(nodes + edges), stable.
template <typename Key>
std::vector<uint32_t> bucket(size_t nodes, const std::vector<Edge>& edges, Key key,
                             std::vector<uint32_t>& order) {
  std::vector<uint32_t> offsets(nodes + 1, 0);
  for (const Edge& e : edges) ++offsets[key(e) + 1];
  for (size_t i = 0; i < nodes; ++i) offsets[i + 1] += offsets[i];
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  order.resize(edges.size());
  for (uint32_t i = 0; i < edges.size(); ++i) order[next[key(edges[i])]++] = i;
  return offsets;
}

}  // namespace

LinkGraph::LinkGraph(size_t node_count, std::vector<Edge> edges, std::vector<bool> active)
    : active_(active.empty() ? std::vector<bool>(node_count, true) : std::move(active)) {
  active_count_ = static_cast<size_t>(std::count(active_.begin(), active_.end(), true));
  std::erase_if(edges, [&](const Edge& e) {
    return e.from == e.to || e.from >= node_count || e.to >= node_count || !active_[e.from] ||
           !active_[e.to];
  });
  // One edge per (from, to): sort, then keep the strongest kind (the lowest enum value).
  // A total order of the values: equal edges are alike, so the parallel sort's order is the
  // serial one's.
  tbb::parallel_sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.to != b.to) return a.to < b.to;
    return a.kind < b.kind;
  });
  edges.erase(
      std::unique(edges.begin(), edges.end(),
                  [](const Edge& a, const Edge& b) { return a.from == b.from && a.to == b.to; }),
      edges.end());

  std::vector<uint32_t> order;
  offsets_ = bucket(
      node_count, edges, [](const Edge& e) { return e.from; }, order);
  targets_.reserve(edges.size());
  kinds_.reserve(edges.size());
  for (uint32_t i : order) {
    targets_.push_back(edges[i].to);
    kinds_.push_back(edges[i].kind);
  }
  // Edges are sorted by source, so each in-list comes out with sources ascending.
  in_offsets_ = bucket(
      node_count, edges, [](const Edge& e) { return e.to; }, order);
  sources_.reserve(edges.size());
  source_kinds_.reserve(edges.size());
  inbound_links_.assign(node_count, 0);
  for (uint32_t i : order) {
    sources_.push_back(edges[i].from);
    source_kinds_.push_back(edges[i].kind);
    if (edges[i].kind == EdgeKind::kLink) {
      ++inbound_links_[edges[i].to];
      ++link_count_;
    }
  }
}

size_t LinkGraph::memory_bytes() const {
  return active_.size() / 8 + (offsets_.size() + in_offsets_.size()) * sizeof(uint32_t) +
         (targets_.size() + sources_.size()) * sizeof(PageId) + kinds_.size() +
         source_kinds_.size() + inbound_links_.size() * sizeof(uint32_t);
}

namespace {

// The edges from page `id` into `found`; with `broken`, its links to a missing page or anchor;
// with `site_paths`, its links, images and media that are site links naming no page (see
// build_link_graph).
void add_page(const site::Site& site, PageId id, std::vector<Edge>& found,
              std::vector<site::LinkProblem>* broken, std::vector<site::SiteLink>* site_paths) {
  const auto& t = site.table;
  // An edge for a link resolved, a problem for one broken; false for any other.
  auto take = [&](std::string_view target, uint32_t line, const site::LinkTarget& r) {
    if (r.status == site::LinkTarget::Status::kResolved) {
      found.push_back({id, r.page, EdgeKind::kLink});
    } else if (broken != nullptr && site::is_broken(r.status)) {
      broken->push_back({id, line, std::string(target), r.status});
    } else {
      return false;
    }
    return true;
  };
  auto site_path = [&](StrId target_id, uint32_t line, bool as_written) {
    if (site_paths != nullptr)
      site_paths->push_back({id, line, target_id, site::RefKind::kLink, as_written});
  };
  // A Markdown or wiki link that is neither, to a site path, is checked once every output is
  // claimed.
  site::for_each_link(
      site, id,
      [&](StrId target_id, std::string_view target, uint32_t line, const site::LinkTarget& r) {
        if (!take(target, line, r) && site::is_site_link(target)) site_path(target_id, line, false);
      });
  // Raw HTML's <a href> to a page links to it as a Markdown link does, where raw HTML is
  // published. Raw HTML is taken as written, so each of its site links is checked where a
  // browser goes, not read as a reference to a page's file.
  site::for_each_html_link(
      site, id,
      [&](StrId target_id, std::string_view target, uint32_t line, const site::LinkTarget& r) {
        take(target, line, r);
        if (site::is_site_link(target)) site_path(target_id, line, true);
      });
  const content::PageExtras& e = t.extras_of(t.pages[id]);
  if (site_paths != nullptr) {
    auto add = [&](content::StrRange list, content::StrRange line_list, site::RefKind kind,
                   bool as_written = false) {
      auto refs = t.list(list);
      auto lines = t.number_list(line_list);
      for (size_t i = 0; i < refs.size(); ++i) {
        if (site::is_site_link(t.str(refs[i])))
          site_paths->push_back({id, i < lines.size() ? lines[i] : 0, refs[i], kind, as_written});
      }
    };
    add(e.images, e.image_lines, site::RefKind::kImage);
    add(e.media, e.media_lines, site::RefKind::kMedia);
    // Raw HTML's images, media and embedded files, as written too, where it is published.
    if (site::publishes_raw_html(site, id)) {
      add(e.html_images, e.html_image_lines, site::RefKind::kImage, true);
      add(e.html_media, e.html_media_lines, site::RefKind::kMedia, true);
      add(e.html_embeds, e.html_embed_lines, site::RefKind::kEmbed, true);
    }
  }
  if (t.pages[id].kind != content::PageKind::kPage) {
    for (PageId c : site.pages_of(id)) found.push_back({id, c, EdgeKind::kSection});
    for (PageId c : site.sections_of(id)) found.push_back({id, c, EdgeKind::kSection});
  }
  if (site.prev_in_section[id] != kNoPage)
    found.push_back({id, site.prev_in_section[id], EdgeKind::kSequence});
  if (site.next_in_section[id] != kNoPage)
    found.push_back({id, site.next_in_section[id], EdgeKind::kSequence});
}

}  // namespace

LinkGraph build_link_graph(const site::Site& site, std::vector<site::LinkProblem>* broken,
                           std::vector<site::SiteLink>* site_paths) {
  const auto& t = site.table;
  std::span<const PageId> rendered = site.rendered();
  std::vector<bool> active(t.pages.size(), false);
  for (PageId id : rendered) active[id] = true;
  // Pages resolve their links in parallel, a chunk at a time, into one vector sized for every
  // link resolving: it never grows, so it is never held twice while it doubles, and its order
  // does not matter, as LinkGraph sorts the edges.
  size_t bound = 0;
  for (PageId id : rendered) {
    const auto& m = t.pages[id];
    const content::PageExtras& e = t.extras_of(m);
    bound += m.links.count + e.wiki_links.count + e.html_links.count + 2;
    if (m.kind != content::PageKind::kPage)
      bound += site.pages_of(id).size() + site.sections_of(id).size();
  }
  std::vector<Edge> edges(bound);
  std::atomic<size_t> used{0};
  constexpr size_t kChunk = 1024;
  size_t chunks = (rendered.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<site::LinkProblem>> problems(chunks);
  std::vector<std::vector<site::SiteLink>> paths(chunks);
  tbb::parallel_for(size_t{0}, chunks, [&](size_t chunk) {
    std::vector<Edge> found;
    ColdPass cold(t.strings);  // links as written are cold text
    for (size_t k = chunk * kChunk; k < std::min(rendered.size(), (chunk + 1) * kChunk); ++k) {
      cold.next();
      add_page(site, rendered[k], found, broken != nullptr ? &problems[chunk] : nullptr,
               site_paths != nullptr ? &paths[chunk] : nullptr);
    }
    std::copy(found.begin(), found.end(), edges.begin() + used.fetch_add(found.size()));
  });
  edges.resize(used.load());
  auto append = [](auto* to, auto& chunks_found) {
    if (to != nullptr)
      for (auto& p : chunks_found) to->insert(to->end(), p.begin(), p.end());
  };
  append(broken, problems);
  append(site_paths, paths);
  return LinkGraph(t.pages.size(), std::move(edges), std::move(active));
}

}  // namespace bengal::graph
