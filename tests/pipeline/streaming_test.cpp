// The streaming build's proof: every memory policy, batch size and thread count writes the
// same bytes, and streaming holds a fraction of the full build's memory. Sites are built in
// child processes, as users run them.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "../support/run.hpp"
#include "../support/sanitizer.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// Pages of a generated site: an eighth under the sanitizers, which run bengal 4-5 times
// slower; the same modes run (every batch size still splits the site into several batches),
// so the coverage stays and the sanitizer suite stays within CI's time budget (the plain
// build runs the whole size).
size_t site_pages(size_t pages) {
#ifdef BENGAL_ASAN
  return pages / 8;
#else
  return pages;
#endif
}

// A generated site (bench/corpus/generate.py: sections, Zipf tags, cross-links). With
// `reading_theme`, a theme that reads other pages' content (section lists show full posts,
// pages show their first related page), full-text search, full-content feeds and graph.json,
// so every tier of the content store is used; else the default theme, as most sites build.
fs::path generated_site(size_t pages, const std::string& name, bool reading_theme = true,
                        const std::string& generator_args = "") {
  fs::path dir = fs::path(std::getenv("BENGAL_TEST_TMP") ? std::getenv("BENGAL_TEST_TMP")
                                                         : fs::temp_directory_path().string()) /
                 name;
  fs::remove_all(dir);
  std::string cmd = "python3 " + (source_dir() / "bench/corpus/generate.py").string() + " " +
                    dir.string() + " --pages " + std::to_string(pages) + " " + generator_args +
                    " >/dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  if (!reading_theme) return dir;
  fs::copy(source_dir() / "tests/sites/streaming-theme/templates", dir / "templates",
           fs::copy_options::recursive);
  std::ofstream(dir / "bengal.toml", std::ios::app)
      << "\n[features]\ngraph = true\n\n[search]\nfull_text = true\n\n[feeds]\nfull_content = "
         "true\n";
  return dir;
}

struct Variant {
  std::string name;
  std::vector<std::string> args;
};

// The limit a build of `site` refuses 1MB with: "raise --memory-limit ... to NMB or more".
std::string smallest_limit(const fs::path& site) {
  RunResult r =
      run_bengal({"build", site.string(), "-o", (fresh_temp_dir("-smallest") / "p").string(), "-q",
                  "--memory-limit", "1MB"});
  std::smatch m;
  std::regex re("to ([0-9]+MB) or more");
  EXPECT_TRUE(std::regex_search(r.err, m, re)) << r.err;
  return m.size() > 1 ? m[1].str() : "1GB";
}

// `big_batch` is the batch size of the streaming runs that take many pages at a time.
void expect_same_output_in_every_mode(const fs::path& site, bool check_messages,
                                      size_t big_batch = 1000) {
  const std::string big = std::to_string(big_batch);
  fs::path base = fresh_temp_dir();
  fs::path reference = base / "full";
  RunResult ref = run_bengal({"build", site.string(), "-o", reference.string(), "-q",
                              "--no-memory-optimized", "--threads", "2"});
  // The golden sites hold broken pages on purpose: such a build fails, having written the rest.
  ASSERT_TRUE(ref.exit_code == 0 ||
              ref.err.find("and wrote every other page") != std::string::npos || !check_messages)
      << ref.err;
  const std::vector<Variant> variants = {
      {"full-1-thread", {"--no-memory-optimized", "--threads", "1"}},
      {"stream-batch-1", {"--memory-optimized", "--batch-size", "1", "--threads", "2"}},
      {"stream-batch-7", {"--memory-optimized", "--batch-size", "7", "--threads", "1"}},
      {"stream-batch-7-2", {"--memory-optimized", "--batch-size", "7", "--threads", "2"}},
      {"stream-batch-big", {"--memory-optimized", "--batch-size", big, "--threads", "1"}},
      {"stream-batch-big-2", {"--memory-optimized", "--batch-size", big, "--threads", "2"}},
      // A tiny warm cache (constant eviction), no hubs, and every page hot.
      {"stream-no-cache", {"--memory-optimized", "--cache-size-mb", "0", "--hot-percent", "0"}},
      {"stream-all-hot", {"--memory-optimized", "--hot-percent", "100"}},
      {"budget", {"--memory-limit", "1GB"}},
      // The smallest budget the site builds in: the fewest pages in flight, the hub pages'
      // HTML bounded.
      {"budget-smallest", {"--memory-limit", smallest_limit(site)}},
  };
  for (const auto& v : variants) {
    fs::path out = base / v.name;
    std::vector<std::string> args = {"build", site.string(), "-o", out.string(), "-q"};
    args.insert(args.end(), v.args.begin(), v.args.end());
    RunResult r = run_bengal(args);
    EXPECT_EQ(r.exit_code, ref.exit_code) << v.name << ": " << r.err;
    if (check_messages) {
      EXPECT_EQ(r.err, ref.err) << v.name;
    }
    auto diffs = diff_trees(reference, out);
    EXPECT_TRUE(diffs.empty()) << v.name << ": " << diffs.size()
                               << " differences, first: " << (diffs.empty() ? "" : diffs.front());
    fs::remove_all(out);
  }
}

