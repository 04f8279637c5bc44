// TeX math (Options::math): inline and display spans, ```math fences, the dollar rules, and
// Rendered::has_math, which tells the theme to load KaTeX.
#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

Rendered render_math(std::string_view md, bool math = true) {
  Options o;
  o.math = math;
  Rendered r;
  render_html(md, o, r);
  return r;
}

std::string math_html(std::string_view md) {
  return render_math(md).html;
}

TEST(Math, InlineSpanWithEscapedSource) {
  Rendered r = render_math("Area $\\pi r^2$ and $a<b$.\n");
  EXPECT_EQ(r.html,
            "<p>Area <span class=\"math math-inline\">\\(\\pi r^2\\)</span> and "
            "<span class=\"math math-inline\">\\(a&lt;b\\)</span>.</p>\n");
  EXPECT_TRUE(r.has_math);
}

TEST(Math, DisplayAloneIsADivInsideTextASpan) {
  EXPECT_EQ(math_html("$$\\int x\\,dx$$\n"),
            "<div class=\"math math-display\">\\[\\int x\\,dx\\]</div>\n");
  EXPECT_EQ(math_html("so $$x$$ here\n"),
            "<p>so <span class=\"math math-display\">\\[x\\]</span> here</p>\n");
  EXPECT_EQ(math_html("- $$x$$\n"),
            "<ul>\n<li><span class=\"math math-display\">\\[x\\]</span></li>\n</ul>\n");
}

TEST(Math, MathFenceIsDisplayMathNeverHighlighted) {
  CodeHighlighter highlight = [](std::string_view, std::string_view, std::string& out) {
    out += "HIGHLIGHTED";
    return true;
  };
  Options o;
  o.math = true;
  o.highlight_code = &highlight;
  Rendered r;
  render_html("```math\na < b\n\\\\ c\n```\n", o, r);
  EXPECT_EQ(r.html, "<div class=\"math math-display\">\\[a &lt; b\n\\\\ c\\]</div>\n");
  EXPECT_TRUE(r.has_math);
}

TEST(Math, DollarsThatAreMoney) {
  for (std::string_view md : {"$5 and $6\n", "a $ x$ b\n", "a $x $ b\n", "a $x$5\n"}) {
    Rendered r = render_math(md);
    EXPECT_EQ(r.html, "<p>" + std::string(md.substr(0, md.size() - 1)) + "</p>\n") << md;
    EXPECT_FALSE(r.has_math) << md;
  }
  EXPECT_EQ(math_html("\\$x\\$ and `$y$`\n"), "<p>$x$ and <code>$y$</code></p>\n");
}

TEST(Math, OffItIsText) {
  Rendered r = render_math("$x$ and\n\n```math\nx\n```\n", false);
  EXPECT_EQ(r.html, "<p>$x$ and</p>\n<pre><code class=\"language-math\">x\n</code></pre>\n");
  EXPECT_FALSE(r.has_math);
  EXPECT_FALSE(render_math("no math here\n").has_math);
}

TEST(Math, InAFootnoteCountsForThePage) {
  Rendered r = render_math("x[^a]\n\n[^a]: $y$\n");
  EXPECT_TRUE(r.has_math);
  EXPECT_NE(r.html.find("<p><span class=\"math math-inline\">\\(y\\)</span> <a href=\"#fnref-a\""),
            std::string::npos)
      << r.html;
}

}  // namespace
}  // namespace bengal::markdown
