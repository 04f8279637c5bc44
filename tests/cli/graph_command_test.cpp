// `bengal graph` on the golden site: exact output in each format, compared with
// tests/sites/golden-graph.expected/ (written instead with BENGAL_UPDATE_GOLDEN=1, as
// scripts/update-golden.sh runs it).
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace bengal::test {
namespace {

class GraphCommand : public ::testing::TestWithParam<std::string> {};

TEST_P(GraphCommand, PrintsTheExpectedReport) {
  const std::string& format = GetParam();
  auto expected = source_dir() / "tests/sites/golden-graph.expected";
  RunResult r = run_bengal(
      {"graph", (source_dir() / "tests/sites/golden").string(), "--format", format, "--top", "5"});
  EXPECT_EQ(r.exit_code, 0);
  expect_golden_file(expected / ("graph." + format), r.out);
  // Broken pages of the golden site are reported, with file and line, as in a build.
  expect_golden_file(expected / "stderr.txt", r.err);
}

INSTANTIATE_TEST_SUITE_P(Formats, GraphCommand, ::testing::Values("text", "json", "dot"));

TEST(GraphCommand, JsonHasTheDocumentedShape) {
  RunResult r = run_bengal({"graph", (source_dir() / "tests/sites/golden").string(), "--format",
                            "json", "--top", "2", "--components", "0"});
  ASSERT_EQ(r.exit_code, 0);
  // Top-level keys in their documented order.
  size_t at = 0;
  for (const char* key :
       {"\"pages\": 19", "\"links\": 2", "\"navigation_edges\":", "\"broken_links\": 0",
        "\"pagerank_iterations\":", "\"top\": [", "\"hubs\": {\"percent\": 10, \"pages\": [",
        "\"orphans\": [", "\"components\": {\"count\": 1, \"largest\": []}"}) {
    size_t found = r.out.find(key, at);
    ASSERT_NE(found, std::string::npos) << key;
    at = found;
  }
}

TEST(GraphCommand, RejectsUnknownFormatAndMissingSite) {
  RunResult r = run_bengal({"graph", ".", "--format", "svg"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_bengal({"graph", "/nonexistent/site"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "error: site folder /nonexistent/site does not exist; pass the folder that holds "
            "bengal.toml\n");
}

}  // namespace
}  // namespace bengal::test