TEST(Streaming, GoldenSitesAreByteIdenticalInEveryMode) {
  for (const char* name : {"golden", "themed", "structure"})
    expect_same_output_in_every_mode(source_dir() / "tests/sites" / name, true);
}

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(Streaming, GeneratedSiteIsByteIdenticalInEveryMode) {
  // Two batches of half the site each in the "big" runs, as with 2,000 pages and 1,000.
  const size_t pages = site_pages(2000);
  fs::path site = generated_site(pages, "streaming-generated");
  expect_same_output_in_every_mode(site, true, pages / 2);
  // The feeds carry the bodies, read through the content store like page.content.
  fs::path out = fresh_temp_dir() / "public";
  ASSERT_EQ(run_bengal({"build", site.string(), "-o", out.string(), "-q"}).exit_code, 0);
  std::string rss = read_file(out / "rss.xml");
  size_t items = count_of(rss, "<item>"), bodies = count_of(rss, "<content:encoded>&lt;");
  EXPECT_EQ(items, 20u);
  EXPECT_EQ(bodies, 20u);
  // search/ (term shards from the spill, page fragments) is in the trees compared above.
  EXPECT_TRUE(fs::exists(out / "search/manifest.json"));
  // At least `pages` pages are indexed, 16 a fragment (fewer pages under the sanitizers).
  EXPECT_TRUE(fs::exists(out / "search/p" / (std::to_string(pages / 16 - 1) + ".json")));
}

