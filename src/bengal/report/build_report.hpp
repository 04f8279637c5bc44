// What `bengal build --profile-memory` and `--report` tell a site owner about a build: where
// time and memory went, phase by phase. The build fills a BuildReport; this header turns it
// into the profiler's table, build-report.json and the self-contained build-report.html.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace bengal::report {

// One snapshot, taken when a phase ends: discover, index, graph, plan, each render batch
// ("render 1/12"), finalize.
struct PhaseSample {
  std::string name;
  double start_seconds = 0;   // since the build started
  double seconds = 0;         // how long the phase took
  size_t rss_bytes = 0;       // resident set size when the phase ended
  size_t peak_rss_bytes = 0;  // process peak so far
  size_t store_pages = 0;     // pages whose HTML the content store holds
  size_t store_bytes = 0;     // bytes the content store holds
  size_t index_bytes = 0;     // page table, link graph and related pages (0 before the index)
  size_t pages_done = 0;      // pages rendered so far
};

// The sampler thread's RSS timeline, one point every 10 ms.
struct RssPoint {
  double seconds = 0;
  size_t rss_bytes = 0;
};

struct PageCount {
  std::string kind;  // "regular", "section", "home", "taxonomy", "term", "404"
  size_t count = 0;
};

struct TierReport {
  std::string name;  // "hot", "warm", "cold"
  size_t pages = 0;  // pages assigned to the tier
  size_t hits = 0;
  size_t misses = 0;
  size_t resident_bytes = 0;  // at the end of the build
};

struct PageTiming {
  std::string source;  // "content/docs/intro.md", or the URL of a generated page
  std::string url;
  std::string template_name;
  double seconds = 0;
};

struct TemplateTiming {
  std::string name;
  size_t pages = 0;
  double seconds = 0;  // summed over the pages rendered with it
};

struct ReportDiagnostic {
  std::string severity;  // "error" or "warning"
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
};

// How a build ended. Only kBuilt wrote anything.
enum class BuildOutcome {
  kBuilt,        // the site was written; pages reported as broken were skipped
  kConfigError,  // the config could not be read or the output folder was refused
  kStrictStop,   // --strict: errors were found before rendering
  kOverBudget,   // --memory-limit cannot hold the index
};

// What a build did, in figures: the summary line, build-report.json and the HTML report.
struct BuildStats {
  BuildOutcome outcome = BuildOutcome::kBuilt;
  std::string output_dir;
  std::string policy;  // the memory policy used: "streaming" or "full"
  size_t threads = 0;
  size_t batch_size = 0;
  size_t batches = 0;
  size_t hubs = 0;
  double elapsed_seconds = 0;
  size_t peak_rss_bytes = 0;
  size_t index_bytes = 0;       // the page table, the link graph and related pages
  size_t index_cold_bytes = 0;  // the index's rarely read text, in a scratch file (not memory)
  size_t pages = 0;             // HTML files rendered (pages, pagers, generated pages)
  size_t files_written = 0;     // files whose bytes changed
  size_t files_unchanged = 0;   // files left untouched because their bytes were the same
  size_t static_files = 0;      // files copied from static/, content/ and bundles
  size_t drafts_skipped = 0;
  size_t broken_pages = 0;  // pages reported and not written
  // Incremental builds: pages and generated pages rendered, and those whose recorded inputs
  // were unchanged so their files were kept; `cache_note` says why a build ran cold (empty
  // when it was warm, or the cache was off).
  size_t renders = 0;
  size_t renders_reused = 0;
  size_t sources_reused = 0;  // page files whose parse was read from the cache
  size_t stale_files_removed = 0;
  size_t site_files_kept = 0;  // site-wide files kept as the last build left them (search shards)
  std::string cache_note;
};

struct BuildReport {
  std::string bengal_version;
  std::string site_dir;
  BuildStats stats;
  std::vector<PhaseSample> phases;
  std::vector<RssPoint> timeline;
  std::vector<PageCount> pages;
  std::vector<TierReport> tiers;
  std::vector<PageTiming> slowest_pages;      // slowest first, at most 20
  std::vector<TemplateTiming> templates;      // slowest total first
  std::vector<ReportDiagnostic> diagnostics;  // warnings and errors, in report order
};

// The highest RSS the report saw: the build's peak, any phase's RSS or peak, any sample.
size_t highest_rss(const BuildReport& report);

// The --profile-memory table: one line per phase with its RSS and the change from the phase
// before, then the peak.
std::string format_memory_table(const BuildReport& report);

// build-report.json: the schema documented in docs/content/reference/build-report.md.
std::string report_json(const BuildReport& report);

// build-report.html: one file, no scripts or outside resources; charts as inline SVG.
std::string report_html(const BuildReport& report);

}  // namespace bengal::report
