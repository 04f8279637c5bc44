// Watches one build for the memory profiler, the build report and the progress line. The
// build tells it when a phase ends and when a page is rendered; it takes the snapshots, runs
// the RSS sampler and calls the progress callback. It never prints: the CLI does.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bengal/report/build_report.hpp"

namespace bengal::report {

// What the progress callback sees: the phase running now and, while rendering, how far it
// has come.
struct Progress {
  std::string phase;          // "discover", "render 3/12", ...
  bool phase_ended = false;   // true: `phase` just ended (one call per phase); false: a tick
  size_t pages_done = 0;      // pages rendered so far
  size_t pages_total = 0;     // pages to render (0 before the plan)
  double seconds = 0;         // since the build started
  double render_seconds = 0;  // since rendering started (0 before)
  size_t rss_bytes = 0;
};

// What the content store and the index hold when a phase ends.
struct Resident {
  size_t store_pages = 0;
  size_t store_bytes = 0;
  size_t index_bytes = 0;
};

struct MonitorOptions {
  bool sample_rss = false;  // record an RSS timeline every 10 ms (profiler, report)
  bool time_pages = false;  // time every page and template (report)
  std::function<void(const Progress&)> progress;  // called from the build and a ticker thread
  std::chrono::milliseconds tick{100};            // how often `progress` gets a tick
};

class BuildMonitor {
 public:
  explicit BuildMonitor(MonitorOptions options);
  ~BuildMonitor();
  BuildMonitor(const BuildMonitor&) = delete;
  BuildMonitor& operator=(const BuildMonitor&) = delete;

  // A phase starts; progress ticks show its name until it ends. Called by the build's
  // thread only, like end_phase.
  void start_phase(std::string name);
  // Ends the running phase and takes its snapshot.
  void end_phase(Resident resident = {});
  // Pages the render phase will render, for the progress line.
  void set_total(size_t pages) { pages_total_ = pages; }
  void render_started();
  // A page (or generated page) has been rendered; thread-safe.
  void page_done() { pages_done_.fetch_add(1, std::memory_order_relaxed); }
  bool times_pages() const { return options_.time_pages; }
  // Thread-safe.
  void add_timing(PageTiming timing);

  // Stops the sampler and moves what was recorded into `report`: phases, timeline, the slowest
  // pages and the templates by total time.
  void finish(BuildReport& report);
  // Stops the ticker thread (no more progress calls); finish and the destructor call it too.
  void stop();

 private:
  double seconds() const;
  Progress progress_now(std::string phase, bool ended, size_t rss_bytes) const;
  void ticker();

  MonitorOptions options_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<size_t> pages_done_{0};
  std::atomic<size_t> pages_total_{0};
  std::atomic<double> render_start_{-1};
  double phase_start_ = 0;
  std::vector<PhaseSample> phases_;

  std::mutex mutex_;  // guards what the ticker shares: current_phase_, timeline_, stop_
  std::condition_variable wake_;
  bool stop_ = false;
  std::string current_phase_;
  std::vector<RssPoint> timeline_;
  std::thread thread_;

  // Only what the report shows is kept: a million-page build would otherwise hold a million
  // timings with their names (250 MB).
  std::mutex timings_mutex_;
  std::vector<PageTiming> slowest_;  // a heap whose top is the fastest of the slowest pages
  std::map<std::string, TemplateTiming, std::less<>> templates_;
};

}  // namespace bengal::report
