// Definition lists (Options::definition_lists, block_syntax.hpp): "Term" then ": Definition"
// is a <dl> as goldmark (Hugo) writes it, where a list stands and nowhere else; the body scan
// reads the same words and links without the markers.
#include "bengal/markdown/block_syntax.hpp"

#include <gtest/gtest.h>

#include <string>

#include "bengal/markdown/icons.hpp"
#include "bengal/markdown/markdown.hpp"
#include "render_support.hpp"

namespace bengal::markdown {
namespace {

Options with_lists(bool lists = true, bool directives = true) {
  Options o = directive_options();
  o.definition_lists = lists;
  o.directives = directives;
  return o;
}

std::string dl_html(std::string_view md, Options o = with_lists()) {
  return html_of(md, o);
}

TEST(DefinitionLists, TermsAndTheirDefinitions) {
  EXPECT_EQ(dl_html("Apple\n: A *red* fruit.\n: A company.\n"),
            "<dl>\n<dt>Apple</dt>\n<dd>A <em>red</em> fruit.</dd>\n<dd>A company.</dd>\n</dl>\n");
  // Every line of the paragraph before the marker is a term; a definition's indented lines and
  // lazy lines go on its paragraph.
  EXPECT_EQ(dl_html("Orange\nTangerine\n: Citrus\n  fruits\nthat go on.\n"),
            "<dl>\n<dt>Orange</dt>\n<dt>Tangerine</dt>\n<dd>Citrus\nfruits\nthat go on.</dd>\n"
            "</dl>\n");
  // After a blank line, a paragraph followed by a marker is the next item of the same list.
  EXPECT_EQ(dl_html("Intro.\n\nA\n: one\n\nB\n: two\n\nAfter.\n"),
            "<p>Intro.</p>\n<dl>\n<dt>A</dt>\n<dd>one</dd>\n<dt>B</dt>\n<dd>two</dd>\n</dl>\n"
            "<p>After.</p>\n");
  // Without a blank line, a line of a definition's own indent ends the list where it starts a
  // block, and goes on the definition's paragraph where it does not.
  EXPECT_EQ(dl_html("A\n: one\n- item\n"),
            "<dl>\n<dt>A</dt>\n<dd>one</dd>\n</dl>\n<ul>\n<li>item</li>\n</ul>\n");
}

TEST(DefinitionLists, ABlankLineBeforeTheMarkerKeepsParagraphs) {
  EXPECT_EQ(dl_html("Banana\n\n:   A long fruit.\n\n    Its second paragraph.\n\n"
                    "        indented code\n\nAfter.\n"),
            "<dl>\n<dt>Banana</dt>\n<dd>\n<p>A long fruit.</p>\n<p>Its second paragraph.</p>\n"
            "<pre><code>indented code\n</code></pre>\n</dd>\n</dl>\n<p>After.</p>\n");
  // A tab reaches the next multiple of 4, as in CommonMark.
  EXPECT_EQ(dl_html("T\n:\tone\n\n\ttwo\n"),
            "<dl>\n<dt>T</dt>\n<dd>\n<p>one</p>\n<p>two</p>\n</dd>\n</dl>\n");
}

TEST(DefinitionLists, CodeAndDirectivesInADefinition) {
  // A fence on the marker's line is the definition's; the directive after the list is one.
  EXPECT_EQ(
      dl_html("Term `x`\n: ```\n  a: 1\n  ```\n\n:::{note}\nInside\n: its definition\n:::\n"),
      "<dl>\n<dt>Term <code>x</code></dt>\n<dd>\n<pre><code>a: 1\n</code></pre>\n</dd>\n</dl>\n"
      "<div class=\"admonition note\">\n<p class=\"admonition-title\"><span "
      "class=\"admonition-icon-wrapper\">" +
          std::string(icon_svg("note")) +
          "</span><span class=\"admonition-title-text\">Note</span></p>\n<dl>\n<dt>Inside</dt>\n"
          "<dd>its definition</dd>\n</dl>\n</div>\n");
  // Links, references and footnotes resolve across the list as anywhere in the page.
  EXPECT_EQ(dl_html("[Term][r]\n: see[^1]\n\n[r]: /t/\n[^1]: A note.\n"),
            "<dl>\n<dt><a href=\"/t/\">Term</a></dt>\n<dd>see<sup class=\"footnote-ref\"><a "
            "href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></dd>\n</dl>\n"
            "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>A note. <a "
            "href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
            "aria-label=\"Back to content\">↩</a></p>\n"
            "</li>\n</ol>\n</section>\n");
}

TEST(DefinitionLists, AMarkerWhereNoListStandsIsText) {
  // In code, after a list item or a quote (lazy lines there), first in the text, in an HTML
  // block, or after a heading's underline.
  EXPECT_EQ(dl_html("```\nCode\n: text\n```\n"), "<pre><code>Code\n: text\n</code></pre>\n");
  EXPECT_EQ(dl_html("- item\n: text\n"), "<ul>\n<li>item\n: text</li>\n</ul>\n");
  EXPECT_EQ(dl_html("> quote\n: text\n"), "<blockquote>\n<p>quote\n: text</p>\n</blockquote>\n");
  EXPECT_EQ(dl_html(": first\n"), "<p>: first</p>\n");
  EXPECT_EQ(dl_html("<div>\nTerm\n: text\n</div>\n"), "<div>\nTerm\n: text\n</div>\n");
  EXPECT_EQ(dl_html("Title\n---\n: text\n"), "<h2 id=\"title\">Title</h2>\n<p>: text</p>\n");
  // ":" needs a blank after it; MyST options and colon fences are not markers.
  EXPECT_EQ(dl_html("Time\n:30 past\n"), "<p>Time\n:30 past</p>\n");
  // Off, and in plain CommonMark, a marker is text.
  EXPECT_EQ(dl_html("A\n: one\n", with_lists(false)), "<p>A\n: one</p>\n");
  EXPECT_EQ(dl_html("A\n: one\n", with_lists(true, false)),
            "<dl>\n<dt>A</dt>\n<dd>one</dd>\n</dl>\n");
}

TEST(DefinitionLists, WarningsNameTheLineAndColumnInThePage) {
  Rendered r;
  render_html("Intro\n\nTerm\n: a {icon}`nope` b\n", with_lists(), r);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].line, 4u);
  EXPECT_EQ(r.warnings[0].column, 5u);
}

