// Hugo's shortcodes that bengal runs (hugo_shortcodes.hpp): each alone on a line renders as
// the directive it stands for, written the colon-fence way; the rest stays text with a warning.
#include "bengal/markdown/hugo_shortcodes.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

using Strings = std::vector<std::string>;

Rendered render_site(std::string_view md) {
  Options o;
  o.directives = true;
  Rendered r;
  render_html(md, o, r);
  return r;
}

std::string site_html(std::string_view md) {
  return render_site(md).html;
}

Strings site_warnings(std::string_view md) {
  Strings out;
  for (const auto& w : render_site(md).warnings)
    out.push_back(std::to_string(w.line) + ":" + std::to_string(w.column) + ": " + w.message);
  return out;
}

using Options_ = std::vector<std::pair<std::string_view, std::string>>;

// A tab set's id is a hash of its body, which differs between ways of writing it.
std::string without_tab_ids(const std::string& html) {
  return std::regex_replace(html, std::regex("t[0-9a-f]{8}"), "tID");
}

TEST(HugoShortcodes, ArgumentsAreReadAsHugoWritesThem) {
  ShortcodeLine s = read_shortcode_line(
      "   {{< figure src=\"/a b.png\" alt=`raw \"x\"` caption=\"say \\\"hi\\\"\" width=50 >}}  ");
  EXPECT_EQ(s.kind, ShortcodeLine::kAlone);
  EXPECT_EQ(s.shortcode, "figure");
  EXPECT_EQ(s.directive, "figure");
  EXPECT_EQ(s.column, 4u);
  EXPECT_EQ(s.title, "/a b.png");
  EXPECT_EQ(s.options,
            (Options_{{"width", "50"}, {"alt", "raw \"x\""}, {"caption", "say \"hi\""}}));
  ShortcodeLine gist = read_shortcode_line("{{% gist spf13 7896402 \"img.html\" %}}");
  EXPECT_EQ(gist.title, "spf13/7896402");
  EXPECT_EQ(gist.options, (Options_{{"file", "img.html"}}));
  EXPECT_EQ(read_shortcode_line("{{< /details >}}").kind, ShortcodeLine::kClose);
  EXPECT_EQ(read_shortcode_line("{{< details summary=\"S\" />}}").kind, ShortcodeLine::kAlone);
  EXPECT_EQ(read_shortcode_line("{{< hint danger >}}").directive, "danger");
  EXPECT_EQ(read_shortcode_line("{{< alert color=\"primary\" >}}").directive, "info");
  EXPECT_EQ(read_shortcode_line("{{< callout type=\"odd\" >}}").directive, "note");
  // Not one whole shortcode bengal runs: indented code, text around it, an unclosed quote,
  // template braces, a closer with arguments, another name, the other delimiter.
  for (std::string_view line :
       {"    {{< figure src=\"a.png\" >}}", "x {{< figure src=\"a.png\" >}}",
        "{{< figure src=\"a.png\" >}} x", "{{< figure src=\"a.png >}}",
        "{{< note >}}x{{< /note >}}", "{{< /note x >}}", "{{< ref \"a.md\" >}}", "{{< note %}}",
        "{{<>}}", "\t{{< note >}}", "  ", "   {{%}}", ""})
    EXPECT_EQ(read_shortcode_line(line).kind, ShortcodeLine::kNone) << line;
}

