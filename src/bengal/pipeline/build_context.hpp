// What the phases of one build share (build.cpp): the options and observers, then what each
// phase leaves for the ones after it. Internal to the pipeline.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/graph/site_graph.hpp"
#include "bengal/pipeline/build.hpp"
#include "bengal/pipeline/load_site.hpp"
#include "bengal/pipeline/memory_plan.hpp"
#include "bengal/pipeline/shard_plan.hpp"
#include "bengal/site/link_check.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

class Incremental;

struct BuildContext {
  BuildContext(const BuildOptions& options, Diagnostics& diagnostics, report::BuildMonitor& monitor,
               report::BuildReport& report)
      : options(options), diagnostics(diagnostics), monitor(monitor), report(report) {}

  const BuildOptions& options;
  Diagnostics& diagnostics;
  report::BuildMonitor& monitor;
  report::BuildReport& report;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  // load: the config, the pages and the index; where the build reads and writes.
  std::unique_ptr<LoadedSite> loaded;
  std::filesystem::path content_dir;
  std::filesystem::path output_dir;
  SourceTreeOptions sources;
  // analyse: link graph, PageRank, hubs, related pages.
  graph::SiteGraph graph;
  // plan: the memory policy, the render order, what is generated.
  MemoryPlan memory;
  std::vector<std::vector<PageId>> batches;
  std::vector<templates::VirtualPage> generated;  // taxonomy and term pages
  ShardPlan shard;  // what this build renders of the site (all of it when not sharded)
  // The incremental build (incremental.hpp), opened by load; null when the cache is off or
  // cannot be used. (A shared_ptr: its deleter is bound where it is made, so the files that
  // include this header need not see Incremental whole.)
  std::shared_ptr<Incremental> owned_incremental;
  Incremental* incremental = nullptr;

  site::Site& site() { return loaded->site; }
  report::BuildStats& stats() { return report.stats; }
  // Whether the writer lists the files it writes: only the cache and --clean read the list.
  // The render context tells the writer so, and the memory plan reserves room for it.
  bool lists_written_files() const { return incremental != nullptr || options.clean; }
};

}  // namespace bengal::pipeline
