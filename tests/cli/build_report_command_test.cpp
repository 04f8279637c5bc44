// `bengal build --profile-memory`, `--report` and `--progress` on the golden site: the phase
// table's lines, build-report.json's schema and counts, the progress lines.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../support/run.hpp"

namespace bengal::test {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string golden() {
  return (source_dir() / "tests/sites/golden").string();
}

// The table's lines after "Memory Profile Report", with the phase names in build order.
std::vector<std::string> table_lines(const std::string& out) {
  std::vector<std::string> lines = lines_of(out);
  auto start = std::find(lines.begin(), lines.end(), "Memory Profile Report");
  return start == lines.end() ? std::vector<std::string>{}
                              : std::vector<std::string>(start + 1, lines.end());
}

TEST(ProfileMemory, PrintsOneLinePerPhaseThenThePeak) {
  auto out = fresh_temp_dir();
  // Without the cache: a cache another build of bengal wrote would add a "cache:" line.
  RunResult r =
      run_bengal({"build", golden(), "-o", out.string(), "--profile-memory", "--no-cache"});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // the site's broken pages fail it
  EXPECT_TRUE(r.out.starts_with("Built ")) << r.out;
  std::vector<std::string> table = table_lines(r.out);
  ASSERT_EQ(table.size(), 8u) << r.out;
  const std::regex first(R"(discover {20} +\d+\.\d MB)");
  EXPECT_TRUE(std::regex_match(table[0], first)) << table[0];
  const char* phases[] = {"index", "graph", "plan", "render 1/1", "finalize"};
  for (size_t i = 0; i < 5; ++i) {
    std::regex line(std::string(phases[i]) + R"( +\d+\.\d MB \([+-]\d+\.\d MB\))");
    EXPECT_TRUE(std::regex_match(table[i + 1], line)) << table[i + 1];
    EXPECT_EQ(table[i + 1].find(" MB ("), 34u) << "sizes line up: " << table[i + 1];
  }
  EXPECT_TRUE(std::regex_match(
      table[6],
      std::regex(
          R"(Index: \d+\.\d MB \(\d+ bytes a page\) and \d+\.\d MB of summaries, links and heading ids on disk; content store at the end: )"
          R"(\d+ pages, \d+\.\d MB)")))
      << table[6];
  EXPECT_TRUE(std::regex_match(table[7], std::regex(R"(Peak memory: \d+\.\d MB)"))) << table[7];
}

TEST(ProfileMemory, ShowsEveryRenderBatchWhenStreaming) {
  auto out = fresh_temp_dir();
  RunResult r = run_bengal({"build", golden(), "-o", out.string(), "-q", "--profile-memory",
                            "--memory-optimized", "--batch-size", "7"});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // the site's broken pages fail it
  std::vector<std::string> table = table_lines(r.out);
  std::vector<std::string> names;
  for (const auto& line : table) names.push_back(line.substr(0, line.find("  ")));
  // 19 pages in batches of 7 (the 2 hub pages open the first one).
  std::vector<std::string> expected = {"discover",   "index",      "graph",      "plan",
                                       "render 1/3", "render 2/3", "render 3/3", "finalize"};
  ASSERT_GE(names.size(), expected.size());
  EXPECT_EQ(std::vector<std::string>(names.begin(), names.begin() + 8), expected);
}

TEST(BuildReport, JsonHasTheDocumentedSchema) {
  auto out = fresh_temp_dir("out");
  auto reports = fresh_temp_dir("report");
  RunResult r = run_bengal({"build", golden(), "-o", out.string(), "-q", "--report-dir",
                            reports.string(), "--memory-optimized", "--batch-size", "7"});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // the site's broken pages fail it
  EXPECT_EQ(r.out, "");
  auto j = nlohmann::json::parse(read_file(reports / "build-report.json"));
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["bengal"], "0.1.0");
  EXPECT_EQ(j["policy"], "streaming");
  EXPECT_EQ(j["batch_size"], 7);
  EXPECT_EQ(j["batches"], 3);
  EXPECT_EQ(j["hubs"], 2);
  EXPECT_EQ(j["output_dir"], out.string());
  for (const char* key : {"elapsed_seconds", "peak_rss_bytes", "index_bytes", "index_cold_bytes",
                          "files_written", "files_unchanged", "static_files", "threads"}) {
    EXPECT_TRUE(j[key].is_number()) << key;
  }
  std::vector<std::string> phases;
  for (const auto& p : j["phases"]) {
    phases.push_back(p["name"]);
    for (const char* key :
         {"start_seconds", "seconds", "rss_bytes", "rss_change_bytes", "peak_rss_bytes",
          "store_pages", "store_bytes", "index_bytes", "pages_done"}) {
      EXPECT_TRUE(p[key].is_number()) << key;
    }
  }
  EXPECT_EQ(phases, (std::vector<std::string>{"discover", "index", "graph", "plan", "render 1/3",
                                              "render 2/3", "render 3/3", "finalize"}));
  EXPECT_EQ(j["phases"][4]["pages_done"], 7);
  EXPECT_EQ(j["phases"][6]["pages_done"], 19);
  EXPECT_EQ(j["phases"][7]["pages_done"], 25);  // and the generated pages
  // No page of the golden site shows another's content, so the hub pages' HTML is not kept
  // as they render (Streaming.HubPagesAreKeptOnlyWhenAPageReadsAnothersHtml: when it is).
  EXPECT_EQ(j["phases"][3]["store_pages"], 0);
  EXPECT_EQ(j["phases"][4]["store_pages"], 0);
  // 19 pages from content/, and 6 generated: tags and categories overviews, 3 terms, 404.
  EXPECT_EQ(j["pages"], nlohmann::json::parse(R"({"regular": 13, "section": 5, "home": 1,
      "taxonomy": 2, "term": 3, "404": 1, "total": 25})"));
  size_t tier_pages = 0;
  for (const char* tier : {"hot", "warm", "cold"}) {
    const auto& t = j["content_store"][tier];
    tier_pages += t["pages"].get<size_t>();
    for (const char* key : {"hits", "misses", "hit_rate", "resident_bytes"}) {
      EXPECT_TRUE(t[key].is_number()) << tier << " " << key;
    }
  }
  EXPECT_EQ(tier_pages, 19u);
  EXPECT_EQ(j["content_store"]["hot"]["pages"], 2);
  // Every rendered page and generated page is timed; the 20 slowest are listed, slowest first.
  ASSERT_EQ(j["slowest_pages"].size(), 20u);
  for (size_t i = 1; i < 20; ++i) {
    EXPECT_GE(j["slowest_pages"][i - 1]["seconds"], j["slowest_pages"][i]["seconds"]);
  }
  size_t timed = 0;
  for (const auto& t : j["templates"]) timed += t["pages"].get<size_t>();
  EXPECT_EQ(timed, 25u);
  // The diagnostics are the build's, as printed on stderr above the line that fails the build.
  std::vector<std::string> err_lines = lines_of(r.err);
  ASSERT_TRUE(err_lines.back().starts_with("error: the build failed with 9 errors")) << r.err;
  err_lines.pop_back();
  ASSERT_EQ(j["diagnostics"].size(), err_lines.size());
  EXPECT_EQ(j["diagnostics"][0]["severity"], "error");
  EXPECT_EQ(j["diagnostics"][0]["file"], "content/posts/bad-date.md");
  EXPECT_EQ(j["diagnostics"][0]["line"], 3);
  EXPECT_EQ(j["diagnostics"][0]["column"], 7);
  double last = -1;
  for (const auto& point : j["rss_timeline"]) {
    ASSERT_EQ(point.size(), 2u);
    EXPECT_GT(point[0].get<double>(), last);
    last = point[0];
  }
  EXPECT_NE(read_file(reports / "build-report.html").find("<svg id=\"chart-rss\""),
            std::string::npos);
}

