// The command line end to end: the bengal binary run as a user runs it.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

TEST(Cli, VersionPrintsNameAndVersion) {
  RunResult r = run_bengal({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "bengal 0.1.0\n");
}

TEST(Cli, MdRendersStdinLikeCmark) {
  RunResult r = run_bengal({"md"}, "# Hello *world*\n\n- a\n- b\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "<h1>Hello <em>world</em></h1>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, MdHeadingIdsOnRequest) {
  RunResult r = run_bengal({"md", "--heading-ids"}, "## Set up\n## Set up\n");
  EXPECT_EQ(r.out, "<h2 id=\"set-up\">Set up</h2>\n<h2 id=\"set-up-1\">Set up</h2>\n");
}

TEST(Cli, MdReadsAFile) {
  fs::path dir = fresh_temp_dir();
  write_file(dir / "a.md", "~~gone~~\n");
  RunResult r = run_bengal({"md", (dir / "a.md").string()});
  EXPECT_EQ(r.out, "<p><del>gone</del></p>\n");
  RunResult missing = run_bengal({"md", (dir / "nope.md").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err,
            (dir / "nope.md").string() + ": error: cannot read file; check the path\n");
}

TEST(Cli, NewSiteBuildsAtOnce) {
  fs::path dir = fresh_temp_dir();
  RunResult made = run_bengal({"new", "site", "mysite"}, "", dir);
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_EQ(made.out, "Created site mysite; build it with: bengal build mysite\n");
  RunResult built = run_bengal({"build", "mysite", "--strict"}, "", dir);
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(built.err, "");
  EXPECT_TRUE(built.out.starts_with("Built 9 pages (0 files copied) in ")) << built.out;
  EXPECT_TRUE(built.out.ends_with("-> mysite/public\n")) << built.out;
  for (const char* f :
       {"index.html", "docs/index.html", "docs/getting-started/index.html", "blog/index.html",
        "blog/hello-world/index.html", "robots.txt", "tags/index.html", "tags/guide/index.html",
        "tags/news/index.html", "404.html", "assets/bengal.css"}) {
    EXPECT_TRUE(fs::exists(dir / "mysite/public" / f)) << f;
  }
  RunResult again = run_bengal({"new", "site", "mysite"}, "", dir);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err, "error: mysite already exists and is not empty; choose a new folder name\n");
}

TEST(Cli, SecondBuildLeavesUnchangedFilesUntouched) {
  fs::path dir = fresh_temp_dir();
  ASSERT_EQ(run_bengal({"new", "site", "s"}, "", dir).exit_code, 0);
  ASSERT_EQ(run_bengal({"build", "s", "-q"}, "", dir).exit_code, 0);
  auto page = dir / "s/public/blog/hello-world/index.html";
  auto before = fs::last_write_time(page);
  ASSERT_EQ(run_bengal({"build", "s", "-q"}, "", dir).exit_code, 0);
  EXPECT_EQ(fs::last_write_time(page), before);
}

TEST(Cli, OutputIsIdenticalAtAnyThreadCountAndBatchSize) {
  fs::path site = source_dir() / "examples/site";
  fs::path dir = fresh_temp_dir();
  ASSERT_EQ(run_bengal({"build", site.string(), "-o", (dir / "a").string(), "-q", "--threads", "1"})
                .exit_code,
            0);
  ASSERT_EQ(run_bengal({"build", site.string(), "-o", (dir / "b").string(), "-q", "--threads", "2",
                        "--batch-size", "1"})
                .exit_code,
            0);
  EXPECT_EQ(diff_trees(dir / "a", dir / "b"), std::vector<std::string>{});
  EXPECT_GT(list_tree(dir / "a").size(), 10u);
}

TEST(Cli, BundledSitesCheckCleanAndBuild) {
  for (const char* site : {"examples/site", "docs"}) {
    RunResult check = run_bengal({"check", (source_dir() / site).string(), "--strict"});
    EXPECT_EQ(check.exit_code, 0) << site << "\n" << check.err;
    EXPECT_EQ(check.err, "");
    EXPECT_TRUE(
        check.out.find(" 0 broken links, 0 orphan pages, 0 missing titles, 0 errors, 0 warnings") !=
        std::string::npos)
        << check.out;
    fs::path out = fresh_temp_dir() / "public";
    RunResult built =
        run_bengal({"build", (source_dir() / site).string(), "-o", out.string(), "-q", "--strict"});
    EXPECT_EQ(built.exit_code, 0) << site << "\n" << built.err;
    EXPECT_TRUE(fs::exists(out / "index.html"));
    EXPECT_TRUE(fs::exists(out / "sitemap.xml"));
  }
}

TEST(Cli, CheckReportsBrokenLinksWithoutWriting) {
  fs::path site = source_dir() / "tests/sites/structure";
  RunResult r = run_bengal({"check", site.string()});
  EXPECT_EQ(r.exit_code, 1);  // broken links are errors in check
  EXPECT_NE(r.err.find("content/guides/start.md:11:16: error: link to missing page 'missing.md'"),
            std::string::npos)
      << r.err;
  // What a build would publish is known without writing it: the claims of every output.
  EXPECT_NE(r.err.find("content/guides/start.md:9:80: error: link to '/files/a.pdf': the site "
                       "publishes nothing at that path"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("content/guides/other.md:6:1: warning: alias /guides/ of "
                       "content/guides/other.md is not written"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(
      r.out,
      "Checked 16 pages: 6 broken links, 0 orphan pages, 0 missing titles, 6 errors, 1 warning\n");
  EXPECT_FALSE(fs::exists(site / "public"));
}

TEST(Cli, UnknownCommandIsAnError) {
  RunResult r = run_bengal({"bild"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "error: unknown command 'bild'; commands: build, check, config, graph, help, md, merge, "
      "new, "
      "serve\n");
}

TEST(Cli, MissingSiteDirSaysSo) {
  fs::path dir = fresh_temp_dir();
  RunResult r = run_bengal({"build", (dir / "nothing").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: site folder " + (dir / "nothing").string() +
                       " does not exist; pass the folder that holds bengal.toml\n");
}

}  // namespace
}  // namespace bengal::test
