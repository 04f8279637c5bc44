#include "bengal/core/slug.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/core/utf8.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(Slug, Slugifies) {
  EXPECT_EQ(slugify("Hello  World"), "hello-world");
  EXPECT_EQ(slugify("C++ & Rust!"), "c-rust");
  EXPECT_EQ(slugify("  Über Ελλάδα Москва 日本 "), "über-ελλάδα-москва-日本");
  EXPECT_EQ(slugify("snake_case"), "snake_case");
  EXPECT_EQ(slugify("!!!"), "");
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_FALSE(find_invalid_utf8("plain ünï 日本 🐈"));
  auto bad = find_invalid_utf8("ok\nab\xff");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->line, 2u);
  EXPECT_EQ(bad->column, 3u);
  EXPECT_EQ(bad->byte, 0xff);
  EXPECT_TRUE(find_invalid_utf8("\xc0\xaf"));          // overlong
  EXPECT_TRUE(find_invalid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_TRUE(find_invalid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_TRUE(find_invalid_utf8("\xe2\x82"));          // truncated
}

TEST(UnicodeCase, AsciiLettersCompareInEitherCase) {
  EXPECT_TRUE(equals_ascii_ignoring_case("LineNoStart", "linenostart"));
  EXPECT_TRUE(equals_ascii_ignoring_case("%2F", "%2f"));
  EXPECT_TRUE(equals_ascii_ignoring_case("", ""));
  EXPECT_FALSE(equals_ascii_ignoring_case("tops", "top"));
  EXPECT_FALSE(equals_ascii_ignoring_case("to", "top"));
  // Only ASCII letters: '@' (0x40) is not '`' (0x60), 'Ä' is not 'ä'.
  EXPECT_FALSE(equals_ascii_ignoring_case("@", "`"));
  EXPECT_FALSE(equals_ascii_ignoring_case("\xc3\x84", "\xc3\xa4"));
}

}  // namespace
}  // namespace bengal
