#include "bengal/markdown/title_heading.hpp"

#include <gtest/gtest.h>

namespace bengal::markdown {
namespace {

std::string describe(std::string_view markdown) {
  TitleHeading h = find_title_heading(markdown);
  return h.text + " " + std::to_string(h.first_line) + "-" + std::to_string(h.last_line) +
         (h.first_block ? " first" : "");
}

TEST(TitleHeading, FindsTheFirstTopLevelH1) {
  EXPECT_EQ(describe("# Hello *World* {#hw}\n\nText\n# Two\n"), "Hello World 1-1 first");
  EXPECT_EQ(describe("\n\nSetext &amp; more\nsecond line\n===\nText\n"),
            "Setext & more second line 3-5 first");
  EXPECT_EQ(describe("Intro.\n\n  # Later #\n"), "Later 3-3");
  EXPECT_EQ(describe("# Title\n===\n"), "Title 1-1 first");  // ATX: the next line is text
  EXPECT_EQ(describe("## Two\n# One\n"), "One 2-2");
  // Classes and attributes are no title either; a block in code is.
  EXPECT_EQ(describe("# Install {.wide data-x=1}\n"), "Install 1-1 first");
  EXPECT_EQ(describe("# `a {.b}`\n"), "a {.b} 1-1 first");
}

TEST(TitleHeading, IgnoresCodeQuotesListsDirectivesAndEmptyHeadings) {
  EXPECT_EQ(describe("```\n# code\n```\n> # quote\n\n- # item\n"), " 0-0");
  EXPECT_EQ(describe(":::{note}\n# in a note\n:::\n\n# After\n"), "After 5-5");
  EXPECT_EQ(describe("::::{tab-set}\n:::{tab-item} A\n# In a tab\n:::\n::::\n"), " 0-0");
  EXPECT_EQ(describe("#\n\n# Real\n"), "Real 3-3");
  EXPECT_EQ(describe(""), " 0-0");
  EXPECT_EQ(describe("no heading at all\n"), " 0-0");
}

// Hostile input stays linear: 20,000 headings inside directives before the real one.
TEST(TitleHeading, ManyDirectiveHeadingsStayLinear) {
  std::string body;
  for (int i = 0; i < 20000; ++i) body += ":::{note}\n# in a note\n:::\n";
  body += "# Real\n";
  EXPECT_EQ(describe(body), "Real 60001-60001");
  EXPECT_EQ(find_title_heading(body, /*first_block_only=*/true).first_line, 0u);
}

TEST(TitleHeading, WithoutLinesKeepsLineNumbers) {
  EXPECT_EQ(without_lines("a\nb\nc\nd", 2, 3), "a\n\n\nd");
  EXPECT_EQ(without_lines("a\nb", 2, 2), "a\n");
  EXPECT_EQ(without_lines("a\n", 5, 6), "a\n");
}

}  // namespace
}  // namespace bengal::markdown
