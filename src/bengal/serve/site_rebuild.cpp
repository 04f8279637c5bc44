#include "bengal/serve/site_rebuild.hpp"

#include <algorithm>

#include "bengal/pipeline/languages.hpp"
#include "bengal/pipeline/staged_build.hpp"
#include "bengal/serve/request_path.hpp"

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

namespace {

pipeline::BuildOptions pipeline_options(const ServeBuildOptions& options,
                                        const std::filesystem::path& output_dir) {
  pipeline::BuildOptions build;
  build.site_dir = options.site_dir;
  build.output_dir = output_dir;
  build.drafts = options.drafts;
  build.publish = options.publish;
  build.environment = options.environment;
  build.baseurl = options.baseurl;
  build.keep_base_path = true;
  build.threads = options.threads;
  // Its own cache, so `bengal build` keeps its own; every version of the preview has a folder
  // of its own, named alike in the cache's key; the folder starts as a copy of the version
  // before, so what this build does not write is not part of the site.
  build.cache_file = "serve.db";
  build.output_identity = "bengal serve";
  build.clean = true;
  // A lazy version is served while it builds: no request may find half a file.
  build.rename_into_place = true;
  return build;
}

// The path of the site's baseurl, below which it is served; a path no request can name (a
// config's "https://host//elsewhere") is served at the root, and a redirect to it never sends
// the browser away.
std::string served_base_path(const site::Site& site) {
  const std::string& path = site.config.base_path;
  return is_plain_path(path) ? path : std::string();
}

const char* outcome_failure(report::BuildOutcome outcome) {
  switch (outcome) {
    case report::BuildOutcome::kBuilt:
      return "";
    case report::BuildOutcome::kConfigError:
      return "the site was not built; fix the configuration";
    case report::BuildOutcome::kOverBudget:
      return "the memory limit is too small for this site";
    case report::BuildOutcome::kStrictStop:
      return "the build stopped at the errors above";
  }
  return "";
}

// The path the site is served below: a multilingual site's root, above the default
// language's folder when that has one.
std::string root_base_path(const config::SiteConfig& config) {
  for (const config::Language& l : config.languages) {
    if (!l.is_default || !l.in_subdir) continue;
    std::string path = config.base_path;
    if (path.ends_with("/" + l.code)) path.resize(path.size() - l.code.size() - 1);
    return is_plain_path(path) ? path : std::string();
  }
  return is_plain_path(config.base_path) ? config.base_path : std::string();
}

}  // namespace

struct ServeBuild::State {
  State(const ServeBuildOptions& options, const std::filesystem::path& output_dir)
      : options(pipeline_options(options, output_dir)),
        config(pipeline::site_config(this->options)),
        stages(this->options, diagnostics) {}

  bool multilingual() const { return config && !config->languages.empty(); }

  pipeline::BuildOptions options;
  std::optional<config::SiteConfig> config;
  Diagnostics diagnostics;
  pipeline::StagedBuild stages;
  bool usable = false;
  report::BuildReport whole;  // a multilingual site's build (can_serve_lazily)
};

ServeBuild::ServeBuild(const ServeBuildOptions& options, const std::filesystem::path& output_dir)
    : state_(std::make_unique<State>(options, output_dir)) {}

ServeBuild::~ServeBuild() = default;

pipeline::StagedBuild& ServeBuild::stages() {
  return state_->stages;
}

ServeBuildResult ServeBuild::prepare() {
  ServeBuildResult result;
  if (state_->multilingual()) {
    State& state = *state_;
    try {
      state.whole = pipeline::build_languages(state.options, *state.config, state.diagnostics);
      state.usable = state.whole.stats.outcome == report::BuildOutcome::kBuilt;
      result.failure = outcome_failure(state.whole.stats.outcome);
    } catch (const std::exception& e) {
      result.failure = e.what();
    }
    return whole_result(result);
  }
  try {
    report::BuildOutcome outcome = state_->stages.prepare();
    state_->usable = outcome == report::BuildOutcome::kBuilt;
    result.failure = outcome_failure(outcome);
  } catch (const std::exception& e) {
    result.failure = e.what();
  }
  result.usable = state_->usable;
  if (result.usable) result.base_path = served_base_path(state_->stages.site());
  result.diagnostics = state_->diagnostics.sorted();
  return result;
}

size_t ServeBuild::page_count() const {
  if (state_->multilingual()) return state_->whole.stats.pages;
  return state_->usable ? state_->stages.site().rendered().size() : 0;
}

ServeBuildResult ServeBuild::whole_result(ServeBuildResult result) const {
  result.usable = state_->usable;
  result.base_path = root_base_path(*state_->config);
  result.pages = state_->whole.stats.pages;
  result.elapsed_seconds = state_->whole.stats.elapsed_seconds;
  result.diagnostics = state_->diagnostics.sorted();
  return result;
}

bool ServeBuild::can_serve_lazily() const {
  return !state_->multilingual();
}

std::optional<ServeBuildResult> ServeBuild::finish(const std::atomic<bool>* cancel) {
  ServeBuildResult result;
  if (state_->multilingual()) return whole_result(result);  // built whole by prepare()
  try {
    if (!state_->stages.render_rest(cancel)) return std::nullopt;
    state_->stages.finalize();
    const report::BuildStats& stats = state_->stages.report().stats;
    result.usable = true;
    result.base_path = served_base_path(state_->stages.site());
    result.pages = stats.pages;
    result.elapsed_seconds = stats.elapsed_seconds;
  } catch (const std::exception& e) {
    result.failure = e.what();
  }
  result.diagnostics = state_->diagnostics.sorted();
  return result;
}

}  // namespace bengal::serve
