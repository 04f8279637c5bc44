// Safe mode (unsafe_html = false): no link or image destination can run script. Each vector
// is checked with its exact HTML; the same inputs pass through in unsafe mode.
#include "bengal/markdown/url_safety.hpp"

#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

std::string render_links(std::string_view md, bool unsafe, const LinkResolver* resolve = nullptr) {
  Options o;
  o.heading_ids = false;
  o.unsafe_html = unsafe;
  o.wiki_links = resolve != nullptr;
  o.resolve_link = resolve;
  Rendered r;
  render_html(md, o, r);
  return r.html;
}

std::string safe(std::string_view md) {
  return render_links(md, false);
}

TEST(UrlSafety, DangerousSchemes) {
  EXPECT_TRUE(is_dangerous_url("javascript:alert(1)"));
  EXPECT_TRUE(is_dangerous_url("JaVaScRiPt:alert(1)"));
  EXPECT_TRUE(is_dangerous_url("vbscript:msgbox(1)"));
  EXPECT_TRUE(is_dangerous_url("file:///etc/passwd"));
  EXPECT_TRUE(is_dangerous_url("data:text/html,<script>alert(1)</script>"));
  EXPECT_TRUE(is_dangerous_url("data:image/svg+xml,<svg onload=alert(1)>"));
  EXPECT_TRUE(is_dangerous_url(" \x01\x1f javascript:x"));
  EXPECT_TRUE(is_dangerous_url("java\tscr\nipt\r:x"));
  EXPECT_FALSE(is_dangerous_url("data:image/png;base64,iVBORw0KGgo="));
  EXPECT_FALSE(is_dangerous_url("DATA:IMAGE/WEBP;base64,UklGR"));
  EXPECT_FALSE(is_dangerous_url("javascript%3Aalert(1)"));  // no scheme: a relative path
  EXPECT_FALSE(is_dangerous_url("%6Aavascript:alert(1)"));
  EXPECT_FALSE(is_dangerous_url("/javascript:x"));
  EXPECT_FALSE(is_dangerous_url("https://example.org/javascript:x"));
  EXPECT_FALSE(is_dangerous_url(""));
}

TEST(UrlSafety, LinksAndImagesGetEmptyDestinations) {
  EXPECT_EQ(safe("[a](javascript:alert(1))\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("[a](JAVASCRIPT:alert(1) \"t\")\n"), "<p><a href=\"\" title=\"t\">a</a></p>\n");
  EXPECT_EQ(safe("![a](javascript:alert(1))\n"), "<p><img src=\"\" alt=\"a\" /></p>\n");
  EXPECT_EQ(safe("[a](vbscript:msgbox(1))\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("[a](file:///etc/passwd)\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("[a](data:text/html;base64,PHNjcmlwdD4=)\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("![a](data:image/png;base64,iVBORw0KGgo=)\n"),
            "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a\" /></p>\n");
}

TEST(UrlSafety, AutolinksAndReferenceLinks) {
  EXPECT_EQ(safe("<javascript:alert(1)>\n"), "<p><a href=\"\">javascript:alert(1)</a></p>\n");
  EXPECT_EQ(safe("[a][r] and ![i][r]\n\n[r]: vbscript:msgbox(1)\n"),
            "<p><a href=\"\">a</a> and <img src=\"\" alt=\"i\" /></p>\n");
  EXPECT_EQ(safe("[a]\n\n[a]: <data:text/html,x>\n"), "<p><a href=\"\">a</a></p>\n");
}

TEST(UrlSafety, EncodedSchemesAreDecodedFirst) {
  EXPECT_EQ(safe("[a](jav&#x61;script:alert(1))\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("[a](javascript&colon;alert(1))\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("[a](java&Tab;script:alert(1))\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("[a](java\\script:alert(1))\n"),
            "<p><a href=\"java%5Cscript:alert(1)\">a</a></p>\n");
  EXPECT_EQ(safe("[a](< javascript:alert(1)>)\n"), "<p><a href=\"\">a</a></p>\n");
  EXPECT_EQ(safe("[a](&#1;javascript:alert(1))\n"), "<p><a href=\"\">a</a></p>\n");
  // Percent-encoding is not decoded by browsers in a scheme: these are relative paths.
  EXPECT_EQ(safe("[a](javascript%3Aalert(1))\n"),
            "<p><a href=\"javascript%3Aalert(1)\">a</a></p>\n");
  EXPECT_EQ(safe("[a](%6Aavascript:alert(1))\n"),
            "<p><a href=\"%6Aavascript:alert(1)\">a</a></p>\n");
}

TEST(UrlSafety, WikiLinksAndResolvedLinks) {
  LinkResolver missing = [](std::string_view dest, bool) -> std::optional<LinkRewrite> {
    return LinkRewrite{std::string(dest), true};
  };
  EXPECT_EQ(render_links("[[javascript:alert(1)]] [[x|javascript:y]]\n", false, &missing),
            "<p><a href=\"\" class=\"broken-link\">javascript:alert(1)</a> "
            "<a href=\"x\" class=\"broken-link\">javascript:y</a></p>\n");
  LinkResolver to_script = [](std::string_view, bool) -> std::optional<LinkRewrite> {
    return LinkRewrite{"javascript:alert(1)", false};
  };
  EXPECT_EQ(render_links("[a](b.md)\n", false, &to_script), "<p><a href=\"\">a</a></p>\n");
}

TEST(UrlSafety, UnsafeModeKeepsDestinations) {
  EXPECT_EQ(render_links("[a](javascript:alert(1)) ![i](file:///x)\n", true),
            "<p><a href=\"javascript:alert(1)\">a</a> <img src=\"file:///x\" alt=\"i\" /></p>\n");
}

}  // namespace
}  // namespace bengal::markdown
