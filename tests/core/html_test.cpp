#include "bengal/core/html.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(Html, EscapesTheFourSpecialCharacters) {
  EXPECT_EQ(html_escape(R"(a<b>&"c"'d)"), "a&lt;b&gt;&amp;&quot;c&quot;'d");
  EXPECT_EQ(html_escape(""), "");
  EXPECT_EQ(html_escape("plain ünïcode"), "plain ünïcode");
}

}  // namespace
}  // namespace bengal
