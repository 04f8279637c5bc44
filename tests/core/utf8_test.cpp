#include "bengal/core/utf8.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

std::string where(std::string_view text) {
  auto p = find_invalid_utf8(text);
  if (!p) return "valid";
  return std::to_string(p->line) + ":" + std::to_string(p->column) + " " + std::to_string(p->byte);
}

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_EQ(where(""), "valid");
  EXPECT_EQ(where("plain ASCII, longer than eight bytes\n"), "valid");
  EXPECT_EQ(where("Ünï 日本語 🐈 \xEF\xBB\xBF"), "valid");
  EXPECT_EQ(where("\xF4\x8F\xBF\xBF"), "valid");  // U+10FFFF
  EXPECT_EQ(where("\xED\x9F\xBF"), "valid");      // U+D7FF, just below the surrogates
}

TEST(Utf8, ReportsTheFirstBadByteByLineAndColumn) {
  EXPECT_EQ(where("\xff"), "1:1 255");
  EXPECT_EQ(where("abc\ndef\nghijklmnopq\x80"), "3:12 128");
  EXPECT_EQ(where("caf\xe9 au lait"), "1:4 233");   // Latin-1
  EXPECT_EQ(where("\xC0\xAF"), "1:1 192");          // overlong '/'
  EXPECT_EQ(where("\xE0\x80\xAF"), "1:1 224");      // overlong, three bytes
  EXPECT_EQ(where("\xED\xA0\x80"), "1:1 237");      // surrogate U+D800
  EXPECT_EQ(where("\xF4\x90\x80\x80"), "1:1 244");  // past U+10FFFF
  EXPECT_EQ(where("\xF5\x80\x80\x80"), "1:1 245");
  EXPECT_EQ(where("ok \xE6\x97"), "1:4 230");   // truncated at the end
  EXPECT_EQ(where("\xE6\x97x"), "1:1 230");     // truncated before ASCII
  EXPECT_EQ(where("日本\n語\xff"), "2:4 255");  // columns count bytes
}

}  // namespace
}  // namespace bengal
