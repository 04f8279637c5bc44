// The build as stages that a caller runs one at a time: `prepare` (load, analyse, plan, then
// the content and static files), `render` of one unit or `render_rest` of every unit not yet
// rendered, and `finalize`. `build_site` runs them in a row; `bengal serve --lazy` serves
// after `prepare`, renders the unit a request needs first and fills in the rest behind it.
// Both go through the same render code, so a lazy build's output equals a build's.
//
// A render unit is what one render writes: a page with its list pages, a taxonomy or term
// page, or the 404 page. Units are numbered: page ids first, then the generated pages in plan
// order, then the 404 page. Each renders exactly once whoever asks first; the search indexes
// still get their entries in batch order.
//
// Thread-safety: `render` may be called from any thread, also while `render_rest` runs on
// another; everything else from one thread. Implemented in build.cpp, beside the phases.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "bengal/pipeline/build.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

class StagedBuild {
 public:
  StagedBuild(const BuildOptions& options, Diagnostics& diagnostics);
  ~StagedBuild();
  StagedBuild(const StagedBuild&) = delete;
  StagedBuild& operator=(const StagedBuild&) = delete;

  // Only the load (discover, index), for a caller that changes the index before the rest:
  // the translations of a multilingual site (languages.hpp). prepare() then goes on from it.
  report::BuildOutcome load();
  // After load(), before prepare(): the index, to be changed.
  site::Site& loaded_site();

  // Load (unless load() ran), analyse and plan; makes the render machinery, starts the incremental
  // build and copies the files of content/ and the static layers (a page's CSS and JS are there
  // before it is). Anything but kBuilt: nothing was rendered and nothing else may be called.
  report::BuildOutcome prepare();

  // After prepare: the index and what the plan generates (for OutputUnits).
  const site::Site& site() const;
  const std::vector<templates::VirtualPage>& generated() const;
  size_t unit_count() const;
  size_t not_found_unit() const { return unit_count() - 1; }

  // Renders `unit` unless it was rendered (or is rendering: then waits for it). Thread-safe.
  void render(size_t unit);
  // Writes `rel`, one file of `unit`, before the unit's turn: renders the unit, unless it is a
  // list of many pager pages, of which only `rel` is rendered and written then (the unit
  // still renders whole in its turn, writing the same bytes again). Thread-safe.
  void render_file(size_t unit, std::string_view rel);
  // Every unit not yet rendered: the batches in order, then the generated pages and the 404
  // page. Checks `cancel` between pages; false when it stopped for it.
  bool render_rest(const std::atomic<bool>* cancel = nullptr);
  // The site-wide outputs, the math renderer's files, aliases; stores the incremental state.
  // Only after render_rest returned true. Throws output::WriteError when files were not written.
  void finalize();

  // Closes the incremental cache without storing this build (a cancelled `bengal serve`
  // fill: the next build opens it). Units rendered after this do not record what they read.
  // Not while render_rest runs.
  void detach_cache();

  report::BuildReport& report();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace bengal::pipeline
