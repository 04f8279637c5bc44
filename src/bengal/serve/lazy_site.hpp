// `bengal serve --lazy`: a version of the site served while it is built. It is served once
// indexed (ServeBuild::prepare); a request renders the unit that writes its file first (a
// page with its list pages, a term page, the 404 page), and a thread fills in the rest in
// batch order, skipping what requests rendered. A file written after the last render (sitemap,
// feeds, search index, aliases) is answered when the fill is over. Once the fill ends, the
// folder equals a `bengal build` of the site.
// Thread-safety: prepare_request from any thread; start_fill and cancel from the rebuild loop.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>

#include "bengal/pipeline/output_units.hpp"
#include "bengal/serve/site_rebuild.hpp"

namespace bengal::serve {

class LazySite {
 public:
  // Called on the fill's thread once the site is complete (not after cancel), with the
  // result of the whole build.
  using Filled = std::function<void(const ServeBuildResult&)>;
  // Called on the fill's thread before it renders (tests hold the fill there); it should
  // return soon after `cancel` is set.
  using BeforeFill = std::function<void(const std::atomic<bool>& cancel)>;

  // `build` is prepared (usable). Renders the 404 page, so a request for a missing file has it.
  explicit LazySite(std::unique_ptr<ServeBuild> build);
  ~LazySite();  // cancels the fill
  LazySite(const LazySite&) = delete;
  LazySite& operator=(const LazySite&) = delete;

  void start_fill(BeforeFill before, Filled filled);
  // Before the file of `decoded_path` (a request's path) is looked up: renders its unit, or
  // waits for the fill when the file comes after the last render. True when no render of
  // this version writes the file: a file there is from an earlier version (a page deleted
  // since; the folder may be the one of the version before last) or an alias, written last,
  // so the caller answers it only after wait_for_fill().
  [[nodiscard]] bool prepare_request(std::string_view decoded_path);
  // Returns once the fill has ended (or was cancelled).
  void wait_for_fill();
  // Stops the fill between pages and waits for it; closes the build's cache so that the next
  // build can open it. Requests are still answered, rendering without the cache.
  void cancel();

 private:
  void fill(const BeforeFill& before, const Filled& filled);
  // StagedBuild::render_file of `rel`, a file of `unit`.
  void render_file(size_t unit, const std::string& rel);

  std::unique_ptr<ServeBuild> build_;
  pipeline::OutputUnits units_;
  std::atomic<bool> cancel_{false};
  std::mutex mutex_;
  std::condition_variable fill_over_changed_;
  bool fill_over_ = false;  // finished or cancelled; guarded by mutex_
  std::thread filler_;
};

}  // namespace bengal::serve