TEST(BuildReport, ReportWithoutDirGoesIntoTheSiteFolder) {
  auto site = fresh_temp_dir("site");
  std::filesystem::copy(source_dir() / "tests/sites/themed", site,
                        std::filesystem::copy_options::recursive);
  RunResult r = run_bengal({"build", site.string(), "--report"});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // the site's broken pages fail it
  EXPECT_TRUE(std::filesystem::exists(site / "build-report.json"));
  EXPECT_TRUE(std::filesystem::exists(site / "build-report.html"));
  EXPECT_NE(r.out.find("Report: " + (site / "build-report.html").string() + "\n"),
            std::string::npos)
      << r.out;
}

TEST(Progress, PlainPrintsALinePerPhase) {
  auto out = fresh_temp_dir();
  RunResult r = run_bengal({"build", golden(), "-o", out.string(), "--progress", "plain"});
  ASSERT_EQ(r.exit_code, 1);  // the site's broken pages fail it
  std::vector<std::string> lines;
  for (const auto& line : lines_of(r.err)) {
    if (line.find("error: ") == std::string::npos) lines.push_back(line);
  }
  ASSERT_EQ(lines.size(), 6u) << r.err;
  EXPECT_TRUE(std::regex_match(lines[0], std::regex(R"(discover: RSS \d+\.\d MB, \d+\.\d s)")))
      << lines[0];
  EXPECT_TRUE(lines[3].starts_with("plan: 0/25 pages, RSS ")) << lines[3];
  EXPECT_TRUE(std::regex_match(
      lines[4], std::regex(R"(render 1/1: 19/25 pages, \d+ pages/s, RSS \d+\.\d MB, \d+\.\d s)")))
      << lines[4];
  EXPECT_TRUE(lines[5].starts_with("finalize: 25/25 pages, ")) << lines[5];
}

