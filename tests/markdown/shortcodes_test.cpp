// Hugo's and Zola's shortcodes and Jekyll's tags left in a page moved over: each is a warning where
// it opens, saying what to write instead; in code, escaped or closing, none is.
#include "bengal/markdown/shortcodes.hpp"

#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

using Warnings = std::vector<RenderWarning>;

// "offset name-in-message" for each shortcode of `text`.
std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (const ShortcodeUse& use : find_shortcodes(text, 0, text.size()))
    out.push_back(std::to_string(use.offset) + " " +
                  use.message.substr(0, use.message.find(" is")));
  return out;
}

TEST(Shortcodes, HugosAndZolasOpeningsAreFound) {
  EXPECT_EQ(found("See {{< ref \"a.md\" >}} and {{% note %}}x{{% /note %}}."),
            (std::vector<std::string>{"4 Hugo shortcode '{{< ref … >}}'",
                                      "27 Hugo shortcode '{{% note … %}}'"}));
  EXPECT_EQ(found("{{<youtube abc>}} {{ gist(url=\"x\") }} {% note(kind=\"a\") %}b{% end %}"),
            (std::vector<std::string>{"0 Hugo shortcode '{{< youtube … >}}'",
                                      "18 Zola shortcode '{{ gist(…) }}'",
                                      "38 Zola shortcode '{% note(…) %}'"}));
  // Jekyll's content tags; not its control flow, which a page on templates may show.
  EXPECT_EQ(found("{% highlight ruby %}x{% endhighlight %} {% post_url 2024-01-31-a %} {% if x %}"),
            (std::vector<std::string>{"0 Jekyll tag '{% highlight … %}'",
                                      "40 Jekyll tag '{% post_url … %}'"}));
  // Jekyll's site address in links and images; other expressions are none.
  EXPECT_EQ(found("[a]({{ site.baseurl }}/a/) ![i]({{ \"/i.png\" | relative_url }}) {{ x }}"),
            (std::vector<std::string>{"4 Jekyll's '{{ site.baseurl }}' (or relative_url, "
                                      "absolute_url)",
                                      "32 Jekyll's '{{ site.baseurl }}' (or relative_url, "
                                      "absolute_url)"}));
  // Hugo's escaped form, closings, template expressions and plain braces are none.
  EXPECT_EQ(found("{{</* ref x */>}} {{< /note >}} {{ page.title }} {% if x %} {} {{ a (b) }}"),
            std::vector<std::string>{});
  // Only those opening in [from, to), read past `to`.
  std::string_view text = "ab{{< ref x >}}";
  EXPECT_EQ(find_shortcodes(text, 0, 2).size(), 0u);
  EXPECT_EQ(find_shortcodes(text, 2, 3).size(), 1u);
}

TEST(Shortcodes, TheMessageSaysWhatToWriteInstead) {
  auto message = [](std::string_view text) {
    return find_shortcodes(text, 0, text.size()).at(0).message;
  };
  EXPECT_EQ(message("{{< relref \"intro\" >}}"),
            "Hugo shortcode '{{< relref … >}}' is not run by bengal and shows as text; write a "
            "Markdown link to the page's file, [text](docs/intro.md) instead");
  EXPECT_EQ(message("{{% warning %}}"),
            "Hugo shortcode '{{% warning … %}}' is not run by bengal and shows as text; write the "
            "directive :::{warning} instead");
  EXPECT_EQ(message("{{ vimeo(id=\"1\") }}"),
            "Zola shortcode '{{ vimeo(…) }}' is not run by bengal and shows as text; write the "
            "directive :::{vimeo} ID instead");
  EXPECT_EQ(message("{% highlight python linenos %}"),
            "Jekyll tag '{% highlight … %}' is not run by bengal and shows as text; write a "
            "fenced code block, ```go instead");
  EXPECT_EQ(message("{{< mytheme-card >}}"),
            "Hugo shortcode '{{< mytheme-card … >}}' is not run by bengal and shows as text; "
            "write Markdown or a directive instead, or add a template "
            "templates/shortcodes/mytheme-card.html");
}

// The renderer warns at each, by line and column of the body; not in code, once each.
TEST(Shortcodes, TheRendererWarnsWhereEachOpens) {
  Rendered r;
  render_html(
      "A {{< ref \"x.md\" >}} b\n\n{{<youtube abc>}}\n\n`{{< ref y >}}`\n\n```\n{{< ref z >}}\n"
      "```\n\n- {{ gist(url=\"g\") }}\n",
      Options{}, r);
  ASSERT_EQ(r.warnings.size(), 3u);
  EXPECT_EQ(std::make_pair(r.warnings[0].line, r.warnings[0].column), std::make_pair(1u, 3u));
  EXPECT_EQ(std::make_pair(r.warnings[1].line, r.warnings[1].column), std::make_pair(3u, 1u));
  EXPECT_EQ(std::make_pair(r.warnings[2].line, r.warnings[2].column), std::make_pair(11u, 3u));
  EXPECT_TRUE(r.warnings[1].message.starts_with("Hugo shortcode '{{< youtube … >}}'"));
  // The text is rendered as it was.
  EXPECT_NE(r.html.find("<p>A {{&lt; ref &quot;x.md&quot; &gt;}} b</p>"), std::string::npos);
}

// An HTML page's body is published as written, with the same warnings; other template code
// (a Jekyll page's Liquid, which Jekyll runs in an HTML page) is one warning more, at its first
// tag.
TEST(Shortcodes, HtmlPagesWarnAtShortcodesAndTemplateCode) {
  Rendered r;
  append_html_body(
      "<p>{{< note >}}x{{< /note >}}</p>\n{% for p in site.posts %}\n"
      "<a href=\"{{ p.url }}\">{% post_url 2024-01-31-a %}</a>{% endfor %}\n",
      r);
  EXPECT_EQ(r.html.substr(0, 9), "<p>{{< no");
  ASSERT_EQ(r.warnings.size(), 3u);
  EXPECT_EQ(r.warnings[0].line, 1u);
  EXPECT_EQ(r.warnings[0].column, 4u);
  EXPECT_EQ(r.warnings[1],
            (RenderWarning{2, 1,
                           "template code in an HTML page (3 '{%' or '{{' in all) is published "
                           "as text: bengal runs no templates in content; move it into a "
                           "template of templates/ and choose that with the page's `layout`"}));
  EXPECT_EQ(r.warnings[2].line, 3u);
  EXPECT_TRUE(r.warnings[2].message.starts_with("Jekyll tag '{% post_url"));
  Rendered plain;
  append_html_body("<p>{ not a tag } {{< /note >}}</p>", plain);
  EXPECT_EQ(plain.warnings, Warnings{});
}

}  // namespace
}  // namespace bengal::markdown
