#include "bengal/content/front_matter.hpp"

#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"

namespace bengal::content {
namespace {

std::vector<std::string> messages(const FrontMatterResult& r) {
  return test::formatted(r.diagnostics);
}

TEST(FrontMatter, Yaml) {
  auto r = parse_front_matter(
      "---\ntitle: \"Hello: world\"\ndate: 2024-01-31\nTags: [a, b]\ncategories: one\ndraft: "
      "false\nweight: 3\ncustom: {x: 1, y: [true, 2.5]}\nslug: s\n---\nBody\n",
      "content/a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(messages(r).empty());
  EXPECT_EQ(r.fm.title, "Hello: world");
  EXPECT_TRUE(r.fm.has_title);
  EXPECT_EQ(r.fm.date->to_iso_date(), "2024-01-31");
  EXPECT_EQ(r.fm.tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.fm.categories, std::vector<std::string>{"one"});
  EXPECT_EQ(r.fm.weight, 3);
  EXPECT_EQ(r.fm.slug, "s");
  const Value* custom = r.fm.params.find("custom");
  ASSERT_NE(custom, nullptr);
  EXPECT_EQ(custom->find("x")->as_int(), 1);
  EXPECT_TRUE(custom->find("y")->as_array()[0].as_bool());
  EXPECT_EQ(custom->find("y")->as_array()[1].as_float(), 2.5);
  EXPECT_EQ(r.body_line, 11u);
  EXPECT_EQ(
      std::string_view(
          "---\ntitle: \"Hello: world\"\ndate: 2024-01-31\nTags: [a, b]\ncategories: one\ndraft: "
          "false\nweight: 3\ncustom: {x: 1, y: [true, 2.5]}\nslug: s\n---\nBody\n")
          .substr(r.body_offset),
      "Body\n");
}

TEST(FrontMatter, TomlWithNativeDatesAndTables) {
  std::string text =
      "+++\ntitle = \"T\"\ndate = 2024-02-01T10:00:00+02:00\nlastmod = 2024-03-01\n[extra]\nnested "
      "= "
      "true\n+++\nBody";
  auto r = parse_front_matter(text, "content/t.md");
  ASSERT_TRUE(r.ok) << messages(r)[0];
  EXPECT_EQ(r.fm.date->to_rfc3339(), "2024-02-01T10:00:00+02:00");
  EXPECT_EQ(r.fm.lastmod->to_iso_date(), "2024-03-01");
  EXPECT_TRUE(r.fm.params.find("extra")->find("nested")->as_bool());
  EXPECT_EQ(text.substr(r.body_offset), "Body");
}

TEST(FrontMatter, NoFrontMatterBomAndCrlf) {
  auto none = parse_front_matter("Just text\n---\n", "a.md");
  EXPECT_TRUE(none.ok);
  EXPECT_EQ(none.body_offset, 0u);
  EXPECT_FALSE(none.fm.has_title);
  std::string bom = "\xEF\xBB\xBF---\r\ntitle: B\r\n---\r\nBody";
  auto b = parse_front_matter(bom, "b.md");
  ASSERT_TRUE(b.ok);
  EXPECT_EQ(b.fm.title, "B");
  EXPECT_EQ(bom.substr(b.body_offset), "Body");
  auto empty = parse_front_matter("", "e.md");
  EXPECT_TRUE(empty.ok);
  auto blank = parse_front_matter("---\n---\n", "e.md");
  EXPECT_TRUE(blank.ok);
}

TEST(FrontMatter, BrokenSyntaxIsAnErrorWithFilePosition) {
  auto y = parse_front_matter("---\ntitle: ok\ntags: [a, b\n---\n", "content/y.md");
  EXPECT_FALSE(y.ok);
  EXPECT_EQ(
      messages(y),
      std::vector<std::string>{
          "content/y.md:4:1: error: invalid YAML front matter: end of sequence flow not found"});
  auto t = parse_front_matter("+++\ntitle = \"x\nweight = 1\n+++\n", "content/t.md");
  EXPECT_FALSE(t.ok);
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_EQ(t.diagnostics[0].line, 2u);
  EXPECT_TRUE(t.diagnostics[0].message.starts_with("invalid TOML front matter: "))
      << t.diagnostics[0].message;
  auto u = parse_front_matter("---\ntitle: x\n", "content/u.md");
  EXPECT_FALSE(u.ok);
  EXPECT_EQ(messages(u),
            std::vector<std::string>{"content/u.md:1:1: error: front matter opened "
                                     "with --- is never closed; add a line --- after it"});
  auto list = parse_front_matter("---\n- a\n- b\n---\n", "content/l.md");
  EXPECT_FALSE(list.ok);
  EXPECT_EQ(messages(list),
            std::vector<std::string>{"content/l.md:2:1: error: invalid YAML front "
                                     "matter: expected key: value pairs at the top level"});
}

TEST(FrontMatter, WrongTypesAreErrorsButThePageStays) {
  auto r = parse_front_matter(
      "---\ntitle: 2024\nweight: heavy\ndraft: maybe\ndate: 2024-13-01\ntags: [[x]]\n---\n",
      "content/w.md");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.fm.title, "2024");
  EXPECT_EQ(
      messages(r),
      (std::vector<std::string>{
          "content/w.md:3:1: error: front matter field 'weight' must be an integer, not string; "
          "the field was ignored",
          "content/w.md:4:1: error: front matter field 'draft' must be true or false, not string; "
          "the field was ignored",
          "content/w.md:5:1: error: invalid date \"2024-13-01\" in 'date'; expected YYYY-MM-DD, "
          "optionally with time and offset as in 2024-01-31T10:00:00Z; the field was ignored",
          "content/w.md:6:1: error: front matter field 'tags' must be a list of strings, not "
          "array; the field was ignored"}));
}

TEST(FrontMatter, InvalidUtf8IsReportedWhereItIs) {
  auto r = parse_front_matter("---\ntitle: x\n---\nab\xff", "content/b.md");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r),
            std::vector<std::string>{
                "content/b.md:4:3: error: invalid UTF-8 byte 0xff; save the file as UTF-8"});
}

TEST(FrontMatter, UnicodeAndParamsOrder) {
  auto r = parse_front_matter("---\nz: 1\ntitle: \"日本語 — Ünï 🐈\"\na: 2\n---\n", "u.md");
  EXPECT_EQ(r.fm.title, "日本語 — Ünï 🐈");
  ASSERT_EQ(r.fm.params.size(), 2u);
  EXPECT_EQ(r.fm.params.as_table()[0].first, "z");
  EXPECT_EQ(r.fm.params.as_table()[1].first, "a");
}

}  // namespace
}  // namespace bengal::content
