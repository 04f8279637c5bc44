// Render warnings become build diagnostics at the line of the page's file: the body's lines
// moved past the front matter.
#include "bengal/pipeline/body_warnings.hpp"

#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"

namespace bengal::pipeline {
namespace {

std::vector<std::string> formatted(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.format());
  return out;
}

TEST(BodyWarnings, MoveToTheFileLine) {
  EXPECT_EQ(formatted(body_warnings("content/a.md", 5, {{1, 3, "first"}, {0, 0, "whole"}})),
            (std::vector<std::string>{"content/a.md:5:3: warning: first",
                                      "content/a.md: warning: whole"}));
}

// What PageRenderer reports for a page whose front matter takes 3 lines (body_line 4).
TEST(BodyWarnings, OfADirectiveBody) {
  markdown::Options options;
  options.directives = true;
  markdown::Rendered r;
  markdown::render_html("Text\n\n  :::{nope}\nx\n:::\n:::{note}\n", options, r);
  EXPECT_EQ(formatted(body_warnings("content/docs/a.md", 4, r.warnings)),
            (std::vector<std::string>{
                "content/docs/a.md:6:3: warning: unknown directive 'nope'; it is rendered as a "
                "plain <div>: check the name against the directives reference",
                "content/docs/a.md:9:1: warning: directive 'note' is not closed, so it ends where "
                "the text ends; close it with a line of ':::' or ':::{/note}'"}));
}

}  // namespace
}  // namespace bengal::pipeline
