// md4c 0.4.8 reads the byte after its input when an inline link is left open at the end, and
// takes a ')' there for the link's end. A page's text is often a view into a larger buffer
// (the body after the front matter, a directive's title, a table cell), so what follows it
// in memory must change nothing: each parse below sees "[a](b" with a ')' right after it.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/title_heading.hpp"

namespace bengal::markdown {
namespace {

// `text` as a view whose next byte in memory is ')'.
class FollowedByParen {
 public:
  explicit FollowedByParen(std::string_view text) : buffer_(std::string(text) + ")") {}
  std::string_view view() const { return {buffer_.data(), buffer_.size() - 1}; }

 private:
  std::string buffer_;
};

TEST(Md4cInput, TheBodyScanStopsAtTheEndOfTheView) {
  FollowedByParen page("See [a](b");
  BodyScan s = scan_body(page.view());
  EXPECT_EQ(s.summary, "See [a](b");
  EXPECT_EQ(s.word_count, 2u);
  EXPECT_TRUE(s.links.empty());
}

TEST(Md4cInput, TheRendererStopsAtTheEndOfTheView) {
  FollowedByParen page("See [a](b");
  Rendered r;
  render_html(page.view(), Options{}, r);
  EXPECT_EQ(r.html, "<p>See [a](b</p>\n");
}

TEST(Md4cInput, TheTitleStopsAtTheEndOfTheView) {
  FollowedByParen page("# Go [a](b");
  EXPECT_EQ(find_title_heading(page.view()).text, "Go [a](b");
}

TEST(Md4cInput, FootnotesStopAtTheEndOfTheView) {
  FollowedByParen page("Text[^1]\n\n[^1]: See [a](b");
  Rendered r;
  render_html(page.view(), Options{}, r);
  EXPECT_NE(r.html.find("<p>See [a](b <a href=\"#fnref-1\""), std::string::npos) << r.html;
}

}  // namespace
}  // namespace bengal::markdown
