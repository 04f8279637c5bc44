// The render machinery of one build, made once the plan is known and used by the render
// batches, the generated pages and the site-wide outputs: the output writer, the content
// store, body and page renderers, the template environment and what templates see.
#pragma once

#include <atomic>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include <tbb/enumerable_thread_specific.h>

#include "bengal/output/writer.hpp"
#include "bengal/pipeline/body_renderer.hpp"
#include "bengal/pipeline/build_context.hpp"
#include "bengal/pipeline/content_store.hpp"
#include "bengal/pipeline/page_renderer.hpp"
#include "bengal/pipeline/search_index.hpp"
#include "bengal/pipeline/sharded_search.hpp"
#include "bengal/templates/engine/environment.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

struct RenderContext {
  explicit RenderContext(BuildContext& b);
  RenderContext(const RenderContext&) = delete;  // the members refer to each other
  RenderContext& operator=(const RenderContext&) = delete;

  // What the content store and the index hold now, for the monitor's phase snapshots.
  report::Resident resident() const;

  // Renders one page with `render` (which returns the files it wrote) and counts it; times
  // it for the build report when the monitor asks. `describe` gives the page's source and URL
  // and is called only then: this runs for every page.
  // A page whose rendering throws (a defect in bengal, never expected) is reported as an
  // error naming it and skipped, like any broken page: the rest of the site is still built.
  template <class Describe, class Render>
  void render(Scratch& s, Describe&& describe, Render&& render_page) {
    auto guarded = [&]() -> size_t {
      try {
        return render_page();
      } catch (const output::OutputStopped&) {
        throw;  // a full or read-only device stops the build with one message
      } catch (const std::exception& e) {
        build.diagnostics.add(make_error(
            describe().first, 0, 0,
            fmt::format("internal error while rendering this page ({}); it is skipped: please "
                        "report it with this page attached",
                        e.what())));
        return 0;
      }
    };
    if (!build.monitor.times_pages()) {
      files += guarded();
    } else {
      auto t0 = std::chrono::steady_clock::now();
      files += guarded();
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
      auto [source, url] = describe();
      build.monitor.add_timing({std::move(source), std::move(url), s.template_name, took.count()});
    }
    build.monitor.page_done();
  }

  BuildContext& build;
  // Every template file of the site's templates/ and its theme's, as listed for the loader
  // (before `env`, which fills it): a new one can change which template a page gets, so the
  // incremental build's key holds their names.
  std::vector<std::string> template_files;
  // Before the store, which asks the templates whether a page reads another's HTML.
  templates::Environment env;
  output::OutputWriter writer;
  ContentStore store;
  BodyRenderer body;
  templates::SiteContext ctx;
  PageRenderer pages;
  tbb::enumerable_thread_specific<Scratch> scratch;
  std::atomic<size_t> files{0};         // HTML files rendered
  std::atomic<size_t> renders{0};       // pages and generated pages rendered
  std::atomic<size_t> renders_kept{0};  // ... and kept from the last build instead
  // Full-text search entries made while rendering, until finalize writes index.json.
  std::optional<SearchSpill> search_spill;
  // search/: the terms of every rendered page, spilled until finalize builds the shards.
  std::optional<ShardedSearch> sharded_search;
};

}  // namespace bengal::pipeline
