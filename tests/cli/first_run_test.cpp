// What a first-time user meets: a folder that is not a site, a site without a config or a
// baseurl, usage errors and their exit codes, `bengal help`, and the summary line.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

constexpr const char* kNoConfigWarning =
    "warning: no bengal.toml, bengal.yaml or config/ folder in site: using the default "
    "settings; create bengal.toml to set the site's title and baseurl\n";

std::string relative_urls_warning(const std::string& where, const std::string& what,
                                  const std::string& example) {
  return where + ": warning: " + what +
         ", so sitemap.xml, the feeds and robots.txt hold relative URLs, which those formats do "
         "not allow; set baseurl to the address the site is published at, such as \"" +
         example + "\"\n";
}

TEST(FirstRun, AFolderWithoutConfigOrContentIsNotASite) {
  fs::path dir = fresh_temp_dir();
  fs::create_directories(dir / "notes");
  write_file(dir / "notes/readme.md", "# Not in content/\n");
  const std::string expected =
      "error: notes is not a bengal site: it has no bengal.toml, bengal.yaml, config/ or content/ "
      "folder; "
      "pass the folder that holds them, or create a site with `bengal new site NAME`\n";
  for (const char* command : {"build", "check", "graph"}) {
    RunResult r = run_bengal({command, "notes"}, "", dir);
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_EQ(r.err, expected) << command;
    EXPECT_EQ(r.out, "") << command;
  }
  EXPECT_EQ(list_tree(dir), std::vector<std::string>{"notes/readme.md"});  // nothing written
}

TEST(FirstRun, ContentWithoutConfigBuildsWithDefaultsAndOneWarning) {
  fs::path dir = fresh_temp_dir();
  write_file(dir / "site/content/hello.md", "---\ntitle: Hello\n---\nHi.\n");
  RunResult r = run_bengal({"build", "site"}, "", dir);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, kNoConfigWarning);
  EXPECT_TRUE(r.out.starts_with("Built 3 pages (0 files copied, 0 errors, 1 warning) in "))
      << r.out;
  EXPECT_TRUE(fs::exists(dir / "site/public/hello/index.html"));
  RunResult strict = run_bengal({"build", "site", "--strict", "-q"}, "", dir);
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.err, kNoConfigWarning);
  RunResult check = run_bengal({"check", "site"}, "", dir);
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_EQ(check.err, kNoConfigWarning);
}

TEST(FirstRun, ABaseurlWithoutHostIsWarnedOnceWhereItIsSet) {
  fs::path dir = fresh_temp_dir();
  write_file(dir / "site/content/a.md", "# A\n");
  write_file(dir / "site/bengal.toml", "[site]\ntitle = \"T\"\n");
  RunResult unset = run_bengal({"build", "site", "-q"}, "", dir);
  EXPECT_EQ(unset.exit_code, 0);
  EXPECT_EQ(unset.err, relative_urls_warning("bengal.toml", "[site] baseurl is not set",
                                             "https://example.org/"));
  EXPECT_NE(read_file(dir / "site/public/robots.txt").find("Sitemap: /sitemap.xml"),
            std::string::npos);

  write_file(dir / "site/bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"/docs/\"\n");
  RunResult path = run_bengal({"build", "site", "-q"}, "", dir);
  EXPECT_EQ(path.err,
            relative_urls_warning("bengal.toml:3:11", "[site] baseurl \"/docs\" is only a path",
                                  "https://example.org/docs/"));

  // Nothing that needs absolute URLs is written: nothing to warn about.
  write_file(dir / "site/bengal.toml",
             "[site]\ntitle = \"T\"\n[features]\nsitemap = false\nrss = false\nrobots = false\n");
  RunResult none = run_bengal({"build", "site", "-q"}, "", dir);
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.err, "");

  write_file(dir / "site/bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://a.example\"\n");
  EXPECT_EQ(run_bengal({"build", "site", "-q"}, "", dir).err, "");
}

