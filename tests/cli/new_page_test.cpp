// `bengal new page NAME`: where the file goes, what it starts with (an archetype of its section,
// the default one, the theme's, or a draft's front matter), and the exact errors. The date is
// SOURCE_DATE_EPOCH here, so the test does not depend on the clock.
#include <stdlib.h>

#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

constexpr std::string_view kCreated =
    " (a draft unless its archetype says otherwise: `bengal serve --drafts` shows it)\n";

class NewPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SOURCE_DATE_EPOCH", "86400", 1);  // 1970-01-02T00:00:00Z
    site_ = write_files({{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://e.org/\"\n"}});
  }
  void TearDown() override { unsetenv("SOURCE_DATE_EPOCH"); }

  RunResult make(std::vector<std::string> args) {
    args.insert(args.begin(), {"new", "page"});
    args.insert(args.end(), {"--site", site_.string()});
    return run_bengal(args);
  }

  fs::path site_;
};

TEST_F(NewPageTest, ATitleNamesTheFileAndTheDraftKeepsItAsWritten) {
  RunResult r = make({"My \"First\" Post!", "--section", "blog/"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Created content/blog/my-first-post.md" + std::string(kCreated));
  EXPECT_EQ(read_file(site_ / "content/blog/my-first-post.md"),
            "---\ntitle: \"My \\\"First\\\" Post!\"\ndate: 1970-01-02T00:00:00Z\ndraft: true\n"
            "---\n\n");
  // A draft: built with --drafts only, under the title as written.
  EXPECT_EQ(run_bengal({"build", site_.string(), "-q"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(site_ / "public/blog/my-first-post/index.html"));
  EXPECT_EQ(run_bengal({"build", site_.string(), "-q", "--drafts"}).exit_code, 0);
  EXPECT_NE(read_file(site_ / "public/blog/my-first-post/index.html")
                .find("<title>My &#34;First&#34; Post!"),
            std::string::npos);
}

TEST_F(NewPageTest, APathNamesTheFileAndItsNameTheTitle) {
  EXPECT_EQ(make({"docs/how-to/install-guide"}).out,
            "Created content/docs/how-to/install-guide.md" + std::string(kCreated));
  EXPECT_EQ(make({"trip/index.md", "--section", "blog"}).out,
            "Created content/blog/trip/index.md" + std::string(kCreated));
  EXPECT_EQ(read_file(site_ / "content/docs/how-to/install-guide.md"),
            "---\ntitle: \"Install Guide\"\ndate: 1970-01-02T00:00:00Z\ndraft: true\n---\n\n");
  EXPECT_EQ(read_file(site_ / "content/blog/trip/index.md"),
            "---\ntitle: \"Trip\"\ndate: 1970-01-02T00:00:00Z\ndraft: true\n---\n\n");
}

// As Hugo looks them up: the section's archetype, else the default one; the site's, else its
// theme's. An archetype is a template with title, date, section, slug and path.
TEST_F(NewPageTest, TheSectionsArchetypeComesFirstThenTheDefaultThenTheThemes) {
  write_file(site_ / "bengal.toml",
             "[site]\ntitle = \"T\"\nbaseurl = \"https://e.org/\"\n[build]\ntheme = \"mine\"\n");
  write_file(site_ / "archetypes/blog.md",
             "---\ntitle: {{ title | tojson }}\ndate: {{ date }}\n---\n{{ section }} {{ slug }}");
  write_file(site_ / "themes/mine/archetypes/default.md", "theme: {{ path }}\n");
  write_file(site_ / "themes/mine/archetypes/docs.md", "theme docs\n");
  ASSERT_EQ(make({"Hello", "--section", "blog/2024"}).exit_code, 0);
  ASSERT_EQ(make({"notes/a.md"}).exit_code, 0);
  ASSERT_EQ(make({"docs/b.md"}).exit_code, 0);
  // The last newline a template drops is put back.
  EXPECT_EQ(read_file(site_ / "content/blog/2024/hello.md"),
            "---\ntitle: \"Hello\"\ndate: 1970-01-02T00:00:00Z\n---\nblog hello\n");
  EXPECT_EQ(read_file(site_ / "content/notes/a.md"), "theme: notes/a.md\n");
  EXPECT_EQ(read_file(site_ / "content/docs/b.md"), "theme docs\n");
  write_file(site_ / "archetypes/default.md", "site default\n");
  ASSERT_EQ(make({"notes/c.md"}).exit_code, 0);
  EXPECT_EQ(read_file(site_ / "content/notes/c.md"), "site default\n");
}

TEST_F(NewPageTest, ErrorsNameTheFileAndSayWhatToDo) {
  ASSERT_EQ(make({"a.md"}).exit_code, 0);
  RunResult again = make({"a.md"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err, "content/a.md: error: already exists; edit it, or give another name\n");
  EXPECT_EQ(make({"../x"}).err,
            "error: '../x.md' is not a path inside the content folder; write it without '..', "
            "'.', '\\' or an empty part, such as blog/my-post.md\n");
  EXPECT_EQ(make({"x", "--section", "a/../.."}).err,
            "error: 'a/../../x.md' is not a path inside the content folder; write it without "
            "'..', '.', '\\' or an empty part, such as blog/my-post.md\n");
  EXPECT_EQ(make({"!!"}).err,
            "error: '!!' has no letter or digit to name a file after; give a title such as \"My "
            "first post\" or a path such as blog/my-first-post.md\n");
  write_file(site_ / "archetypes/default.md", "{{ nope(");
  RunResult bad = make({"b.md"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(bad.err.starts_with("archetypes/default.md:1:1: error: ")) << bad.err;
  EXPECT_FALSE(fs::exists(site_ / "content/b.md"));
  fs::remove(site_ / "archetypes/default.md");
  // Never through a link: the page would land outside the site.
  fs::path outside = fresh_temp_dir("-outside");
  fs::create_directory_symlink(outside, site_ / "content/linked");
  EXPECT_EQ(make({"linked/c.md"}).err,
            "content/linked: error: this folder of the page's path is a symbolic link; bengal "
            "new writes pages only into real folders of the site\n");
  EXPECT_TRUE(fs::is_empty(outside));
  RunResult site_flags = run_bengal({"new", "site", (site_ / "other").string(), "--section", "a"});
  EXPECT_EQ(site_flags.exit_code, 2);
  EXPECT_EQ(site_flags.err,
            "error: --section and --site are for `bengal new page`; a new site is the folder "
            "NAME\n");
}

}  // namespace
}  // namespace bengal::test