TEST(HugoShortcodes, EachRendersAsItsDirective) {
  EXPECT_EQ(site_html("{{< youtube id=\"dQw4w9WgXcQ\" title=\"Talk\" mute=true start=5 >}}\n"),
            site_html(":::{youtube} dQw4w9WgXcQ\n:title: Talk\n:muted: true\n:start: 5\n:::\n"));
  EXPECT_EQ(site_html("{{< vimeo 55073825 >}}\n"), site_html(":::{vimeo} 55073825\n:::\n"));
  EXPECT_EQ(site_html("{{< gist spf13 7896402 img.html >}}\n"),
            site_html(":::{gist} spf13/7896402\n:file: img.html\n:::\n"));
  EXPECT_EQ(site_html("{{< details summary=\"More *here*\" open=true >}}\nBody.\n"
                      "{{< /details >}}\n"),
            site_html(":::{dropdown} More *here*\n:open:\nBody.\n:::\n"));
  EXPECT_EQ(site_html("{{% warning title=\"Mind\" %}}\n**Body**\n{{% /warning %}}\n"),
            site_html(":::{warning} Mind\n**Body**\n:::\n"));
  // Hugo's figure: the caption is also the alt text when there is none, the title goes before
  // the caption, the credit after it.
  EXPECT_EQ(site_html("{{< figure src=\"/i/a.png\" title=\"T\" caption=\"C\" attr=\"Me\" "
                      "attrlink=\"https://me.example\" link=\"/big.png\" >}}\n"),
            site_html(":::{figure} /i/a.png\n:link: /big.png\n:alt: C\n"
                      ":caption: **T** C [Me](https://me.example)\n:::\n"));
  // Warnings speak the shortcode's words; alt="" is a decorative image's.
  EXPECT_EQ(site_warnings("{{< figure src=\"/a.png\" >}}\n"),
            (Strings{"1:1: figure '/a.png' has no alt; describe the image with alt=\"what it "
                     "shows\", or write alt=\"\" for a decorative image"}));
  EXPECT_EQ(site_warnings("{{< figure src=\"/a.png\" alt=\"\" >}}\n"), Strings{});
  EXPECT_NE(site_html("{{< figure src=\"/a.png\" alt=\"\" >}}\n").find("alt=\"\" loading"),
            std::string::npos);
  // highlight: without a highlighter, the code block of the language.
  EXPECT_EQ(site_html("{{< highlight go \"linenos=table,hl_lines=2\" >}}\na < b\n"
                      "{{< /highlight >}}\n"),
            "<pre><code class=\"language-go\">a &lt; b\n</code></pre>\n");
}