TEST(FirstRun, NewSiteKeepsTheGeneratedRobotsAndHasNoEmptyTaxonomy) {
  fs::path dir = fresh_temp_dir();
  ASSERT_EQ(run_bengal({"new", "site", "s"}, "", dir).exit_code, 0);
  EXPECT_FALSE(fs::exists(dir / "s/static/robots.txt"));
  EXPECT_TRUE(fs::is_directory(dir / "s/static"));
  RunResult built = run_bengal({"build", "s", "--strict"}, "", dir);
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(read_file(dir / "s/public/robots.txt"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
  EXPECT_FALSE(fs::exists(dir / "s/public/categories"));
  std::string home = read_file(dir / "s/public/index.html");
  EXPECT_EQ(home.find("/categories/"), std::string::npos);
  EXPECT_NE(home.find("href=\"/tags/\""), std::string::npos);  // a used taxonomy stays
}

TEST(FirstRun, UsageErrorsExitWithTwoAndSayWhereToLook) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{}, "error: A subcommand is required; see `bengal help`\n"},
      {{"build", "--bogus"},
       "error: The following argument was not expected: --bogus; see `bengal help build`\n"},
      {{"build", "--threads", "x"},
       "error: --threads: Value x not in range 0 to 1024; see `bengal help build`\n"},
      {{"build", "--progress", "fancy"},
       "error: --progress: fancy not in {auto,plain,none}; see `bengal help build`\n"},
      {{"graph", "--format", "svg"},
       "error: --format: svg not in {text,json,dot}; see `bengal help graph`\n"},
      {{"new"}, "error: KIND is required; see `bengal help new`\n"},
      {{"new", "blog", "x"}, "error: KIND: blog not in {site,page}; see `bengal help new`\n"},
      {{"bild"},
       "error: unknown command 'bild'; commands: build, check, config, graph, help, md, merge, "
       "new, "
       "serve\n"},
      {{"build", "--memory-limit", "lots"},
       "error: --memory-limit must be a size such as 512MB or 2GB, not \"lots\"\n"},
  };
  for (const auto& c : cases) {
    RunResult r = run_bengal(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.err;
    EXPECT_EQ(r.err, c.err);
    EXPECT_EQ(r.out, "") << c.err;
  }
}

TEST(FirstRun, HelpCommandPrintsWhatHelpFlagsPrint) {
  RunResult top = run_bengal({"help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_EQ(top.out, run_bengal({"--help"}).out);
  EXPECT_TRUE(top.out.find("Usage: bengal [OPTIONS] SUBCOMMAND") != std::string::npos) << top.out;
  for (const char* command : {"build", "check", "graph", "md", "new"}) {
    RunResult help = run_bengal({"help", command});
    RunResult flag = run_bengal({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_EQ(flag.exit_code, 0) << command;
    EXPECT_EQ(help.out, flag.out) << command;
    EXPECT_TRUE(help.out.find(std::string("Usage: bengal ") + command + " ") != std::string::npos)
        << help.out;
  }
  RunResult unknown = run_bengal({"help", "deploy"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "error: unknown command 'deploy'; commands: build, check, config, graph, help, md, "
            "merge, new, serve\n");
  RunResult extra = run_bengal({"help", "build", "now"});
  EXPECT_EQ(extra.exit_code, 2);
  EXPECT_EQ(extra.err, "error: help takes at most one command; try `bengal help build`\n");
}

TEST(FirstRun, SummaryLineCountsInSingularAndPlural) {
  fs::path dir = fresh_temp_dir();
  write_file(dir / "site/bengal.toml", "[site]\nbaseurl = \"https://a.example\"\n");
  write_file(dir / "site/static/one.txt", "1\n");
  RunResult one = run_bengal({"build", "site"}, "", dir);
  EXPECT_TRUE(one.out.starts_with("Built 2 pages (1 file copied) in ")) << one.out;  // home, 404
  EXPECT_EQ(run_bengal({"check", "site"}, "", dir).out,
            "Checked 1 page: 0 broken links, 0 orphan pages, 0 missing titles, 0 errors, 0 "
            "warnings\n");
  write_file(dir / "site/content/a.md", "[broken](missing.md)\n");
  write_file(dir / "site/static/two.txt", "2\n");
  RunResult two = run_bengal({"build", "site"}, "", dir);
  // A page more: the cache says why every page renders again, then the summary.
  EXPECT_TRUE(
      two.out.starts_with("cache: pages were added, removed or renamed; rendering every "
                          "page\nBuilt 3 pages (2 files copied, 0 errors, 1 warning) in "))
      << two.out;
  RunResult check = run_bengal({"check", "site"}, "", dir);
  EXPECT_EQ(check.out,
            "Checked 2 pages: 1 broken link, 0 orphan pages, 1 missing title, 1 error, 1 "
            "warning\n");
}

}  // namespace
}  // namespace bengal::test