TEST(DefinitionLists, TheScanReadsTheWordsAndLinksWithoutTheMarkers) {
  std::string body = "Config key\n:   What it does, see [a](/a/).\n\n    More about it.\n";
  BodyScan s = scan_body(body, {.definition_lists = true});
  EXPECT_EQ(s.summary, "Config key What it does, see a. More about it.");
  EXPECT_EQ(s.word_count, 10u);
  EXPECT_EQ(s.links, std::vector<std::string>{"/a/"});
  EXPECT_EQ(s.link_lines, std::vector<uint32_t>{2});
  // Off, the indented line is code, which no summary shows.
  BodyScan off = scan_body(body);
  EXPECT_EQ(off.summary, "Config key : What it does, see a.");
}

TEST(DefinitionLists, ThePiecesHoldEveryLineOnce) {
  std::string text = "p\n\nA\nB\n\n: one\n  two\n\n: three\nC\n: four\nrest\n";
  std::vector<SyntaxBlock> blocks = find_block_syntax(text, {.definition_lists = true});
  std::string joined;
  for (const SyntaxBlock& b : blocks) joined += b.text;
  EXPECT_EQ(joined, text);
  std::string kinds;
  for (const SyntaxBlock& b : blocks) kinds += "xotdc"[b.kind];
  EXPECT_EQ(kinds, "xottdddc");
  EXPECT_EQ(blocks[3].text, "B\n\n");
  EXPECT_EQ(blocks[4].text, ": one\n  two\n\n");
  EXPECT_TRUE(blocks[4].loose);
  // A lazy line goes on; a marker at the left starts another definition of the same terms.
  EXPECT_EQ(blocks[5].text, ": three\nC\n");
  EXPECT_TRUE(blocks[5].loose);
  EXPECT_EQ(blocks[6].text, ": four\nrest\n");
  EXPECT_FALSE(blocks[6].loose);
  EXPECT_EQ(without_block_syntax("A\n:   one\n    two\n", {.definition_lists = true}),
            "A\none\ntwo\n");
}

