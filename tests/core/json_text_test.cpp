#include "bengal/core/json_text.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

std::string json(std::string_view s, JsonStyle style = JsonStyle::kUtf8) {
  std::string out;
  append_json_string(out, s, style);
  return out;
}

TEST(JsonText, Utf8StyleKeepsUnicodeAndEscapesHtml) {
  EXPECT_EQ(json("a\"b\\c\nd\te"), R"("a\"b\\c\nd\te")");
  EXPECT_EQ(json("<x> & 'y' \b\x01"), R"("\u003cx\u003e \u0026 'y' \u0008\u0001")");
  EXPECT_EQ(json("ünï 🐈"), "\"ünï 🐈\"");
}

TEST(JsonText, PythonStyleIsAsciiOnlyAndHtmlSafe) {
  EXPECT_EQ(json("<x> & 'y' \b\f", JsonStyle::kPythonHtmlSafe),
            R"("\u003cx\u003e \u0026 \u0027y\u0027 \b\f")");
  EXPECT_EQ(json("ü🐈", JsonStyle::kPythonHtmlSafe), R"("\u00fc\ud83d\udc08")");
  EXPECT_EQ(json("\xff", JsonStyle::kPythonHtmlSafe), R"("\ufffd")");
}

}  // namespace
}  // namespace bengal
