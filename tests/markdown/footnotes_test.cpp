// GFM footnotes (footnotes.hpp): every form with its exact HTML, as cmark-gfm 0.29.0.gfm.6
// writes it; tests/data/spec/footnotes.json holds cmark-gfm's own examples.
#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

std::string footnote_html(std::string_view md, Options o = {}) {
  Rendered r;
  render_html(md, o, r);
  return r.html;
}

std::string ref(std::string_view label, int number, int nth = 1) {
  std::string id = "fnref-" + std::string(label) + (nth > 1 ? "-" + std::to_string(nth) : "");
  return "<sup class=\"footnote-ref\"><a href=\"#fn-" + std::string(label) + "\" id=\"" + id +
         "\" data-footnote-ref>" + std::to_string(number) + "</a></sup>";
}

std::string back(std::string_view label, int nth = 1) {
  std::string suffix = nth > 1 ? "-" + std::to_string(nth) : "";
  return "<a href=\"#fnref-" + std::string(label) + suffix +
         "\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩" +
         (nth > 1 ? "<sup class=\"footnote-ref\">" + std::to_string(nth) + "</sup>" : "") + "</a>";
}

constexpr std::string_view kOpen = "<section class=\"footnotes\" data-footnotes>\n<ol>\n";
constexpr std::string_view kClose = "</ol>\n</section>\n";

TEST(Footnotes, ReferenceAndSection) {
  EXPECT_EQ(footnote_html("Text[^1].\n\n[^1]: The *note*.\n"),
            "<p>Text" + ref("1", 1) + ".</p>\n" + std::string(kOpen) +
                "<li id=\"fn-1\">\n<p>The <em>note</em>. " + back("1") + "</p>\n</li>\n" +
                std::string(kClose));
}

TEST(Footnotes, RepeatedReferencesGetOneBackLinkEach) {
  EXPECT_EQ(footnote_html("a[^x] b[^x] c[^x]\n\n[^x]: n\n"),
            "<p>a" + ref("x", 1) + " b" + ref("x", 1, 2) + " c" + ref("x", 1, 3) + "</p>\n" +
                std::string(kOpen) + "<li id=\"fn-x\">\n<p>n " + back("x") + " " + back("x", 2) +
                " " + back("x", 3) + "</p>\n</li>\n" + std::string(kClose));
}

TEST(Footnotes, NumberedByFirstReferenceUnreferencedDropped) {
  EXPECT_EQ(footnote_html("[^b]: B\n[^a]: A\n[^unused]: U\n\nx[^a] y[^b] z[^a]\n"),
            "<p>x" + ref("a", 1) + " y" + ref("b", 2) + " z" + ref("a", 1, 2) + "</p>\n" +
                std::string(kOpen) + "<li id=\"fn-a\">\n<p>A " + back("a") + " " + back("a", 2) +
                "</p>\n</li>\n<li id=\"fn-b\">\n<p>B " + back("b") + "</p>\n</li>\n" +
                std::string(kClose));
}

TEST(Footnotes, ReferencesInsideDefinitionsCountWhereTheDefinitionStands) {
  EXPECT_EQ(footnote_html("T[^a].\n\n[^a]: A has [^b].\n\nM[^c].\n\n[^b]: b\n[^c]: c\n"),
            "<p>T" + ref("a", 1) + ".</p>\n<p>M" + ref("c", 3) + ".</p>\n" + std::string(kOpen) +
                "<li id=\"fn-a\">\n<p>A has " + ref("b", 2) + ". " + back("a") +
                "</p>\n</li>\n<li id=\"fn-b\">\n<p>b " + back("b") +
                "</p>\n</li>\n<li id=\"fn-c\">\n<p>c " + back("c") + "</p>\n</li>\n" +
                std::string(kClose));
}

TEST(Footnotes, UndefinedLabelsStayText) {
  EXPECT_EQ(footnote_html("a[^nope] b[^] c[^x y]\n"), "<p>a[^nope] b[^] c[^x y]</p>\n");
}

TEST(Footnotes, LabelsAreCaseInsensitiveTheDefinitionNamesTheId) {
  EXPECT_EQ(footnote_html("a[^NOTE]\n\n[^Note]: n\n[^note]: dropped\n"),
            "<p>a" + ref("Note", 1) + "</p>\n" + std::string(kOpen) + "<li id=\"fn-Note\">\n<p>n " +
                back("Note") + "</p>\n</li>\n" + std::string(kClose));
}

TEST(Footnotes, LabelsAreEscapedAsUrls) {
  std::string out = footnote_html("a[^é&\"]\n\n[^É&\"]: n\n");
  EXPECT_NE(out.find("<a href=\"#fn-%C3%89&amp;%22\" id=\"fnref-%C3%89&amp;%22\""),
            std::string::npos)
      << out;
}

TEST(Footnotes, NeverInCodeOrAfterABackslash) {
  EXPECT_EQ(footnote_html("`[^a]` \\[^a]\n\n```\n[^a]: code\n```\n\n    [^a]: code\n"),
            "<p><code>[^a]</code> [^a]</p>\n<pre><code>[^a]: code\n</code></pre>\n"
            "<pre><code>[^a]: code\n</code></pre>\n");
}

