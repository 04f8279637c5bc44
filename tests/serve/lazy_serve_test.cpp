// `bengal serve --lazy` over real HTTP: a page asked for before the fill is rendered on the
// spot and equals the fully built one; once the fill ends the folder equals a `bengal build`
// with the same baseurl, byte for byte; traversal is still refused; an edit during the fill
// cancels it and serves the new text with a reload event. The fill is held at a gate the
// test opens, so "before the fill ends" is certain, not a race.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fmt/format.h>

#include <condition_variable>
#include <thread>

#include "../support/eventually.hpp"
#include "../support/run.hpp"
#include "bengal/pipeline/build.hpp"
#include "bengal/serve/dev_server.hpp"
#include "bengal/serve/live_reload.hpp"
#include "serve_test_options.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace bengal::serve::lazy_test {
namespace {

using test::eventually;

// 3 sections of 14 pages in a subsection (seven list pages each, two pages a list page), tags,
// an alias, search with full text, feeds and graph.json: every kind of render unit and every
// site-wide output. The home page and the tag "all" list all 42 pages: 21 list pages each, a
// list long enough that a request renders only the list page it asks for first.
test::Files lazy_site() {
  test::Files files = {
      {"bengal.toml",
       "[site]\ntitle = \"Lazy\"\nbaseurl = \"https://example.org/\"\n[features]\natom = true\n"
       "graph = true\n[search]\nfull_text = true\n[pagination]\nper_page = 2\n"},
      {"content/_index.md", "---\ntitle: Home\n---\nWelcome.\n\n:::{nosuch}\nA warning.\n:::\n"},
      {"static/css/extra.css", "body { color: black; }\n"},
  };
  for (int s = 1; s <= 3; ++s) {
    files[fmt::format("content/s{}/_index.md", s)] =
        fmt::format("---\ntitle: Section {}\n---\nSection {}.\n", s, s);
    for (int p = 1; p <= 14; ++p) {
      std::string extra = s == 1 && p == 1 ? "aliases: [/old-home/]\n" : "";
      files[fmt::format("content/s{}/deep/page-{:02}.md", s, p)] = fmt::format(
          "---\ntitle: Page {} {}\ndate: 2024-01-{:02}\ntags: [t{}, all]\n{}---\nBody of page {} "
          "in section {}, see [home](/).\n",
          s, p, p, p % 4, extra, p, s);
    }
  }
  return files;
}

// Generous: the sanitized build under a loaded machine is slow to render a site.
constexpr auto kWait = 5000ms;

// Holds every fill before it renders until opened (or cancelled).
class Gate {
 public:
  void wait(const std::atomic<bool>& cancel) {
    std::unique_lock lock(mutex_);
    ++arrived_;
    while (!open_ && !cancel.load()) changed_.wait_for(lock, 5ms);
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  void close() {
    std::lock_guard lock(mutex_);
    open_ = false;
  }
  int arrived() {
    std::lock_guard lock(mutex_);
    return arrived_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
  int arrived_ = 0;
};

class LazyServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = test::write_files(lazy_site(), "-site");
    ServeOptions options = test_serve_options(site_);
    work_parent_ = options.work_parent;
    options.lazy_threshold_pages = 40;  // the site has 49 pages: lazy without --lazy
    options.before_fill = [this](const std::atomic<bool>& cancel) { gate_.wait(cancel); };
    server_ = std::make_unique<DevServer>(options, [this](const std::string& line) {
      std::lock_guard lock(mutex_);
      log_ += line + "\n";
    });
    ASSERT_TRUE(server_->start()) << log();
    runner_ = std::thread([this] { server_->run(stop_); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    gate_.open();
    stop_ = true;
    if (runner_.joinable()) runner_.join();
    server_.reset();
    EXPECT_TRUE(fs::is_empty(work_parent_)) << "the work folder was not removed";
  }

  std::string log() const {
    std::lock_guard lock(mutex_);
    return log_;
  }
  bool logged(std::string_view text) const { return log().find(text) != std::string::npos; }
  httplib::Result get(const std::string& path) { return client_->Get(path.c_str()); }
  // The body of `path`, which must be answered with 200.
  std::string served(const std::string& path) {
    auto res = get(path);
    if (!res || res->status != 200) {
      ADD_FAILURE() << path << ": " << (res ? std::to_string(res->status) : "no answer");
      return "";
    }
    return res->body;
  }
  // Once the fill has ended: a build of the site, which the served folder `out` must equal.
  fs::path build_after_fill(const fs::path& out) {
    EXPECT_TRUE(eventually([&] { return logged("Rendered the site: "); }, kWait)) << log();
    fs::path built = full_build();
    EXPECT_EQ(test::diff_trees(built, out), std::vector<std::string>{});
    return built;
  }
  // What the server sends for a file of a build.
  static std::string as_served(const fs::path& file) {
    return inject_live_reload(test::read_file(file), "");
  }
  // `bengal build` of the site as it is now, with the server's address as baseurl.
  fs::path full_build() {
    fs::path out = test::fresh_temp_dir("-full");
    pipeline::BuildOptions options;
    options.site_dir = site_;
    options.output_dir = out;
    options.baseurl = server_->origin();
    Diagnostics diagnostics;
    report::BuildReport report = pipeline::build_site(options, diagnostics);
    EXPECT_EQ(report.stats.outcome, report::BuildOutcome::kBuilt);
    return out;
  }

  fs::path site_, work_parent_;
  Gate gate_;
  std::unique_ptr<DevServer> server_;
  std::atomic<bool> stop_{false};
  std::thread runner_;
  std::unique_ptr<httplib::Client> client_;
  mutable std::mutex mutex_;
  std::string log_;
};

TEST_F(LazyServeTest, APageIsServedBeforeTheFillAndTheFilledSiteEqualsABuild) {
  EXPECT_TRUE(server_->lazy());
  EXPECT_TRUE(logged("(49 pages indexed in ")) << log();
  fs::path out = server_->output_dir();
  // Held at the gate: nothing but the 404 page is rendered yet; static files are copied.
  EXPECT_TRUE(eventually([&] { return gate_.arrived() == 1; }, kWait));
  EXPECT_TRUE(fs::exists(out / "404.html"));
  EXPECT_TRUE(fs::exists(out / "css/extra.css"));
  EXPECT_FALSE(fs::exists(out / "s2/deep/page-07/index.html"));

  std::string page = served("/s2/deep/page-07/");
  std::string term = served("/tags/t3/");
  std::string list2 = served("/s3/deep/page/2/");
  auto folder = get("/s1");  // its page makes the folder, then the redirect
  ASSERT_TRUE(folder);
  EXPECT_EQ(folder->status, 301);
  EXPECT_EQ(folder->get_header_value("Location"), "/s1/");
  auto missing = get("/no/such/page/");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body, as_served(out / "404.html"));
  for (const char* path : {"/../outside.txt", "/%2e%2e/outside.txt", "/s1/%2f../../x"}) {
    httplib::Request req;
    req.method = "GET";
    req.path = path;
    auto res = client_->send(req);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path;
  }
  // Still before the fill: the other pages and the site-wide files are not there.
  EXPECT_FALSE(fs::exists(out / "s2/deep/page-06/index.html"));
  EXPECT_FALSE(fs::exists(out / "sitemap.xml"));
  EXPECT_FALSE(logged("Rendered the site"));

  // The sitemap waits for the fill, which the gate now lets go.
  int sitemap_status = 0;
  std::string sitemap;
  std::thread asks([&] {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30, 0);
    if (auto res = client.Get("/sitemap.xml")) {
      sitemap_status = res->status;
      sitemap = res->body;
    }
  });
  std::this_thread::sleep_for(100ms);
  gate_.open();
  asks.join();
  EXPECT_EQ(sitemap_status, 200);
  fs::path built = build_after_fill(out);
  // What was served before the fill is what the build wrote.
  EXPECT_EQ(page, as_served(built / "s2/deep/page-07/index.html"));
  EXPECT_EQ(term, as_served(built / "tags/t3/index.html"));
  EXPECT_EQ(list2, as_served(built / "s3/deep/page/2/index.html"));
  EXPECT_EQ(sitemap, test::read_file(built / "sitemap.xml"));
}

// A list page of a long list (more than 8 list pages) is rendered alone on request, before its
// list; the list renders whole in its turn and writes the same bytes. A short list renders
// whole at the first request for any of its pages.
TEST_F(LazyServeTest, APageOfALongListIsRenderedAloneBeforeTheList) {
  fs::path out = server_->output_dir();
  EXPECT_TRUE(eventually([&] { return gate_.arrived() == 1; }, kWait));

  std::string home3 = served("/page/3/");
  std::string all5 = served("/tags/all/page/5/");
  std::string home1 = served("/");
  EXPECT_EQ(served("/page/3/"), home3);  // written once already: answered from the file
  EXPECT_TRUE(fs::exists(out / "page/3/index.html"));
  EXPECT_TRUE(fs::exists(out / "tags/all/page/5/index.html"));
  for (const char* rest : {"page/2/index.html", "page/4/index.html", "page/21/index.html",
                           "tags/all/index.html", "tags/all/page/4/index.html"}) {
    EXPECT_FALSE(fs::exists(out / rest)) << rest;
  }
  std::string section2 = served("/s1/deep/page/2/");  // 7 list pages: the whole list at once
  EXPECT_TRUE(fs::exists(out / "s1/deep/index.html"));
  EXPECT_TRUE(fs::exists(out / "s1/deep/page/7/index.html"));

  gate_.open();
  fs::path built = build_after_fill(out);
  EXPECT_EQ(home3, as_served(built / "page/3/index.html"));
  EXPECT_EQ(home1, as_served(built / "index.html"));
  EXPECT_EQ(all5, as_served(built / "tags/all/page/5/index.html"));
  EXPECT_EQ(section2, as_served(built / "s1/deep/page/2/index.html"));
  // The home page's body warns once, though /page/3/ and / were previewed before it rendered.
  std::string text = log();
  std::string_view warning = "content/_index.md:6:1: warning: unknown directive 'nosuch'";
  size_t first = text.find(warning);
  ASSERT_NE(first, std::string::npos) << text;
  EXPECT_EQ(text.find("unknown directive", first + warning.size()), std::string::npos) << text;
}

// The second version is a copy of the first; the third is built in the first one's folder,
// which still holds the first version's files (a page deleted since, a page's old text): the
// filled folder equals a build all the same, and no folder is copied or deleted for it. A
// request for the deleted page during the third version's fill is not answered from the old
// file: it waits for the fill, then gets the 404 page.
TEST_F(LazyServeTest, TheThirdVersionIsBuiltInTheFirstOnesFolder) {
  gate_.open();
  ASSERT_TRUE(eventually([&] { return logged("Rendered the site: "); }, kWait)) << log();
  fs::path first = server_->output_dir();
  auto changes_rendered = [&] {
    std::string text = log();
    size_t n = 0;
    for (size_t at = 0; (at = text.find("Rendered the change to ", at)) != std::string::npos; ++at)
      ++n;
    return n;
  };

  test::write_file(site_ / "content/s1/deep/page-03.md",
                   "---\ntitle: Page 1 3\ndate: 2024-01-03\ntags: [t3, all]\n---\nSecond text.\n");
  fs::remove(site_ / "content/s2/deep/page-14.md");
  ASSERT_TRUE(eventually([&] { return changes_rendered() == 1; }, kWait)) << log();
  fs::path second = server_->output_dir();
  EXPECT_NE(second, first);
  EXPECT_EQ(test::diff_trees(full_build(), second), std::vector<std::string>{});

  gate_.close();
  test::write_file(site_ / "content/s3/deep/page-07.md",
                   "---\ntitle: Page 3 7\ndate: 2024-01-07\ntags: [t3, all]\n---\nThird text.\n");
  ASSERT_TRUE(eventually([&] { return gate_.arrived() == 3; }, kWait)) << log();
  EXPECT_EQ(server_->output_dir(), first);
  ASSERT_TRUE(fs::exists(first / "s2/deep/page-14/index.html"));
  std::atomic<int> deleted_status{0};
  std::thread request([&] {
    httplib::Client client("127.0.0.1", server_->port());
    auto res = client.Get("/s2/deep/page-14/");
    deleted_status = res ? res->status : -1;
  });
  EXPECT_NE(served("/s3/deep/page-07/").find("Third text."), std::string::npos);
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(deleted_status.load(), 0) << "answered before the fill ended";
  gate_.open();
  request.join();
  EXPECT_EQ(deleted_status.load(), 404);

  ASSERT_TRUE(eventually([&] { return changes_rendered() == 2; }, kWait)) << log();
  EXPECT_EQ(test::diff_trees(full_build(), first), std::vector<std::string>{});
  EXPECT_NE(served("/s1/deep/page-03/").find("Second text."), std::string::npos);
  EXPECT_TRUE(fs::exists(second / "index.html")) << "the second version's folder, for the fourth";
}

TEST_F(LazyServeTest, AnEditDuringTheFillCancelsItAndServesTheNewText) {
  EXPECT_TRUE(eventually([&] { return gate_.arrived() == 1; }, kWait));
  std::string events;
  std::mutex events_mutex;
  httplib::Client stream_client("127.0.0.1", server_->port());
  stream_client.set_read_timeout(30, 0);
  std::thread reader([&] {
    stream_client.Get("/__bengal/events", [&](const char* data, size_t n) {
      std::lock_guard lock(events_mutex);
      events.append(data, n);
      return true;
    });
  });
  auto events_text = [&] {
    std::lock_guard lock(events_mutex);
    return events;
  };
  ASSERT_TRUE(eventually([&] { return events_text().ends_with(": connected\n\n"); }, kWait));

  test::write_file(site_ / "content/s1/deep/page-03.md",
                   "---\ntitle: Page 1 3\ndate: 2024-01-03\ntags: [t3, all]\n---\nThe new text.\n");
  ASSERT_TRUE(eventually(
      [&] {
        return events_text().ends_with(
            "id: 1\nevent: reload\ndata: content/s1/deep/page-03.md\n\n");
      },
      kWait))
      << events_text();
  // The server logs the change just after it sends the reload: wait for the line too.
  EXPECT_TRUE(eventually(
      [&] { return logged("Changed content/s1/deep/page-03.md: indexed 49 pages in "); }, kWait))
      << log();
  // The first fill was cancelled at the gate; the second one gets there after the reload.
  EXPECT_TRUE(eventually([&] { return gate_.arrived() == 2; }, kWait)) << gate_.arrived();
  auto page = get("/s1/deep/page-03/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("The new text."), std::string::npos);
  EXPECT_FALSE(logged("Rendered the site"));

  gate_.open();
  ASSERT_TRUE(eventually([&] { return logged("Rendered the change to content/s1/deep/"); }, kWait))
      << log();
  EXPECT_EQ(test::diff_trees(full_build(), server_->output_dir()), std::vector<std::string>{});

  stop_ = true;
  if (runner_.joinable()) runner_.join();
  server_.reset();  // closes the event stream
  reader.join();
  EXPECT_TRUE(fs::is_empty(work_parent_)) << "the work folder was not removed";
}

}  // namespace
}  // namespace bengal::serve::lazy_test
