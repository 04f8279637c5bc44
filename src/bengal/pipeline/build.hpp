// The build orchestrator: runs load (discover, index) -> analyse (graph) -> plan -> render
// batches -> finalize for one site and returns what happened. It never prints; the CLI
// reports the result.
#pragma once

#include <filesystem>
#include <optional>

#include "bengal/core/diagnostic.hpp"
#include "bengal/pipeline/load_site.hpp"
#include "bengal/pipeline/shard_plan.hpp"
#include "bengal/report/build_monitor.hpp"
#include "bengal/report/build_report.hpp"

namespace bengal::pipeline {

// The incremental build cache in SITE/.bengal/ (cache/build_cache.hpp).
enum class CacheMode {
  kUse,  // read it (a warm build re-renders only what changed) and store the new state
  kOff,  // --no-cache: build cold and leave the cache as it is
};

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::optional<std::filesystem::path> output_dir;  // overrides [build] output_dir
  std::optional<bool> drafts;                       // overrides [build] drafts
  int threads = 0;                                  // 0 = all cores (or [build] threads)
  // The environment of a config directory; empty: BENGAL_ENV, CI or "local".
  std::string environment;
  std::optional<std::string> baseurl;  // --baseurl: replaces [site] baseurl
  bool keep_base_path = false;         // `baseurl` keeps the path of [site] baseurl (serve)
  PublishOptions publish;              // --build-future, --build-expired
  // Overrides of [build]: memory_optimized, batch_size, hot_percent, cache_size_mb,
  // memory_limit (bytes).
  std::optional<bool> memory_optimized;
  std::optional<size_t> batch_size_pages;
  std::optional<int> hot_percent;
  std::optional<size_t> cache_size_mb;
  std::optional<uint64_t> memory_limit_bytes;
  bool strict = false;  // any error found before rendering stops the build: nothing is written
  // --strict-templates: an undefined variable, attribute or key in a template is an error.
  bool strict_templates = false;
  CacheMode cache = CacheMode::kUse;
  // The cache's file in SITE/.bengal/ (empty: one per output folder, cache.db for the
  // configured one; Incremental::cache_file), and what names the output in its key (empty: the
  // output folder's absolute path). `bengal serve` keeps its own cache, and builds each version
  // of the site into a new folder that it names the same.
  std::string cache_file;
  std::string output_identity;
  // --clean: also remove the files of the output folder that this build did not write (nor
  // keep from the build before), as listed by the cache's manifest of outputs.
  bool clean = false;
  // Every file through a temporary file and a rename, even into a folder the build has just
  // made in an output folder that was empty (output/writer.hpp): for `bengal serve`, whose
  // server reads the folder while it builds.
  bool rename_into_place = false;
  // --shard K/N: render only this job's part of the site, and leave in the output folder what
  // `bengal merge` needs to join the N folders (shard_plan.hpp, shard_parts.hpp).
  ShardSpec shard;
  // A multilingual site's language to build (config/languages.hpp), its output folder already
  // that language's; empty: the default language. `reserved_folders`: folders of the output
  // that other languages' builds write, which --clean leaves to them.
  std::string language;
  std::vector<std::string> reserved_folders;
  // Optional observer: phase snapshots, RSS timeline, page timings and progress.
  report::BuildMonitor* monitor = nullptr;
};

// Builds the site and says how it went: the statistics and, from the monitor, the phases.
// User errors go to `diagnostics`; an exception escapes only for failures that make building
// impossible (an output dir that cannot be created, a full device, files not written).
report::BuildReport build_site(const BuildOptions& options, Diagnostics& diagnostics);

}  // namespace bengal::pipeline
