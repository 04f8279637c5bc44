// Output clashes: every file the build writes is claimed in one registry, each clash is won by
// the documented order (site files, pages, list pages, content files, static files, aliases;
// docs/content/reference/security.md) and reported naming both sources, and the output is the
// same bytes at any thread count, batch size and memory mode.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

fs::path clashing_site() {
  fs::path site = fresh_temp_dir() / "site";
  auto page = [&](const std::string& rel, const std::string& front, const std::string& body) {
    write_file(site / "content" / rel, "---\n" + front + "---\n" + body + "\n");
  };
  write_file(
      site / "bengal.toml",
      "[site]\ntitle = \"Clash\"\nbaseurl = \"https://example.org\"\n\n[build]\ntheme = \"t\"\n\n"
      "[pagination]\nper_page = 1\n");
  page("_index.md", "title: Home\n", "home body");
  page("index.html.md", "title: Index HTML\n", "wants index.html as a folder");
  page("p2.md", "title: P2\nurl: /page/2/\n", "p2 body");
  page("a.md",
       "title: A\ntags: [go]\naliases: [/sitemap.xml, /404.html, /tags/go/, /b/, /old/, /c/]\n",
       "a body");
  page("aa.md", "title: AA\nurl: /b/\n", "aa wants /b/");
  page("b.md", "title: B\n", "b body");
  page("c.md", "title: C\naliases:\n  - /old/\n  - /fresh/\n", "c body");
  page("s.md", "title: S\nurl: /robots.txt\n", "s body");
  page("tags/_index.md", "title: Tags Section\n", "");
  page("tags/go.md", "title: Go Page\n", "go page body");
  page("bun/index.md", "title: Bundle\n", "bundle body");
  write_file(site / "content/bun/index.html", "resource named like the page\n");
  write_file(site / "content/bun/pic.txt", "resource\n");
  write_file(site / "static/robots.txt", "static robots\n");
  write_file(site / "static/404.html", "static 404\n");
  write_file(site / "static/b/index.html", "static b\n");
  write_file(site / "static/old/index.html", "static old\n");
  write_file(site / "static/page/3/index.html", "static page 3\n");
  write_file(site / "static/css/x.css", "site css\n");
  write_file(site / "themes/t/static/css/x.css", "theme css\n");
  write_file(site / "themes/t/static/css/y.css", "theme y\n");
  return site;
}

constexpr std::string_view kErrors =
    "content/_index.md: error: page 2 of the list of content/_index.md is not written: "
    "content/p2.md also writes page/2/index.html and comes first; change the url or slug of "
    "content/p2.md\n"
    "content/a.md:4:1: error: alias /404.html of content/a.md is not written: the 404 page also "
    "writes 404.html and comes first; remove the alias, or change the 404 page with a "
    "templates/404.html\n"
    "content/a.md:4:1: warning: alias /b/ of content/a.md is not written: content/b.md also "
    "writes b/index.html and comes first; remove the alias\n"
    "content/a.md:4:1: warning: alias /c/ of content/a.md is not written: content/c.md also "
    "writes c/index.html and comes first; remove the alias\n"
    "content/a.md:4:1: error: alias /old/ of content/a.md is not written: static/old/index.html "
    "also writes old/index.html and comes first; remove the alias\n"
    "content/a.md:4:1: error: alias /sitemap.xml of content/a.md is not written: the sitemap "
    "also writes sitemap.xml and comes first; remove the alias, or turn off [features] "
    "sitemap\n"
    "content/a.md:4:1: warning: alias /tags/go/ of content/a.md is not written: "
    "content/tags/go.md also writes tags/go/index.html and comes first; remove the alias\n"
    "content/aa.md:3:1: warning: page /b/ is not written: content/b.md also writes b/index.html "
    "and comes first; give this page a different url or slug\n"
    "content/bun/index.html: error: content/bun/index.html (a resource of "
    "content/bun/index.md) is not written: content/bun/index.md also writes bun/index.html and "
    "comes first; rename the file\n"
    "content/c.md:3:1: error: alias /old/ of content/c.md is not written: static/old/index.html "
    "also writes old/index.html and comes first; remove the alias\n"
    "content/index.html.md: error: page /index.html/ is not written: content/_index.md writes "
    "the file index.html, where index.html/index.html needs a folder; rename the file or give "
    "the page a url\n"
    "content/s.md:3:1: error: page /robots.txt is not written: the generated robots.txt also "
    "writes robots.txt and comes first; give this page a different url or slug, or turn off "
    "[features] robots\n"
    "content/tags/go.md: error: the term page /tags/go/ is not written: content/tags/go.md "
    "also writes tags/go/index.html and comes first; change the url or slug of "
    "content/tags/go.md\n"
    "static/404.html: error: static/404.html is not written: the 404 page also writes 404.html "
    "and comes first; rename or remove the file, or change the 404 page with a "
    "templates/404.html\n"
    "static/b/index.html: error: static/b/index.html is not written: content/b.md also writes "
    "b/index.html and comes first; rename or remove the file\n"
    "static/page/3/index.html: error: static/page/3/index.html is not written: page 3 of the "
    "list of content/_index.md also writes page/3/index.html and comes first; rename or remove "
    "the file\n"
    "static/robots.txt: error: static/robots.txt is not written: the generated robots.txt also "
    "writes robots.txt and comes first; rename or remove the file, or turn off [features] "
    "robots\n"
    "error: the build failed with 13 errors (above), and wrote every other page; fix them and "
    "build again\n";