// The shortcodes of the common docs themes: Learn's and Relearn's notice and expand, tabs of
// hugo-book, Relearn and Hextra, and mermaid diagrams.
TEST(HugoShortcodes, DocsThemesShortcodesRenderAsTheirDirectives) {
  EXPECT_EQ(site_html("{{% notice tip %}}\nBody.\n{{% /notice %}}\n"),
            site_html(":::{tip}\nBody.\n:::\n"));
  EXPECT_EQ(site_html("{{% notice style=\"orange\" title=\"Mind\" %}}\nB\n{{% /notice %}}\n"),
            site_html(":::{warning} Mind\nB\n:::\n"));
  EXPECT_EQ(site_html("{{% notice info \"Heads up\" %}}\nB\n{{% /notice %}}\n"),
            site_html(":::{info} Heads up\nB\n:::\n"));
  EXPECT_EQ(site_html("{{% notice primary %}}\nB\n{{% /notice %}}\n{{% notice odd %}}\nC\n"
                      "{{% /notice %}}\n"),
            site_html(":::{info}\nB\n:::\n:::{note}\nC\n:::\n"));
  EXPECT_EQ(site_html("{{% expand \"Show *more*\" %}}\nBody.\n{{% /expand %}}\n"),
            site_html(":::{dropdown} Show *more*\nBody.\n:::\n"));
  EXPECT_EQ(site_html("{{% expand title=\"T\" expanded=true %}}\nB\n{{% /expand %}}\n"
                      "{{% expand %}}\nC\n{{% /expand %}}\n"),
            site_html(":::{dropdown} T\n:open:\nB\n:::\n:::{dropdown} Expand me...\nC\n:::\n"));
  // Tabs: hugo-book's titles by position, Relearn's by name, Hextra's from the set's items.
  std::string colon_tabs = without_tab_ids(
      site_html("::::{tab-set}\n:::{tab-item} MacOS\nMac *text*.\n:::\n:::{tab-item} Linux\n"
                "Linux text.\n:::\n::::\n"));
  EXPECT_EQ(without_tab_ids(
                site_html("{{< tabs \"os\" >}}\n{{< tab \"MacOS\" >}}\nMac *text*.\n{{< /tab >}}\n"
                          "{{< tab \"Linux\" >}}\nLinux text.\n{{< /tab >}}\n{{< /tabs >}}\n")),
            colon_tabs);
  EXPECT_EQ(without_tab_ids(site_html(
                "{{< tabs >}}\n{{% tab title=\"MacOS\" %}}\nMac *text*.\n{{% /tab %}}\n"
                "{{% tab title=\"Linux\" %}}\nLinux text.\n{{% /tab %}}\n{{< /tabs >}}\n")),
            colon_tabs);
  std::string hextra = site_html(
      "{{< tabs items=\"MacOS,Linux\" >}}\n{{< tab >}}\nMac *text*.\n{{< /tab >}}\n"
      "{{< tab >}}\nLinux text.\n{{< /tab >}}\n{{< /tabs >}}\n");
  EXPECT_NE(hextra.find(">MacOS</a>"), std::string::npos) << hextra;
  EXPECT_NE(hextra.find(">Linux</a>"), std::string::npos) << hextra;
  EXPECT_EQ(
      site_warnings("{{< tabs items=\"A\" >}}\n{{< tab >}}\nx\n{{< /tab >}}\n{{< /tabs >}}\n"),
      Strings{});
  // Hextra's cards (a card without a body) and Docsy's card with one.
  EXPECT_EQ(
      site_html("{{< cards cols=\"2\" >}}\n{{< card link=\"/a/\" title=\"A\" icon=\"book\" "
                "subtitle=\"Sub *s*\" tag=\"new\" >}}\n{{< card title=\"B\" >}}\n{{< /cards >}}\n"),
      site_html("::::{cards}\n:columns: 2\n:::{card} A\n:link: /a/\n:icon: book\n"
                ":description: Sub *s*\n:badge: new\n:::\n:::{card} B\n:::\n::::\n"));
  EXPECT_EQ(site_html("{{< card header=\"**H**\" >}}\nBody *b*.\n{{< /card >}}\nAfter.\n"),
            site_html(":::{card} **H**\nBody *b*.\n:::\nAfter.\n"));
  // A diagram: the source, escaped, for Mermaid, as a ```mermaid fence gives it.
  EXPECT_EQ(site_html("{{< mermaid >}}\ngraph LR; A-->B\n{{< /mermaid >}}\n"),
            "<div class=\"mermaid\">graph LR; A--&gt;B\n</div>\n");
  EXPECT_EQ(site_html("```mermaid\ngraph LR; A-->B\n```\n"),
            "<div class=\"mermaid\">graph LR; A--&gt;B\n</div>\n");
}

TEST(HugoShortcodes, BoxesNestAndCloseByName) {
  EXPECT_EQ(site_html("{{% note %}}\n{{< figure src=\"/a.png\" alt=\"A\" >}}\n"
                      "{{< details summary=\"S\" >}}\nx\n{{% /note %}}\nafter\n"),
            site_html(":::{note}\n:::{figure} /a.png\n:alt: A\n:::\n:::{dropdown} S\nx\n"
                      ":::\n:::\nafter\n"));
  // The details left open ends with the note, as ":::{/note}" ends it: no warning; a closer of
  // nothing open is one.
  EXPECT_EQ(site_warnings("{{% note %}}\n{{< details summary=\"S\" >}}\nx\n{{% /note %}}\n"
                          "{{< /tip >}}\n"),
            (Strings{"5:1: '{{< /tip >}}' closes no open shortcode 'tip'; remove it or fix the "
                     "name"}));
}

