#include <fmt/format.h>
#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

TEST(BodyScan, CollectsWhatTheIndexNeeds) {
  BodyScan s = scan_body(
      "# Title\n\nSee [a](a.md) and [b](<../b.md#x &amp; y>).\n\n## Title\n\n[[wiki/page|Label]] "
      "[[id:intro]]\n\n```\ncode words here\n```\n");
  EXPECT_EQ(s.links, (std::vector<std::string>{"a.md", "../b.md#x & y"}));
  EXPECT_EQ(s.wiki_links, (std::vector<std::string>{"wiki/page", "id:intro"}));
  EXPECT_EQ(s.anchors, (std::vector<std::string>{"title", "title-1"}));
  EXPECT_EQ(s.word_count, 11u);  // Title See a and b. Title Label id:intro code words here
  EXPECT_FALSE(s.has_more_marker);
  EXPECT_NE(s.content_hash, scan_body("other").content_hash);
}

TEST(BodyScan, RolesCountAsTheTextTheyShow) {
  BodyScan s = scan_body(
      "## Press {kbd}`Ctrl+C` for {abbr}`IO (input)`\n\nAn {icon}`check` done, {x}`y`, "
      "{kbd} `z` and \\{kbd}`w`.\n");
  // The ids render_html gives these headings with directives on.
  EXPECT_EQ(s.anchors, (std::vector<std::string>{"press-ctrlc-for-io"}));
  EXPECT_EQ(s.summary, "Press Ctrl+C for IO An done, {x}y, {kbd} z and {kbd}w.");
  EXPECT_EQ(s.word_count, 11u);  // Press Ctrl+C for IO An done, {x}y, {kbd} z and {kbd}w.
  Options o;
  o.directives = true;
  Rendered r;
  render_html("## Press {kbd}`Ctrl+C` for {abbr}`IO (input)`\n", o, r);
  EXPECT_EQ(r.toc.at(0).id, s.anchors.at(0));
}

TEST(BodyScan, SummaryIsTextBeforeMoreMarker) {
  BodyScan s = scan_body("First *para*\ngraph.\n\n<!--more-->\n\nRest of it.\n");
  EXPECT_TRUE(s.has_more_marker);
  EXPECT_EQ(s.summary, "First para graph.");
  EXPECT_EQ(s.word_count, 6u);
}

TEST(BodyScan, SummaryIsFirstSeventyWords) {
  std::string body;
  for (int i = 1; i <= 100; ++i) body += fmt::format("w{}{}", i, i % 10 == 0 ? "\n\n" : " ");
  BodyScan s = scan_body(body);
  std::string want;
  for (int i = 1; i <= 70; ++i) want += (i > 1 ? " w" : "w") + std::to_string(i);
  EXPECT_EQ(s.summary, want);
  EXPECT_EQ(s.word_count, 100u);
}

TEST(BodyScan, LinksInOrderWithLines) {
  BodyScan s = scan_body(
      "<https://a.org> ![img](i.png)\n\n[r][ref] www.b.org\n[[x#y]]\n\n[ref]: r.md \"T\"\n");
  EXPECT_EQ(s.links, (std::vector<std::string>{"https://a.org", "r.md", "http://www.b.org"}));
  EXPECT_EQ(s.link_lines, (std::vector<uint32_t>{1, 3, 3}));
  EXPECT_EQ(scan_body("a\n\n[](\nx.md)\n").link_lines, (std::vector<uint32_t>{4}));
  EXPECT_EQ(s.wiki_links, (std::vector<std::string>{"x#y"}));
  EXPECT_EQ(s.wiki_link_lines, (std::vector<uint32_t>{4}));
  // Images are not links; their sources are listed apart, for the site link check.
  EXPECT_EQ(s.images, (std::vector<std::string>{"i.png"}));
  EXPECT_EQ(s.image_lines, (std::vector<uint32_t>{1}));
  BodyScan more = scan_body("a\n\n![x](\n/img/a%20b.png \"t\") [![in](b.png)](c/)\n");
  // As written (escapes and entities decoded, not %XX); the line where the image starts.
  EXPECT_EQ(more.images, (std::vector<std::string>{"/img/a%20b.png", "b.png"}));
  EXPECT_EQ(more.image_lines, (std::vector<uint32_t>{3, 4}));
  EXPECT_EQ(more.links, (std::vector<std::string>{"c/"}));
}

