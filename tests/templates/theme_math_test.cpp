// The default theme's math head: KaTeX is linked from the theme's own assets on a page whose
// page.has_math is true, and nothing is on any other page. Renders the built-in
// partials/math.html as base.html includes it; the asset files themselves are checked in
// tests/cli/theme_assets_test.cpp.
#include <gtest/gtest.h>

#include "bengal/templates/builtin_theme.hpp"

namespace bengal::templates {
namespace {

std::string render_math_head(Value page) {
  Environment env(builtin_template_loader());
  // asset_url as the site's: a site-relative path from the page ("../" for a page one level
  // down), which is what the link must go through.
  env.set_global("asset_url", Value::function([](Renderer&, CallArgs& a, Value& out, std::string&) {
                   out = Value::string("../" + a.positional.at(0).str());
                   return true;
                 }));
  std::string out;
  Diagnostic error;
  if (!env.render("partials/math.html", {{"page", std::move(page)}}, out, error))
    return "ERROR: " + error.format();
  return out;
}

TEST(ThemeMath, PageWithMathLinksKatexFromLocalAssets) {
  EXPECT_EQ(render_math_head(Value::dict({{"has_math", Value::boolean(true)}})),
            "\n<link rel=\"stylesheet\" href=\"../assets/katex/katex.min.css\">\n"
            "<script src=\"../assets/katex/katex.min.js\" defer></script>\n"
            "<script src=\"../assets/math.js\" defer></script>");
}

TEST(ThemeMath, PageWithoutMathLinksNothing) {
  EXPECT_EQ(render_math_head(Value::dict({{"has_math", Value::boolean(false)}})), "");
  // Before the content stage sets has_math, or on a page kind without it: undefined is false.
  EXPECT_EQ(render_math_head(Value::dict({})), "");
}

// The files math.html links are compiled in (from libjs-katex and fonts-katex), with the fonts
// katex.min.css asks for, so no math page loads anything from elsewhere.
TEST(ThemeMath, KatexAssetsAreEmbeddedWithTheFontsTheStylesheetNames) {
  std::map<std::string_view, std::string_view> files;
  for (size_t i = 0; i < kBuiltinThemeFiles; ++i)
    files.emplace(kBuiltinTheme[i].path, kBuiltinTheme[i].bytes);
  for (std::string_view path : {"static/assets/katex/katex.min.js",
                                "static/assets/katex/katex.min.css", "static/assets/math.js"}) {
    ASSERT_TRUE(files.contains(path)) << path;
    EXPECT_GT(files[path].size(), 0u) << path;
  }
  // The real script, not a symlink's target path: the embedder follows Debian's symlink.
  EXPECT_NE(files["static/assets/katex/katex.min.js"].find("katex"), std::string_view::npos);
  EXPECT_GT(files["static/assets/katex/katex.min.js"].size(), 100000u);

  std::string_view css = files["static/assets/katex/katex.min.css"];
  size_t woff2 = 0;
  for (size_t at = css.find("url(fonts/"); at != std::string_view::npos;
       at = css.find("url(fonts/", at + 1)) {
    size_t end = css.find(')', at);
    ASSERT_NE(end, std::string_view::npos);
    std::string font(css.substr(at + 4, end - at - 4));
    if (!font.ends_with(".woff2")) continue;  // browsers take the first format they read
    ++woff2;
    EXPECT_TRUE(files.contains("static/assets/katex/" + font)) << font;
  }
  EXPECT_EQ(woff2, 20u);
}

}  // namespace
}  // namespace bengal::templates