TEST(Footnotes, DefinitionsWithSeveralBlocks) {
  EXPECT_EQ(footnote_html("x[^a]\n\n[^a]: One\nlazy\n\n    > Two\n\n        code\n",
                          {.heading_ids = false}),
            "<p>x" + ref("a", 1) + "</p>\n" + std::string(kOpen) +
                "<li id=\"fn-a\">\n<p>One\nlazy</p>\n<blockquote>\n<p>Two</p>\n</blockquote>\n"
                "<pre><code>code\n</code></pre>\n" +
                back("a") + "\n</li>\n" + std::string(kClose));
}

TEST(Footnotes, EmptyDefinition) {
  EXPECT_EQ(footnote_html("x[^a]\n\n[^a]:\n"), "<p>x" + ref("a", 1) + "</p>\n" +
                                                   std::string(kOpen) + "<li id=\"fn-a\">\n" +
                                                   back("a") + "\n</li>\n" + std::string(kClose));
}

TEST(Footnotes, InlineLinkWinsImageAltCountsButShowsNothing) {
  EXPECT_EQ(footnote_html("[^a](/u) ![i [^a]](p.png) [^a]\n\n[^a]: n\n"),
            "<p><a href=\"/u\">^a</a> <img src=\"p.png\" alt=\"i \" /> " + ref("a", 1, 2) +
                "</p>\n" + std::string(kOpen) + "<li id=\"fn-a\">\n<p>n " + back("a") + " " +
                back("a", 2) + "</p>\n</li>\n" + std::string(kClose));
}

TEST(Footnotes, HeadingReferenceStaysOutOfTheIdAndNoteHeadingsOutOfTheToc) {
  Rendered r;
  render_html("## Title[^a]\n\n[^a]: ## Inside\n", {}, r);
  EXPECT_EQ(r.html, "<h2 id=\"title\">Title" + ref("a", 1) + "</h2>\n" + std::string(kOpen) +
                        "<li id=\"fn-a\">\n<h2 id=\"inside\">Inside</h2>\n" + back("a") +
                        "\n</li>\n" + std::string(kClose));
  ASSERT_EQ(r.toc.size(), 1u);
  EXPECT_EQ(r.toc[0].title, "Title");
}

TEST(Footnotes, AnUnindentedLineRightAfterTheNoteIsLazyText) {
  // As in a list item: "Text[^a]" continues the note's paragraph (cmark-gfm does the same).
  EXPECT_EQ(
      footnote_html("[^a]: one\n    two\nText[^a]\n"),
      "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-a\">\n<p>one\ntwo\nText" +
          ref("a", 1) + " " + back("a") + "</p>\n</li>\n" + std::string(kClose));
}

TEST(Footnotes, NotesSeeThePagesLinkDefinitions) {
  EXPECT_EQ(footnote_html(
                "x[^a]\n\n[^a]: See [the docs][Docs] and [home].\n\n[docs]: /d \"D\"\n[home]: /\n"),
            "<p>x" + ref("a", 1) + "</p>\n" + std::string(kOpen) +
                "<li id=\"fn-a\">\n<p>See <a href=\"/d\" title=\"D\">the docs</a> and "
                "<a href=\"/\">home</a>. " +
                back("a") + "</p>\n</li>\n" + std::string(kClose));
}

TEST(Footnotes, OffWithoutGfmOrWhenAskedCommonMarkThen) {
  // CommonMark reads "[^a]: n" as a link reference definition with the label "^a".
  std::string commonmark = "<p>x<a href=\"n\">^a</a></p>\n";
  EXPECT_EQ(footnote_html("x[^a]\n\n[^a]: n\n", {.gfm = false}), commonmark);
  EXPECT_EQ(footnote_html("x[^a]\n\n[^a]: n\n", {.footnotes = false}), commonmark);
}

TEST(Footnotes, HostileInputStaysLinear) {
  // Unclosed openers: each label scan stops at the next '['.
  std::string opens;
  for (int i = 0; i < 100000; ++i) opens += "[^";
  EXPECT_EQ(footnote_html(opens + "\n\n[^a]: n\n"), "<p>" + opens + "</p>\n");
  // Many definitions and references.
  std::string md, refs, want_refs, items;
  for (int i = 0; i < 3000; ++i) {
    std::string n = std::to_string(i);
    md += "[^" + n + "]: " + n + "\n";
    refs += "[^" + n + "]";
    want_refs += ref(n, i + 1);
    items += "<li id=\"fn-" + n + "\">\n<p>" + n + " " + back(n) + "</p>\n</li>\n";
  }
  EXPECT_EQ(footnote_html(md + "\n" + refs + "\n"),
            "<p>" + want_refs + "</p>\n" + std::string(kOpen) + items + std::string(kClose));
}

}  // namespace
}  // namespace bengal::markdown