TEST(HugoShortcodes, ElsewhereTheyStayTextWithAWarning) {
  std::string md =
      "See {{< figure src=\"/a.png\" >}} here.\n\n```\n{{< figure src=\"/b.png\" >}}\n```\n\n"
      "{{< youtube abc >}}\n";
  EXPECT_EQ(site_warnings(md),
            (Strings{"1:5: Hugo shortcode '{{< figure … >}}' runs only alone on a line and shows "
                     "as text here; put it on a line of its own",
                     "7:1: youtube 'abc' is not a valid id: use the 11 characters after 'v=' in "
                     "the video's URL; nothing is embedded"}));
  std::string html = site_html(md);
  EXPECT_NE(html.find("<p>See {{&lt; figure src=&quot;/a.png&quot; &gt;}} here.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<pre><code>{{&lt; figure src=&quot;/b.png&quot; &gt;}}\n</code></pre>"),
            std::string::npos);
  // Markdown rendered without directives (bengal md) runs none.
  Rendered plain;
  render_html("{{< youtube abc >}}\n", Options{}, plain);
  EXPECT_EQ(plain.html, "<p>{{&lt; youtube abc &gt;}}</p>\n");
}

// ref and relref as a link's destination become "@ref:" links of the same length.
TEST(HugoShortcodes, RefsInLinkDestinationsAreRewrittenInPlace) {
  auto rewritten = [](std::string text) {
    size_t size = text.size();
    rewrite_ref_links(text);
    EXPECT_EQ(text.size(), size);
    return text;
  };
  EXPECT_EQ(
      rewritten("[a]({{< ref \"docs/intro.md#x\" >}}) [b]({{% relref path=\"b\" %}} \"T\")\n"),
      "[a](@ref:docs/intro.md#x         ) [b](@ref:b                  \"T\")\n");
  // A blank or parenthesis in the path: in <…>. A definition's destination too.
  EXPECT_EQ(rewritten("[c]({{< ref \"my page.md\" >}})\n[d]: {{< ref `a(1).md` >}}\n"),
            "[c](<@ref:my page.md>       )\n[d]: <@ref:a(1).md>       \n");
  // Not a destination, in code, in a fence, indented, other shortcodes: as they were.
  std::string kept =
      "See {{< ref \"a.md\" >}}.\n`[e]({{< ref \"a.md\" >}})`\n```\n[f]({{< ref \"a.md\" "
      ">}})\n```\n"
      "    [g]({{< ref \"a.md\" >}})\n[h]({{< figure src=\"a.png\" >}})\n[i]({{< ref >}})\n";
  EXPECT_EQ(rewritten(kept), kept);
  // The renderer and the scan both see the rewritten link.
  Rendered r;
  LinkResolver resolve = [](std::string_view dest, bool) -> std::optional<LinkRewrite> {
    return LinkRewrite("/resolved/" + std::string(dest) + "/", false);
  };
  Options o;
  o.directives = true;
  o.resolve_link = &resolve;
  render_html("[a]({{< ref \"x.md\" >}})\n", o, r);
  EXPECT_EQ(r.html, "<p><a href=\"/resolved/@ref:x.md/\">a</a></p>\n");
  EXPECT_EQ(r.warnings.size(), 0u);
  EXPECT_EQ(scan_body("[a]({{< ref \"x.md\" >}})\n").links, (Strings{"@ref:x.md"}));
}

// Jekyll's highlight block and its post_url and link tags in links, read as Hugo's are.
TEST(HugoShortcodes, JekyllsHighlightAndLinksToPosts) {
  EXPECT_EQ(site_html("{% highlight ruby linenos mark_lines=\"2\" %}\nx\n{% endhighlight %}\n"),
            site_html("{{< highlight ruby \"linenos {2}\" >}}\nx\n{{< /highlight >}}\n"));
  EXPECT_EQ(read_shortcode_line("{% highlight ruby linenos mark_lines=\"2 3\" %}").title,
            "ruby linenos {2 3}");
  for (std::string_view line : {"{% if x %}", "{% highlight %}", "{% endhighlight x %}",
                                "{% highlight(lang=\"x\") %}", "{% endraw %}"})
    EXPECT_EQ(read_shortcode_line(line).kind, ShortcodeLine::kNone) << line;
  std::string text =
      "[a]({% post_url 2024-01-31-hi %}) [b]({% link _posts/2024-01-31-hi.md %}) "
      "[c]({% link assets/a.pdf %}) [d]({% include x.html %})\n";
  size_t size = text.size();
  rewrite_ref_links(text);
  EXPECT_EQ(text.size(), size);
  EXPECT_EQ(text,
            "[a](@ref:2024-01-31-hi          ) [b](@ref:2024-01-31-hi.md             ) "
            "[c](/assets/a.pdf          ) [d]({% include x.html %})\n");
}

