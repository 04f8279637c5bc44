// [markdown] options beyond CommonMark: smart punctuation (Options::smart_punctuation, and the
// summary scan_body makes with it), hard line breaks and the attributes of external links.
#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/smart_punctuation.hpp"

namespace bengal::markdown {
namespace {

std::string smart_html(std::string_view md) {
  Options o;
  o.smart_punctuation = true;
  o.directives = true;
  Rendered r;
  render_html(md, o, r);
  return r.html;
}

TEST(SmartPunctuation, QuotesOpenAfterABlankAndCloseAfterAWord) {
  EXPECT_EQ(smart_punctuation("\"Hello,\" she said. 'Quoted' (\"in parens\") [\"x\"]"),
            "\u201CHello,\u201D she said. \u2018Quoted\u2019 (\u201Cin parens\u201D) "
            "[\u201Cx\u201D]");
  // An apostrophe after a word, the century before two digits; a quote after a dash opens.
  EXPECT_EQ(smart_punctuation("don't, the '90s, rock 'n' roll --\"x\""),
            "don\u2019t, the \u201990s, rock \u2018n\u2019 roll \u2013\u201Cx\u201D");
}

TEST(SmartPunctuation, HyphenRunsAreDashesAndThreeDotsAnEllipsis) {
  EXPECT_EQ(smart_punctuation("a-b a--b a---b a----b a-----b a------b a-------b"),
            "a-b a\u2013b a\u2014b a\u2013\u2013b a\u2014\u2013b a\u2014\u2014b "
            "a\u2014\u2013\u2013b");
  EXPECT_EQ(smart_punctuation("Wait... and...."), "Wait\u2026 and\u2026.");
  EXPECT_EQ(smart_punctuation(""), "");
}

TEST(SmartPunctuation, OnlyProseChanges) {
  // Code, entities, escaped characters, URLs and raw HTML keep their straight quotes; text on
  // both sides of emphasis pairs its quotes.
  EXPECT_EQ(smart_html("\"*a*\" and `\"b\"` and &quot;c&quot; and \\\"d\\\" -- "
                       "[\"e\"](https://x.example/?q=\"f\") <span title=\"g\">h</span>\n"),
            "<p>\u201C<em>a</em>\u201D and <code>&quot;b&quot;</code> and &quot;c&quot; and "
            "&quot;d&quot; \u2013 <a href=\"https://x.example/?q=%22f%22\">\u201Ce\u201D</a> "
            "<span title=\"g\">h</span></p>\n");
  // Each block starts afresh: the quote ending one paragraph does not make the next close.
  EXPECT_EQ(smart_html("He said \"no\"\n\n\"Yes\"\n"),
            "<p>He said \u201Cno\u201D</p>\n<p>\u201CYes\u201D</p>\n");
  // The heading's id is made from the text as written, as discovery makes it.
  Options o;
  o.smart_punctuation = true;
  Rendered r;
  render_html("## It's \"here\" -- now\n", o, r);
  EXPECT_EQ(r.html, "<h2 id=\"its-here-now\">It\u2019s \u201Chere\u201D \u2013 now</h2>\n");
  ASSERT_EQ(r.toc.size(), 1u);
  EXPECT_EQ(r.toc[0].title, "It\u2019s \u201Chere\u201D \u2013 now");
  EXPECT_EQ(r.toc[0].id, "its-here-now");
}

TEST(SmartPunctuation, IsOffByDefault) {
  Rendered r;
  render_html("\"a\" -- b...\n", Options{}, r);
  EXPECT_EQ(r.html, "<p>&quot;a&quot; -- b...</p>\n");
}

TEST(SmartPunctuation, TheSummaryIsAsTheBodyRenders) {
  BodyScan plain = scan_body("It's \"so\" -- `\"code\"` \\\"x\\\"...\n");
  EXPECT_EQ(plain.summary, "It's \"so\" -- \"code\" \"x\"...");
  BodyScan smart =
      scan_body("It's \"so\" -- `\"code\"` \\\"x\\\"...\n", {.smart_punctuation = true});
  EXPECT_EQ(smart.summary, "It\u2019s \u201Cso\u201D \u2013 \"code\" \"x\"\u2026");
  EXPECT_EQ(smart.word_count, plain.word_count);
  // Heading ids stay those of the text as written.
  BodyScan heading = scan_body("## It's \"here\"\n", {.smart_punctuation = true});
  EXPECT_EQ(heading.anchors, std::vector<std::string>{"its-here"});
}

TEST(MarkdownOptions, HardWrapsMakeEveryLineBreakABreak) {
  Options o;
  o.hard_wraps = true;
  Rendered r;
  render_html("one\ntwo  \nthree\n", o, r);
  EXPECT_EQ(r.html, "<p>one<br />\ntwo<br />\nthree</p>\n");
}

TEST(MarkdownOptions, LazyImagesLoadLazilyAndDecodeApart) {
  Options o;
  o.lazy_images = true;
  Rendered r;
  render_html("![a *b*](/i.png \"T\") [![c](d.png)](/x/)\n", o, r);
  EXPECT_EQ(r.html,
            "<p><img src=\"/i.png\" alt=\"a b\" title=\"T\" loading=\"lazy\" decoding=\"async\" /> "
            "<a href=\"/x/\"><img src=\"d.png\" alt=\"c\" loading=\"lazy\" decoding=\"async\" "
            "/></a></p>\n");
}

TEST(MarkdownOptions, ExternalLinksGetTheAttributesAskedFor) {
  auto html = [](std::string_view md, bool blank, bool follow, bool referrer) {
    Options o;
    o.external_links = {blank, follow, referrer};
    Rendered r;
    render_html(md, o, r);
    return r.html;
  };
  std::string_view links =
      "[a](https://x.example) [b](/local/) <HTTP://Y.example> [c](mailto:m@x)\n";
  EXPECT_EQ(html(links, true, false, false),
            "<p><a href=\"https://x.example\" rel=\"noopener\" target=\"_blank\">a</a> "
            "<a href=\"/local/\">b</a> <a href=\"HTTP://Y.example\" rel=\"noopener\" "
            "target=\"_blank\">HTTP://Y.example</a> <a href=\"mailto:m@x\">c</a></p>\n");
  EXPECT_EQ(html("[a](http://x.example \"T\")\n", false, true, true),
            "<p><a href=\"http://x.example\" rel=\"nofollow noreferrer\" title=\"T\">a</a></p>\n");
  EXPECT_EQ(html("[a](https://x.example)\n", true, true, true),
            "<p><a href=\"https://x.example\" rel=\"noopener nofollow noreferrer\" "
            "target=\"_blank\">a</a></p>\n");
  EXPECT_EQ(html("[a](https://x.example)\n", false, false, false),
            "<p><a href=\"https://x.example\">a</a></p>\n");
}

}  // namespace
}  // namespace bengal::markdown
