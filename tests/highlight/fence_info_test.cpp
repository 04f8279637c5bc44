#include <gtest/gtest.h>

#include "bengal/highlight/highlight.hpp"

namespace bengal::highlight {
namespace {

TEST(FenceInfo, LanguageOnly) {
  FenceInfo f = parse_fence_info("python");
  EXPECT_EQ(f.language, "python");
  EXPECT_TRUE(f.options.highlight_lines.empty());
  EXPECT_EQ(f.options.title, "");
  EXPECT_FALSE(f.options.line_numbers);
}

TEST(FenceInfo, AllExtras) {
  FenceInfo f = parse_fence_info(R"(python {1,3-5} title="app.py" linenos)");
  EXPECT_EQ(f.language, "python");
  EXPECT_EQ(f.options.highlight_lines, (std::vector<LineRange>{{1, 1}, {3, 5}}));
  EXPECT_EQ(f.options.title, "app.py");
  EXPECT_TRUE(f.options.line_numbers);
}

TEST(FenceInfo, BracesRightAfterLanguageAndSorted) {
  FenceInfo f = parse_fence_info("js{7, 2-3}");
  EXPECT_EQ(f.language, "js");
  EXPECT_EQ(f.options.highlight_lines, (std::vector<LineRange>{{2, 3}, {7, 7}}));
}

TEST(FenceInfo, LinenosValuesAndBareTitle) {
  EXPECT_TRUE(parse_fence_info("c linenos=true").options.line_numbers);
  EXPECT_FALSE(parse_fence_info("c linenos=false").options.line_numbers);
  EXPECT_EQ(parse_fence_info("c title=main.c").options.title, "main.c");
}

TEST(FenceInfo, TitleWithSpacesAndHtmlIsKeptVerbatim) {
  // Escaping is the writer's job; the parser keeps the text.
  EXPECT_EQ(parse_fence_info(R"(sh title="a <b> & c" {2})").options.title, "a <b> & c");
}

TEST(FenceInfo, MalformedInputIsIgnoredNotFatal) {
  FenceInfo f = parse_fence_info(R"(py {0,5-2,x,99999999999} title="unclosed = } { =)");
  EXPECT_EQ(f.language, "py");
  EXPECT_EQ(f.options.highlight_lines, (std::vector<LineRange>{{1000000, 1000000}}));
  EXPECT_EQ(f.options.title, "unclosed = } { =");
  FenceInfo g = parse_fence_info("  = } {  ");
  EXPECT_EQ(g.language, "=");  // not a language we know: the block stays plain
}

TEST(FenceInfo, UnknownKeysAreSkippedWithTheirQuotedValues) {
  FenceInfo f = parse_fence_info(R"(toml caption="x linenos y" linenos)");
  EXPECT_EQ(f.language, "toml");
  EXPECT_TRUE(f.options.line_numbers);
  EXPECT_EQ(f.options.title, "");
}

// Hugo writes its extras as an attribute block; MkDocs as hl_lines="2 3" and linenums="N".
TEST(FenceInfo, HugoAttributeBlocksAndMkDocsKeys) {
  FenceInfo hugo = parse_fence_info(R"(go {linenos=table, hl_lines=[8,"2-3"], linenostart=199})");
  EXPECT_EQ(hugo.language, "go");
  EXPECT_TRUE(hugo.options.line_numbers);
  EXPECT_EQ(hugo.options.highlight_lines, (std::vector<LineRange>{{2, 3}, {8, 8}}));
  EXPECT_EQ(hugo.options.first_line_number, 199u);

  FenceInfo spaced = parse_fence_info("go {linenos=inline hl_lines=3 6-8 LineNoStart=5}");
  EXPECT_TRUE(spaced.options.line_numbers);
  EXPECT_EQ(spaced.options.highlight_lines, (std::vector<LineRange>{{3, 3}, {6, 8}}));
  EXPECT_EQ(spaced.options.first_line_number, 5u);

  EXPECT_FALSE(parse_fence_info("go {linenos=false, hl_lines=1}").options.line_numbers);

  FenceInfo mkdocs = parse_fence_info(R"(py linenums="21" hl_lines="2 3")");
  EXPECT_TRUE(mkdocs.options.line_numbers);
  EXPECT_EQ(mkdocs.options.first_line_number, 21u);
  EXPECT_EQ(mkdocs.options.highlight_lines, (std::vector<LineRange>{{2, 2}, {3, 3}}));

  // A start that is no number, or zero, leaves the numbering at 1.
  EXPECT_EQ(parse_fence_info("py {linenostart=x1}").options.first_line_number, 1u);
  EXPECT_EQ(parse_fence_info("py {linenostart=0}").options.first_line_number, 1u);
  EXPECT_EQ(parse_fence_info(R"(py {hl_lines=[1], title="a, b"})").options.title, "a, b");
}

}  // namespace
}  // namespace bengal::highlight
