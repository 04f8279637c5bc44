// Markdown with the real highlighter plugged in, as a site build does.
#include <gtest/gtest.h>

#include "bengal/highlight/highlight.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::highlight {
namespace {

std::string render(std::string_view md, ClassScheme scheme = ClassScheme::kSemantic) {
  Highlighter highlighter;
  markdown::CodeHighlighter hook = [&](std::string_view info, std::string_view code,
                                       std::string& out) {
    return highlighter.highlight_fence(info, code, scheme, out);
  };
  markdown::Options o;
  o.highlight_code = &hook;
  markdown::Rendered r;
  markdown::render_html(md, o, r);
  return r.html;
}

TEST(MarkdownCode, FenceWithAllExtras) {
  EXPECT_EQ(
      render("Text\n\n```python {2} title=\"app.py\" linenos\nx = 1\ny = 2\n```\n"),
      "<p>Text</p>\n"
      "<div class=\"rosettes\" data-language=\"python\"><div class=\"code-title\">app.py</div>"
      "<pre><code><span class=\"linenos\">1</span>x <span class=\"syntax-operator\">=</span> "
      "<span class=\"syntax-number\">1</span>\n"
      "<span class=\"hll\"><span class=\"linenos\">2</span>y "
      "<span class=\"syntax-operator\">=</span> <span class=\"syntax-number\">2</span>\n"
      "</span></code></pre></div>\n");
}

TEST(MarkdownCode, PygmentsScheme) {
  EXPECT_EQ(render("```yml\na: 1\n```\n", ClassScheme::kPygments),
            "<div class=\"highlight\" data-language=\"yaml\"><pre><code>"
            "<span class=\"na\">a</span><span class=\"o\">:</span> <span class=\"mi\">1</span>\n"
            "</code></pre></div>\n");
}

TEST(MarkdownCode, UnknownAndHostileLanguagesStayPlainAndEscaped) {
  EXPECT_EQ(render("```mermaid\ngraph <TD>\n```\n"),
            "<pre><code class=\"language-mermaid\">graph &lt;TD&gt;\n</code></pre>\n");
  EXPECT_EQ(render("```\"><img>\n<b>\n```\n"),
            "<pre><code class=\"language-&quot;&gt;&lt;img&gt;\">&lt;b&gt;\n</code></pre>\n");
}

TEST(MarkdownCode, TitleIsEscaped) {
  std::string html = render("```sh title=\"<script>&\"\nls\n```\n");
  EXPECT_NE(html.find("<div class=\"code-title\">&lt;script&gt;&amp;</div>"), std::string::npos)
      << html;
}

TEST(MarkdownCode, TenMegabyteBlock) {
  std::string md = "```js\n";
  while (md.size() < (10u << 20)) md += "let a = \"<x>\"; // \xff junk\n";
  md += "```\n";
  std::string html = render(md);
  EXPECT_TRUE(
      html.starts_with("<div class=\"rosettes\" data-language=\"javascript\"><pre><code>"
                       "let a = &quot;&lt;x&gt;&quot;;"));
  EXPECT_TRUE(html.ends_with("</code></pre></div>\n"));
  EXPECT_EQ(html.find("<x>"), std::string::npos);
}

}  // namespace
}  // namespace bengal::highlight
