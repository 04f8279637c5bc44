#include "bengal/serve/site_rebuild.hpp"

#include <algorithm>

#include "bengal/pipeline/build.hpp"

namespace bengal::serve {

size_t ServeBuildResult::error_count() const {
  return static_cast<size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const auto& d) { return d.severity == Severity::kError; }));
}

std::string ServeBuildResult::error_text() const {
  std::string text;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) text += d.format() + "\n";
  }
  if (!failure.empty()) text += "error: " + failure + "\n";
  return text;
}

ServeBuildResult build_for_serve(const ServeBuildOptions& options,
                                 const std::filesystem::path& output_dir,
                                 const std::set<std::filesystem::path>& /*changed*/) {
  pipeline::BuildOptions build;
  build.site_dir = options.site_dir;
  build.output_dir = output_dir;
  build.drafts = options.drafts;
  build.environment = options.environment;
  build.baseurl = options.baseurl;
  build.threads = options.threads;
  // Its own cache, so `bengal build` keeps its own; every version of the preview has a folder
  // of its own, named alike in the cache's key; the folder starts as a copy of the version
  // before, so what this build does not write is not part of the site.
  build.cache_file = "serve.db";
  build.output_identity = "bengal serve";
  build.clean = true;
  ServeBuildResult result;
  Diagnostics diagnostics;
  try {
    report::BuildReport report = pipeline::build_site(build, diagnostics);
    result.pages = report.stats.pages;
    result.elapsed_seconds = report.stats.elapsed_seconds;
    switch (report.stats.outcome) {
      case report::BuildOutcome::kBuilt:
        result.usable = true;
        break;
      case report::BuildOutcome::kConfigError:
        result.failure = "the site was not built; fix the configuration";
        break;
      case report::BuildOutcome::kOverBudget:
        result.failure = "the memory limit is too small for this site";
        break;
      case report::BuildOutcome::kStrictStop:
        result.failure = "the build stopped at the errors above";
        break;
    }
  } catch (const std::exception& e) {
    result.failure = e.what();
  }
  result.diagnostics = diagnostics.sorted();
  return result;
}

}  // namespace bengal::serve
