// The memory profiler's table and build-report.json, exactly, for reports made by hand.
#include "bengal/report/build_report.hpp"

#include <gtest/gtest.h>

namespace bengal::report {
namespace {

constexpr size_t kMB = 1024 * 1024;

PhaseSample phase(std::string name, double start, double seconds, size_t rss_tenths_mb) {
  PhaseSample p;
  p.name = std::move(name);
  p.start_seconds = start;
  p.seconds = seconds;
  p.rss_bytes = rss_tenths_mb * kMB / 10;
  p.peak_rss_bytes = p.rss_bytes;
  return p;
}

BuildReport small_report() {
  BuildReport r;
  r.bengal_version = "0.1.0";
  r.site_dir = "site";
  r.stats.output_dir = "site/public";
  r.stats.policy = "streaming";
  r.stats.threads = 2;
  r.stats.batch_size = 1000;
  r.stats.batches = 2;
  r.stats.hubs = 1;
  r.stats.elapsed_seconds = 0.5;
  r.stats.peak_rss_bytes = 1423 * kMB / 10;
  r.stats.index_bytes = 2 * kMB;
  r.phases = {phase("discover", 0, 0.1, 482), phase("index", 0.1, 0.05, 610),
              phase("render 1/2", 0.15, 0.2, 1423), phase("render 2/2", 0.35, 0.1, 1200)};
  r.phases[3].store_pages = 3;
  r.phases[3].store_bytes = kMB;
  r.pages = {{"regular", 1000}, {"section", 20}, {"home", 1}, {"term", 7}};
  return r;
}

TEST(MemoryTable, ListsPhasesWithChangesIndexStoreAndPeak) {
  EXPECT_EQ(format_memory_table(small_report()),
            "Memory Profile Report\n"
            "discover                      48.2 MB\n"
            "index                         61.0 MB (+12.8 MB)\n"
            "render 1/2                   142.3 MB (+81.3 MB)\n"
            "render 2/2                   120.0 MB (-22.3 MB)\n"
            // 2 MB over the 1,021 pages from content/ (terms have no index entry).
            "Index: 2.0 MB (2054 bytes a page); content store at the end: 3 pages, 1.0 MB\n"
            "Peak memory: 142.3 MB\n");
}

TEST(MemoryTable, EmptyReportStillSaysThePeak) {
  BuildReport r;
  r.stats.peak_rss_bytes = 10 * kMB;
  EXPECT_EQ(format_memory_table(r), "Memory Profile Report\nIndex: 0.0 MB\nPeak memory: 10.0 MB\n");
}

TEST(ReportJson, WritesEveryKeyInTheDocumentedOrder) {
  BuildReport r = small_report();
  r.phases.resize(1);
  r.pages = {{"regular", 2}, {"404", 1}};
  r.tiers = {{"hot", 1, 4, 1, 100}, {"warm", 1, 0, 0, 0}};
  r.slowest_pages = {{"content/a.md", "/a/", "page.html", 0.25}};
  r.templates = {{"page.html", 2, 0.5}};
  r.diagnostics = {{"warning", "content/a.md", 3, 7, "say \"what\"\nand fix"}};
  r.timeline = {{0.01, 1000}, {0.02, 2000}};
  EXPECT_EQ(
      report_json(r),
      R"({"schema":1,"bengal":"0.1.0","site_dir":"site","output_dir":"site/public",)"
      R"("policy":"streaming","threads":2,"batch_size":1000,"batches":2,"hubs":1,)"
      R"("elapsed_seconds":0.500000,"peak_rss_bytes":149212364,"index_bytes":2097152,)"
      R"("index_cold_bytes":0,"files_written":0,"files_unchanged":0,"static_files":0,)"
      R"("phases":[{"name":"discover","start_seconds":0.000000,"seconds":0.100000,)"
      R"("rss_bytes":50541363,"rss_change_bytes":0,"peak_rss_bytes":50541363,"store_pages":0,)"
      R"("store_bytes":0,"index_bytes":0,"pages_done":0}],)"
      R"("pages":{"regular":2,"404":1,"total":3},)"
      R"("content_store":{"hot":{"pages":1,"hits":4,"misses":1,"hit_rate":0.800000,)"
      R"("resident_bytes":100},"warm":{"pages":1,"hits":0,"misses":0,"hit_rate":0.000000,)"
      R"("resident_bytes":0}},)"
      R"("slowest_pages":[{"source":"content/a.md","url":"/a/","template":"page.html",)"
      R"("seconds":0.250000}],"templates":[{"name":"page.html","pages":2,"seconds":0.500000}],)"
      R"("diagnostics":[{"severity":"warning","file":"content/a.md","line":3,"column":7,)"
      R"("message":"say \"what\"\nand fix"}],)"
      R"("rss_timeline":[[0.010000,1000],[0.020000,2000]]})"
      "\n");
}

TEST(ReportJson, ChangeIsSignedAgainstThePhaseBefore) {
  std::string json = report_json(small_report());
  EXPECT_NE(json.find(R"("name":"render 2/2","start_seconds":0.350000,"seconds":0.100000,)"
                      R"("rss_bytes":125829120,"rss_change_bytes":-23383244,)"),
            std::string::npos)
      << json;
}

}  // namespace
}  // namespace bengal::report
