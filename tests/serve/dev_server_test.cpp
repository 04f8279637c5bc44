// `bengal serve` over real HTTP on an ephemeral port of 127.0.0.1: pages with the reload
// script, the site's 404 page, refused traversal, an edit seen in the served page and on the
// event stream, and a broken template that keeps the last good page and shows the overlay.
#include "bengal/serve/dev_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "../support/eventually.hpp"
#include "../support/run.hpp"
#include "bengal/serve/live_reload.hpp"
#include "serve_test_options.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace bengal::serve {
namespace {

using test::eventually;

const test::Files kSite = {
    {"bengal.toml", "[site]\ntitle = \"Serve Test\"\nbaseurl = \"https://example.org/\"\n"},
    {"content/_index.md", "---\ntitle: Home\n---\nWelcome home.\n"},
    {"content/docs/_index.md", "---\ntitle: Docs\n---\nThe docs.\n"},
    {"content/docs/guide.md", "---\ntitle: Guide\n---\nFirst version of the guide.\n"},
    {"static/css/extra.css", "body { color: black; }\n"},
};

// Reads /__bengal/events on a thread of its own until the server closes the stream.
class EventStream {
 public:
  explicit EventStream(int port) : client_("127.0.0.1", port) {
    client_.set_read_timeout(60, 0);
    reader_ = std::thread([this] {
      client_.Get("/__bengal/events", [this](const char* data, size_t n) {
        std::lock_guard lock(mutex_);
        text_.append(data, n);
        return true;
      });
    });
  }
  ~EventStream() { reader_.join(); }
  std::string text() const {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  httplib::Client client_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::string text_;
};

class DevServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = test::write_files(kSite, "-site");
    ServeOptions options = test_serve_options(site_);
    work_parent_ = options.work_parent;
    server_ = std::make_unique<DevServer>(options, [this](const std::string& line) {
      std::lock_guard lock(mutex_);
      log_.push_back(line);
    });
    ASSERT_TRUE(server_->start()) << log();
    runner_ = std::thread([this] { server_->run(stop_); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    stop_ = true;
    if (runner_.joinable()) runner_.join();
    server_.reset();  // closes the event streams, so their readers end
    events_.reset();
    EXPECT_TRUE(fs::is_empty(work_parent_)) << "the work folder was not removed";
  }

  httplib::Result get(const std::string& path) { return client_->Get(path.c_str()); }
  std::string log() const {
    std::lock_guard lock(mutex_);
    std::string all;
    for (const auto& l : log_) all += l + "\n";
    return all;
  }
  size_t log_lines_starting(std::string_view prefix) const {
    std::lock_guard lock(mutex_);
    return static_cast<size_t>(std::count_if(log_.begin(), log_.end(),
                                             [&](const auto& l) { return l.starts_with(prefix); }));
  }
  // Opens the event stream and waits until the server has registered it.
  void open_events() {
    events_ = std::make_unique<EventStream>(server_->port());
    ASSERT_TRUE(eventually([&] { return events_->text() == "retry: 1000\n: connected\n\n"; }))
        << events_->text();
  }
  std::string body_of(const std::string& path) {
    auto res = get(path);
    return res ? res->body : std::string("(no response)");
  }

  fs::path site_, work_parent_;
  std::unique_ptr<DevServer> server_;
  std::atomic<bool> stop_{false};
  std::thread runner_;
  std::unique_ptr<httplib::Client> client_;
  std::unique_ptr<EventStream> events_;
  mutable std::mutex mutex_;
  std::vector<std::string> log_;
};

TEST_F(DevServerTest, ServesPagesWithTheReloadScriptAndLocalLinks) {
  auto res = get("/docs/guide/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
  EXPECT_NE(res->body.find("First version of the guide."), std::string::npos);
  EXPECT_NE(res->body.find("<script data-bengal-live-reload>"), std::string::npos);
  EXPECT_EQ(res->body.find("https://example.org"), std::string::npos);
  EXPECT_NE(res->body.find(server_->origin() + "/docs/guide/"), std::string::npos);
  // Only served pages carry the script: the file on disk does not.
  std::string on_disk = test::read_file(server_->output_dir() / "docs/guide/index.html");
  EXPECT_NE(on_disk.find("First version of the guide."), std::string::npos);
  EXPECT_EQ(on_disk.find("bengal-live-reload"), std::string::npos);
  EXPECT_FALSE(fs::exists(site_ / "public"));

  auto css = get("/css/extra.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css->body, "body { color: black; }\n");

  auto folder = get("/docs");
  ASSERT_TRUE(folder);
  EXPECT_EQ(folder->status, 301);
  EXPECT_EQ(folder->get_header_value("Location"), "/docs/");
}

TEST_F(DevServerTest, MissingPagesGetTheSites404Page) {
  auto res = get("/no/such/page/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  std::string page = test::read_file(server_->output_dir() / "404.html");
  ASSERT_FALSE(page.empty());
  EXPECT_EQ(res->body, inject_live_reload(page, ""));
}

TEST_F(DevServerTest, TraversalNeverReachesAFileOutside) {
  test::write_file(site_.parent_path() / "outside-secret.txt", "TOP SECRET");
  fs::create_symlink(site_.parent_path() / "outside-secret.txt",
                     server_->output_dir() / "leak.txt");
  fs::create_directory_symlink(site_.parent_path(), server_->output_dir() / "up");
  const std::pair<std::string, int> attempts[] = {
      {"/../outside-secret.txt", 400},
      {"/%2e%2e/outside-secret.txt", 400},
      {"/docs/%2f../../outside-secret.txt", 400},
      {"/docs/%2f..", 400},
      {"/..%5coutside-secret.txt", 400},
      {"/leak.txt", 404},
      {"/up/outside-secret.txt", 404},
  };
  for (const auto& [path, status] : attempts) {
    // Sent as written: httplib's client would not normalize, but be sure of the raw target.
    httplib::Request req;
    req.method = "GET";
    req.path = path;
    auto res = client_->send(req);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, status) << path;
    EXPECT_EQ(res->body.find("TOP SECRET"), std::string::npos) << path;
  }
}

TEST_F(DevServerTest, AnEditIsServedAndAnnounced) {
  open_events();
  test::write_file(site_ / "content/docs/guide.md",
                   "---\ntitle: Guide\n---\nSecond version of the guide.\n");
  EXPECT_TRUE(eventually([&] {
    return events_->text().ends_with("id: 1\nevent: reload\ndata: content/docs/guide.md\n\n");
  })) << events_->text();
  EXPECT_NE(body_of("/docs/guide/").find("Second version of the guide."), std::string::npos);
  EXPECT_EQ(log_lines_starting("Changed content/docs/guide.md: rebuilt 4 pages"), 1u) << log();
}

TEST_F(DevServerTest, AStylesheetEditAsksForARestyleOnly) {
  open_events();
  test::write_file(site_ / "static/css/extra.css", "body { color: red; }\n");
  EXPECT_TRUE(eventually([&] {
    return events_->text().ends_with("id: 1\nevent: css\ndata: static/css/extra.css\n\n");
  })) << events_->text();
  EXPECT_EQ(body_of("/css/extra.css"), "body { color: red; }\n");
}

TEST_F(DevServerTest, ABurstOfEditsIsOneRebuild) {
  open_events();
  for (int i = 0; i < 20; ++i) {
    test::write_file(site_ / fmt::format("content/docs/new-{:02}.md", i),
                     fmt::format("---\ntitle: New {}\n---\nNew page {}.\n", i, i));
  }
  ASSERT_TRUE(eventually(
      [&] { return body_of("/docs/new-19/").find("New page 19.") != std::string::npos; }));
  std::this_thread::sleep_for(300ms);  // a second rebuild would have started by now
  EXPECT_EQ(log_lines_starting("Changed "), 1u) << log();
  EXPECT_EQ(events_->text(),
            "retry: 1000\n: connected\n\nid: 1\nevent: reload\ndata: content/docs/new-00.md and "
            "19 more files\n\n");
}

TEST_F(DevServerTest, ATemplateErrorKeepsTheLastGoodPageAndShowsTheOverlay) {
  open_events();
  test::write_file(site_ / "templates/page.html",
                   "<html><body>\n<div>{{ content <b>&\"x\" }}</div></body></html>\n");
  ASSERT_TRUE(eventually([&] {
    return events_->text().find("event: build-error\n") != std::string::npos;
  })) << events_->text();
  std::string body = body_of("/docs/guide/");
  EXPECT_NE(body.find("First version of the guide."), std::string::npos);
  EXPECT_NE(body.find("<pre id=\"bengal-error-overlay\""), std::string::npos);
  EXPECT_NE(body.find("templates/page.html:2:20: error: unexpected character '&amp;' in "
                      "tag\n    &lt;div&gt;{{ content &lt;b&gt;&amp;&quot;x&quot; }}&lt;/div&gt;"),
            std::string::npos)
      << body;
  EXPECT_EQ(body.find("<b>&\"x\""), std::string::npos);
  EXPECT_EQ(log_lines_starting("templates/page.html:2:20: error: unexpected character '&' in tag"),
            1u)
      << log();
  EXPECT_EQ(log_lines_starting(
                "Changed templates/page.html: the build failed; still serving the last good "
                "version"),
            1u);

  // Fixed: the site is rebuilt, the overlay goes, the tabs reload.
  test::write_file(site_ / "templates/page.html",
                   "<html><body><main>{{ page.content }}</main></body></html>\n");
  ASSERT_TRUE(eventually([&] {
    return events_->text().ends_with("event: reload\ndata: templates/page.html\n\n");
  })) << events_->text();
  body = body_of("/docs/guide/");
  EXPECT_NE(body.find("<main><p>First version of the guide.</p>\n</main>"), std::string::npos)
      << body;
  EXPECT_EQ(body.find("<pre id=\"bengal-error-overlay\""), std::string::npos);
}

// --build-future and --build-expired preview what a build leaves out, as Hugo's server -F and
// -E do: a post scheduled for later, a page past its expirydate.
TEST(DevServerPublishing, FutureAndExpiredPagesAreServedOnlyWhenAskedFor) {
  fs::path site = test::write_files(
      {{"bengal.toml", "[site]\ntitle = \"Window\"\n"},
       {"content/_index.md", "---\ntitle: Home\n---\nHome.\n"},
       {"content/later.md", "---\ntitle: Later\ndate: 2999-01-01\n---\nScheduled.\n"},
       {"content/gone.md", "---\ntitle: Gone\nexpirydate: 2000-01-01\n---\nExpired.\n"}},
      "-site");
  struct Case {
    bool future, expired;
  };
  for (Case c : {Case{false, false}, Case{true, false}, Case{false, true}}) {
    SCOPED_TRACE(fmt::format("future {}, expired {}", c.future, c.expired));
    ServeOptions options = test_serve_options(site);
    options.publish.future = c.future;
    options.publish.expired = c.expired;
    std::vector<std::string> log;
    DevServer server(options, [&](const std::string& line) { log.push_back(line); });
    ASSERT_TRUE(server.start());
    httplib::Client client("127.0.0.1", server.port());
    auto later = client.Get("/later/");
    auto gone = client.Get("/gone/");
    ASSERT_TRUE(later && gone);
    EXPECT_EQ(later->status, c.future ? 200 : 404);
    EXPECT_EQ(gone->status, c.expired ? 200 : 404);
    EXPECT_EQ(later->body.find("Scheduled.") != std::string::npos, c.future);
    EXPECT_EQ(gone->body.find("Expired.") != std::string::npos, c.expired);
  }
}

// A site published below a path (a GitHub Pages project site) is served below it, as Hugo's
// server does: a path written with the base path works in the preview as once published, and
// one written without it gets it from the build. Whole and lazy builds alike.
TEST(DevServerBasePath, TheSiteIsServedBelowThePathOfItsBaseurl) {
  fs::path site = test::write_files(
      {{"bengal.toml",
        "[site]\ntitle = \"Project\"\nbaseurl = \"https://user.github.io/project/\"\n"},
       {"content/_index.md", "---\ntitle: Home\n---\nHome.\n"},
       {"content/docs/_index.md", "---\ntitle: Docs\n---\nThe docs.\n"},
       {"content/docs/guide.md",
        "---\ntitle: Guide\n---\n![logo](/img/logo.png) <img src=\"/project/img/logo.png\">\n"},
       {"static/img/logo.png", "PNG"}},
      "-site");
  for (bool lazy : {false, true}) {
    SCOPED_TRACE(lazy ? "lazy" : "whole");
    ServeOptions options = test_serve_options(site);
    options.lazy = lazy;
    std::vector<std::string> log;
    DevServer server(options, [&](const std::string& line) { log.push_back(line); });
    ASSERT_TRUE(server.start());
    std::string origin = server.origin();
    EXPECT_EQ(server.address(), origin + "/project/");
    ASSERT_FALSE(log.empty());
    EXPECT_NE(log.back().find(" at " + origin + "/project/ ("), std::string::npos) << log.back();
    httplib::Client client("127.0.0.1", server.port());
    auto guide = client.Get("/project/docs/guide/");
    ASSERT_TRUE(guide);
    EXPECT_EQ(guide->status, 200);
    EXPECT_NE(guide->body.find("<img src=\"/project/img/logo.png\" alt=\"logo\""),
              std::string::npos)
        << guide->body;
    EXPECT_NE(guide->body.find(origin + "/project/docs/guide/"), std::string::npos);
    auto logo = client.Get("/project/img/logo.png");
    ASSERT_TRUE(logo);
    EXPECT_EQ(logo->status, 200);
    EXPECT_EQ(logo->body, "PNG");
    struct Redirect {
      std::string from;
      int status;
      std::string to;
    };
    for (const Redirect& r :
         {Redirect{"/", 302, "/project/"}, Redirect{"/project", 301, "/project/"},
          Redirect{"/project?x=1", 301, "/project/?x=1"},
          Redirect{"/project/docs", 301, "/project/docs/"}}) {
      auto res = client.Get(r.from);
      ASSERT_TRUE(res) << r.from;
      EXPECT_EQ(res->status, r.status) << r.from;
      EXPECT_EQ(res->get_header_value("Location"), r.to) << r.from;
    }
    // Outside the base path is nothing of the site's, but its 404 page.
    for (const char* path : {"/docs/guide/", "/img/logo.png", "/projects/"}) {
      auto res = client.Get(path);
      ASSERT_TRUE(res) << path;
      EXPECT_EQ(res->status, 404) << path;
      EXPECT_NE(res->body.find("404"), std::string::npos) << path;
    }
  }
}

// A site in several languages is served whole (every language's index is needed before a page
// names its translations), each language below its folder, and an edit of a translation is
// served after one rebuild.
TEST(DevServerLanguages, EveryLanguageIsServedAndAnEditOfOneIsRebuilt) {
  fs::path site = test::write_files(
      {{"bengal.toml",
        "[site]\ntitle = \"Site\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"},
       {"content/_index.md", "---\ntitle: Home\n---\nHome.\n"},
       {"content/about.md", "---\ntitle: About\n---\nAbout us.\n"},
       {"content/about.fr.md", "---\ntitle: À propos\n---\nNous.\n"}},
      "-site");
  ServeOptions options = test_serve_options(site);
  options.lazy = true;  // asked for, but a multilingual site is built whole
  std::vector<std::string> log;
  std::mutex log_mutex;
  DevServer server(options, [&](const std::string& line) {
    std::lock_guard lock(log_mutex);
    log.push_back(line);
  });
  ASSERT_TRUE(server.start());
  std::atomic<bool> stop{false};
  std::thread runner([&] { server.run(stop); });
  httplib::Client client("127.0.0.1", server.port());
  auto fr = client.Get("/fr/about/");
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->status, 200);
  EXPECT_NE(fr->body.find("Nous."), std::string::npos);
  EXPECT_NE(fr->body.find("<a href=\"/about/\" hreflang=\"en\""), std::string::npos) << fr->body;
  auto en = client.Get("/about/");
  ASSERT_TRUE(en);
  EXPECT_NE(en->body.find("About us."), std::string::npos);
  test::write_file(site / "content/about.fr.md", "---\ntitle: À propos\n---\nNous, encore.\n");
  EXPECT_TRUE(eventually([&] {
    auto again = client.Get("/fr/about/");
    return again && again->body.find("Nous, encore.") != std::string::npos;
  }));
  stop = true;
  runner.join();
  std::lock_guard lock(log_mutex);
  EXPECT_EQ(std::count_if(log.begin(), log.end(),
                          [](const std::string& l) {
                            return l.starts_with("Changed content/about.fr.md: rebuilt 6 pages");
                          }),
            1)
      << fmt::format("{}", fmt::join(log, "\n"));
}

}  // namespace
}  // namespace bengal::serve
