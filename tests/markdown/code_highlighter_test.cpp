// The renderer's hook for fenced code: which blocks reach the highlighter, with what, and what
// is written when it declines.
#include <gtest/gtest.h>

#include <vector>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

struct Call {
  std::string info;
  std::string code;
};

std::string render_highlighted(std::string_view md, std::vector<Call>& calls, bool accept = true) {
  CodeHighlighter h = [&](std::string_view info, std::string_view code, std::string& out) {
    calls.push_back({std::string(info), std::string(code)});
    if (!accept) return false;
    out += "[HL]\n";
    return true;
  };
  Options o;
  o.highlight_code = &h;
  Rendered r;
  render_html(md, o, r);
  return r.html;
}

TEST(CodeHighlighter, GetsTheDecodedInfoStringAndTheWholeText) {
  std::vector<Call> calls;
  EXPECT_EQ(render_highlighted("a\n\n```py {1} title=\"&lt;x&gt;\"\nx = 1\n\ny <\n```\nb\n", calls),
            "<p>a</p>\n[HL]\n<p>b</p>\n");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].info, "py {1} title=\"<x>\"");
  EXPECT_EQ(calls[0].code, "x = 1\n\ny <\n");
}

TEST(CodeHighlighter, NullCharactersArriveAsReplacementCharacters) {
  std::vector<Call> calls;
  constexpr char kMd[] = "```c\na\0b\n```\n";
  render_highlighted(std::string_view(kMd, sizeof kMd - 1), calls);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].code,
            "a\xEF\xBF\xBD"
            "b\n");
}

TEST(CodeHighlighter, DeclinedBlocksAreWrittenAsWithoutIt) {
  std::vector<Call> calls;
  EXPECT_EQ(render_highlighted("```x\"y <z>\n<a> & b\n```\n", calls, false),
            "<pre><code class=\"language-x&quot;y\">&lt;a&gt; &amp; b\n</code></pre>\n");
  EXPECT_EQ(calls.size(), 1u);
}

TEST(CodeHighlighter, IndentedAndUnlabelledBlocksAreNotOffered) {
  std::vector<Call> calls;
  EXPECT_EQ(render_highlighted("    indented\n\n```\nplain\n```\n", calls),
            "<pre><code>indented\n</code></pre>\n<pre><code>plain\n</code></pre>\n");
  EXPECT_TRUE(calls.empty());
}

TEST(CodeHighlighter, BlocksInListsAndQuotes) {
  std::vector<Call> calls;
  EXPECT_EQ(render_highlighted("> ```sh\n> ls\n> ```\n\n- ```go\n  x\n  ```\n", calls),
            "<blockquote>\n[HL]\n</blockquote>\n<ul>\n<li>\n[HL]\n</li>\n</ul>\n");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].code, "ls\n");
  EXPECT_EQ(calls[1].code, "x\n");
}

}  // namespace
}  // namespace bengal::markdown
