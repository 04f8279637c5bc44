#include "bengal/core/html.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(Html, EscapesTheFourSpecialCharacters) {
  EXPECT_EQ(html_escape(R"(a<b>&"c"'d)"), "a&lt;b&gt;&amp;&quot;c&quot;'d");
  EXPECT_EQ(html_escape(""), "");
  EXPECT_EQ(html_escape("plain ünïcode"), "plain ünïcode");
}

TEST(Html, EscapesNoOtherByte) {
  for (int c = 0; c < 256; ++c) {
    auto byte = static_cast<unsigned char>(c);
    EXPECT_EQ(kHtmlEscapes.escapes(byte), byte == '&' || byte == '<' || byte == '>' || byte == '"')
        << c;
  }
}

TEST(Html, AppendsAfterWhatIsThereWithAnyTable) {
  EscapeTable table;
  table.set('\0', "\\0");
  table.set(0xFF, "&#x2022;");  // the longest replacement a table holds
  table.set('a', "x");
  table.set('a', "");  // an empty replacement copies the byte again
  std::string out = "kept ";
  append_escaped(out, std::string_view("\0ab\xFF", 4), table);
  EXPECT_EQ(out, "kept \\0ab&#x2022;");
  EXPECT_EQ(table.replacement(0xFF), "&#x2022;");
  EXPECT_EQ(table.replacement('b'), "");
  EXPECT_THROW(table.set('c', "123456789"), std::length_error);
}

}  // namespace
}  // namespace bengal