// Raw HTML's <a href> and <img src> are listed apart from Markdown's links and images, at the
// line of their value: in an HTML block (a tag over several lines), inline, in a footnote.
// Not in code, nor in an image's description, where render_html writes HTML as text.
TEST(BodyScan, RawHtmlReferencesAreListedWithTheirLines) {
  BodyScan s = scan_body(
      "Go <a href=\"/a/\">there</a>.\n"
      "\n"
      "<div>\n"
      "  <img alt=\"x\"\n"
      "    src=\"/img/a.png\">\n"
      "  <a href='b.md'>b</a>\n"
      "</div>\n"
      "\n"
      "`<a href=\"/code/\">` ![<a href=\"/alt/\">](/img/i.png) note[^1]\n"
      "\n"
      "    <a href=\"/indented-code/\">\n"
      "\n"
      "[^1]: A <img src=\"/img/n.png\"> note.\n");
  EXPECT_EQ(s.html_links, (std::vector<std::string>{"/a/", "b.md"}));
  EXPECT_EQ(s.html_link_lines, (std::vector<uint32_t>{1, 6}));
  EXPECT_EQ(s.html_images, (std::vector<std::string>{"/img/a.png", "/img/n.png"}));
  EXPECT_EQ(s.html_image_lines, (std::vector<uint32_t>{5, 13}));
  EXPECT_EQ(s.images, (std::vector<std::string>{"/img/i.png"}));
  EXPECT_EQ(s.links, (std::vector<std::string>{}));
}

// A figure directive shows an image as ![](...) does: its source is checked as one (a path
// the directive refuses is not, as it renders nothing).
TEST(BodyScan, AFiguresImageIsListedWithItsOpenersLine) {
  BodyScan s = scan_body(
      "Text.\n\n:::{figure} /img/a.png\n:alt: A\n\nCaption ![i](b.png).\n:::\n\n"
      "::::{note}\n:::{figure} c.svg\n:::\n::::\n\n:::{figure} ../up.png\n:::\n\n"
      "```{figure} d.svg\n```\n");  // a code block, as Bengal reads it
  EXPECT_EQ(s.images, (std::vector<std::string>{"/img/a.png", "c.svg", "b.png"}));
  EXPECT_EQ(s.image_lines, (std::vector<uint32_t>{3, 10, 6}));
}

// What a video or audio directive plays is listed with its opener's line, a video's poster
// among the images with its option's line; a path the directive refuses (it embeds nothing)
// and an http(s) URL's are not site paths, so the link check passes them by.
TEST(BodyScan, VideoAndAudioFilesAreListedWithTheirLines) {
  BodyScan s = scan_body(
      ":::{video} /media/a.mp4\n:title: A\n:poster: /img/p.jpg\n:::\n\n"
      ":::{audio} talk.MP3\n:title: T\n:::\n\n"
      ":::{video} bad path.mp4\n:poster: /img/q.jpg\n:::\n\n"
      ":::{audio} /a.txt\n:::\n\n"
      ":::{video} /b.mp4\n:poster: a b.jpg\n:::\n");
  EXPECT_EQ(s.media, (std::vector<std::string>{"/media/a.mp4", "talk.MP3", "/b.mp4"}));
  EXPECT_EQ(s.media_lines, (std::vector<uint32_t>{1, 6, 17}));
  EXPECT_EQ(s.images, (std::vector<std::string>{"/img/p.jpg"}));
  EXPECT_EQ(s.image_lines, (std::vector<uint32_t>{3}));
}

// A summary shows what the links show: "[[!x]]" and "[[ext:p:x]]" show x, "[[id:x]]" the
// page's title, which the scan cannot know, so x; "|text" and plain targets as written.
TEST(BodyScan, SummaryShowsWikiLinksAsTheyRender) {
  BodyScan s = scan_body(
      "See [[!lamp-states]], [[ext:python:pathlib]], [[id:quickstart]], [[ext:p:t|the T]], "
      "[[!x|X]] and [[docs/a]].\n");
  EXPECT_EQ(s.summary, "See lamp-states, pathlib, quickstart, the T, X and docs/a.");
  EXPECT_EQ(s.wiki_links, (std::vector<std::string>{"!lamp-states", "ext:python:pathlib",
                                                    "id:quickstart", "ext:p:t", "!x", "docs/a"}));
}

// The index resolves "page#anchor" links against anchors from the scan, so the scan must
// assign exactly the ids the renderer writes.
TEST(BodyScan, AnchorsMatchTheRenderer) {
  std::string body =
      "# Intro\n#\tTabbed\t\n## Foo <b>bold</b> \n## Foo\n## Foo {#foo}\n## Custom {#my-id}\n"
      "### `code` &amp; *em* ![alt](x.png)\n#### [link](u) \\# hash\nSetext\n---\n"
      "## !!!\n## !!!\n## Ünïcode 日本\n";
  body += std::string_view("## a\0b\n", 7);
  BodyScan s = scan_body(body);
  Rendered r;
  render_html(body, {}, r);
  std::vector<std::string> ids;
  for (const auto& e : r.toc) ids.push_back(e.id);
  EXPECT_EQ(s.anchors, ids);
  EXPECT_EQ(s.anchors, (std::vector<std::string>{"intro", "tabbed", "foo-bold", "foo", "foo-1",
                                                 "my-id", "code-em-alt", "link-hash", "setext",
                                                 "section", "section-1", "ünïcode-日本", "ab"}));
}

