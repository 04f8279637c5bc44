// A site's own shortcodes (hugo_shortcodes.hpp, Options::site_shortcodes): a call alone on a line,
// in Hugo's form or Zola's, with or without a body, is the directive "shortcode", which renders
// through the host's template; names the site has no template for keep bengal's reading.
#include <gtest/gtest.h>

#include "bengal/markdown/hugo_shortcodes.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

// Writes the call as it sees it: name, arguments in order, body.
class EchoHost final : public DirectiveHost {
 public:
  bool read_include(std::string_view, std::string_view, IncludedFile&,
                    std::string& error) const override {
    error = "no includes here";
    return false;
  }
  std::vector<ChildEntry> children(ChildKinds) const override { return {}; }
  const std::vector<GlossaryTerm>& glossary() const override { return glossary_; }
  bool render_shortcode(const ShortcodeCall& call, std::string& html,
                        std::string& error) const override {
    if (call.name == "broken") {
      error = "templates/shortcodes/broken.html:1:4: error: unexpected end";
      return false;
    }
    html += "<x-" + std::string(call.name);
    for (const auto& [key, value] : call.args)
      html += " " + std::string(key) + "=" + std::string(value);
    html += call.paired ? ">" + std::string(call.body) + "</x>" : "/>";
    return true;
  }

 private:
  std::vector<GlossaryTerm> glossary_;
};

Rendered render(std::string_view md) {
  static const EchoHost host;
  Options o;
  o.directives = true;
  o.directive_host = &host;
  o.site_shortcodes = {"broken", "card", "youtube"};
  Rendered r;
  render_html(md, o, r);
  return r;
}

// The warnings of a render, "line:column: message" each.
std::vector<std::string> warnings_of(const Rendered& r) {
  std::vector<std::string> out;
  for (const auto& w : r.warnings)
    out.push_back(std::to_string(w.line) + ":" + std::to_string(w.column) + ": " + w.message);
  return out;
}

// A scan of a site whose one shortcode template is card.html.
ScanOptions card_site() {
  ScanOptions o;
  o.site_shortcodes = {"card"};
  return o;
}

TEST(SiteShortcodes, HugoCallsRenderTheSitesTemplate) {
  // Alone, closed by itself, or with a body up to its closer; the site's youtube wins.
  EXPECT_EQ(
      render("{{< card \"A b\" 2 title=\"T\" >}}\n\n{{% card x /%}}\n\n{{< youtube abc >}}\n").html,
      "<x-card 0=A b 1=2 title=T/>\n<x-card 0=x/>\n<x-youtube 0=abc/>\n");
  EXPECT_EQ(render("Intro.\n\n{{< card >}}\nThe *body*\n{{< /card >}}\n\nAfter.\n").html,
            "<p>Intro.</p>\n<x-card>The *body*\n</x>\n<p>After.</p>\n");
  // A name without a template is bengal's, or text with a warning.
  Rendered other = render("{{< mine >}}\n");
  EXPECT_EQ(other.html, "<p>{{&lt; mine &gt;}}</p>\n");
  ASSERT_EQ(other.warnings.size(), 1u);
}

// Jekyll's include of a file the site has a template of: its arguments named.
TEST(SiteShortcodes, JekyllIncludesRenderTheSitesTemplate) {
  EXPECT_EQ(render("{% include card.html title=\"T\" n=2 %}\n\n{% include card %}\n").html,
            "<x-card title=T n=2/>\n<x-card/>\n");
}

TEST(SiteShortcodes, ZolaCallsRenderTheSitesTemplate) {
  EXPECT_EQ(render("{{ card(title=\"T\", n=3) }}\n\n{% card(x=true) %}\nBody\n{% end %}\n").html,
            "<x-card title=T n=3/>\n<x-card x=true>Body\n</x>\n");
}

