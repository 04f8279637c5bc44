// The one place `bengal serve` builds the site: an incremental build through the same pipeline
// as `bengal build` (pipeline/build.hpp), with the preview's own cache (SITE/.bengal/serve.db).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bengal/core/diagnostic.hpp"

namespace bengal::serve {

struct ServeBuildOptions {
  std::filesystem::path site_dir;
  std::optional<bool> drafts;  // --drafts
  std::string environment;     // --environment
  std::string baseurl;         // the local address, "http://127.0.0.1:1313"
  int threads = 0;
};

struct ServeBuildResult {
  // The output folder holds a complete site (maybe with pages that had errors).
  bool usable = false;
  std::vector<Diagnostic> diagnostics;  // sorted
  std::string failure;                  // why nothing usable was built, when not `usable`
  size_t pages = 0;
  double elapsed_seconds = 0;

  size_t error_count() const;
  // Succeeded: usable and without errors; only then does the server switch to it.
  bool succeeded() const { return usable && error_count() == 0; }
  // The errors (and `failure`) as the terminal shows them, one per line.
  std::string error_text() const;
};

// Builds the site into `output_dir` (a fresh folder, or a copy of the version served).
// `changed` are the files that changed since the last build (empty for the first); the build
// finds them itself (stat, then hash), so they only name the change in messages.
ServeBuildResult build_for_serve(const ServeBuildOptions& options,
                                 const std::filesystem::path& output_dir,
                                 const std::set<std::filesystem::path>& changed);

}  // namespace bengal::serve
