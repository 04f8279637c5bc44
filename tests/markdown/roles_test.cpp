// Inline roles ({kbd}`C`, roles.hpp): the exact HTML of each role, where a role is not one
// (escaped, inside a word, in code, directives off), and the warnings of bad ones.
#include "bengal/markdown/roles.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "bengal/markdown/icons.hpp"
#include "render_support.hpp"

namespace bengal::markdown {
namespace {

using Warnings = std::vector<RenderWarning>;

Options with_roles() {
  return directive_options();
}

std::string roles_html(std::string_view md, Options o = with_roles()) {
  return html_of(md, o);
}

TEST(Roles, KbdWritesOneKbdPerKey) {
  EXPECT_EQ(roles_html("Press {kbd}`Ctrl+C` now.\n"),
            "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> now.</p>\n");
  EXPECT_EQ(roles_html("{kbd}`Enter`\n"), "<p><kbd>Enter</kbd></p>\n");
  EXPECT_EQ(roles_html("{kbd}`Ctrl + Shift + P`\n"),
            "<p><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd></p>\n");
  // The plus key itself.
  EXPECT_EQ(roles_html("{kbd}`Ctrl++` {kbd}`+`\n"),
            "<p><kbd>Ctrl</kbd>+<kbd>+</kbd> <kbd>+</kbd></p>\n");
  EXPECT_EQ(roles_html("{kbd}`Alt+<F4>`\n"), "<p><kbd>Alt</kbd>+<kbd>&lt;F4&gt;</kbd></p>\n");
}

TEST(Roles, AbbrTakesTheExpansionInParenthesesAsTitle) {
  EXPECT_EQ(roles_html("The {abbr}`HTML (HyperText Markup Language)` standard.\n"),
            "<p>The <abbr title=\"HyperText Markup Language\">HTML</abbr> standard.</p>\n");
  EXPECT_EQ(roles_html("{abbr}`CSS`\n"), "<p><abbr>CSS</abbr></p>\n");
  EXPECT_EQ(roles_html("{abbr}`Q&A (\"questions\" & <answers>)`\n"),
            "<p><abbr title=\"&quot;questions&quot; &amp; &lt;answers&gt;\">Q&amp;A</abbr></p>\n");
  // Parentheses alone are the abbreviation, not an expansion.
  EXPECT_EQ(roles_html("{abbr}`(c)`\n"), "<p><abbr>(c)</abbr></p>\n");
}

TEST(Roles, MathIsTheInlineMathSpanWithItsTexEscaped) {
  EXPECT_EQ(roles_html("{math}`x^2`\n"),
            "<p><span class=\"math math-inline\">\\(x^2\\)</span></p>\n");
  EXPECT_EQ(roles_html("{math}`a<b & \\alpha`\n"),
            "<p><span class=\"math math-inline\">\\(a&lt;b &amp; \\alpha\\)</span></p>\n");
  // The page then loads the math renderer (page.has_math), as for $x$.
  Rendered r;
  render_html("{math}`x`\n", with_roles(), r);
  EXPECT_TRUE(r.has_math);
  r = {};
  render_html("{kbd}`x`\n", with_roles(), r);
  EXPECT_FALSE(r.has_math);
}

TEST(Roles, DocAndRefAreLinksThroughTheResolver) {
  LinkResolver resolve = [](std::string_view dest, bool wiki) -> std::optional<LinkRewrite> {
    if (!wiki) return LinkRewrite{std::string(dest), true};  // no label on this page
    if (dest == "gone" || dest == "intro#nowhere") return LinkRewrite{std::string(dest), true};
    return LinkRewrite{"/docs/" + std::string(dest) + "/", false};
  };
  Options o = with_roles();
  o.resolve_link = &resolve;
  EXPECT_EQ(roles_html("See {doc}`intro`.\n", o),
            "<p>See <a href=\"/docs/intro/\" class=\"reference internal\">intro</a>.</p>\n");
  EXPECT_EQ(roles_html("{doc}`The intro <intro>`\n", o),
            "<p><a href=\"/docs/intro/\" class=\"reference internal\">The intro</a></p>\n");
  EXPECT_EQ(roles_html("{ref}`Setting up <setup>` {ref}`label`\n", o),
            "<p><a href=\"/docs/setup/\" class=\"reference internal\">Setting up</a> "
            "<a href=\"/docs/label/\" class=\"reference internal\">label</a></p>\n");
  Rendered r;
  render_html("A\n\nx {doc}`gone` {ref}`intro#nowhere`\n", o, r);
  EXPECT_EQ(r.html,
            "<p>A</p>\n<p>x <a href=\"gone\" class=\"reference internal broken-link\">gone</a> "
            "<a href=\"intro#nowhere\" class=\"reference internal broken-link\">intro#nowhere</a>"
            "</p>\n");
  const std::string remedy =
      "' not found; write a page's path (from content/ or this page's folder, .md optional), "
      "page#anchor or id:NAME";
  EXPECT_EQ(r.warnings, (Warnings{{3, 3, "{doc} target 'gone" + remedy},
                                  {3, 15, "{ref} target 'intro#nowhere" + remedy}}));
}

TEST(Roles, RefToALabelOnThisPageLinksItsAnchorBeforeAPageOfThatName) {
  LinkResolver resolve = [](std::string_view dest, bool wiki) -> std::optional<LinkRewrite> {
    if (!wiki) return LinkRewrite{"/here/" + std::string(dest), dest != "#setup"};
    return LinkRewrite{"/docs/" + std::string(dest) + "/", false};
  };
  Options o = with_roles();
  o.resolve_link = &resolve;
  EXPECT_EQ(roles_html("{ref}`setup` {ref}`other` {ref}`p/setup`\n", o),
            "<p><a href=\"/here/#setup\" class=\"reference internal\">setup</a> "
            "<a href=\"/docs/other/\" class=\"reference internal\">other</a> "
            "<a href=\"/docs/p/setup/\" class=\"reference internal\">p/setup</a></p>\n");
}

TEST(Roles, DocWithoutAResolverLinksThePathAsWritten) {
  EXPECT_EQ(roles_html("{doc}`guide/setup`\n"),
            "<p><a href=\"guide/setup\" class=\"reference internal\">guide/setup</a></p>\n");
  // Safe mode leaves a script URL out, as for every link.
  Options safe = with_roles();
  safe.unsafe_html = false;
  EXPECT_EQ(roles_html("{doc}`javascript:alert(1)`\n", safe),
            "<p><a href=\"\" class=\"reference internal\">javascript:alert(1)</a></p>\n");
}

TEST(Roles, LinkRolesInsideALinkWriteOnlyTheirText) {
  EXPECT_EQ(roles_html("[see {doc}`Intro <intro>` and {kbd}`K`](x)\n"),
            "<p><a href=\"x\">see Intro and <kbd>K</kbd></a></p>\n");
}

TEST(Roles, ALinkRoleWithoutATargetWarns) {
  Rendered r;
  render_html("{ref}`Text <>`\n", with_roles(), r);
  EXPECT_EQ(r.html, "<p>Text</p>\n");
  EXPECT_EQ(
      r.warnings,
      (Warnings{{1, 1, "{ref} needs a target: write {ref}`target` or {ref}`Text <target>`"}}));
}

TEST(Roles, IconIsTheInlineSvgAndAnUnknownOneWarns) {
  EXPECT_EQ(roles_html("{icon}`check` Done\n"),
            "<p>" + std::string(icon_svg("check")) + " Done</p>\n");
  Rendered r;
  render_html("Para\n\n  - a {icon}`nope` b\n", with_roles(), r);
  EXPECT_EQ(r.html, "<p>Para</p>\n<ul>\n<li>a  b</li>\n</ul>\n");
  std::string names;
  for (std::string_view n : icon_names()) {
    names += ' ';
    names += n;
  }
  EXPECT_EQ(r.warnings, (Warnings{{3, 7, "unknown icon 'nope' in {icon}; use one of:" + names}}));
}

TEST(Roles, AreNotRolesWhenEscapedInsideAWordUnknownOrApart) {
  EXPECT_EQ(roles_html("\\{kbd}`C`\n"), "<p>{kbd}<code>C</code></p>\n");
  EXPECT_EQ(roles_html("ab{kbd}`C` a_{kbd}`C` 1{kbd}`C`\n"),
            "<p>ab{kbd}<code>C</code> a_{kbd}<code>C</code> 1{kbd}<code>C</code></p>\n");
  // Other scripts are no ASCII word: Chinese puts no space before a role.
  EXPECT_EQ(roles_html("按{kbd}`Ctrl+C`复制\n"), "<p>按<kbd>Ctrl</kbd>+<kbd>C</kbd>复制</p>\n");
  EXPECT_EQ(
      roles_html("{nope}`C` {kbd} `C` {KBD}`C` {}`C`\n"),
      "<p>{nope}<code>C</code> {kbd} <code>C</code> {KBD}<code>C</code> {}<code>C</code></p>\n");
  // An entity is not the '{' of a role.
  EXPECT_EQ(roles_html("&#123;kbd}`C`\n"), "<p>{kbd}<code>C</code></p>\n");
  // Other markup between the name and the code span.
  EXPECT_EQ(roles_html("{kbd}<i>`C`\n"), "<p>{kbd}<i><code>C</code></p>\n");
}

TEST(Roles, AreNotRolesInCode) {
  EXPECT_EQ(roles_html("```\n{kbd}`C`\n```\n"), "<pre><code>{kbd}`C`\n</code></pre>\n");
  EXPECT_EQ(roles_html("    {kbd}`C`\n"), "<pre><code>{kbd}`C`\n</code></pre>\n");
  EXPECT_EQ(roles_html("`` {kbd}`C` ``\n"), "<p><code>{kbd}`C`</code></p>\n");
}

TEST(Roles, AreTextWithoutDirectives) {
  EXPECT_EQ(roles_html("{kbd}`C`\n", Options{}), "<p>{kbd}<code>C</code></p>\n");
}

TEST(Roles, FollowOtherInlineMarkup) {
  EXPECT_EQ(roles_html("*a*{kbd}`C`, ({kbd}`D`)\n"),
            "<p><em>a</em><kbd>C</kbd>, (<kbd>D</kbd>)</p>\n");
  EXPECT_EQ(roles_html("| k |\n|---|\n| {kbd}`a\\|b` |\n"),
            "<table>\n<thead>\n<tr>\n<th>k</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td><kbd>a|b</kbd></td>\n</tr>\n</tbody>\n</table>\n");
}

TEST(Roles, InAHeadingGiveTheIdAndTocTheirText) {
  Rendered r;
  render_html("## Press {kbd}`Ctrl+C` for {abbr}`IO (input)`\n", with_roles(), r);
  EXPECT_EQ(r.html,
            "<h2 id=\"press-ctrlc-for-io\">Press <kbd>Ctrl</kbd>+<kbd>C</kbd> for "
            "<abbr title=\"input\">IO</abbr></h2>\n");
  ASSERT_EQ(r.toc.size(), 1u);
  EXPECT_EQ(r.toc[0].title, "Press Ctrl+C for IO");
}

TEST(Roles, ManyBadRolesStayLinear) {
  std::string md;
  for (int i = 0; i < 20000; ++i) md += "{icon}`x` ";
  Rendered r;
  render_html(md, with_roles(), r);
  ASSERT_EQ(r.warnings.size(), 20000u);
  EXPECT_EQ(r.warnings.back().line, 1u);
  EXPECT_EQ(r.warnings.back().column, 19999u * 10 + 1);
}

TEST(Roles, NamesAreSorted) {
  std::vector<std::string_view> names = role_names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(names, (std::vector<std::string_view>{"abbr", "doc", "icon", "kbd", "math", "ref"}));
}

}  // namespace
}  // namespace bengal::markdown