// Jekyll's includes of Minimal Mistakes alone on a line: figure and video as their directives.
TEST(HugoShortcodes, JekyllsFigureAndVideoIncludes) {
  EXPECT_EQ(site_html("{% include figure image_path=\"/a.png\" alt=\"A\" caption=\"C *d*\" %}\n"),
            site_html(":::{figure} /a.png\n:alt: A\n:caption: C *d*\n:::\n"));
  EXPECT_EQ(site_html("{% include video id=\"XsxDH4HcOWA\" provider=\"youtube\" %}\n"),
            site_html(":::{youtube} XsxDH4HcOWA\n:::\n"));
  EXPECT_EQ(site_html("{% include video id=\"1\" provider=\"vimeo\" %}\n"),
            site_html(":::{vimeo} 1\n:::\n"));
  for (std::string_view line :
       {"{% include video id=\"1\" provider=\"bilibili\" %}", "{% include toc %}", "{% include %}"})
    EXPECT_EQ(read_shortcode_line(line).kind, ShortcodeLine::kNone) << line;
}

// Jekyll's site address before a link's path is the site path itself, which the resolver puts
// below baseurl; a destination of only the address is the site's root. Elsewhere it stays.
TEST(HugoShortcodes, JekyllsSiteAddressInALinkIsTheSitePath) {
  std::string text =
      "![a]({{ site.baseurl }}/i.png) [b]({{ \"/about/\" | relative_url }}) [c]({{ site.baseurl "
      "}}) [d]({{ 'x' | absolute_url }}) [e]({{ site.url }}{{ site.baseurl }}/y/)\n"
      "[f]({{ site.baseurl }}{% post_url 2024-01-31-hi %}) [g]({{ page.url | relative_url }}) "
      "{{ site.baseurl }}\n[r]: {{ site.baseurl }}/r.png\n";
  size_t size = text.size();
  rewrite_ref_links(text);
  EXPECT_EQ(text.size(), size);
  EXPECT_EQ(
      text,
      "![a](                  /i.png) [b](/about/                       ) [c](/                 "
      ") [d](/x                      ) [e](                                /y/)\n"
      "[f](                  @ref:2024-01-31-hi          ) [g]({{ page.url | relative_url }}) "
      "{{ site.baseurl }}\n[r]:                   /r.png\n");
}

// "{{</* name */>}}" is how Hugo's docs show a shortcode: it shows as "{{< name >}}", in text,
// code spans and code blocks (before they are highlighted); bengal md leaves it.
TEST(HugoShortcodes, CommentedShortcodesShowAsWritten) {
  std::string md =
      "Write {{</* figure src=\"a.png\" */>}} or `{{%/* note */%}}`.\n\n```\n{{</* x */>}} /* c "
      "*/\n"
      "```\n";
  EXPECT_EQ(
      site_html(md),
      "<p>Write {{&lt; figure src=&quot;a.png&quot; &gt;}} or <code>{{% note %}}</code>.</p>\n"
      "<pre><code>{{&lt; x &gt;}} /* c */\n</code></pre>\n");
  std::string seen;
  CodeHighlighter highlight = [&](std::string_view, std::string_view code, std::string& html) {
    seen = code;
    html += "<pre>highlighted</pre>\n";
    return true;
  };
  Options o;
  o.directives = true;
  o.highlight_code = &highlight;
  Rendered r;
  render_html("```go\n{{</* ref \"a.md\" */>}}\n```\n", o, r);
  EXPECT_EQ(seen, "{{< ref \"a.md\" >}}\n");
  EXPECT_EQ(scan_body(md).summary, "Write {{< figure src=\"a.png\" >}} or {{% note %}}.");
  Rendered plain;
  render_html("{{</* x */>}}\n", Options{}, plain);
  EXPECT_EQ(plain.html, "<p>{{&lt;/* x */&gt;}}</p>\n");
}

