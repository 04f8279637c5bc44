// The default theme in a built site: KaTeX's files are in the output of a site with math,
// with every font its stylesheet names, and not in one without; a page without math loads none
// of them; and base.html takes its math head from partials/math.html, whose output for a page with
// math is checked exactly in tests/templates/theme_math_test.cpp.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

fs::path build_example_site() {
  fs::path out = fresh_temp_dir() / "public";
  RunResult r = run_bengal(
      {"build", (source_dir() / "examples/site").string(), "-o", out.string(), "-q", "--strict"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return out;
}

TEST(ThemeAssets, KatexIsInTheOutputWithEveryWoff2FontItsStylesheetNames) {
  fs::path out = build_example_site();
  fs::path katex = out / "assets/katex";
  EXPECT_GT(fs::file_size(katex / "katex.min.js"), 100000u);
  EXPECT_TRUE(fs::exists(out / "assets/math.js"));
  std::string css = read_file(katex / "katex.min.css");
  size_t fonts = 0;
  for (size_t at = css.find("url(fonts/"); at != std::string::npos;
       at = css.find("url(fonts/", at + 1)) {
    std::string font = css.substr(at + 4, css.find(')', at) - at - 4);
    if (!font.ends_with(".woff2")) continue;
    ++fonts;
    EXPECT_TRUE(fs::exists(katex / font)) << font;
  }
  EXPECT_EQ(fonts, 20u);
}

TEST(ThemeAssets, PageWithoutMathLoadsNoKatex) {
  fs::path out = build_example_site();
  std::string page = read_file(out / "docs/guide/installation/index.html");
  ASSERT_NE(page.find("<link rel=\"stylesheet\" href=\"/assets/bengal.css\">\n<script>"),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find("katex"), std::string::npos);
  EXPECT_EQ(page.find("math.js"), std::string::npos);
  // The example's rich-content page has math, so it loads both.
  std::string rich = read_file(out / "docs/writing-rich-content/index.html");
  EXPECT_NE(rich.find("href=\"/assets/katex/katex.min.css\""), std::string::npos);
  EXPECT_NE(rich.find("src=\"/assets/math.js\""), std::string::npos);
}

TEST(ThemeAssets, SiteWithoutMathCarriesNoKatex) {
  fs::path site = write_files({
      {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://t.example\"\n"},
      {"content/a.md", "---\ntitle: A\n---\nCosts $5 and $6.\n"},
  });
  RunResult r = run_bengal({"build", site.string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The default theme's files are written as they are in themes/default/ (the golden sites
  // rely on it to leave them out of their expected output).
  for (const char* name : {"bengal.css", "bengal.js", "search.js"}) {
    EXPECT_EQ(read_file(site / "public/assets" / name),
              read_file(source_dir() / "themes/default/static/assets" / name))
        << name;
  }
  EXPECT_FALSE(fs::exists(site / "public/assets/katex"));
  EXPECT_FALSE(fs::exists(site / "public/assets/math.js"));
  // One formula anywhere brings them.
  write_files(site, {{"content/b.md", "---\ntitle: B\n---\nSo $x^2$.\n"}});
  r = run_bengal({"build", site.string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(site / "public/assets/katex/katex.min.js"));
  EXPECT_TRUE(fs::exists(site / "public/assets/math.js"));
}

// A site's own partials/math.html replaces the theme's: proves base.html includes it, in <head>
// right after the stylesheet, on every page.
TEST(ThemeAssets, BaseTemplateTakesItsMathHeadFromThePartial) {
  fs::path site = write_files({
      {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://t.example\"\n"},
      {"content/a.md", "---\ntitle: A\n---\nText.\n"},
      {"templates/partials/math.html", "<!-- math head -->"},
  });
  RunResult r = run_bengal({"build", site.string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string page = read_file(site / "public/a/index.html");
  EXPECT_NE(page.find("<link rel=\"stylesheet\" href=\"/assets/bengal.css\"><!-- math head -->\n"
                      "<script>"),
            std::string::npos)
      << page;
}

}  // namespace
}  // namespace bengal::test
