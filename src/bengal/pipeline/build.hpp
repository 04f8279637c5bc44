// The build orchestrator: runs discover -> index -> plan -> render -> finalize for one site
// and returns what happened. It never prints; the CLI reports the result.
#pragma once

#include <filesystem>
#include <optional>

#include "bengal/core/diagnostic.hpp"
#include "bengal/pipeline/content_store.hpp"
#include "bengal/report/build_monitor.hpp"
#include "bengal/report/build_report.hpp"

namespace bengal::pipeline {

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::optional<std::filesystem::path> output_dir;  // overrides [build] output_dir
  std::optional<bool> drafts;                       // overrides [build] drafts
  int threads = 0;                                  // 0 = all cores (or [build] threads)
  // Overrides of [build]: memory_optimized, batch_size, hot_percent, cache_size_mb,
  // memory_limit (bytes).
  std::optional<bool> memory_optimized;
  std::optional<size_t> batch_size_pages;
  std::optional<int> hot_percent;
  std::optional<size_t> cache_size_mb;
  std::optional<uint64_t> memory_limit_bytes;
  bool strict = false;  // any error found before rendering stops the build: nothing is written
  // Optional observers: phase snapshots, RSS timeline and progress (monitor); what the build
  // knows for build-report.json (report: filled at the end, with the monitor's records).
  report::BuildMonitor* monitor = nullptr;
  report::BuildReport* report = nullptr;
};

struct BuildStats {
  size_t pages = 0;            // HTML pages rendered (pages, sections, home)
  size_t files_written = 0;    // files whose bytes changed
  size_t files_unchanged = 0;  // files left untouched because their bytes were the same
  size_t static_files = 0;     // files copied from static/, content/ and bundles
  size_t drafts_skipped = 0;
  size_t broken_pages = 0;  // pages reported and not written
  double elapsed_seconds = 0;
  size_t peak_rss_bytes = 0;
  std::filesystem::path output_dir;
  bool config_ok = true;     // false: the config could not be read, nothing was built
  bool stopped = false;      // strict mode found errors before rendering, nothing was written
  bool over_budget = false;  // --memory-limit cannot hold the index: nothing was written
  bool streaming = false;    // the memory policy used
  size_t batches = 0;
  size_t batch_size = 0;
  size_t hubs = 0;
  size_t index_bytes = 0;  // the page table and the link graph
  StoreStats store;
};

// Builds the site. User errors go to `diagnostics`; an exception escapes only for failures
// that make building impossible (for example an output dir that cannot be created).
BuildStats build_site(const BuildOptions& options, Diagnostics& diagnostics);

}  // namespace bengal::pipeline