TEST(Progress, ShortBuildsInALogPrintNoProgress) {
  auto out = fresh_temp_dir();
  RunResult r = run_bengal({"build", golden(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 1);  // the site's broken pages fail it
  EXPECT_EQ(r.err.find("discover"), std::string::npos) << r.err;
}

// Runs `bengal ARGS` with a terminal for its output (script(1) gives it a pty) and returns
// what the terminal received, stdout and stderr together.
std::string run_on_terminal(const std::string& args) {
  std::string cmd = "script -qec '" + std::string(BENGAL_BINARY) + " " + args + "' /dev/null";
  std::string out;
  if (FILE* pipe = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    pclose(pipe);
  }
  return out;
}

TEST(Progress, OnATerminalOneLineIsRewrittenAndClearedAtTheEnd) {
  auto out = fresh_temp_dir();
  std::string tty = run_on_terminal("build " + golden() + " -o " + out.string() + " --no-cache");
  // Each state replaces the last: carriage return, erase line, the new state, no newline.
  EXPECT_TRUE(tty.starts_with("\r\033[Kdiscover: RSS ")) << tty;
  size_t plan = tty.find("\r\033[Kplan: 0/25 pages, RSS ");
  size_t render = tty.find("\r\033[Krender 1/1: 19/25 pages, ");
  size_t finalize = tty.find("\r\033[Kfinalize: 25/25 pages, ");
  ASSERT_NE(finalize, std::string::npos) << tty;
  EXPECT_LT(plan, render);
  EXPECT_LT(render, finalize);
  // The line is erased before the diagnostics and the summary, which start clean.
  size_t cleared = tty.find(" s\r\033[Kcontent/posts/bad-date.md:3:7: error: ", finalize);
  ASSERT_NE(cleared, std::string::npos) << tty;
  // One line all along: no state ends a line (a slow machine may show a phase more than once,
  // each time in place of the last).
  EXPECT_EQ(tty.substr(0, cleared).find('\n'), std::string::npos) << tty;
}

TEST(Progress, RejectsUnknownMode) {
  RunResult r = run_bengal({"build", golden(), "--progress", "fancy"});
  EXPECT_EQ(r.exit_code, 2);  // a usage error
  EXPECT_NE(r.err.find("--progress"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace bengal::test