// Zola's calls of the same names alone on a line: youtube, vimeo, gist and admonition bodies up
// to "{% end %}".
TEST(HugoShortcodes, ZolasCallsOfTheseNamesRunToo) {
  EXPECT_EQ(site_html("{{ youtube(id=\"dQw4w9WgXcQ\", class=\"v\", autoplay=true) }}\n"),
            site_html(":::{youtube} dQw4w9WgXcQ\n:class: v\n:autoplay: true\n:::\n"));
  EXPECT_EQ(site_html("{{ gist(url=\"https://gist.github.com/Keats/e5fb6aad\", file='a.rs') }}\n"),
            site_html(":::{gist} Keats/e5fb6aad\n:file: a.rs\n:::\n"));
  EXPECT_EQ(site_html("{% tip(title=`Try`) %}\n*Body*\n{% end %}\n"
                      "{% admonition(type=\"danger\") %}\nx\n{% end %}\n"),
            site_html(":::{tip} Try\n*Body*\n:::\n:::{danger}\nx\n:::\n"));
  for (std::string_view line :
       {"{{ page.title }}", "{% if x %}", "{% for p in pages() %}", "{{ youtube(id=\"x) }}",
        "{{ youtube(id) }}", "{% youtube(id=\"x\") %}", "{{ note(title=\"x\") }}", "{% end x %}"})
    EXPECT_EQ(read_shortcode_line(line).kind, ShortcodeLine::kNone) << line;
  EXPECT_EQ(site_warnings("{% end %}\n\nSee {{ vimeo(id=\"123456\") }}.\n"),
            (Strings{"1:1: '{% end %}' closes no open shortcode; remove it",
                     "3:5: Zola shortcode '{{ vimeo(…) }}' runs only alone on a line and shows "
                     "as text here; put it on a line of its own"}));
}

TEST(HugoShortcodes, TheScanSeesTheirImagesAndNoText) {
  BodyScan s = scan_body(
      "Intro words.\n\n{{< figure src=\"/i/a.png\" caption=\"Cap\" >}}\n\n"
      "{{% note %}}\nInside.\n{{% /note %}}\n");
  EXPECT_EQ(s.images, (Strings{"/i/a.png"}));
  EXPECT_EQ(s.image_lines, (std::vector<uint32_t>{3}));
  EXPECT_EQ(s.summary, "Intro words. Inside.");
}

// A code-block's body (Hugo's highlight and mermaid are code-blocks) counts as words but is no
// summary, as a fenced block's is, whatever backticks it holds.
TEST(HugoShortcodes, TheScanKeepsCodeBlocksOutOfTheSummary) {
  std::string_view text =
      "Intro.\n\n{{< highlight go >}}\nx := \"````\"\n{{< /highlight >}}\n\n"
      ":::{code-block} python\ny = 1\n:::\n\n{{< mermaid >}}\ngraph LR\n"
      "{{< /mermaid >}}\n\nAfter.\n";
  BodyScan s = scan_body(text);
  EXPECT_EQ(s.summary, "Intro. After.");
  EXPECT_EQ(s.word_count, scan_body("Intro.\n\n```go\nx := \"````\"\n```\n\n```python\ny = 1\n"
                                    "```\n\n```mermaid\ngraph LR\n```\n\nAfter.\n")
                              .word_count);
}

}  // namespace
}  // namespace bengal::markdown