// [markdown] heading_ids = "github": the scan and the renderer switch together.
TEST(BodyScan, GithubStyleAnchorsMatchTheRenderer) {
  std::string body = "## 🎯 Step 1 -- Set up\n## A & B\n";
  BodyScan s = scan_body(body, {.heading_id_style = HeadingIdStyle::kGithub});
  Options o;
  o.heading_id_style = HeadingIdStyle::kGithub;
  Rendered r;
  render_html(body, o, r);
  EXPECT_EQ(s.anchors, (std::vector<std::string>{"🎯-step-1----set-up", "a--b"}));
  ASSERT_EQ(r.toc.size(), 2u);
  EXPECT_EQ(r.toc[0].id, s.anchors[0]);
  EXPECT_EQ(r.toc[1].id, s.anchors[1]);
  EXPECT_EQ(scan_body(body).anchors, (std::vector<std::string>{"step-1-set-up", "a-b"}));
}

TEST(BodyScan, CustomIdIsNotText) {
  BodyScan s = scan_body("## Set *up* {#setup}\nText.\n");
  EXPECT_EQ(s.summary, "Set up Text.");
  EXPECT_EQ(s.word_count, 3u);
  EXPECT_EQ(s.anchors, (std::vector<std::string>{"setup"}));
}

// A block of classes and attributes is no text either, unless code wrote it.
TEST(BodyScan, AttributeBlocksAreNotText) {
  BodyScan s = scan_body("## Set up {.wide data-x=1}\n## `a {#b}`\nText.\n");
  EXPECT_EQ(s.summary, "Set up a {#b} Text.");
  EXPECT_EQ(s.anchors, (std::vector<std::string>{"set-up", "a-b"}));
}

TEST(BodyScan, LongTextBeforeMoreMarkerIsKept) {
  std::string body;
  for (int i = 1; i <= 80; ++i) body += fmt::format("w{} ", i);
  BodyScan s = scan_body(body + "\n\n<!--more-->\n\nlater words\n");
  EXPECT_TRUE(s.has_more_marker);
  EXPECT_EQ(s.summary, body.substr(0, body.size() - 1));
  EXPECT_EQ(s.word_count, 82u);
}

TEST(BodyScan, MoreMarkerInCodeIsText) {
  BodyScan s = scan_body("Intro  text\n\n    <!--more-->\n\n`<!--more-->`\n");
  EXPECT_FALSE(s.has_more_marker);
  EXPECT_EQ(s.summary, "Intro text <!--more-->");  // code blocks are no summary
  EXPECT_EQ(s.word_count, 4u);
}

TEST(BodyScan, InlineMoreMarker) {
  BodyScan s = scan_body("Short &amp; sweet. <!--more--> Rest.\n");
  EXPECT_TRUE(s.has_more_marker);
  EXPECT_EQ(s.summary, "Short & sweet.");
}

TEST(BodyScan, BadInputNeverCrashes) {
  EXPECT_EQ(scan_body("").word_count, 0u);
  EXPECT_EQ(scan_body("").summary, "");
  BodyScan s = scan_body(std::string_view("# \xff\0\n[a\0](ok.md)\n", 17));
  EXPECT_EQ(s.anchors.size(), 1u);
  EXPECT_EQ(s.links.size(), 1u);
  std::string deep(100000, '>');
  EXPECT_EQ(scan_body(deep + " x [l](y)\n").links, (std::vector<std::string>{"y"}));
}

TEST(BodyScan, SummaryIsCappedInBytes) {
  // One 10 MB word: the summary keeps its first kSummaryMaxBytes bytes, not the word.
  std::string word(10 << 20, 'w');
  EXPECT_EQ(scan_body("Intro " + word + "\n").summary,
            "Intro " + std::string(kSummaryMaxBytes - 6, 'w'));
  // A two-byte character across the cap is left out whole, never split.
  std::string text = std::string(kSummaryMaxBytes - 1, 'a') + "\xC3\xA9tail\n";
  EXPECT_EQ(scan_body(text).summary, std::string(kSummaryMaxBytes - 1, 'a'));
  // Text before <!--more--> is capped too.
  std::string words;
  for (int i = 0; i < 2000; ++i) words += "word ";
  BodyScan marked = scan_body(words + "\n\n<!--more-->\n\nrest\n");
  EXPECT_TRUE(marked.has_more_marker);
  EXPECT_EQ(marked.summary, words.substr(0, kSummaryMaxBytes));
  EXPECT_EQ(marked.word_count, 2001u);
}

