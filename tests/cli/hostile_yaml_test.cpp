// YAML that describes an endless or enormous value (an alias inside its own anchor, a long chain
// of aliases, an alias bomb), end to end: the page is reported with file, line and column and
// skipped, the rest of the site builds; in bengal.yaml it stops the command with that error.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

const char kCycle[] =
    "content/cycle.md:3:7: error: invalid YAML front matter: 'tags' contains itself: an alias "
    "(*name) is used inside the value of its own anchor (&name); remove that alias\n";
const char kChain[] =
    "content/chain.md:2:5: error: invalid YAML front matter: 'a99' nests more than 100 levels "
    "deep (aliases included); flatten the structure\n";
const char kDeep[] =
    "content/deep.md:2:200004: error: invalid YAML front matter: the document nests more than "
    "100 levels deep (aliases included); flatten the structure\n";

// Sorted by file, as every command reports them.
const std::string kAllErrors = std::string(kChain) + kCycle + kDeep;

fs::path hostile_site() {
  fs::path site = fresh_temp_dir("site");
  write_file(site / "bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n");
  write_file(site / "content/ok.md", "---\ntitle: Fine\n---\nStill here.\n");
  write_file(site / "content/cycle.md", "---\ntitle: Loop\ntags: &x [*x]\n---\nbody\n");
  std::string chain = "---\na0: &a0 [1]\n";
  for (int i = 1; i < 5000; ++i) {
    std::string n = std::to_string(i), prev = std::to_string(i - 1);
    chain += "a";
    chain += n + ": &a" + n + " [*a" + prev + "]\n";
  }
  write_file(site / "content/chain.md", chain + "---\nbody\n");
  std::string deep = "---\nx: ";
  deep += std::string(100'000, '[') + std::string(100'000, ']') + "\n---\nbody\n";
  write_file(site / "content/deep.md", deep);
  return site;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(HostileYaml, BuildSkipsThePagesAndBuildsTheRest) {
  fs::path site = hostile_site();
  fs::path out = fresh_temp_dir("out");
  RunResult r = run_bengal({"build", site.string(), "-o", out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, kAllErrors +
                       "error: the build failed with 3 errors (above), and wrote every other "
                       "page; fix them and build again\n");
  EXPECT_TRUE(has(read_file(out / "ok/index.html"), "Still here.")) << r.err;
  EXPECT_FALSE(fs::exists(out / "cycle/index.html"));
  EXPECT_FALSE(fs::exists(out / "chain/index.html"));
}

TEST(HostileYaml, CheckAndGraphReportThePages) {
  fs::path site = hostile_site();
  RunResult check = run_bengal({"check", site.string()});
  EXPECT_EQ(check.exit_code, 1) << check.err;
  RunResult graph = run_bengal({"graph", site.string()});
  EXPECT_EQ(graph.exit_code, 0) << graph.err;
  for (const RunResult* r : {&check, &graph}) {
    EXPECT_EQ(r->err, kAllErrors);
  }
}

TEST(HostileYaml, ConfigWithACycleStopsEachCommandWithItsPosition) {
  fs::path site = fresh_temp_dir("site");
  write_file(site / "bengal.yaml", "site:\n  title: T\nparams:\n  list: &x [1, *x]\n");
  write_file(site / "content/a.md", "hello\n");
  const std::string error =
      "bengal.yaml:4:9: error: invalid YAML: 'params.list' contains itself: an alias (*name) is "
      "used inside the value of its own anchor (&name); remove that alias\n";
  for (const char* command : {"build", "check", "graph"}) {
    RunResult r = run_bengal({command, site.string()});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_TRUE(r.err.starts_with(error)) << command << ": " << r.err;
  }
  EXPECT_FALSE(fs::exists(site / "public"));
}

}  // namespace
}  // namespace bengal::test
