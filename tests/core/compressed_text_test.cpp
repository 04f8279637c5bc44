#include "bengal/core/compressed_text.hpp"

#include <string>

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(CompressedText, RoundTripsAnyBytes) {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 7919) % 256));
  std::string html;
  for (int i = 0; i < 200; ++i) html += "<p>Paragraph " + std::to_string(i) + " of the page.</p>\n";
  for (const std::string& raw :
       {std::string(), std::string("x"), std::string("a\0b", 3), binary, html}) {
    std::string packed = compress_text(raw);
    std::string back = "stale";
    ASSERT_TRUE(decompress_text(packed, raw.size(), back));
    EXPECT_EQ(back, raw);
  }
  EXPECT_LT(compress_text(html).size() * 4, html.size());
}

TEST(CompressedText, RefusesWhatIsNotItsFrameOfThatSize) {
  std::string packed = compress_text("hello, hello, hello");
  std::string out = "stale";
  EXPECT_FALSE(decompress_text(packed, 18, out));  // one byte short
  EXPECT_EQ(out, "");
  EXPECT_FALSE(decompress_text(packed, 20, out));  // one byte long
  EXPECT_FALSE(decompress_text("not a zstd frame", 19, out));
  EXPECT_FALSE(decompress_text(packed.substr(0, packed.size() - 1), 19, out));
  EXPECT_TRUE(decompress_text(packed, 19, out));
  EXPECT_EQ(out, "hello, hello, hello");
}

}  // namespace
}  // namespace bengal