TEST(BodyScan, FootnotesStayOutOfTheSummaryTheirLinksCount) {
  BodyScan s = scan_body(
      "Text[^1] more \\[^1].\n\n[^1]: Note with [a link](n.md)\n    and [[w]].\n\nEnd[^x] "
      "[b](b.md).\n");
  EXPECT_EQ(s.summary, "Text more [^1]. End[^x] b.");
  EXPECT_EQ(s.word_count, 11u);  // Text more [^1]. End[^x] b. Note with a link and w.
  // The note's lines are blank in the text scanned: "b.md" keeps its line.
  EXPECT_EQ(s.links, (std::vector<std::string>{"b.md", "n.md"}));
  EXPECT_EQ(s.link_lines, (std::vector<uint32_t>{6, 3}));
  EXPECT_EQ(s.wiki_links, (std::vector<std::string>{"w"}));
  EXPECT_EQ(s.wiki_link_lines, (std::vector<uint32_t>{4}));
}

}  // namespace
}  // namespace bengal::markdown

namespace bengal::markdown {
namespace {

// Directive syntax is chrome, never text; what the directives hold is.
TEST(BodyScan, DirectiveSyntaxIsNotText) {
  BodyScan s = scan_body(
      ":::{note} A title\n:class: wide\nInside *text*.\n::::{tab-set}\n:::{tab-item} Py\nTab "
      "body\n:::\n:::{/tab-set}\n:::\n\n:::{code-tabs}\n```py\ncode\n```\n:::\nAfter [l](x.md)\n");
  EXPECT_EQ(s.summary, "Inside text. Tab body After l");
  EXPECT_EQ(s.word_count, 7u);
  EXPECT_EQ(s.links, (std::vector<std::string>{"x.md"}));
  EXPECT_EQ(s.link_lines, (std::vector<uint32_t>{16}));
}

TEST(BodyScan, StepAndTargetAnchorsMatchTheRenderer) {
  std::string body =
      "## Install\n:::{steps}\n:::{step} Install\n:::\n:::{step}\n:::\n:::\n:::{target} "
      "here\n:::\n## Step 2\n";
  BodyScan s = scan_body(body);
  EXPECT_EQ(s.anchors,
            (std::vector<std::string>{"install", "install-1", "step-2", "here", "step-2-1"}));
  EXPECT_EQ(s.targets, (std::vector<std::string>{"here"}));
  Options o;
  o.directives = true;
  Rendered r;
  render_html(body, o, r);
  EXPECT_NE(r.html.find("<li id=\"install-1\">"), std::string::npos);
  EXPECT_NE(r.html.find("<li id=\"step-2\">"), std::string::npos);
  EXPECT_NE(r.html.find("<h2 id=\"step-2-1\">"), std::string::npos);
}

TEST(BodyScan, DirectiveSyntaxInCodeStaysCode) {
  BodyScan s = scan_body("```\n:::{note}\n```\n");
  EXPECT_EQ(s.summary, "");  // code is no summary, but is a word
  EXPECT_EQ(s.word_count, 1u);
}

// Hugo's HTML content: references where raw HTML puts them, at their lines; the words and
// summary of the text a browser shows; a summary up to <!--more--> when there is one.
TEST(BodyScan, HtmlBodies) {
  BodyScan s = scan_html_body(
      "<h2 id=\"intro\">Intro</h2>\n<p>Caf&eacute; <a href=\"/a/\">a</a></p>\n<script>x()</script>"
      "\n<img src=\"i.png\"><!--more-->\n<p>After   the\nmarker.</p>");
  EXPECT_EQ(s.html_ids, (std::vector<std::string>{"intro"}));
  EXPECT_EQ(s.html_links, (std::vector<std::string>{"/a/"}));
  EXPECT_EQ(s.html_link_lines, (std::vector<uint32_t>{2}));
  EXPECT_EQ(s.html_images, (std::vector<std::string>{"i.png"}));
  EXPECT_EQ(s.html_image_lines, (std::vector<uint32_t>{4}));
  EXPECT_TRUE(s.has_more_marker);
  EXPECT_EQ(s.summary, "Intro Café a");
  EXPECT_EQ(s.word_count, 6u);  // Intro Café a After the marker.
  EXPECT_TRUE(s.anchors.empty());
  EXPECT_TRUE(s.links.empty());
  EXPECT_NE(s.content_hash, scan_html_body("<p>other</p>").content_hash);

  std::string long_body;
  for (int i = 0; i < 100; ++i) long_body += fmt::format("<p>w{}</p>", i);
  BodyScan l = scan_html_body(long_body);
  EXPECT_FALSE(l.has_more_marker);
  EXPECT_EQ(l.word_count, 100u);
  EXPECT_TRUE(l.summary.starts_with("w0 w1 w2 "));
  EXPECT_TRUE(l.summary.ends_with(" w68 w69"));
}

}  // namespace
}  // namespace bengal::markdown
