#include "bengal/markdown/html_escaping.hpp"

#include <gtest/gtest.h>

namespace bengal::markdown {
namespace {

std::string url_escaped(std::string_view url) {
  std::string out;
  append_url_escaped(out, url);
  return out;
}

TEST(UrlEscape, KeepsCmarksSafeSetAndEncodesTheRest) {
  EXPECT_EQ(url_escaped("https://ex.org/a_b-c.d~e?q=1;x=(2)*3+4,5!$@#top"),
            "https://ex.org/a_b-c.d~e?q=1;x=(2)*3+4,5!$@#top");
  EXPECT_EQ(url_escaped("a b\"c<d>e`f{g}|h\\i^j[k]"),
            "a%20b%22c%3Cd%3Ee%60f%7Bg%7D%7Ch%5Ci%5Ej%5Bk%5D");
  EXPECT_EQ(url_escaped("x&y'z"), "x&amp;y&#x27;z");
  EXPECT_EQ(url_escaped("caf\xC3\xA9"), "caf%C3%A9");
  EXPECT_EQ(url_escaped(std::string_view("\0\x1F\x7F\xFF", 4)), "%00%1F%7F%FF");
  EXPECT_EQ(url_escaped("already%20encoded"), "already%20encoded");
  EXPECT_EQ(url_escaped(""), "");
}

TEST(TagFilter, EscapesOnlyTheFilteredTags) {
  std::string out;
  append_tag_filtered(out, "<script>x</SCRIPT ><b><titles><iframe/>");
  EXPECT_EQ(out, "&lt;script>x&lt;/SCRIPT ><b><titles>&lt;iframe/>");
}

}  // namespace
}  // namespace bengal::markdown
