#include "site_fixture.hpp"

#include <algorithm>
#include <stdexcept>

#include <gtest/gtest.h>

#include "diagnostics.hpp"

namespace bengal::test {

std::vector<std::string> source_paths(const site::Site& site, std::span<const PageId> pages) {
  std::vector<std::string> out;
  for (PageId id : pages) out.emplace_back(site.source_path(id));
  return out;
}

TestSite::TestSite(Files files) {
  bool config_dir = std::any_of(files.begin(), files.end(),
                                [](const auto& f) { return f.first.starts_with("config/"); });
  if (!files.contains("bengal.toml") && !files.contains("bengal.yaml") &&
      !files.contains("bengal.yml") && !config_dir)
    files.emplace("bengal.toml", kTestConfig);
  dir_ = write_files(files, "-site");
}

const site::Site& TestSite::load(std::optional<bool> drafts) {
  loaded_ = pipeline::load_site(dir_, drafts, diagnostics_);
  if (!loaded_) {
    ADD_FAILURE() << "the config could not be read";
    throw std::runtime_error("TestSite::load: no site");
  }
  return loaded_->site;
}

report::BuildStats TestSite::build(pipeline::BuildOptions options) {
  options.site_dir = dir_;
  options.output_dir = out();
  // The one call of the orchestrator in the tests' in-process builds.
  return pipeline::build_site(options, diagnostics_).stats;
}

std::vector<std::string> TestSite::differences_from_cold() const {
  std::filesystem::path cold = dir_.parent_path() / (dir_.filename().string() + "-cold");
  std::filesystem::remove_all(cold);
  pipeline::BuildOptions options;
  options.site_dir = dir_;
  options.output_dir = cold;
  options.cache = pipeline::CacheMode::kOff;
  options.threads = 2;
  Diagnostics diagnostics;
  report::BuildStats stats = pipeline::build_site(options, diagnostics).stats;
  EXPECT_TRUE(stats.cache_note.empty()) << stats.cache_note;
  return diff_trees(cold, out());
}

std::vector<std::string> TestSite::messages() const {
  return formatted(diagnostics_.sorted());
}

}  // namespace bengal::test