TEST(SiteShortcodes, ATemplateErrorIsAWarningAtTheCall) {
  Rendered r = render("Text.\n\n{{< broken >}}\n");
  EXPECT_EQ(r.html, "<p>Text.</p>\n");
  EXPECT_EQ(
      warnings_of(r),
      std::vector<std::string>{"3:1: templates/shortcodes/broken.html:1:4: error: unexpected end"});
}

TEST(SiteShortcodes, TheScanLeavesTheCallOutAndKeepsTheBody) {
  BodyScan s =
      scan_body("{{< card title=\"T\" >}}\nInside words.\n{{< /card >}}\nAfter.\n", card_site());
  EXPECT_EQ(s.summary, "Inside words. After.");
  // Without a template, a name bengal does not run is text.
  BodyScan without = scan_body("{{< badge title=\"T\" >}}\n");
  EXPECT_EQ(without.summary, "{{< badge title=\"T\" >}}");
}

TEST(SiteShortcodes, CallsInsideALineRenderInPlace) {
  // Hugo's form, closed by itself or with a body up to its closer on the line, and Zola's; the
  // template's output takes the call's place in the paragraph, emphasis around it kept.
  EXPECT_EQ(render("Press {{< card \"Ctrl\" >}} and *{{% card x /%}}*.\n").html,
            "<p>Press <x-card 0=Ctrl/> and <em><x-card 0=x/></em>.</p>\n");
  EXPECT_EQ(render("A {{< card k=v >}}*new*{{< /card >}} badge.\n").html,
            "<p>A <x-card k=v>*new*</x> badge.</p>\n");
  // Each call pairs with the first closer of its name after it, read left to right.
  EXPECT_EQ(render("A {{< card >}}x{{< /card >}} {{< card >}} b {{< youtube 2 >}}y{{< /youtube "
                   ">}}\n")
                .html,
            "<p>A <x-card>x</x> <x-card/> b <x-youtube 0=2>y</x></p>\n");
  EXPECT_EQ(render("Icon {{ card(name=\"x\") }} here.\n").html,
            "<p>Icon <x-card name=x/> here.</p>\n");
  // At the start of a line it starts no HTML block; in a heading, a list item, a table cell.
  EXPECT_EQ(render("{{< card >}} first.\n").html, "<p><x-card/> first.</p>\n");
  EXPECT_EQ(render("## Using {{< card >}} cards\n").html,
            "<h2 id=\"using-cards\">Using <x-card/> cards</h2>\n");
  EXPECT_EQ(render("- item {{< card >}}\n").html, "<ul>\n<li>item <x-card/></li>\n</ul>\n");
  EXPECT_EQ(render("[a {{< card >}}](/b/) c\n").html, "<p><a href=\"/b/\">a <x-card/></a> c</p>\n");
  // An image's description is plain text: the call shows as written there, and what follows
  // is written.
  EXPECT_EQ(render("![a {{< card >}} b](/i.png) c {{< card >}}\n").html,
            "<p><img src=\"/i.png\" alt=\"a {{&lt; card &gt;}} b\" /> c <x-card/></p>\n");
  // Where md4c reads no code span of the call (a fence in a quote, a code span across lines)
  // it shows as written.
  EXPECT_EQ(render("> ```\n> {{< card \"A\" >}} in code\n> ```\n").html,
            "<blockquote>\n<pre><code>{{&lt; card &quot;A&quot; &gt;}} in code\n</code></pre>\n"
            "</blockquote>\n");
  EXPECT_EQ(render("Span `a\n{{< card B >}} b` end.\n").html,
            "<p>Span <code>a {{&lt; card B &gt;}} b</code> end.</p>\n");
  // Nor in a link's title: an attribute, written as given.
  EXPECT_EQ(render("[a](/x/ \"T {{< card >}}\")\n").html,
            "<p><a href=\"/x/\" title=\"T {{&lt; card &gt;}}\">a</a></p>\n");
  EXPECT_EQ(render("| a |\n|---|\n| {{< card >}} |\n").html,
            "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td><x-card/></td>\n</tr>\n</tbody>\n</table>\n");
}

