// Pages that are not written as themselves. Hugo's build options in a built site:
// `headless: true` and `_build` (render, list, publishResources), set on a page or cascaded
// from its section; what each keeps out of the output folder, its lists, the sitemap and the
// link check; a warm build that follows a change of them writes what a cold one does. And
// Hugo's term content: content/tags/go/_index.md is the text of the term's page.
#include <algorithm>

#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

using Strings = std::vector<std::string>;

// The files of `dir` below it (list_tree: sorted), but the theme's assets and the search shards.
Strings files_of(const fs::path& dir) {
  Strings out = list_tree(dir);
  std::erase_if(out, [](const std::string& rel) {
    return rel.starts_with("assets/") || rel.starts_with("search/");
  });
  return out;
}

// The links of a page to the pages below `prefix` ("/blog/a/" below "/blog/"), in order of
// appearance, once each.
Strings links_in(const std::string& html, const std::string& prefix) {
  Strings out;
  std::string open = "href=\"" + prefix;
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    size_t start = at + 6;
    std::string href = html.substr(start, html.find('"', start) - start);
    if (href.size() > prefix.size() && href.ends_with('/') &&
        std::find(out.begin(), out.end(), href) == out.end()) {
      out.push_back(href);
    }
  }
  return out;
}

class BuildOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = write_files({
        {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
        {"content/_index.md", "---\ntitle: Home\n---\nHome.\n"},
        {"content/blog/_index.md", "---\ntitle: Blog\n---\nBlog.\n"},
        {"content/blog/a.md",
         "---\ntitle: A\ndate: 2024-01-03\ntags: [x]\n---\nSee [the trip](trip/index.md) and "
         "[one](../includes/one.md).\n"},
        {"content/blog/hidden.md",
         "---\ntitle: Hidden\ndate: 2024-01-02\ntags: [x]\n_build:\n  list: never\n---\nH.\n"},
        {"content/blog/local.md",
         "---\ntitle: Local\ndate: 2024-01-01\ntags: [x]\nbuild:\n  list: local\n---\nL.\n"},
        {"content/blog/trip/index.md", "---\ntitle: Trip\nheadless: true\n---\nTrip.\n"},
        {"content/blog/trip/photo.png", "png"},
        {"content/gallery/index.md",
         "---\ntitle: Gallery\n_build:\n  render: never\n  list: never\n---\nG.\n"},
        {"content/gallery/pic.png", "png"},
        {"content/includes/index.md", "---\ntitle: Includes\nheadless: true\n---\nI.\n"},
        {"content/includes/one.md", "---\ntitle: One\n---\nOne.\n"},
        // A nearer cascade does not publish what a headless section above keeps out.
        {"content/includes/deeper/_index.md",
         "---\ntitle: Deeper\ncascade:\n  _build:\n    render: always\n    list: always\n---\n"},
        {"content/includes/deeper/two.md", "---\ntitle: Two\n---\nTwo.\n"},
        {"content/docs/_index.md",
         "---\ntitle: Docs\ncascade:\n  _build:\n    list: never\n---\nDocs.\n"},
        {"content/docs/d1.md", "---\ntitle: D1\n---\nD1.\n"},
    });
  }

  RunResult build(const std::vector<std::string>& more = {}) {
    std::vector<std::string> args{"build", site_.string(), "-o", (site_ / "public").string()};
    args.insert(args.end(), more.begin(), more.end());
    return run_bengal(args);
  }

  fs::path site_;
};

