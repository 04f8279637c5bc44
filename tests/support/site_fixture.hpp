// A site written inline in a test and loaded or built in process, as hugo's `Test(t, files)`
// and zola's `build_site_with_setup`: files in, then assertions on the Site, the exact
// diagnostics and the output files.
//
//   TestSite s({{"content/a.md", "---\ntitle: A\n---\n[[b]]\n"}});
//   const site::Site& site = s.load();
//   EXPECT_EQ(s.messages(), std::vector<std::string>{...});
//   s.build();
//   EXPECT_EQ(s.output("a/index.html"), "...");
#pragma once

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/pipeline/build.hpp"
#include "bengal/pipeline/load_site.hpp"
#include "run.hpp"

namespace bengal::test {

// Written as bengal.toml when `files` hold no config file or config/ folder, so tests do not
// repeat it and builds do not warn about a missing config or a relative baseurl.
inline constexpr std::string_view kTestConfig =
    "[site]\ntitle = \"Test\"\nbaseurl = \"https://example.org/\"\n";

// The source paths of `pages` ("blog/a.md"), for exact comparisons of lists of pages.
std::vector<std::string> source_paths(const site::Site& site, std::span<const PageId> pages);

class TestSite {
 public:
  // Writes `files` (paths relative to the site folder) into a fresh temp folder named after
  // the running test.
  explicit TestSite(Files files);
  // Files written inline; without this, one {{path, text}} would also read as a map made from
  // two iterators.
  TestSite(std::initializer_list<Files::value_type> files) : TestSite(Files(files)) {}

  // Phases 1 and 2 (config, discovery, index), as every command starts. Fails the test
  // when the config cannot be read.
  const site::Site& load(std::optional<bool> drafts = std::nullopt);
  // The whole build into out(); `options.site_dir` and `output_dir` are set here.
  report::BuildStats build(pipeline::BuildOptions options = {});

  const site::Site& site() const { return loaded_->site; }
  const pipeline::LoadedSite& loaded() const { return *loaded_; }
  // Everything load() and build() reported, sorted, as the user sees it.
  std::vector<std::string> messages() const;
  const Diagnostics& diagnostics() const { return diagnostics_; }

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path out() const { return dir_ / "public"; }
  // A built file's text ("" when it is missing) and every built file, sorted.
  std::string output(const std::string& rel) const { return read_file(out() / rel); }
  std::vector<std::string> outputs() const { return list_tree(out()); }
  // Builds the site cold (no cache) into a fresh folder beside it and lists every difference
  // from out(), as diff_trees does: what a warm build there must equal.
  std::vector<std::string> differences_from_cold() const;

 private:
  std::filesystem::path dir_;
  Diagnostics diagnostics_;
  std::unique_ptr<pipeline::LoadedSite> loaded_;
};

}  // namespace bengal::test
