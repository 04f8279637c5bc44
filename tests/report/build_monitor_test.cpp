#include "bengal/report/build_monitor.hpp"

#include <algorithm>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace bengal::report {
namespace {

TEST(BuildMonitor, KeepsTheTwentySlowestPagesAndEveryTemplatesTotal) {
  // 500 pages timed in a shuffled order: page N took N ms; pages 498 and 499 took as long,
  // so their sources decide their order.
  std::vector<PageTiming> timings;
  for (int n = 0; n < 500; ++n) {
    int ms = n == 499 ? 498 : n;
    timings.push_back({fmt::format("content/p{:03}.md", n), fmt::format("/p{}/", n),
                       n % 2 ? "page.html" : "list.html", ms / 1000.0});
  }
  std::shuffle(timings.begin(), timings.end(), std::mt19937(7));
  MonitorOptions options;
  options.time_pages = true;
  BuildMonitor monitor(options);
  for (auto& t : timings) monitor.add_timing(t);
  BuildReport report;
  monitor.finish(report);

  ASSERT_EQ(report.slowest_pages.size(), 20u);
  EXPECT_EQ(report.slowest_pages[0].source, "content/p498.md");
  EXPECT_EQ(report.slowest_pages[1].source, "content/p499.md");
  EXPECT_EQ(report.slowest_pages[1].url, "/p499/");
  EXPECT_EQ(report.slowest_pages[1].template_name, "page.html");
  for (size_t i = 2; i < 20; ++i)
    EXPECT_EQ(report.slowest_pages[i].source, fmt::format("content/p{:03}.md", 499 - i)) << i;

  ASSERT_EQ(report.templates.size(), 2u);
  EXPECT_EQ(report.templates[0].name, "page.html");  // the odd pages, 1 ms more each
  EXPECT_EQ(report.templates[0].pages, 250u);
  EXPECT_NEAR(report.templates[0].seconds, (250 * 250 - 1) / 1000.0, 1e-9);
  EXPECT_EQ(report.templates[1].name, "list.html");
  EXPECT_EQ(report.templates[1].pages, 250u);
  EXPECT_NEAR(report.templates[1].seconds, 249 * 250 / 1000.0, 1e-9);
}

}  // namespace
}  // namespace bengal::report
