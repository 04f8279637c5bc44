#include "bengal/markdown/markdown.hpp"

#include <algorithm>

#include "bengal/markdown/icons.hpp"
#include "render_support.hpp"

#include <gtest/gtest.h>

namespace bengal::markdown {
namespace {

std::string markdown_html(std::string_view md, Options o = {}) {
  return html_of(md, o);
}

TEST(HeadingIds, FollowTheSlugRules) {
  EXPECT_EQ(markdown_html("## Hello, World! 2024\n"),
            "<h2 id=\"hello-world-2024\">Hello, World! 2024</h2>\n");
  EXPECT_EQ(markdown_html("# snake_case and-dash\n"),
            "<h1 id=\"snake_case-and-dash\">snake_case and-dash</h1>\n");
  EXPECT_EQ(markdown_html("# Ünïcode 日本\n"), "<h1 id=\"ünïcode-日本\">Ünïcode 日本</h1>\n");
  EXPECT_EQ(markdown_html("# `code` *em*\n"),
            "<h1 id=\"code-em\"><code>code</code> <em>em</em></h1>\n");
  EXPECT_EQ(markdown_html("# !!!\n"), "<h1 id=\"section\">!!!</h1>\n");
  EXPECT_EQ(heading_slug("A & B"), "a-b");
  EXPECT_EQ(heading_slug("A & B", HeadingIdStyle::kGithub), "a--b");
}

// Bengal's rule (the default): runs of spaces and '-' are one '-', none at the ends, words of
// any script kept, punctuation, symbols and emoji dropped, at most 100 characters.
TEST(HeadingIds, BengalStyle) {
  EXPECT_EQ(heading_slug("  Step 1 -- Install  "), "step-1-install");
  EXPECT_EQ(heading_slug("🎯 Admonitions (9 Types)"), "admonitions-9-types");
  EXPECT_EQ(heading_slug("What’s new — v2.0?"), "whats-new-v20");
  EXPECT_EQ(heading_slug("Ünïcode 日本語 Ελληνικά"), "ünïcode-日本語-ελληνικά");
  EXPECT_EQ(heading_slug("snake_case\u00a0x"), "snake_case-x");
  EXPECT_EQ(heading_slug("-- !!! --"), "section");
  std::string long_text(98, 'a');
  EXPECT_EQ(heading_slug(long_text + " bc"), long_text + "-b");
  EXPECT_EQ(heading_slug(long_text + "a bc"), long_text + "a");  // a '-' at 100 is trimmed
  EXPECT_EQ(heading_slug(long_text + "bc d"), long_text + "bc");
  EXPECT_EQ(heading_slug("Fix a - b", HeadingIdStyle::kGithub), "fix-a---b");
  EXPECT_EQ(markdown_html("## 🎯 Goals\n## Goals\n"),
            "<h2 id=\"goals\">🎯 Goals</h2>\n<h2 id=\"goals-1\">Goals</h2>\n");
}

TEST(HeadingIds, DuplicatesGetNumbers) {
  EXPECT_EQ(markdown_html("# A\n# A\n# A\n# A-1\n"),
            "<h1 id=\"a\">A</h1>\n<h1 id=\"a-1\">A</h1>\n<h1 id=\"a-2\">A</h1>\n"
            "<h1 id=\"a-1-1\">A-1</h1>\n");
}

TEST(HeadingIds, CustomIdSuffix) {
  Rendered r;
  render_html("## Set up {#setup}\n## Other {#x.y}\n", {}, r);
  EXPECT_EQ(r.html, "<h2 id=\"setup\">Set up</h2>\n<h2 id=\"x.y\">Other</h2>\n");
  ASSERT_EQ(r.toc.size(), 2u);
  EXPECT_EQ(r.toc[0].title, "Set up");
  EXPECT_EQ(r.toc[0].id, "setup");
}

// Hugo's, Zola's and attr_list's attribute blocks: classes and other attributes go on the
// heading, never an event handler; a block written in code, or holding anything else, is text.
TEST(HeadingIds, AttributeBlocksGiveClassesAndAttributes) {
  Rendered r;
  render_html(
      "## Classed {.important}\n## Both {#both .a .b}\n## Tom &amp; Jerry {#tj .cartoon "
      "onclick=\"alert(1)\" title='T J' data-x=1}\n## Attr list {: #al .x }\n",
      {}, r);
  EXPECT_EQ(r.html,
            "<h2 id=\"classed\" class=\"important\">Classed</h2>\n<h2 id=\"both\" class=\"a "
            "b\">Both</h2>\n<h2 id=\"tj\" class=\"cartoon\" title=\"T J\" data-x=\"1\">Tom &amp; "
            "Jerry</h2>\n<h2 id=\"al\" class=\"x\">Attr list</h2>\n");
  ASSERT_EQ(r.toc.size(), 4u);
  EXPECT_EQ(r.toc[2].title, "Tom & Jerry");
  EXPECT_EQ(markdown_html("## `code {.x}`\n## Not {an attribute}\n## Quote {.a title=\"x}\n"),
            "<h2 id=\"code-x\"><code>code {.x}</code></h2>\n<h2 id=\"not-an-attribute\">Not {an "
            "attribute}</h2>\n<h2 id=\"quote-a-titlex\">Quote {.a title=&quot;x}</h2>\n");
  // The text before the block keeps its typographic punctuation.
  Options smart;
  smart.smart_punctuation = true;
  EXPECT_EQ(markdown_html("## \"Smart\" -- quotes {.q}\n", smart),
            "<h2 id=\"smart-quotes\" class=\"q\">“Smart” – quotes</h2>\n");
}

TEST(HeadingIds, OffInSpecMode) {
  Options o;
  o.heading_ids = false;
  EXPECT_EQ(markdown_html("## Set up {#setup}\n", o), "<h2>Set up {#setup}</h2>\n");
}

TEST(Toc, NestsLevelsTwoToFour) {
  Rendered r;
  render_html("# T\n## A\n### A1\n#### A1a\n##### deep\n## B\n", {}, r);
  EXPECT_EQ(render_toc_html(r.toc),
            "<ul>\n<li><a href=\"#a\">A</a>\n<ul>\n<li><a href=\"#a1\">A1</a>\n<ul>\n"
            "<li><a href=\"#a1a\">A1a</a></li>\n</ul>\n</li>\n</ul>\n</li>\n"
            "<li><a href=\"#b\">B</a></li>\n</ul>\n");
  EXPECT_EQ(render_toc_html({}), "");
}

TEST(Toc, ShallowerHeadingAfterDeepStartAndEscapedTitles) {
  Rendered r;
  render_html("### Deep first\n## Two &amp; <b>x</b> \"q\"\n", {}, r);
  EXPECT_EQ(render_toc_html(r.toc),
            "<ul>\n<li><a href=\"#deep-first\">Deep first</a></li>\n"
            "<li><a href=\"#two-x-q\">Two &amp; x &quot;q&quot;</a></li>\n</ul>\n");
  EXPECT_EQ(render_toc_html(r.toc, 2, 2),
            "<ul>\n<li><a href=\"#two-x-q\">Two &amp; x &quot;q&quot;</a></li>\n</ul>\n");
}

TEST(Html, UnsafeOffOmitsRawHtml) {
  Options o;
  o.unsafe_html = false;
  EXPECT_EQ(markdown_html("<div>\nhi\n</div>\n\ntext <b>bold</b>\n", o),
            "<!-- raw HTML omitted -->\n<p>text <!-- raw HTML omitted -->bold<!-- raw HTML omitted "
            "--></p>\n");
  EXPECT_EQ(markdown_html("text <b>bold</b>\n"), "<p>text <b>bold</b></p>\n");
}

TEST(Html, TagFilter) {
  Options o;
  o.tagfilter = true;
  EXPECT_EQ(markdown_html("<script>alert(1)</script>\n\n<em>ok</em> <iframe src=x>\n", o),
            "&lt;script>alert(1)&lt;/script>\n<p><em>ok</em> &lt;iframe src=x></p>\n");
}

TEST(Html, GfmExtensions) {
  EXPECT_EQ(markdown_html("- [ ] todo\n- [x] done\n"),
            "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> todo</li>\n"
            "<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n</ul>\n");
  EXPECT_EQ(
      markdown_html("| a | b |\n|:--|--:|\n| 1 | 2 |\n"),
      "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n"
      "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n"
      "</tr>\n</tbody>\n</table>\n");
  EXPECT_EQ(markdown_html("~~x~~ www.example.org\n"),
            "<p><del>x</del> <a href=\"http://www.example.org\">www.example.org</a></p>\n");
}

TEST(Html, FencedCodeKeepsLanguageClass) {
  EXPECT_EQ(markdown_html("```c++ extra words\nint x;\n```\n"),
            "<pre><code class=\"language-c++\">int x;\n</code></pre>\n");
  EXPECT_EQ(markdown_html("~~~ py&#x74;hon\\! x\n<a>\n~~~\n"),
            "<pre><code class=\"language-python!\">&lt;a&gt;\n</code></pre>\n");
  EXPECT_EQ(markdown_html("    indented\n"), "<pre><code>indented\n</code></pre>\n");
}

TEST(Html, ImageAltIsPlainText) {
  EXPECT_EQ(markdown_html("![a <b>x</b> *y* [l](u) &amp;](<p q.png> \"T\")\n"),
            "<p><img src=\"p%20q.png\" alt=\"a &lt;b&gt;x&lt;/b&gt; y l &amp;\" title=\"T\" "
            "/></p>\n");
  Options safe;
  safe.unsafe_html = false;
  EXPECT_EQ(markdown_html("![<b>x</b>](p.png)\n", safe),
            "<p><img src=\"p.png\" alt=\"&lt;b&gt;x&lt;/b&gt;\" /></p>\n");
}

TEST(Html, LinkResolverRewritesDestinations) {
  LinkResolver resolve = [](std::string_view dest, bool wiki) -> std::optional<LinkRewrite> {
    if (wiki) return LinkRewrite{"/wiki/" + std::string(dest) + "/", dest == "gone"};
    if (dest == "other.md#x") return LinkRewrite{"/docs/other/#x", false};
    if (dest == "missing.md") return LinkRewrite{"missing.md", true};
    return std::nullopt;
  };
  Options o;
  o.resolve_link = &resolve;
  o.wiki_links = true;
  EXPECT_EQ(markdown_html("[a](other.md#x) [b](https://x.org) [[page|Text]]\n", o),
            "<p><a href=\"/docs/other/#x\">a</a> <a href=\"https://x.org\">b</a> "
            "<a href=\"/wiki/page/\">Text</a></p>\n");
  EXPECT_EQ(markdown_html("[m](missing.md \"t\") [[gone]]\n", o),
            "<p><a href=\"missing.md\" class=\"broken-link\" title=\"t\">m</a> "
            "<a href=\"/wiki/gone/\" class=\"broken-link\">gone</a></p>\n");
}

// What a resolver may make of a wiki link: its text (unless the link has "|text"), a class, or
// a <code> in place of the link; every piece escaped.
TEST(Html, WikiLinkResolverGivesTextClassOrCode) {
  LinkResolver resolve = [](std::string_view dest, bool) -> std::optional<LinkRewrite> {
    LinkRewrite r;
    if (dest.starts_with("ext:py:")) {
      r.href = "https://docs.example/\"" + std::string(dest.substr(7));
      r.text = std::string(dest.substr(7));
      r.css_class = "extref";
    } else if (dest.starts_with("ext:")) {
      r.code = true;
      r.css_class = "extref extref-unresolved";
      r.text = "ext:<x>:";
    } else {
      r.href = "/p/";
      r.text = "A <Title>";
    }
    return r;
  };
  Options o;
  o.resolve_link = &resolve;
  o.wiki_links = true;
  EXPECT_EQ(
      markdown_html("[[ext:py:a.B]] [[ext:py:a.B|*the* B]] [[ext:no:T]] [[ext:no:T|t]] [[id:x]] "
                    "[[id:x|own]]\n",
                    o),
      "<p><a href=\"https://docs.example/%22a.B\" class=\"extref\">a.B</a> "
      "<a href=\"https://docs.example/%22a.B\" class=\"extref\"><em>the</em> B</a> "
      "<code class=\"extref extref-unresolved\">ext:no:T</code> "
      "<code class=\"extref extref-unresolved\">ext:&lt;x&gt;:t</code> "
      "<a href=\"/p/\">A &lt;Title&gt;</a> <a href=\"/p/\">own</a></p>\n");
}

TEST(Html, BadInputNeverCrashes) {
  std::string nested(100000, '>');
  nested += " deep\n";
  EXPECT_FALSE(markdown_html(nested).empty());
  std::string brackets(50000, '[');
  EXPECT_FALSE(markdown_html(brackets).empty());
  EXPECT_EQ(markdown_html(std::string_view("a\0b\n", 4)),
            "<p>a\xEF\xBF\xBD"
            "b</p>\n");
  EXPECT_EQ(markdown_html("\xff\xfe bad utf8\n"), "<p>\xff\xfe bad utf8</p>\n");
  EXPECT_EQ(markdown_html("# \xc3\n"), "<h1 id=\"\xc3\">\xc3</h1>\n");  // truncated UTF-8 in an id
  EXPECT_EQ(markdown_html(""), "");

  std::string lists;  // a list nested 1,000 deep
  for (int i = 0; i < 1000; ++i) lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- x\n";
  EXPECT_FALSE(markdown_html(lists).empty());
  std::string spans;  // emphasis, links and images nested deep
  for (int i = 0; i < 20000; ++i) spans += "*[![";
  spans += "x";
  for (int i = 0; i < 20000; ++i) spans += "](a))](b)*";
  EXPECT_FALSE(markdown_html(spans).empty());
  std::string nul_everywhere = "# a\0b {#\0}\n[x\0](\0 \"\0\")\n```\0\n\0\n```\n";
  EXPECT_FALSE(markdown_html(nul_everywhere).empty());
  std::string entities(30000, '&');
  EXPECT_FALSE(markdown_html(entities + "amp;").empty());
}

}  // namespace
}  // namespace bengal::markdown

TEST(Icons, NamesAreSortedAndAliasesDrawTheirTarget) {
  std::vector<std::string_view> names = bengal::markdown::icon_names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (std::string_view n : names)
    EXPECT_NE(bengal::markdown::icon_svg(n).find("icon-" + std::string(n) + "\""),
              std::string_view::npos)
        << n;
  EXPECT_EQ(bengal::markdown::icon_svg("caution"), bengal::markdown::icon_svg("warning"));
  EXPECT_EQ(bengal::markdown::icon_svg("nope"), "");
}
