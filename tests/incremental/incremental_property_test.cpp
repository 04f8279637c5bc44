// The incremental build's proof (issue 17): after every step of random edits to a generated
// site, a warm build (the cache in SITE/.bengal/) writes exactly the files, bytes and messages
// of a cold build of the same sources, whatever the warm build's thread count, memory policy
// and batch size. After a step that only edits one page's body (or touches a file), the warm
// build must also reuse most of the cold build's renders, so the test cannot pass by always
// building cold. A failure names the seed and the step; CONTRIBUTING.md says how to replay it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "../support/build_into.hpp"
#include "../support/edited_site.hpp"
#include "../support/run.hpp"
#include "../support/sanitizer.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

constexpr uint64_t kPropertySeed = 20261201;
// Steps of the default run: each is one or more edits, then a warm and a cold build. The
// sanitizer build runs bengal 4-5 times slower, so it takes fewer steps of the same edits.
#ifdef BENGAL_ASAN
constexpr uint64_t kPropertySteps = 40;
#else
constexpr uint64_t kPropertySteps = 200;
#endif
// Every so many steps the warm build changes its thread count, memory policy and batch size.
constexpr size_t kStepsPerWarmSetting = 20;

uint64_t number_from_env(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::stoull(v) : fallback;
}

std::string warm_setting(const pipeline::BuildOptions& o) {
  return fmt::format("threads {}, {}, batch size {}", o.threads,
                     o.memory_optimized.value_or(false) ? "streaming" : "full memory",
                     o.batch_size_pages ? std::to_string(*o.batch_size_pages) : "default");
}

// The first difference between the cold build's messages and the warm build's.
std::string first_message_difference(const std::vector<std::string>& cold,
                                     const std::vector<std::string>& warm) {
  for (size_t i = 0; i < std::max(cold.size(), warm.size()); ++i) {
    std::string c = i < cold.size() ? cold[i] : "<none>", w = i < warm.size() ? warm[i] : "<none>";
    if (c != w) return fmt::format("message {}:\n  cold: {}\n  warm: {}", i + 1, c, w);
  }
  return "";
}

// The edits so far, one line each, prefixed with their step: edits.log next to the outputs.
class EditLog {
 public:
  void add(size_t step, const std::string& line) {
    text_ += fmt::format("step {}: {}\n", step, line);
  }
  void save(const fs::path& path) const { write_file(path, text_); }

 private:
  std::string text_;
};

TEST(IncrementalProperty, WarmBuildWritesTheColdBuildsBytesAfterEveryEdit) {
  const uint64_t seed = number_from_env("BENGAL_PROPERTY_SEED", kPropertySeed);
  const uint64_t steps = number_from_env("BENGAL_PROPERTY_STEPS", kPropertySteps);
  std::cout << "incremental property test: seed " << seed << ", " << steps << " steps\n";
  RecordProperty("seed", std::to_string(seed));
  const fs::path base = fresh_temp_dir();
  const fs::path warm_out = base / "out-warm", cold_out = base / "out-cold";
  EditedSite site(base / "site", seed);
  site.write();
  EditLog log;

  pipeline::BuildOptions warm_options;
  warm_options.cache = pipeline::CacheMode::kUse;
  warm_options.threads = 2;
  pipeline::BuildOptions cold_options;
  cold_options.cache = pipeline::CacheMode::kOff;
  cold_options.threads = 1;  // the reference: the simplest schedule
  cold_options.memory_optimized = false;

  std::map<std::string, size_t> kinds;  // edits made, by kind: printed, to see what ran
  size_t reuse_checked = 0;
  std::vector<std::string> reuse_failures;
  for (uint64_t step = 0; step <= steps; ++step) {
    std::vector<SiteEdit> edits;
    if (step > 0) {
      size_t n = site.pick(10) < 6 ? 1 : 2 + site.pick(3);
      for (size_t i = 0; i < n; ++i) {
        edits.push_back(site.edit());
        ++kinds[edits.back().kind];
        log.add(step, edits.back().what);
      }
      site.write();
    }
    if (step > 0 && step % kStepsPerWarmSetting == 0) {
      constexpr size_t kBatches[] = {1, 3, 1000};
      warm_options.threads = 1 + static_cast<int>(site.pick(2));
      warm_options.memory_optimized = site.pick(2) == 0;
      warm_options.batch_size_pages = kBatches[site.pick(3)];
      log.add(step, "warm build now: " + warm_setting(warm_options));
    }

    BuildRun warm = build_into(site.dir(), warm_out, warm_options);
    fs::remove_all(cold_out);
    BuildRun cold = build_into(site.dir(), cold_out, cold_options);

    auto diffs = diff_trees(cold_out, warm_out);
    std::string message_diff = first_message_difference(cold.messages, warm.messages);
    if (!diffs.empty() || !message_diff.empty()) {
      log.save(base / "edits.log");
      std::string edited;
      for (const auto& e : edits) edited += "\n  " + e.what;
      FAIL() << fmt::format(
          "warm build differs from the cold build at step {} of seed {} (replay: "
          "BENGAL_PROPERTY_SEED={} BENGAL_PROPERTY_STEPS={}); warm build: {}; this step's "
          "edits:{}\n{} differing files, the first: {}\n{}\nThe site, both outputs and "
          "edits.log (every step's edits) are in {}",
          step, seed, seed, step, warm_setting(warm_options), edited.empty() ? " none" : edited,
          diffs.size(), diffs.empty() ? "none" : diffs.front(), message_diff, base.string());
    }

    // A step that edits one page's body, or only touches a file, leaves most outputs as they
    // were: the warm build must keep them, and read only the page files that changed.
    bool small_step = edits.size() == 1 && (edits[0].kind == "body" || edits[0].kind == "touch");
    if (small_step) {
      ++reuse_checked;
      const auto& w = warm.stats;
      if (!w.cache_note.empty() || w.renders_reused == 0 || w.sources_reused == 0 ||
          2 * w.renders >= cold.stats.renders)
        reuse_failures.push_back(fmt::format(
            "step {} ({}): {} renders against the cold build's {}, {} reused, {} sources "
            "reused, cache note '{}'",
            step, edits[0].what, w.renders, cold.stats.renders, w.renders_reused, w.sources_reused,
            w.cache_note));
    }
  }
  log.save(base / "edits.log");
  std::string tally;
  for (const auto& [kind, n] : kinds) tally += fmt::format(" {} {}", kind, n);
  std::cout << "edits by kind:" << tally << "; " << site.page_count() << " pages at the end\n";
  EXPECT_GT(reuse_checked, 0u) << "no step edited only one body: change the seed or the steps";
  EXPECT_TRUE(reuse_failures.empty())
      << reuse_failures.size() << " of " << reuse_checked
      << " one-body-edit or touch steps did not reuse most renders, the first: "
      << (reuse_failures.empty() ? "" : reuse_failures.front());
}

}  // namespace
}  // namespace bengal::test
