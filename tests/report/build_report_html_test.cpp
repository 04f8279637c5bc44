// build-report.html: exact checks on the markup of synthetic reports, then a real browser
// (headless Chromium) loads a report and must build the three charts without a console message.
#include <gtest/gtest.h>

#include <regex>

#include "../support/chromium.hpp"
#include "../support/run.hpp"
#include "bengal/report/build_report.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

using report::BuildReport;
using report::PhaseSample;
using report::report_html;

constexpr size_t kMB = 1024 * 1024;

// discover, index, graph, plan, `batches` render batches, finalize; 0.1 s each, RSS rising by
// 1 MB a phase, sampled every 10 ms as the build's sampler thread does.
BuildReport sample_report(size_t batches = 3) {
  BuildReport r;
  r.bengal_version = "0.1.0";
  r.site_dir = "sites/blog";
  r.stats.output_dir = "public";
  r.stats.policy = "streaming";
  r.stats.threads = 2;
  r.stats.batch_size = 100;
  r.stats.batches = batches;
  r.stats.hubs = 4;
  std::vector<std::string> names = {"discover", "index", "graph", "plan"};
  for (size_t i = 1; i <= batches; ++i)
    names.push_back("render " + std::to_string(i) + "/" + std::to_string(batches));
  names.push_back("finalize");
  for (size_t i = 0; i < names.size(); ++i) {
    PhaseSample p;
    p.name = names[i];
    p.start_seconds = 0.1 * static_cast<double>(i);
    p.seconds = 0.1;
    p.rss_bytes = (20 + i) * kMB;
    p.peak_rss_bytes = p.rss_bytes + kMB;
    p.store_pages = i * 10;
    p.store_bytes = i * 64 * 1024;
    p.index_bytes = i == 0 ? 0 : 3 * kMB;
    p.pages_done = i * 100;
    r.phases.push_back(p);
  }
  r.stats.elapsed_seconds = 0.1 * static_cast<double>(names.size());
  for (size_t i = 0; i * 0.01 <= r.stats.elapsed_seconds; ++i)
    r.timeline.push_back({i * 0.01, (20 + i / 10) * kMB});
  r.stats.peak_rss_bytes = (21 + names.size()) * kMB;
  r.stats.index_bytes = 3 * kMB;
  r.stats.files_written = 250;
  r.stats.static_files = 12;
  r.pages = {{"regular", 240}, {"section", 5}, {"home", 1}, {"taxonomy", 1}, {"term", 3}};
  r.tiers = {{"hot", 12, 900, 0, 2 * kMB}, {"warm", 40, 300, 25, kMB}, {"cold", 198, 0, 410, 0}};
  r.slowest_pages = {{"content/docs/intro.md", "/docs/intro/", "single.html", 0.012}};
  r.templates = {{"single.html", 240, 1.5}, {"list.html", 10, 0.25}};
  r.diagnostics = {{"warning", "content/a & b.md", 3, 7, "unknown shortcode"}};
  return r;
}