Options with_attributes(bool on = true) {
  Options o = directive_options();
  o.block_attributes = on;
  return o;
}

TEST(BlockAttributes, ALineAfterAParagraphOrHeadingGivesItAttributes) {
  // The line ends the paragraph: the next line starts another.
  EXPECT_EQ(dl_html("Text.\n{: .x}\nMore.\n", with_attributes()),
            "<p class=\"x\">Text.</p>\n<p>More.</p>\n");
  EXPECT_EQ(dl_html("**Note:** read this.\n{: .notice--info #n data-k='v w' onclick=\"x\"}\n",
                    with_attributes()),
            "<p id=\"n\" class=\"notice--info\" data-k=\"v w\"><strong>Note:</strong> read "
            "this.</p>\n");
  // A heading's block is its own: the id is the heading's, in the table of contents too.
  Rendered r;
  render_html("## Install ##\r\n{: #setup .wide}\r\n", with_attributes(), r);
  EXPECT_EQ(r.html, "<h2 id=\"setup\" class=\"wide\">Install</h2>\n");
  ASSERT_EQ(r.toc.size(), 1u);
  EXPECT_EQ(r.toc[0].id, "setup");
}

TEST(BlockAttributes, ALineBeforeABlockGivesItAttributes) {
  EXPECT_EQ(dl_html("Intro.\n\n{: .note }\nA callout.\n", with_attributes()),
            "<p>Intro.</p>\n<p class=\"note\">A callout.</p>\n");
  EXPECT_EQ(dl_html("{: .note-title }\n> Title\n>\n> Body.\n", with_attributes()),
            "<blockquote class=\"note-title\">\n<p>Title</p>\n<p>Body.</p>\n</blockquote>\n");
  EXPECT_EQ(dl_html("{.steps}\n1. one\n2. two\n", with_attributes()),
            "<ol class=\"steps\">\n<li>one</li>\n<li>two</li>\n</ol>\n");
}

TEST(BlockAttributes, ALineThatGoesNowhereIsText) {
  // After a blank line with nothing after it, in a list item, in code, off, or not only
  // attributes.
  EXPECT_EQ(dl_html("A\n\n{: .x}\n\nB\n", with_attributes()),
            "<p>A</p>\n<p>{: .x}</p>\n<p>B</p>\n");
  EXPECT_EQ(dl_html("- a\n{: .x}\n", with_attributes()), "<ul>\n<li>a\n{: .x}</li>\n</ul>\n");
  EXPECT_EQ(dl_html("```\nA\n{: .x}\n```\n", with_attributes()),
            "<pre><code>A\n{: .x}\n</code></pre>\n");
  EXPECT_EQ(dl_html("A\n{: .x}\n", with_attributes(false)), "<p>A\n{: .x}</p>\n");
  EXPECT_EQ(dl_html("A\n{: toc}\n", with_attributes()), "<p>A\n{: toc}</p>\n");
  // Only the line right after a heading is the heading's: not one after a code block below it.
  EXPECT_EQ(dl_html("## H\n```\ncode\n```\n{: .x}\n", with_attributes()),
            "<h2 id=\"h\">H</h2>\n<pre><code>code\n</code></pre>\n<p>{: .x}</p>\n");
}

TEST(BlockAttributes, TheScanLeavesTheLineOutAndKeepsTheHeadingsId) {
  BodyScan s =
      scan_body("## Install\n{: #setup}\nText.\n{: .x}\n[a](/a/)\n", {.block_attributes = true});
  EXPECT_EQ(s.anchors, std::vector<std::string>{"setup"});
  EXPECT_EQ(s.summary, "Install Text. a");
  EXPECT_EQ(s.link_lines, std::vector<uint32_t>{5});
}

}  // namespace
}  // namespace bengal::markdown
