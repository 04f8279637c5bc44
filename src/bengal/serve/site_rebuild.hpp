// The one place `bengal serve` builds the site: an incremental build through the same pipeline
// as `bengal build` (pipeline/staged_build.hpp), with the preview's own cache
// (SITE/.bengal/serve.db), run in stages so that `--lazy` can serve it once it is indexed.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/pipeline/load_site.hpp"

namespace bengal::pipeline {
class StagedBuild;
}

namespace bengal::serve {

struct ServeBuildOptions {
  std::filesystem::path site_dir;
  std::optional<bool> drafts;        // --drafts
  pipeline::PublishOptions publish;  // --build-future, --build-expired
  std::string environment;           // --environment
  // The local address, "http://127.0.0.1:1313": it replaces the scheme and host of the site's
  // baseurl, whose path stays (the site is served below it).
  std::string baseurl;
  int threads = 0;
};

struct ServeBuildResult {
  // The output folder holds a complete site (maybe with pages that had errors).
  bool usable = false;
  std::vector<Diagnostic> diagnostics;  // sorted
  std::string failure;                  // why nothing usable was built, when not `usable`
  size_t pages = 0;
  double elapsed_seconds = 0;
  std::string base_path;  // of the site's baseurl, "/docs" or "": the site is served below it

  size_t error_count() const;
  // Succeeded: usable and without errors; only then does the server switch to it.
  bool succeeded() const { return usable && error_count() == 0; }
  // The errors (and `failure`) as the terminal shows them, one per line.
  std::string error_text() const;
};

// One build of the preview into `output_dir` (a fresh folder, or a copy of the version served).
class ServeBuild {
 public:
  ServeBuild(const ServeBuildOptions& options, const std::filesystem::path& output_dir);
  ~ServeBuild();
  ServeBuild(const ServeBuild&) = delete;
  ServeBuild& operator=(const ServeBuild&) = delete;

  // Loads, indexes and plans the site and copies its static files. `usable`: the build can
  // go on (rendering), and its stages() may be used.
  ServeBuildResult prepare();
  // The pages the index holds (after a usable prepare).
  size_t page_count() const;
  // False for a site in several languages, which prepare() builds whole (every language's
  // index is needed before any page names its translations): stages() is then unused and
  // finish() only reports.
  bool can_serve_lazily() const;
  pipeline::StagedBuild& stages();
  // Renders what is not rendered yet and writes the site-wide outputs: the build's result.
  // With `cancel` set while it runs: nullopt, and the folder holds part of the site.
  std::optional<ServeBuildResult> finish(const std::atomic<bool>* cancel = nullptr);

 private:
  // `result` with what a multilingual site's whole build said (can_serve_lazily).
  ServeBuildResult whole_result(ServeBuildResult result) const;

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace bengal::serve
