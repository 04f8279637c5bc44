#include "bengal/report/build_monitor.hpp"

#include <algorithm>
#include <map>

#include "bengal/core/memory.hpp"

namespace bengal::report {
namespace {

constexpr std::chrono::milliseconds kSampleEvery{10};
constexpr size_t kSlowestPages = 20;

// The report's order of pages: slowest first, ties by source, so that the pages kept and
// their order do not depend on the order they were timed in.
bool slower(const PageTiming& a, const PageTiming& b) {
  if (a.seconds != b.seconds) return a.seconds > b.seconds;
  return a.source < b.source;
}

}  // namespace

BuildMonitor::BuildMonitor(MonitorOptions options)
    : options_(std::move(options)), start_(std::chrono::steady_clock::now()) {
  if (options_.sample_rss || options_.progress) thread_ = std::thread([this] { ticker(); });
}

BuildMonitor::~BuildMonitor() {
  stop();
}

void BuildMonitor::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

double BuildMonitor::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

Progress BuildMonitor::progress_now(std::string phase, bool ended, size_t rss_bytes) const {
  Progress p;
  p.phase = std::move(phase);
  p.phase_ended = ended;
  p.pages_done = pages_done_.load(std::memory_order_relaxed);
  p.pages_total = pages_total_.load(std::memory_order_relaxed);
  p.seconds = seconds();
  double render_start = render_start_.load();
  p.render_seconds = render_start < 0 ? 0 : p.seconds - render_start;
  p.rss_bytes = rss_bytes;
  return p;
}

void BuildMonitor::start_phase(std::string name) {
  phase_start_ = seconds();
  std::lock_guard lock(mutex_);
  current_phase_ = std::move(name);
}

void BuildMonitor::end_phase(Resident resident) {
  PhaseSample s;
  {
    std::lock_guard lock(mutex_);
    s.name = current_phase_;
  }
  s.start_seconds = phase_start_;
  s.seconds = seconds() - phase_start_;
  s.rss_bytes = current_rss_bytes();
  s.peak_rss_bytes = peak_rss_bytes();
  s.store_pages = resident.store_pages;
  s.store_bytes = resident.store_bytes;
  s.index_bytes = resident.index_bytes;
  s.pages_done = pages_done_.load(std::memory_order_relaxed);
  if (options_.progress) options_.progress(progress_now(s.name, true, s.rss_bytes));
  phases_.push_back(std::move(s));
}

void BuildMonitor::render_started() {
  render_start_ = seconds();
}

void BuildMonitor::add_timing(PageTiming timing) {
  std::lock_guard lock(timings_mutex_);
  auto it = templates_.find(timing.template_name);
  if (it == templates_.end())
    it = templates_.emplace(timing.template_name, TemplateTiming{timing.template_name}).first;
  ++it->second.pages;
  it->second.seconds += timing.seconds;
  slowest_.push_back(std::move(timing));
  std::push_heap(slowest_.begin(), slowest_.end(), slower);
  if (slowest_.size() > kSlowestPages) {
    std::pop_heap(slowest_.begin(), slowest_.end(), slower);
    slowest_.pop_back();
  }
}

// One thread for both jobs: an RSS point every 10 ms while sampling, a progress tick every
// `tick`. Sleeping on the condition variable lets the destructor stop it at once.
void BuildMonitor::ticker() {
  auto next_tick = std::chrono::steady_clock::now() + options_.tick;
  std::unique_lock lock(mutex_);
  while (!stop_) {
    auto period = options_.sample_rss ? kSampleEvery : options_.tick;
    wake_.wait_for(lock, period, [this] { return stop_; });
    if (stop_) break;
    if (options_.sample_rss) timeline_.push_back({seconds(), current_rss_bytes()});
    if (options_.progress && std::chrono::steady_clock::now() >= next_tick) {
      next_tick += options_.tick;
      std::string phase = current_phase_;
      lock.unlock();  // the callback prints; the build must not wait for it
      options_.progress(progress_now(std::move(phase), false, current_rss_bytes()));
      lock.lock();
    }
  }
}

void BuildMonitor::finish(BuildReport& report) {
  stop();
  report.phases = std::move(phases_);
  report.timeline = std::move(timeline_);
  report.stats.peak_rss_bytes = highest_rss(report);

  // Templates by total time (ties in name order); pages slowest first.
  report.templates.clear();
  for (auto& [name, agg] : templates_) report.templates.push_back(std::move(agg));
  templates_.clear();
  std::stable_sort(report.templates.begin(), report.templates.end(),
                   [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  std::sort(slowest_.begin(), slowest_.end(), slower);
  report.slowest_pages = std::move(slowest_);
  slowest_.clear();
}

}  // namespace bengal::report