TEST_F(BuildOptionsTest, WhatEachOptionKeepsOut) {
  RunResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path out = site_ / "public";
  // Headless pages and their sections' pages are not written, nor their bundles' files; a
  // `render: never` bundle's files are (publishResources is true unless it says otherwise).
  EXPECT_EQ(files_of(out),
            (Strings{"404.html", "blog/a/index.html", "blog/hidden/index.html", "blog/index.html",
                     "blog/local/index.html", "blog/rss.xml", "docs/d1/index.html",
                     "docs/index.html", "docs/rss.xml", "gallery/pic.png", "index.html",
                     "index.json", "llms.txt", "robots.txt", "rss.xml", "sitemap.xml",
                     "tags/index.html", "tags/x/index.html", "tags/x/rss.xml"}));
  // `list: never` is in no list; `list: local` only in its section's.
  EXPECT_EQ(links_in(read_file(out / "blog/index.html"), "/blog/"),
            (Strings{"/blog/a/", "/blog/local/"}));
  EXPECT_EQ(links_in(read_file(out / "tags/x/index.html"), "/blog/"), (Strings{"/blog/a/"}));
  EXPECT_EQ(links_in(read_file(out / "index.html"), "/blog/"), (Strings{"/blog/a/"}));
  EXPECT_EQ(links_in(read_file(out / "docs/index.html"), "/docs/"), Strings{});
  std::string sitemap = read_file(out / "sitemap.xml");
  EXPECT_NE(sitemap.find("/blog/a/<"), std::string::npos);
  for (const char* page : {"/blog/hidden/", "/blog/local/", "/docs/d1/", "/blog/trip/"})
    EXPECT_EQ(sitemap.find(page), std::string::npos) << page;
  std::string feed = read_file(out / "blog/rss.xml");
  EXPECT_NE(feed.find("/blog/local/"), std::string::npos);
  EXPECT_EQ(feed.find("/blog/hidden/"), std::string::npos);
  // A link to a page that is not written says why it goes nowhere.
  EXPECT_EQ(r.err,
            "content/blog/a.md:6:16: warning: link to 'trip/index.md': content/blog/trip/index.md "
            "is not published (it is headless, or its _build or its section's cascade says render "
            "never); link to a published page instead\n"
            "content/blog/a.md:6:41: warning: link to '../includes/one.md': "
            "content/includes/one.md is not published (it is headless, or its _build or its "
            "section's cascade says render never); link to a published page instead\n");
}

TEST_F(BuildOptionsTest, AWarmBuildAfterAChangeWritesWhatAColdOneDoes) {
  ASSERT_EQ(build().exit_code, 0);
  write_file(site_ / "content/blog/hidden.md", "---\ntitle: Hidden\ndate: 2024-01-02\n---\nH.\n");
  write_file(site_ / "content/blog/a.md", "---\ntitle: A\nheadless: true\n---\nA.\n");
  write_file(site_ / "content/includes/index.md", "---\ntitle: Includes\n---\nI.\n");
  RunResult warm = build();
  ASSERT_EQ(warm.exit_code, 0) << warm.err;
  Strings warm_files = files_of(site_ / "public");
  std::string warm_list = read_file(site_ / "public/blog/index.html");
  fs::remove_all(site_ / "public");
  RunResult cold = build({"--no-cache"});
  ASSERT_EQ(cold.exit_code, 0) << cold.err;
  EXPECT_EQ(warm_files, files_of(site_ / "public"));
  EXPECT_EQ(warm_list, read_file(site_ / "public/blog/index.html"));
  EXPECT_EQ(links_in(warm_list, "/blog/"), (Strings{"/blog/hidden/", "/blog/local/"}));
  EXPECT_TRUE(fs::exists(site_ / "public/includes/one/index.html"));
  EXPECT_FALSE(fs::exists(site_ / "public/blog/a/index.html"));
}

TEST(TermContent, ATaxonomysFoldersGiveItsPagesTheirTitleAndText) {
  fs::path site = write_files({
      {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
      {"content/posts/p1.md", "---\ntitle: P1\ntags: [Go]\n---\nSee [Go](../tags/go/_index.md).\n"},
      {"content/tags/_index.md", "---\ntitle: All topics\n---\nEvery **topic**.\n"},
      {"content/tags/go/_index.md",
       "---\ntitle: The Go language\ndescription: Go things\n---\nAbout *Go*.\n"},
      {"content/tags/rust/_index.md", "---\ntitle: Rust\n---\nNo page has it.\n"},
  });
  RunResult r = run_bengal({"build", site.string(), "-o", (site / "public").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "content/tags/rust/_index.md: warning: no page has the tags term whose page is "
            "/tags/rust/, so this file, the term page's text, is not published; add the term to a "
            "page, or move the file\n");
  std::string term = read_file(site / "public/tags/go/index.html");
  EXPECT_NE(term.find("<title>The Go language | T</title>"), std::string::npos);
  EXPECT_NE(term.find("<p>About <em>Go</em>.</p>"), std::string::npos);
  EXPECT_NE(term.find("Go things"), std::string::npos);
  EXPECT_NE(term.find("href=\"/posts/p1/\""), std::string::npos);  // the term's list stays
  std::string terms = read_file(site / "public/tags/index.html");
  EXPECT_NE(terms.find("<h1>All topics</h1>"), std::string::npos);
  EXPECT_NE(terms.find("<strong>topic</strong>"), std::string::npos);
  EXPECT_NE(terms.find("href=\"/tags/go/\""), std::string::npos);
  // A link to the file goes to the term's page.
  EXPECT_NE(read_file(site / "public/posts/p1/index.html").find("href=\"/tags/go/\">Go</a>"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(site / "public/tags/rust"));
}

}  // namespace
}  // namespace bengal::test
