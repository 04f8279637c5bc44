// Permalink patterns in a built site: Hugo's [permalinks] and Jekyll's `permalink` with
// placeholders move pages, their bundles' files and their aliases; a front matter `url` still
// wins; a warm build after a date or pattern change writes what a cold one does.
#include <algorithm>

#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

using Strings = std::vector<std::string>;

// The pages and files of `dir` below it (list_tree: sorted), but the theme's assets, search
// shards, taxonomies, feeds and the site-wide files of the top folder.
Strings pages_of(const fs::path& dir) {
  Strings out = list_tree(dir);
  std::erase_if(out, [](const std::string& rel) {
    return rel.starts_with("assets/") || rel.starts_with("search/") || rel.starts_with("tags/") ||
           rel.starts_with("categories/") || rel.ends_with(".xml") ||
           rel.find('/') == std::string::npos;
  });
  return out;
}

constexpr const char* kConfig =
    "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n\n"
    "[permalinks]\nposts = \"/:year/:month/:title/\"\ntags = \"/topics/:slug/\"\n\n"
    "[permalinks.section]\ndocs = \"/manual/\"\n";

class PermalinksBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = write_files({
        {"bengal.toml", kConfig},
        {"content/_index.md", "---\ntitle: Home\n---\nHome.\n"},
        {"content/posts/hello.md",
         "---\ntitle: Hello, World!\ndate: 2024-03-05\naliases: [/old-hello/]\ntags: [Go]\n---\n"
         "Hi.\n"},
        {"content/posts/trip/index.md", "---\ntitle: Trip\ndate: 2023-12-24\n---\n![p](p.png)\n"},
        {"content/posts/trip/p.png", "png"},
        {"content/posts/own.md", "---\ntitle: Own\nurl: /own/\ndate: 2024-01-01\n---\nx\n"},
        {"content/docs/_index.md", "---\ntitle: Docs\n---\nDocs.\n"},
        {"content/docs/a.md", "---\ntitle: A\n---\nSee [hello](../posts/hello.md).\n"},
        {"content/blog/2023-07-04-my-trip.md",
         "---\ncategories: [Travel]\npermalink: /:categories/:year/:title:output_ext\n---\nx\n"},
    });
  }

  RunResult build(const std::vector<std::string>& more = {}) {
    std::vector<std::string> args{"build", site_.string(), "-o", (site_ / "public").string()};
    args.insert(args.end(), more.begin(), more.end());
    return run_bengal(args);
  }

  fs::path site_;
};

TEST_F(PermalinksBuild, PagesMoveWithTheirFilesAndLinks) {
  RunResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  fs::path out = site_ / "public";
  EXPECT_EQ(pages_of(out),
            (Strings{"2023/12/trip/index.html", "2023/12/trip/p.png",
                     "2024/03/hello-world/index.html", "blog/index.html", "docs/a/index.html",
                     "manual/index.html", "old-hello/index.html", "own/index.html",
                     "posts/index.html", "topics/go/index.html", "travel/2023/my-trip.html"}));
  // Term pages follow the taxonomy's pattern; the overview stays at /tags/.
  EXPECT_NE(read_file(out / "2024/03/hello-world/index.html").find("href=\"/topics/go/\""),
            std::string::npos);
  EXPECT_TRUE(fs::exists(out / "topics/go/rss.xml"));
  EXPECT_NE(read_file(out / "tags/index.html").find("href=\"/topics/go/\""), std::string::npos);
  // A link to the page's file goes to its new address.
  EXPECT_NE(read_file(out / "docs/a/index.html").find("href=\"/2024/03/hello-world/\""),
            std::string::npos);
  EXPECT_NE(read_file(out / "old-hello/index.html").find("/2024/03/hello-world/"),
            std::string::npos);
}

TEST_F(PermalinksBuild, AWarmBuildAfterADateOrPatternChangeWritesWhatAColdOneDoes) {
  ASSERT_EQ(build().exit_code, 0);
  write_file(site_ / "content/posts/hello.md",
             "---\ntitle: Hello, World!\ndate: 2025-01-02\n---\nHi.\n");
  RunResult warm = build();
  ASSERT_EQ(warm.exit_code, 0) << warm.err;
  EXPECT_TRUE(fs::exists(site_ / "public/2025/01/hello-world/index.html"));
  EXPECT_FALSE(fs::exists(site_ / "public/2024/03/hello-world"));
  std::string config = kConfig;
  config.replace(config.find("/:year/:month/:title/"), 21, "/p/:slugorfilename/");
  write_file(site_ / "bengal.toml", config);
  warm = build();
  ASSERT_EQ(warm.exit_code, 0) << warm.err;
  Strings warm_pages = pages_of(site_ / "public");
  std::string warm_link = read_file(site_ / "public/docs/a/index.html");
  fs::remove_all(site_ / "public");
  ASSERT_EQ(build({"--no-cache"}).exit_code, 0);
  EXPECT_EQ(warm_pages, pages_of(site_ / "public"));
  EXPECT_EQ(warm_link, read_file(site_ / "public/docs/a/index.html"));
  EXPECT_NE(warm_link.find("href=\"/p/hello/\""), std::string::npos);
}

}  // namespace
}  // namespace bengal::test