// Inside raw HTML (an HTML block's line, a tag's attribute) md4c sees no code span: the call is
// rendered in place there too, as Hugo runs shortcodes inside HTML.
TEST(SiteShortcodes, CallsInsideRawHtmlRenderInPlace) {
  EXPECT_EQ(render("<div class=\"x\">\n{{< card \"A\" >}} Star\n</div>\n").html,
            "<div class=\"x\">\n<x-card 0=A/> Star\n</div>\n");
  EXPECT_EQ(render("Text <span title=\"{{< card B >}}\">s</span>.\n").html,
            "<p>Text <span title=\"<x-card 0=B/>\">s</span>.</p>\n");
  BodyScan scan =
      scan_body("<div>\n{{< card \"A\" >}} <a href=\"/x/\">x</a>\n</div>\n", card_site());
  EXPECT_EQ(scan.html_links, (std::vector<std::string>{"/x/"}));
}

TEST(SiteShortcodes, CallsInCodeOrUnknownStayText) {
  // In a code span or a code block the call is code; a name without a template warns.
  EXPECT_EQ(render("Write `{{< card >}}` here.\n").html,
            "<p>Write <code>{{&lt; card &gt;}}</code> here.</p>\n");
  EXPECT_EQ(render("```\nA {{< card >}} b\n```\n").html,
            "<pre><code>A {{&lt; card &gt;}} b\n</code></pre>\n");
  Rendered other = render("A {{< mine >}} b.\n");
  EXPECT_EQ(other.html, "<p>A {{&lt; mine &gt;}} b.</p>\n");
  ASSERT_EQ(other.warnings.size(), 1u);
  EXPECT_EQ(other.warnings[0].column, 3u);
  // A user's own double-backtick code span is no call.
  EXPECT_EQ(render("A ``xxxxxxxxx`` b {{< card >}}.\n").html,
            "<p>A <code>xxxxxxxxx</code> b <x-card/>.</p>\n");
}

// A call of a name that has a template but does not run (spread over lines, or a body form
// inside a line) says how to write it so that it runs.
TEST(SiteShortcodes, ACallThatDoesNotRunSaysHowToWriteIt) {
  Rendered spread = render("A {{< card\nk=v >}} b.\n\nText {% card() %} x {% end %}\n");
  ASSERT_EQ(spread.warnings.size(), 2u);
  EXPECT_EQ(spread.warnings[0].line, 1u);
  EXPECT_EQ(spread.warnings[0].column, 3u);
  EXPECT_EQ(spread.warnings[0].message,
            "Hugo shortcode '{{< card … >}}' of templates/shortcodes/ runs alone on its lines or "
            "within one line of text, and shows as text here; write it on one line");
  EXPECT_EQ(spread.warnings[1].message,
            "Zola shortcode '{% card(…) %}' of templates/shortcodes/ runs only alone on its line, "
            "up to a {% end %} alone on its line, and shows as text here; write both on lines of "
            "their own");
}

TEST(SiteShortcodes, AnInlineTemplateErrorIsAWarningAtItsColumn) {
  Rendered r = render("Text.\n\nSee {{< broken >}} here.\n");
  EXPECT_EQ(r.html, "<p>Text.</p>\n<p>See  here.</p>\n");
  EXPECT_EQ(
      warnings_of(r),
      std::vector<std::string>{"3:5: templates/shortcodes/broken.html:1:4: error: unexpected end"});
}

TEST(SiteShortcodes, TheScanCountsAnInlineCallAsNoText) {
  BodyScan s =
      scan_body("## Using {{< card >}} cards\n\nPress {{< card k=v >}} now.\n", card_site());
  EXPECT_EQ(s.summary, "Using cards Press now.");
  ASSERT_EQ(s.anchors.size(), 1u);
  EXPECT_EQ(s.anchors[0], "using-cards");
}

}  // namespace
}  // namespace bengal::markdown
