#include "html_normalize.hpp"

#include <gtest/gtest.h>

namespace bengal::markdown {
namespace {

// The doctests of commonmark-spec's test/normalize.py.
TEST(HtmlNormalize, MatchesTheSpecRunner) {
  EXPECT_EQ(normalize_html("<p>a  \t b</p>"), "<p>a b</p>");
  EXPECT_EQ(normalize_html("<p>a  \t\nb</p>"), "<p>a b</p>");
  EXPECT_EQ(normalize_html("<p>a  b</p>"), "<p>a b</p>");
  EXPECT_EQ(normalize_html(" <p>a  b</p>"), "<p>a b</p>");
  EXPECT_EQ(normalize_html("<p>a  b</p> "), "<p>a b</p>");
  EXPECT_EQ(normalize_html("\n\t<p>\n\t\ta  b\t\t</p>\n\t"), "<p>a b</p>");
  EXPECT_EQ(normalize_html("<i>a  b</i> "), "<i>a b</i> ");
  EXPECT_EQ(normalize_html("<br />"), "<br>");
  EXPECT_EQ(normalize_html("<a title=\"bar\" HREF=\"foo\">x</a>"),
            "<a href=\"foo\" title=\"bar\">x</a>");
  EXPECT_EQ(normalize_html("&forall;&amp;&gt;&lt;&quot;"), "\xE2\x88\x80&amp;&gt;&lt;&quot;");
}

TEST(HtmlNormalize, KeepsPreAndRawText) {
  EXPECT_EQ(normalize_html("<pre><code>a  b\n\n</code></pre>\n<p>x</p>"),
            "<pre><code>a  b\n\n</code></pre><p>x</p>");
  EXPECT_EQ(normalize_html("<input type=\"checkbox\" disabled=\"\" /> a"),
            "<input disabled=\"\" type=\"checkbox\"> a");
  EXPECT_EQ(normalize_html("<script>if (a < b &amp;&amp; c) x;</script>"),
            "<script>if (a < b &amp;&amp; c) x;</script>");
  EXPECT_EQ(normalize_html("<!-- a  b --><!DOCTYPE html><?php x ?><![CDATA[ a ]]>"),
            "<!-- a  b --><!DOCTYPE html><?php x ?><![CDATA[ a ]]>");
  EXPECT_EQ(normalize_html("a < b & c &bogus; <x y='1' z>"), "a < b & c &bogus; <x y=\"1\" z>");
}

// Python's \s and strip() know Unicode spaces; a '<' with no '>' after it falls between the
// chunks normalize.py feeds to the parser.
TEST(HtmlNormalize, PythonQuirks) {
  EXPECT_EQ(normalize_html("<p>\xC2\xA0"
                           "a\xE3\x80\x80 b</p>"),
            "<p>a b</p>");
  EXPECT_EQ(normalize_html("<div id=\"foo\"\n*hi*"), "div id=\"foo\" *hi*");
  EXPECT_EQ(normalize_html("<style>\nfoo"), "<style>");
}

}  // namespace
}  // namespace bengal::markdown
