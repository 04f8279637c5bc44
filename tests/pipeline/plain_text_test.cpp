// The text index.json keeps of a page (`[search] full_text`): what a browser shows of its HTML,
// so a search finds words of the page and never its scripts, styles or comments.
#include <gtest/gtest.h>

#include "bengal/pipeline/search_index.hpp"

namespace bengal::pipeline {
namespace {

TEST(PlainText, TagsGoEntitiesAreDecodedBlanksFold) {
  EXPECT_EQ(plain_text("<p>One &amp; <em>two</em></p>\n\n<p>three&lt;4</p>"), "One & two three<4");
  EXPECT_EQ(plain_text("<ul><li>a</li><li>b</li></ul>"), "a b");
}

TEST(PlainText, CommentsScriptsAndStylesShowNothing) {
  EXPECT_EQ(plain_text("<p>a</p><!-- x > y --><p>b</p>"), "a b");
  EXPECT_EQ(plain_text("a<script>if (x < 1) { y = \"</p>\"; }</script>b"), "a b");
  EXPECT_EQ(plain_text("a<SCRIPT type=\"module\">z()</Script >b<style>p > a {}</style>c"), "a b c");
  EXPECT_EQ(plain_text("a<scripts>b</scripts>"), "a b");  // another element
  EXPECT_EQ(plain_text("a<script>never closed"), "a");
  EXPECT_EQ(plain_text("a<!-- never closed"), "a");
}

}  // namespace
}  // namespace bengal::pipeline
