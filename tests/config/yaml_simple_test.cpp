// The simple YAML reader must read its subset exactly as yaml-cpp does and decline the rest.
#include <random>

#include <gtest/gtest.h>

#include "bengal/config/yaml_reader.hpp"

namespace bengal::config {
namespace {

std::string positions(const Document& d) {
  std::string out;
  for (const auto& p : d.positions) {
    out += p.path + "@" + std::to_string(p.line) + ":" + std::to_string(p.column) + "=" +
           std::to_string(p.value_line) + ":" + std::to_string(p.value_column) + " ";
  }
  return out;
}

// Returns whether the simple reader accepted `text`; fails the test if it read it differently.
bool agrees(const std::string& text) {
  auto simple = parse_simple_yaml(text, 2);
  Document full = parse_yaml(text, "f.md", 2, false);
  if (!simple) return false;
  EXPECT_FALSE(full.error) << "accepted what yaml-cpp rejects: " << text << "\n"
                           << full.error->message;
  EXPECT_TRUE(simple->root == full.root) << text;
  EXPECT_EQ(positions(*simple), positions(full)) << text;
  return true;
}

TEST(YamlSimple, ReadsFlatFrontMatterLikeYamlCpp) {
  for (const char* text : {
           "",
           "\n\n# only comments\n",
           "title: Hello, world\n",
           "title: \"Hello: world # not a comment\"\ndate: 2024-01-31T10:00:00+02:00\n",
           "title: 'single'\ndraft: false\nweight: -3\nratio: 2.5\nhex: 0x1F\nnone: ~\nn: null\n",
           "tags: [a, b, \"c d\", 'e', 1, true]\nempty: []\nspaced: [ a ,b ]\n",
           "tags:\n  - a\n  - \"b\"\n  - 3\ncategories:\n- x\n- y\n",
           "tags:\n\n  # comment between items\n  - a\n\n  - b\nnext: 1\n",
           "key:\nother: 1\n",
           "url: https://example.org/a?b=c&d\npath: /a/b/\ntime: 10:00\n",
           "title: 日本語 — Ünï 🐈\ndescription: 50% off & more!\n",
           "a: 1\r\nb: [x, y]\r\nc:\r\n  - z\r\n",
           "dup: 1\ndup: 2\n",
           "snake_case-key.with.dots: v\n",
           "title:    padded value   \n",
           "v: -x\nw: +1\nx: .5\ny: 1e3\nz: .inf\n",
           "q: \"\"\nr: ''\n",
           "t: True\nf: FALSE\n",
       }) {
    EXPECT_TRUE(agrees(text)) << "declined: " << text;
  }
}

TEST(YamlSimple, DeclinesWhatItCannotReadExactly) {
  for (const char* text : {
           "title: a # comment\n",
           "title: \"esc\\n\"\n",
           "title: 'it''s'\n",
           "title: |\n  block\n",
           "title: >\n  folded\n",
           "a: &x 1\nb: *x\n",
           "a: !tag 1\n",
           "nested:\n  key: value\n",
           "title: one\n  continued\n",
           "obj: {a: 1}\n",
           "list: [[1], 2]\n",
           "list: [a,, b]\n",
           "list: [a, b,]\n",
           "list: [a: 1]\n",
           "- a\n- b\n",
           "a: b: c\n",
           "a:b\n",
           "\"quoted key\": 1\n",
           "key with space: 1\n",
           "tab:\tvalue\n",
           "---\na: 1\n",
           "a: 1\n...\n",
           "%YAML 1.2\n",
           "? complex\n: key\n",
           "tags:\n  - a\n - b\n",
           "tags:\n  - a: 1\n",
           "tags:\n  -\n",
           "a: @x\n",
           "a: `x`\n",
           "a: x:\n",
           "a: \"unterminated\n",
           "a: [unclosed\n",
           "a: 1\r2\n",
       }) {
    EXPECT_FALSE(parse_simple_yaml(text, 1)) << "accepted: " << text;
  }
}

// Random documents from tricky pieces: whatever the simple reader accepts must match yaml-cpp.
TEST(YamlSimple, AgreesWithYamlCppOnRandomDocuments) {
  const std::vector<std::string> keys = {"title", "a", "tags", "Title", "x-y", "k.1", "2024"};
  const std::vector<std::string> scalars = {
      "plain", "two words", "\"dq\"", "'sq'", "1", "-1", "+2", "0x1f", "0o17", "017", "1.5", "1e5",
      ".5", "1.", "-.inf", "true", "False", "yes", "~", "null", "NULL", "", "a:b", "a,b", "a]b",
      "x#y", "x #y", "-", "-x", "- x", "日本", "\"a,b\"", "'a]'", "\"\"", "a  b", "10:20:30",
      "2024-01-31", "@x", "a'b", "a\"b", "\"a\\\"b\"", "[a, b]", "[]", "[ a ]", "[a,]", "[,]",
      "{a: 1}", "[\"x\", 'y']", "[1, [2]]", "a: b", ":x", "?x", "!x", "&x", "*x", "|", ">",
      // Anchors and aliases, cycles and deep nesting: yaml-cpp reads these, the simple reader
      // must decline them, and neither may crash.
      "&x [*x]", "&y 1", "*y", "&z {a: *z}", "[*x, *y]", "[[[[[[[[1]]]]]]]]", "&w [&v [*w]]",
      std::string(300, '[')};
  // Many seeds, few documents each: another seed is another chance to find what one misses.
  std::mt19937 rng;
  auto pick = [&](const auto& v) -> const std::string& { return v[rng() % v.size()]; };
  int accepted = 0;
  for (int i = 0; i < 20'000; ++i) {
    if (i % 100 == 0) rng.seed(12345 + i / 100);
    std::string text;
    int lines = 1 + static_cast<int>(rng() % 5);
    for (int l = 0; l < lines; ++l) {
      switch (rng() % 6) {
        case 0:
          text += pick(keys) + ":\n";
          for (int n = static_cast<int>(rng() % 3); n > 0; --n)
            text += std::string(rng() % 2 ? "  " : "") + "- " + pick(scalars) + "\n";
          break;
        case 1:
          text += "# comment\n";
          break;
        default:
          text += pick(keys) + ":" + std::string(1 + rng() % 2, ' ') + pick(scalars) +
                  std::string(rng() % 2, ' ') + (rng() % 4 ? "\n" : "\r\n");
      }
    }
    if (agrees(text)) ++accepted;
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "document " << i << ":\n" << text;
      break;
    }
  }
  EXPECT_GT(accepted, 300);  // the comparison covered real ground
}

}  // namespace
}  // namespace bengal::config
