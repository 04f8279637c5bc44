#include "bengal/cli/graph_command.hpp"

#include "bengal/graph/graph_report.hpp"
#include "bengal/pipeline/load_site.hpp"

namespace bengal::cli {

bool graph_site(const GraphOptions& options, std::string& out, Diagnostics& diagnostics) {
  config::LoadOptions config_options;
  config_options.environment = options.environment;
  std::unique_ptr<pipeline::LoadedSite> loaded =
      pipeline::load_site(options.site_dir, std::nullopt, diagnostics, {}, config_options);
  if (!loaded) return false;
  const site::Site& site = loaded->site;
  graph::GraphConfig config = graph::read_graph_config(site, diagnostics);
  config.hot_percent = site.config.hot_percent;
  graph::SiteGraph g = graph::analyze(site, config);
  if (options.format == GraphFormat::kDot) {
    out = graph::format_dot(site, g);
    return true;
  }
  graph::GraphSummary summary = graph::summarize(site, g, config, options.top, options.components);
  out = options.format == GraphFormat::kJson ? graph::format_json(site, g, summary)
                                             : graph::format_text(site, g, summary);
  return true;
}

}  // namespace bengal::cli
