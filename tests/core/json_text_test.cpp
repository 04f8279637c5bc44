#include "bengal/core/json_text.hpp"

#include <fmt/format.h>
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

// Plain runs are appended whole between escapes: at either end, back to back, empty, long.
TEST(JsonText, RunsOfPlainTextAroundEscapesAreKeptWhole) {
  EXPECT_EQ(json(""), R"("")");
  EXPECT_EQ(json("\"plain\""), R"("\"plain\"")");
  EXPECT_EQ(json("a\n\nb"), R"("a\n\nb")");
  std::string long_run(5000, 'w');
  EXPECT_EQ(json(long_run + "<" + long_run), "\"" + long_run + "\\u003c" + long_run + "\"");
  EXPECT_EQ(json("é'<", JsonStyle::kPythonHtmlSafe), R"("\u00e9\u0027\u003c")");
  // Every ASCII byte, one after another: each escaped as the style says, the others as is.
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  std::string out = json(all);
  std::string expected = "\"";
  for (int c = 0; c < 0x80; ++c) {
    if (c == '\n') {
      expected += "\\n";
    } else if (c == '\r') {
      expected += "\\r";
    } else if (c == '\t') {
      expected += "\\t";
    } else if (c == '"' || c == '\\') {
      expected += '\\', expected += static_cast<char>(c);
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      expected += fmt::format("\\u{:04x}", c);
    } else {
      expected += static_cast<char>(c);
    }
  }
  EXPECT_EQ(out, expected + "\"");
}

}  // namespace
}  // namespace bengal