TEST(OutputClash, EveryClashIsReportedAndWonByTheOrder) {
  fs::path site = clashing_site();
  fs::path out = site.parent_path() / "public";
  RunResult r = run_bengal({"build", site.string(), "-o", out.string(), "-q"});
  EXPECT_EQ(r.err, kErrors);
  EXPECT_EQ(r.exit_code, 1);  // written, but failed
  auto contains = [&](const std::string& rel, const std::string& text) {
    EXPECT_NE(read_file(out / rel).find(text), std::string::npos) << rel << " lacks " << text;
  };
  contains("index.html", "home body");
  contains("page/2/index.html", "p2 body");
  contains("b/index.html", "b body");
  contains("tags/go/index.html", "go page body");
  // content/tags/_index.md is the taxonomy page's text (Hugo's), not a page that clashes.
  contains("tags/index.html", "Tags Section");
  contains("tags/index.html", "href=\"/tags/go/\"");
  contains("bun/index.html", "bundle body");
  contains("sitemap.xml", "<urlset");
  contains("robots.txt", "Sitemap:");
  contains("404.html", "<html");
  EXPECT_EQ(read_file(out / "old/index.html"), "static old\n");
  EXPECT_EQ(read_file(out / "css/x.css"), "site css\n");  // the site's static/ beats the theme's
  EXPECT_EQ(read_file(out / "css/y.css"), "theme y\n");
  EXPECT_EQ(read_file(out / "bun/pic.txt"), "resource\n");
  contains("fresh/index.html", "https://example.org/c/");  // an alias with no clash
  EXPECT_FALSE(fs::exists(out / "index.html/index.html"));
  EXPECT_FALSE(fs::exists(out / "s"));
  RunResult strict = run_bengal({"build", site.string(), "-o", out.string(), "-q", "--strict"});
  EXPECT_EQ(strict.exit_code, 1);
}

TEST(OutputClash, SameBytesAtAnyThreadCountBatchSizeAndMemoryMode) {
  fs::path site = clashing_site();
  fs::path base = site.parent_path();
  RunResult ref = run_bengal({"build", site.string(), "-o", (base / "ref").string(), "-q"});
  ASSERT_EQ(ref.err, kErrors);
  const std::vector<std::vector<std::string>> variants = {
      {"--threads", "1", "--batch-size", "1", "--memory-optimized"},
      {"--threads", "2", "--batch-size", "1", "--memory-optimized"},
      {"--threads", "1", "--batch-size", "1000", "--memory-optimized"},
      {"--threads", "2", "--batch-size", "1000", "--memory-optimized"},
      {"--threads", "1", "--batch-size", "1", "--no-memory-optimized"},
      {"--threads", "2", "--batch-size", "1", "--no-memory-optimized"},
      {"--threads", "1", "--batch-size", "1000", "--no-memory-optimized"},
      {"--threads", "2", "--batch-size", "1000", "--no-memory-optimized"},
  };
  int run = 0;
  for (int round = 0; round < 3; ++round) {
    for (const auto& v : variants) {
      fs::path out = base / ("out-" + std::to_string(run++));
      std::vector<std::string> args = {"build", site.string(), "-o", out.string(), "-q"};
      args.insert(args.end(), v.begin(), v.end());
      RunResult r = run_bengal(args);
      EXPECT_EQ(r.err, ref.err) << v[1] << " " << v[3] << " " << v[4];
      for (const auto& d : diff_trees(base / "ref", out))
        ADD_FAILURE() << v[1] << v[3] << v[4] << ": " << d;
    }
  }
}

}  // namespace
}  // namespace bengal::test
