#include "bengal/graph/graph_report.hpp"

#include <fmt/format.h>

#include "bengal/core/json_text.hpp"

namespace bengal::graph {
namespace {

// Ranks with nine significant digits: enough to order a million pages, and stable text.
std::string rank_text(double r) {
  return fmt::format("{:.9g}", r);
}

const char* kind_name(EdgeKind k) {
  switch (k) {
    case EdgeKind::kLink:
      return "link";
    case EdgeKind::kSection:
      return "section";
    case EdgeKind::kSequence:
      return "sequence";
  }
  return "";
}

void append_page(std::string& out, const site::Site& site, const SiteGraph& graph, PageId p) {
  out += "{\"path\": ";
  append_json_string(out, site.source_path(p));
  out += ", \"url\": ";
  append_json_string(out, site.rel_url(p));
  out += ", \"title\": ";
  append_json_string(out, site.str(site.page(p).title));
  out += ", \"pagerank\": " + rank_text(graph.rank(p)) + "}";
}

void append_page_list(std::string& out, const site::Site& site, const SiteGraph& graph,
                      const std::vector<PageId>& pages, std::string_view indent) {
  out += "[";
  for (size_t i = 0; i < pages.size(); ++i) {
    out += i ? ",\n" : "\n";
    out += indent;
    out += "  ";
    append_page(out, site, graph, pages[i]);
  }
  if (!pages.empty()) {
    out += "\n";
    out += indent;
  }
  out += "]";
}

}  // namespace

GraphSummary summarize(const site::Site& site, const SiteGraph& graph, const GraphConfig& config,
                       size_t top, size_t components) {
  GraphSummary s;
  s.pages = graph.links.active_count();
  s.links = graph.links.link_count();
  s.navigation_edges = graph.links.edge_count() - s.links;
  s.broken_links = graph.broken_links.size();
  s.iterations = graph.pagerank.iterations;
  s.hot_percent = config.hot_percent;
  s.orphans = orphans(site, graph.links);
  s.top = top_n(graph.links, graph.pagerank.rank, top, SourcePathLess{site});
  s.hubs = graph.hubs;
  auto parts = link_components(site, graph.links);
  s.component_count = parts.size();
  if (parts.size() > components) parts.resize(components);
  s.largest_components = std::move(parts);
  return s;
}

std::string format_text(const site::Site& site, const SiteGraph& graph, const GraphSummary& s) {
  std::string out;
  out += fmt::format("pages:            {}\n", s.pages);
  out += fmt::format("links:            {}\n", s.links);
  out += fmt::format("navigation edges: {}\n", s.navigation_edges);
  out += fmt::format("broken links:     {}\n", s.broken_links);
  out += fmt::format("orphans:          {}\n", s.orphans.size());
  out += fmt::format("pagerank:         {} iterations\n", s.iterations);
  out += fmt::format("hubs:             {} (top {}%)\n", s.hubs.size(), s.hot_percent);
  out += fmt::format("\nTop {} by PageRank\n", s.top.size());
  for (size_t i = 0; i < s.top.size(); ++i) {
    PageId p = s.top[i];
    out += fmt::format("{:>4}. {:<12} {:<30} {}\n", i + 1, rank_text(graph.rank(p)),
                       site.rel_url(p), site.source_path(p));
  }
  if (!s.orphans.empty()) {
    out += "\nOrphans (no page links here)\n";
    for (PageId p : s.orphans) out += fmt::format("  {}\n", site.source_path(p));
  }
  out += fmt::format("\nConnected parts by links: {}\n", s.component_count);
  for (const auto& part : s.largest_components) {
    out += fmt::format("  {} pages:", part.size());
    constexpr size_t kShown = 5;
    for (size_t i = 0; i < part.size() && i < kShown; ++i)
      out += fmt::format(" {}", site.source_path(part[i]));
    if (part.size() > kShown) out += fmt::format(" (and {} more)", part.size() - kShown);
    out += "\n";
  }
  return out;
}

std::string format_json(const site::Site& site, const SiteGraph& graph, const GraphSummary& s) {
  std::string out = "{\n";
  out += fmt::format("  \"pages\": {},\n  \"links\": {},\n  \"navigation_edges\": {},\n", s.pages,
                     s.links, s.navigation_edges);
  out += fmt::format("  \"broken_links\": {},\n  \"pagerank_iterations\": {},\n", s.broken_links,
                     s.iterations);
  out += "  \"top\": ";
  append_page_list(out, site, graph, s.top, "  ");
  out += ",\n  \"hubs\": {\"percent\": " + fmt::format("{}", s.hot_percent) + ", \"pages\": ";
  append_page_list(out, site, graph, s.hubs, "  ");
  out += "},\n  \"orphans\": ";
  append_page_list(out, site, graph, s.orphans, "  ");
  out += fmt::format(",\n  \"components\": {{\"count\": {}, \"largest\": [", s.component_count);
  for (size_t i = 0; i < s.largest_components.size(); ++i) {
    const auto& part = s.largest_components[i];
    out += i ? ",\n" : "\n";
    out += fmt::format("    {{\"size\": {}, \"pages\": [", part.size());
    for (size_t k = 0; k < part.size(); ++k) {
      if (k) out += ", ";
      append_json_string(out, site.source_path(part[k]));
    }
    out += "]}";
  }
  out += s.largest_components.empty() ? "]}\n}\n" : "\n  ]}\n}\n";
  return out;
}

std::string format_dot(const site::Site& site, const SiteGraph& graph) {
  // DOT strings take the same escapes as JSON for quotes and backslashes.
  auto quoted = [](std::string_view text) {
    std::string q;
    append_json_string(q, text);
    return q;
  };
  std::string out = "digraph site {\n  node [shape=box];\n";
  for (PageId p : site.rendered())
    out += fmt::format("  {} [label={}, URL={}];\n", quoted(site.source_path(p)),
                       quoted(site.str(site.page(p).title)), quoted(site.rel_url(p)));
  for (PageId p : site.rendered()) {
    auto targets = graph.links.targets(p);
    auto kinds = graph.links.kinds(p);
    for (size_t i = 0; i < targets.size(); ++i) {
      const char* style = kinds[i] == EdgeKind::kLink      ? ""
                          : kinds[i] == EdgeKind::kSection ? " [style=dashed]"
                                                           : " [style=dotted]";
      out += fmt::format("  {} -> {}{};\n", quoted(site.source_path(p)),
                         quoted(site.source_path(targets[i])), style);
    }
  }
  out += "}\n";
  return out;
}

void write_graph_json(const site::Site& site, const SiteGraph& graph,
                      const std::function<void(std::string_view)>& sink) {
  constexpr size_t kChunk = 1 << 20;
  std::string out = "{\"nodes\": [";
  // Node ids are positions in the rendered list, so they are dense.
  std::vector<uint32_t> node(site.table.pages.size(), UINT32_MAX);
  auto flush = [&](bool force) {
    if (force || out.size() >= kChunk) {
      sink(out);
      out.clear();
    }
  };
  uint32_t next = 0;
  for (PageId p : site.rendered()) {
    node[p] = next;
    out += next ? ",\n" : "\n";
    out += fmt::format("  {{\"id\": {}, \"url\": ", next);
    append_json_string(out, site.rel_url(p));
    out += ", \"title\": ";
    append_json_string(out, site.str(site.page(p).title));
    out += ", \"section\": ";
    append_json_string(out, site.str(site.page(p).dir));
    // No hub flag: the hub share is a memory setting, and the output never depends on those.
    out += ", \"pagerank\": " + rank_text(graph.rank(p)) + "}";
    ++next;
    flush(false);
  }
  out += "\n], \"edges\": [";
  bool first = true;
  for (PageId p : site.rendered()) {
    auto targets = graph.links.targets(p);
    auto kinds = graph.links.kinds(p);
    for (size_t i = 0; i < targets.size(); ++i) {
      out += first ? "\n" : ",\n";
      first = false;
      out += fmt::format("  {{\"source\": {}, \"target\": {}, \"kind\": \"{}\"}}", node[p],
                         node[targets[i]], kind_name(kinds[i]));
      flush(false);
    }
  }
  out += "\n]}\n";
  flush(true);
}

}  // namespace bengal::graph