// The hub pages' HTML held at the end of a streaming build of `site`, from its report.
size_t hub_bytes_held(const fs::path& site) {
  fs::path report = fresh_temp_dir("-hubs");
  RunResult r = run_bengal({"build", site.string(), "-o", (report / "public").string(), "-q",
                            "--memory-optimized", "--report-dir", report.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  std::string json = read_file(report / "build-report.json");
  std::regex re(R"("hot":\{[^}]*"resident_bytes":([0-9]+))");
  EXPECT_TRUE(std::regex_search(json, m, re)) << json;
  return m.size() > 1 ? std::stoul(m[1].str()) : 0;
}

TEST(Streaming, HubPagesAreKeptOnlyWhenAPageReadsAnothersHtml) {
  // The default theme shows no page's content on another page: nothing to keep.
  fs::path site = generated_site(site_pages(400), "streaming-hubs", false);
  EXPECT_EQ(hub_bytes_held(site), 0u);
  // A theme whose section lists show their pages' content: the hubs are kept as they render.
  fs::copy(source_dir() / "tests/sites/streaming-theme/templates", site / "templates",
           fs::copy_options::recursive);
  EXPECT_GT(hub_bytes_held(site), 0u);
  // Full-content feeds read the pages' HTML with the default theme too.
  fs::remove_all(site / "templates");
  std::ofstream(site / "bengal.toml", std::ios::app) << "\n[feeds]\nfull_content = true\n";
  EXPECT_GT(hub_bytes_held(site), 0u);
}

TEST(Streaming, HighlightedSiteIsByteIdenticalInEveryMode) {
  // Three highlighted blocks a page: the shared highlighter cache and tokenizer pool must not
  // make output depend on which thread renders a page first.
  fs::path site = generated_site(site_pages(300), "streaming-highlight", true, "--code-blocks 3");
  write_file(site / "bengal.toml",
             read_file(site / "bengal.toml") + "\n[markdown]\nhighlight = true\n");
  expect_same_output_in_every_mode(site, true);
  fs::path out = fresh_temp_dir() / "public";
  ASSERT_EQ(run_bengal({"build", site.string(), "-o", out.string(), "-q"}).exit_code, 0);
  std::string page = read_file(out / "section-000/sub-0/page-000000/index.html");
  // Its three generated blocks are python, bash and yaml (the theme shows other pages too).
  for (const char* language : {"python", "bash", "yaml"})
    EXPECT_NE(page.find(fmt::format("<div class=\"rosettes\" data-language=\"{}\"><pre><code>",
                                    language)),
              std::string::npos)
        << language;
}

// Peak memory as the build reports it: "... peak memory 23.4 MB -> ...".
double reported_peak_mb(const RunResult& r) {
  std::smatch m;
  std::regex re("peak memory ([0-9.]+) MB");
  if (!std::regex_search(r.out, m, re)) return -1;
  return std::stod(m[1]);
}

TEST(Streaming, UsesUnderAThirdOfTheFullBuildsMemory) {
#ifdef BENGAL_ASAN
  GTEST_SKIP() << "AddressSanitizer's quarantine keeps freed memory, so RSS ratios are not "
                  "meaningful here; the plain build runs this test";
#endif
  // The default theme: what a documentation site looks like. (A theme that embeds other
  // pages' content fills the warm cache up to --cache-size-mb by design.)
  fs::path site = generated_site(5000, "streaming-5000", false);
  fs::path base = fresh_temp_dir();
  RunResult full =
      run_bengal({"build", site.string(), "-o", (base / "full").string(), "--no-memory-optimized"});
  RunResult stream =
      run_bengal({"build", site.string(), "-o", (base / "stream").string(), "--memory-optimized"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(stream.exit_code, 0) << stream.err;
  // What any build of the binary holds whatever the site (the program, its libraries, the
  // built-in theme, the allocator's arenas): a one-page site's peak. The ratio is of the
  // memory above it, which is what the site's size and the memory mode change; linking a
  // library (cpp-httplib added 4 MB) must not move it.
  fs::path tiny = write_files(
      {{"bengal.toml", "[site]\ntitle = \"T\"\n"}, {"content/a.md", "---\ntitle: A\n---\nA.\n"}});
  RunResult floor = run_bengal({"build", tiny.string(), "-o", (base / "tiny").string()});
  ASSERT_EQ(floor.exit_code, 0) << floor.err;
  double full_mb = reported_peak_mb(full), stream_mb = reported_peak_mb(stream),
         floor_mb = reported_peak_mb(floor);
  ASSERT_GT(full_mb, 0) << full.out;
  ASSERT_GT(stream_mb, 0) << stream.out;
  ASSERT_GT(floor_mb, 0) << floor.out;
  EXPECT_LT(stream_mb - floor_mb, 0.30 * (full_mb - floor_mb))
      << "streaming " << stream_mb << " MB, full " << full_mb << " MB, one page " << floor_mb
      << " MB";
  RecordProperty("full_peak_mb", std::to_string(full_mb));
  RecordProperty("streaming_peak_mb", std::to_string(stream_mb));
  RecordProperty("one_page_peak_mb", std::to_string(floor_mb));
}

TEST(Streaming, BudgetTooSmallForTheIndexStopsBeforeRendering) {
  fs::path out = fresh_temp_dir() / "public";
  RunResult r = run_bengal({"build", (source_dir() / "tests/sites/golden").string(), "-o",
                            out.string(), "-q", "--memory-limit", "1MB"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bengal.toml: error: memory limit 1.0 MB cannot hold this site: the index "
                       "alone takes "),
            std::string::npos)
      << r.err;
  // The rest of the message (exact in memory_plan_test.cpp) names measured sizes.
  EXPECT_TRUE(std::regex_search(
      r.err, std::regex("alone takes [0-9]+\\.[0-9] MB and the build needs at least "
                        "[0-9]+\\.[0-9] MB; raise --memory-limit \\(or \\[build\\] "
                        "memory_limit\\) to [0-9]+MB or more\n")))
      << r.err;
  EXPECT_TRUE(r.err.ends_with(
      "\nerror: nothing was written: the memory limit is too small for this site\n"))
      << r.err;
  EXPECT_FALSE(fs::exists(out / "index.html"));
}

TEST(Streaming, RejectsBadMemoryFlags) {
  RunResult r = run_bengal({"build", ".", "--memory-limit", "lots"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "error: --memory-limit must be a size such as 512MB or 2GB, not \"lots\"\n");
  r = run_bengal({"build", ".", "--memory-optimized", "--no-memory-optimized"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("excludes"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace bengal::test
