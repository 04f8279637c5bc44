#include "bengal/search/tokenize.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace bengal::search {
namespace {

std::vector<std::string> terms(std::string_view text) {
  std::vector<std::string> out;
  for_each_term(text, [&](std::string_view t) { out.emplace_back(t); });
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenize, LowerCasesAndSplitsAtPunctuation) {
  EXPECT_EQ(terms("Hello, World! foo-bar_baz x2 C++20"),
            (V{"hello", "world", "foo", "bar", "baz", "x2", "20"}));
}

TEST(Tokenize, DropsStopWordsAndOneCharacterWords) {
  EXPECT_EQ(terms("The cat is on a mat and I sat"), (V{"cat", "mat", "sat"}));
}

TEST(Tokenize, LowerCasesLatinGreekAndCyrillic) {
  EXPECT_EQ(terms("ÉCOLE Straße ΑΘΗΝΑ МОСКВА Łódź"),
            (V{"école", "straße", "αθηνα", "москва", "łódź"}));
}

TEST(Tokenize, TypographicPunctuationSeparatesWords) {
  // U+2014 em dash, U+201C/D quotes, U+00A0 no-break space, U+00AB/BB guillemets.
  EXPECT_EQ(terms("alpha\u2014beta \u201cgamma\u201d delta\u00a0epsilon \u00abzeta\u00bb"),
            (V{"alpha", "beta", "gamma", "delta", "epsilon", "zeta"}));
}

TEST(Tokenize, OtherScriptsPassThroughUnchanged) {
  EXPECT_EQ(terms("日本語 テスト"), (V{"日本語", "テスト"}));
}

TEST(Tokenize, InvalidUtf8SeparatesAndIsNeverCopied) {
  EXPECT_EQ(terms("ab\xff"
                  "cd\xc3(ef"),
            (V{"ab", "cd", "ef"}));
  EXPECT_EQ(terms("\xed\xa0\x80xy"), (V{"xy"}));  // a UTF-16 surrogate
}

TEST(Tokenize, OverlongWordsAreLeftOut) {
  std::string hash(kMaxTermBytes + 1, 'a');
  EXPECT_EQ(terms(hash + " ok " + std::string(kMaxTermBytes, 'b')),
            (V{"ok", std::string(kMaxTermBytes, 'b')}));
}

TEST(Tokenize, PrefixAndHexCountCharactersNotBytes) {
  EXPECT_EQ(term_prefix("école", 2), "éc");
  EXPECT_EQ(term_prefix("ab", 4), "ab");
  EXPECT_EQ(char_count("łódź"), 4u);
  EXPECT_EQ(hex_name("éc"), "c3a963");
}

TEST(Tokenize, StopWordsAreSortedAndFound) {
  auto words = stop_words();
  EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
  EXPECT_TRUE(is_stop_word("the"));
  EXPECT_FALSE(is_stop_word("cat"));
}

}  // namespace
}  // namespace bengal::search
