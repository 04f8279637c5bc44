// `bengal graph`: the link graph of a site, PageRank, hubs, orphans and connected parts,
// without rendering anything.
#pragma once

#include <filesystem>
#include <string>

#include "bengal/core/diagnostic.hpp"

namespace bengal::cli {

enum class GraphFormat { kText, kJson, kDot };

struct GraphOptions {
  std::filesystem::path site_dir = ".";
  GraphFormat format = GraphFormat::kText;
  size_t top = 10;        // pages listed by PageRank
  size_t components = 5;  // largest connected parts listed
  // The environment of a config directory; empty: BENGAL_ENV, CI or "local".
  std::string environment;
};

// Fills `out` with the report; false when the config could not be read.
bool graph_site(const GraphOptions& options, std::string& out, Diagnostics& diagnostics);

}  // namespace bengal::cli