// The markup of one chart, from its <svg id="…"> to its </svg>; empty when absent.
std::string chart(const std::string& html, const std::string& id) {
  size_t start = html.find("<svg id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  size_t end = html.find("</svg>", start);
  return end == std::string::npos ? "" : html.substr(start, end - start);
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(BuildReportHtml, IsOneDocumentWithThreeTitledCharts) {
  std::string html = report_html(sample_report());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>")) << html.substr(0, 80);
  EXPECT_TRUE(html.ends_with("</html>\n"));
  for (const char* id : {"chart-rss", "chart-phases", "chart-store"}) {
    std::string svg = chart(html, id);
    ASSERT_FALSE(svg.empty()) << id;
    EXPECT_EQ(count(html, std::string("<svg id=\"") + id + "\""), 1u) << id;
    EXPECT_NE(svg.find("<title id=\"" + std::string(id) + "-title\">"), std::string::npos) << id;
    EXPECT_NE(svg.find("class=\"axis-title"), std::string::npos) << id;
  }
  EXPECT_NE(chart(html, "chart-rss").find("<polyline class=\"rss\""), std::string::npos);
  EXPECT_NE(chart(html, "chart-rss").find("class=\"peak\""), std::string::npos);
  EXPECT_EQ(count(chart(html, "chart-phases"), "class=\"bar\""), 8u);  // 4 + 3 batches + 1
  EXPECT_EQ(count(chart(html, "chart-store"), "class=\"hits\""), 4u);  // 3 tiers + legend
  EXPECT_EQ(count(chart(html, "chart-store"), "class=\"misses\""), 4u);
}

TEST(BuildReportHtml, HasNoScriptsOrOutsideResources) {
  std::string html = report_html(sample_report());
  for (const char* banned : {"<script", "<link", "src=", "href=", "url(", "@import"})
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  EXPECT_NE(html.find("<style>"), std::string::npos);
}

TEST(BuildReportHtml, ShowsHeaderAndTables) {
  std::string html = report_html(sample_report());
  for (const char* want : {"<dd>0.1.0</dd>", "<dd>sites/blog</dd>", "<dd>streaming</dd>",
                           "<dd>0.800 s</dd>", "<dd>29.0 MB</dd>", "<dd>3.0 MB</dd>",
                           // phase row: name, time, RSS, change, store pages/bytes, index
                           "<td>render 2/3</td><td class=\"num\">0.100 s</td><td "
                           "class=\"num\">25.0 MB</td><td class=\"num\">+1.0 MB</td>",
                           "<td>total</td><td class=\"num\">250</td>",
                           // tier row with its hit rate; a tier never looked up has none
                           "<td>warm</td><td class=\"num\">40</td><td class=\"num\">300</td><td "
                           "class=\"num\">25</td><td class=\"num\">92.3%</td>",
                           "<td>/docs/intro/</td>",
                           "<td>list.html</td><td class=\"num\">10</td><td class=\"num\">0.250 "
                           "s</td><td class=\"num\">0.025 s</td>",
                           "Diagnostics: 0 errors, 1 warning", "<td>content/a &amp; b.md:3:7</td>"})
    EXPECT_NE(html.find(want), std::string::npos) << want;
}

TEST(BuildReportHtml, EscapesText) {
  BuildReport r = sample_report();
  r.site_dir = "sites/<b>&co";
  r.diagnostics.push_back(
      {"error", "layouts/x.html", 1, 0, "unexpected <script>alert(\"x\")</script>"});
  r.phases[0].name = "discover <i>";
  std::string html = report_html(r);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("unexpected &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("<dd>sites/&lt;b&gt;&amp;co</dd>"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"error\"><td>error</td><td>layouts/x.html:1</td>"),
            std::string::npos);
  EXPECT_NE(chart(html, "chart-rss").find("discover &lt;i&gt;"), std::string::npos);
}

// A "nan" or "inf" in an SVG attribute makes the browser drop the element.
void expect_finite_numbers(const std::string& html) {
  static const std::regex bad(R"(\b-?(nan|inf)\b)", std::regex::icase);
  std::smatch m;
  EXPECT_FALSE(std::regex_search(html, m, bad)) << "found \"" << m.str() << "\"";
}

TEST(BuildReportHtml, EmptyReportHasPlaceholdersAndNoNan) {
  std::string html = report_html(BuildReport{});
  expect_finite_numbers(html);
  for (const char* id : {"chart-rss", "chart-phases", "chart-store"})
    EXPECT_FALSE(chart(html, id).empty()) << id;
  EXPECT_NE(chart(html, "chart-rss").find("no RSS samples"), std::string::npos);
  EXPECT_NE(chart(html, "chart-phases").find("no phases recorded"), std::string::npos);
  EXPECT_NE(chart(html, "chart-store").find("no content store tiers"), std::string::npos);
  EXPECT_NE(html.find("No warnings or errors."), std::string::npos);
}

// Every phase, sample and count there, but all zero: each ratio the charts draw is 0 / 0.
BuildReport zero_report() {
  BuildReport r = sample_report();
  for (auto& p : r.phases) p.start_seconds = p.seconds = 0;
  r.timeline = {{0, 0}};
  r.stats.elapsed_seconds = 0;
  r.stats.peak_rss_bytes = 0;
  for (auto& p : r.phases) p.rss_bytes = p.peak_rss_bytes = 0;
  for (auto& t : r.tiers) t.hits = t.misses = 0;
  r.templates = {{"single.html", 0, 0}};
  return r;
}

TEST(BuildReportHtml, ZeroSecondBuildWithZeroCountsHasNoNan) {
  std::string html = report_html(zero_report());
  expect_finite_numbers(html);
  // A tier never looked up has no hit rate.
  EXPECT_NE(html.find("<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">—</td>"),
            std::string::npos);
}

TEST(BuildReportHtml, MergesManyRenderBatchesInPhaseChart) {
  std::string html = report_html(sample_report(40));
  std::string phases = chart(html, "chart-phases");
  EXPECT_NE(phases.find(">render (40 batches)</text>"), std::string::npos);
  EXPECT_NE(phases.find("render (40 batches): 4.000 s"), std::string::npos);  // summed time
  EXPECT_EQ(phases.find("render 7/40"), std::string::npos);
  EXPECT_EQ(count(phases, "class=\"bar\""), 6u);  // discover index graph plan render finalize
  // The table still lists every batch.
  EXPECT_NE(html.find("<td>render 7/40</td>"), std::string::npos);
}

TEST(BuildReportHtml, KeepsBatchesWhenFewPhases) {
  std::string phases = chart(report_html(sample_report(8)), "chart-phases");  // 13 phases
  EXPECT_NE(phases.find(">render (8 batches)</text>"), std::string::npos);
  phases = chart(report_html(sample_report(7)), "chart-phases");  // 12 phases
  EXPECT_EQ(phases.find("batches)"), std::string::npos);
  EXPECT_NE(phases.find(">render 7/7</text>"), std::string::npos);
}

TEST(BuildReportHtml, LabelsManyPhaseBandsSparsely) {
  std::string rss = chart(report_html(sample_report(200)), "chart-rss");
  EXPECT_EQ(count(rss, "class=\"band band-"), 205u);  // every phase has its band
  size_t labels = count(rss, "class=\"band-label\"");
  EXPECT_GE(labels, 5u);
  EXPECT_LE(labels, 40u);
  // Few phases: every one is named.
  rss = chart(report_html(sample_report(3)), "chart-rss");
  EXPECT_EQ(count(rss, "class=\"band-label\""), 8u);
}

TEST(BuildReportHtml, ThinsLongTimelinesKeepingPeaks) {
  BuildReport r = sample_report();
  r.timeline.clear();
  for (size_t i = 0; i < 100000; ++i)
    r.timeline.push_back({i * 0.01, (i == 54321 ? 900 : 10) * kMB});
  r.stats.elapsed_seconds = 1000;
  std::string rss = chart(report_html(r), "chart-rss");
  // Found by hand: std::regex recurses per character and overflows the stack (under ASan)
  // on a polyline of thousands of points.
  size_t at = rss.find("points=\"");
  ASSERT_NE(at, std::string::npos);
  at += 8;
  std::string points = rss.substr(at, rss.find('"', at) - at);
  EXPECT_LE(count(points, ","), 2000u);
  EXPECT_GE(count(points, ","), 1000u);
  // The 900 MB spike survives: on the 0-1000 MB axis, 216 px high from y = 34, it is at 55.6.
  EXPECT_NE(points.find(",55.6"), std::string::npos);
}

// Tick labels of one chart, in order.
std::vector<std::string> ticks(const std::string& svg) {
  static const std::regex tick(R"re(class="tick (?:mid|end)">([^<]*)<)re");
  std::vector<std::string> labels;
  for (std::sregex_iterator it(svg.begin(), svg.end(), tick), end; it != end; ++it)
    labels.push_back((*it)[1]);
  return labels;
}

using Labels = std::vector<std::string>;

TEST(BuildReportHtml, AxesHaveRoundTicks) {
  std::string html = report_html(sample_report());
  // RSS up to 29 MB, 0.8 s; y ticks first, then x.
  EXPECT_EQ(ticks(chart(html, "chart-rss")),
            (Labels{"0.0 MB", "8.0 MB", "16.0 MB", "24.0 MB", "32.0 MB", "0 s", "0.2 s", "0.4 s",
                    "0.6 s", "0.8 s"}));
  // Longest phase 0.1 s; the phase names follow the time ticks.
  Labels phases = ticks(chart(html, "chart-phases"));
  phases.resize(5);
  EXPECT_EQ(phases, (Labels{"0", "0.025", "0.05", "0.075", "0.1"}));
  // At most 900 lookups; counts step by whole numbers, even for a handful.
  EXPECT_EQ(ticks(chart(html, "chart-store")),
            (Labels{"0", "250", "500", "750", "1000", "hot", "warm", "cold"}));
  BuildReport few = sample_report();
  few.tiers = {{"hot", 1, 3, 1, 0}};
  EXPECT_EQ(ticks(chart(report_html(few), "chart-store")),
            (Labels{"0", "1", "2", "3", "4", "hot"}));
  // An empty report still gets distinct ticks.
  EXPECT_EQ(ticks(chart(report_html(BuildReport{}), "chart-rss")),
            (Labels{"0.0 MB", "1.0 MB", "2.0 MB", "3.0 MB", "4.0 MB", "0 s", "1 s", "2 s", "3 s",
                    "4 s"}));
}

TEST(BuildReportHtml, IsDeterministic) {
  EXPECT_EQ(report_html(sample_report(20)), report_html(sample_report(20)));
}

// --- Headless Chromium ----------------------------------------------------------------------
// The report runs no script, so any console line is a fault.

TEST(BuildReportHtmlBrowser, RendersChartsWithoutConsoleMessages) {
  // 20 batches: the phase chart merges them, the RSS chart labels them sparsely.
  ASSERT_TRUE(chromium_installed()) << kChromiumInstallHint;
  BuildReport r = sample_report(20);
  r.diagnostics.push_back({"error", "x.md", 1, 1, "<script>undefined_function()</script>"});
  fs::path page = fresh_temp_dir() / "build-report.html";
  write_file(page, report_html(r));
  BrowserRun run = open_in_chromium(page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.console.empty()) << joined(run.console);
  // The browser parsed each chart into SVG elements with their shapes.
  EXPECT_NE(chart(run.dom, "chart-rss").find("<polyline"), std::string::npos) << run.dom;
  EXPECT_NE(chart(run.dom, "chart-rss").find("<rect"), std::string::npos);
  EXPECT_NE(chart(run.dom, "chart-phases").find("<rect"), std::string::npos);
  EXPECT_NE(chart(run.dom, "chart-store").find("<rect"), std::string::npos);
  EXPECT_NE(run.dom.find("render (20 batches)"), std::string::npos);
}

// A build of 0 s with zero counts: Chromium rejects any NaN or negative size in the charts.
TEST(BuildReportHtmlBrowser, RendersZeroSecondReportWithoutConsoleMessages) {
  ASSERT_TRUE(chromium_installed()) << kChromiumInstallHint;
  fs::path page = fresh_temp_dir() / "build-report.html";
  write_file(page, report_html(zero_report()));
  BrowserRun run = open_in_chromium(page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.console.empty()) << joined(run.console);
  EXPECT_NE(chart(run.dom, "chart-rss").find("<polyline"), std::string::npos) << run.dom;
  EXPECT_NE(chart(run.dom, "chart-store").find("<rect"), std::string::npos);
}

// The checks above are only worth something if a broken page fails them: a script error and
// an unparsable SVG attribute must each show up as a console line.
TEST(BuildReportHtmlBrowser, ReportsConsoleErrorsOfABrokenPage) {
  ASSERT_TRUE(chromium_installed()) << kChromiumInstallHint;
  fs::path page = fresh_temp_dir() / "broken.html";
  write_file(page,
             "<!DOCTYPE html><html><body><script>undefined_function()</script>"
             "<svg><rect width=\"nan\" height=\"1\"/></svg></body></html>");
  BrowserRun run = open_in_chromium(page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string console = joined(run.console);
  EXPECT_EQ(run.console.size(), 2u) << run.err;
  EXPECT_NE(console.find("Uncaught ReferenceError: undefined_function is not defined"),
            std::string::npos)
      << run.err;
  EXPECT_NE(console.find("<rect> attribute width"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace bengal::test
