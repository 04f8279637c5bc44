#include "bengal/content/front_matter.hpp"

#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"

namespace bengal::content {
namespace {

std::vector<std::string> messages(const FrontMatterResult& r) {
  return test::formatted(r.diagnostics);
}

std::string_view body(std::string_view text, const FrontMatterResult& r) {
  return text.substr(r.body_offset);
}

using Strings = std::vector<std::string>;

// Bengal's singular `category:` is one more category (after `categories`, once), and stays a
// param for templates.
TEST(FrontMatter, CategoryJoinsCategories) {
  auto r =
      parse_front_matter("---\ncategory: Guides\ncategories: [api, Guides]\n---\n", "content/a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.fm.categories, (Strings{"api", "Guides"}));
  ASSERT_NE(r.fm.params.find("category"), nullptr);
  EXPECT_EQ(r.fm.params.find("category")->as_string(), "Guides");
  r = parse_front_matter("---\ncategory: how-to\n---\n", "content/a.md");
  EXPECT_EQ(r.fm.categories, Strings{"how-to"});
  r = parse_front_matter("---\ncategory: [a, b]\ncategories: c\n---\n", "content/a.md");
  EXPECT_EQ(r.fm.categories, (Strings{"c", "a", "b"}));
}

TEST(FrontMatter, Yaml) {
  std::string_view text =
      "---\ntitle: \"Hello: world\"\ndate: 2024-01-31\nTags: [a, b]\ncategories: one\ndraft: "
      "false\nweight: 3\ncustom: {x: 1, y: [true, 2.5]}\nslug: s\n---\nBody\n";
  auto r = parse_front_matter(text, "content/a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(messages(r).empty());
  EXPECT_EQ(r.fm.title, "Hello: world");
  EXPECT_TRUE(r.fm.has_title);
  EXPECT_EQ(r.fm.date->to_iso_date(), "2024-01-31");
  EXPECT_FALSE(r.fm.date->has_time);
  EXPECT_FALSE(r.fm.lastmod);
  EXPECT_EQ(r.fm.tags, (Strings{"a", "b"}));
  EXPECT_EQ(r.fm.categories, Strings{"one"});
  EXPECT_FALSE(r.fm.draft);
  EXPECT_EQ(r.fm.weight, 3);
  EXPECT_EQ(r.fm.slug, "s");
  ASSERT_EQ(r.fm.params.size(), 1u);
  const Value* custom = r.fm.params.find("custom");
  ASSERT_NE(custom, nullptr);
  EXPECT_EQ(custom->find("x")->as_int(), 1);
  EXPECT_TRUE(custom->find("y")->as_array()[0].as_bool());
  EXPECT_EQ(custom->find("y")->as_array()[1].as_float(), 2.5);
  EXPECT_EQ(r.body_line, 11u);
  EXPECT_EQ(body(text, r), "Body\n");
}

TEST(FrontMatter, AllKnownFields) {
  auto r = parse_front_matter(
      "---\nTitle: T\nLastMod: 2024-02-02\nDRAFT: true\nurl: /x/\ndescription: D\nsummary: S\n"
      "type: post\nlayout: wide\ntemplate: single.html\naliases: [/old/, /older/]\nkeywords: "
      "k\n---\n",
      "a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(messages(r).empty());
  EXPECT_EQ(r.fm.title, "T");
  EXPECT_EQ(r.fm.lastmod->to_iso_date(), "2024-02-02");
  EXPECT_TRUE(r.fm.draft);
  EXPECT_EQ(r.fm.url, "/x/");
  EXPECT_EQ(r.fm.description, "D");
  EXPECT_EQ(r.fm.summary, "S");
  EXPECT_EQ(r.fm.type, "post");
  EXPECT_EQ(r.fm.layout, "wide");
  EXPECT_EQ(r.fm.template_name, "single.html");
  EXPECT_EQ(r.fm.aliases, (Strings{"/old/", "/older/"}));
  EXPECT_EQ(r.fm.keywords, Strings{"k"});
  EXPECT_TRUE(r.fm.params.is_null());  // no params: no table allocated
}

TEST(FrontMatter, TomlWithNativeDatesAndTables) {
  std::string text =
      "+++\ntitle = \"T\"\ndate = 2024-02-01T10:00:00+02:00\nlastmod = 2024-03-01\ntags = "
      "\"solo\"\n[extra]\nnested = true\n[extra.deeper]\nn = 1\n+++\nBody";
  auto r = parse_front_matter(text, "content/t.md");
  ASSERT_TRUE(r.ok) << messages(r)[0];
  EXPECT_EQ(r.fm.title, "T");
  EXPECT_EQ(r.fm.date->to_rfc3339(), "2024-02-01T10:00:00+02:00");
  EXPECT_EQ(r.fm.date->epoch_seconds, 1706774400);
  EXPECT_EQ(r.fm.lastmod->to_iso_date(), "2024-03-01");
  EXPECT_EQ(r.fm.tags, Strings{"solo"});
  EXPECT_TRUE(r.fm.params.find("extra")->find("nested")->as_bool());
  EXPECT_EQ(r.fm.params.find("extra")->find("deeper")->find("n")->as_int(), 1);
  EXPECT_EQ(r.body_line, 11u);
  EXPECT_EQ(body(text, r), "Body");
}

TEST(FrontMatter, DateForms) {
  auto date_of = [](std::string_view fm) {
    std::string text = std::string(fm.substr(0, 3)) + "\n" + std::string(fm.substr(3)) + "\n" +
                       std::string(fm.substr(0, 3)) + "\n";
    auto r = parse_front_matter(text, "d.md");
    EXPECT_TRUE(r.ok && r.diagnostics.empty()) << text;
    return r.fm.date ? r.fm.date->to_rfc3339() : "none";
  };
  EXPECT_EQ(date_of("---date: 2024-01-31"), "2024-01-31T00:00:00Z");
  EXPECT_EQ(date_of("---date: 2024-01-31T10:20:30Z"), "2024-01-31T10:20:30Z");
  EXPECT_EQ(date_of("---date: 2024-01-31T10:20:30-05:00"), "2024-01-31T10:20:30-05:00");
  EXPECT_EQ(date_of("---date: 2024-01-31 10:20:30 +01:00"), "2024-01-31T10:20:30+01:00");
  EXPECT_EQ(date_of("---date: \"2024-01-31T10:20\""), "2024-01-31T10:20:00Z");
  EXPECT_EQ(date_of("---date:"), "none");
  EXPECT_EQ(date_of("+++date = 2024-01-31"), "2024-01-31T00:00:00Z");
  EXPECT_EQ(date_of("+++date = 2024-01-31T10:20:30"), "2024-01-31T10:20:30Z");  // local: UTC
  EXPECT_EQ(date_of("+++date = 2024-01-31T10:20:30.5Z"), "2024-01-31T10:20:30Z");
  EXPECT_EQ(date_of("+++date = 2024-01-31 10:20:30-08:00"), "2024-01-31T10:20:30-08:00");
  EXPECT_EQ(date_of("+++date = \"2024-01-31\""), "2024-01-31T00:00:00Z");
}

TEST(FrontMatter, NoFrontMatter) {
  std::string_view text = "Just text\n---\n";
  auto none = parse_front_matter(text, "a.md");
  EXPECT_TRUE(none.ok);
  EXPECT_TRUE(none.diagnostics.empty());
  EXPECT_EQ(none.body_offset, 0u);
  EXPECT_EQ(none.body_line, 1u);
  EXPECT_FALSE(none.fm.has_title);
  EXPECT_TRUE(none.fm.params.is_null());
  // Not a delimiter: something after the dashes, or four of them.
  EXPECT_EQ(parse_front_matter("--- x\ntitle: t\n---\n", "a.md").body_offset, 0u);
  EXPECT_EQ(parse_front_matter("----\ntitle: t\n----\n", "a.md").body_offset, 0u);
  EXPECT_EQ(parse_front_matter(" ---\ntitle: t\n---\n", "a.md").body_offset, 0u);
}

TEST(FrontMatter, EmptyFileAndEmptyBlock) {
  auto empty = parse_front_matter("", "e.md");
  EXPECT_TRUE(empty.ok);
  EXPECT_EQ(empty.body_offset, 0u);
  EXPECT_TRUE(empty.diagnostics.empty());
  std::string_view text = "---\n---\n";
  auto blank = parse_front_matter(text, "e.md");
  EXPECT_TRUE(blank.ok);
  EXPECT_EQ(blank.body_offset, text.size());
  EXPECT_EQ(blank.body_line, 3u);
  auto toml = parse_front_matter("+++\n+++", "e.md");
  EXPECT_TRUE(toml.ok);
  EXPECT_EQ(toml.body_offset, 7u);
  EXPECT_EQ(toml.body_line, 3u);
  auto comments = parse_front_matter("---\n# only a comment\n---\nB", "e.md");
  EXPECT_TRUE(comments.ok);
  EXPECT_FALSE(comments.fm.has_title);
}

TEST(FrontMatter, BomCrlfAndTrailingSpaces) {
  std::string bom = "\xEF\xBB\xBF---\r\ntitle: B\r\ntags:\r\n  - x\r\n---  \r\nBody\r\n";
  auto b = parse_front_matter(bom, "b.md");
  ASSERT_TRUE(b.ok);
  EXPECT_EQ(b.fm.title, "B");
  EXPECT_EQ(b.fm.tags, Strings{"x"});
  EXPECT_EQ(body(bom, b), "Body\r\n");
  EXPECT_EQ(b.body_line, 6u);
  std::string crlf_toml = "+++ \r\ntitle = \"C\"\r\n+++\r\nBody";
  auto c = parse_front_matter(crlf_toml, "c.md");
  ASSERT_TRUE(c.ok);
  EXPECT_EQ(c.fm.title, "C");
  EXPECT_EQ(body(crlf_toml, c), "Body");
  std::string bom_only = "\xEF\xBB\xBFHello";
  auto n = parse_front_matter(bom_only, "n.md");
  EXPECT_EQ(body(bom_only, n), "Hello");
  // Errors are counted in file lines with CRLF too.
  auto e = parse_front_matter("---\r\ntitle: x\r\nweight: w\r\n---\r\n", "e.md");
  EXPECT_EQ(messages(e), Strings{"e.md:3:9: error: front matter field 'weight' must be an "
                                 "integer, not string; the field was ignored"});
}

TEST(FrontMatter, DashesInsideTheBody) {
  std::string_view text = "---\ntitle: T\n---\nIntro\n\n---\n\nMore\n+++\n";
  auto r = parse_front_matter(text, "a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.fm.title, "T");
  EXPECT_EQ(body(text, r), "Intro\n\n---\n\nMore\n+++\n");
  EXPECT_EQ(r.body_line, 4u);
  // A TOML block ends only at +++, not at ---.
  std::string_view toml = "+++\ntitle = \"---\"\n---\n+++\nB";
  auto t = parse_front_matter(toml, "t.md");
  EXPECT_FALSE(t.ok);  // "---" is not TOML
  EXPECT_EQ(t.diagnostics.at(0).line, 3u);
}

TEST(FrontMatter, Unterminated) {
  auto u = parse_front_matter("---\ntitle: x\n", "content/u.md");
  EXPECT_FALSE(u.ok);
  EXPECT_EQ(messages(u), Strings{"content/u.md:1:1: error: front matter opened with --- is never "
                                 "closed; add a line --- after it"});
  auto t = parse_front_matter("+++", "content/t.md");
  EXPECT_FALSE(t.ok);
  EXPECT_EQ(messages(t), Strings{"content/t.md:1:1: error: front matter opened with +++ is never "
                                 "closed; add a line +++ after it"});
  auto mixed = parse_front_matter("---\ntitle: x\n+++\nBody\n", "content/m.md");
  EXPECT_FALSE(mixed.ok);
}

TEST(FrontMatter, BrokenSyntaxIsAnErrorWithFilePosition) {
  auto y = parse_front_matter("---\ntitle: ok\ntags: [a, b\n---\n", "content/y.md");
  EXPECT_FALSE(y.ok);
  EXPECT_EQ(messages(y), Strings{"content/y.md:4:1: error: invalid YAML front matter: end of "
                                 "sequence flow not found"});
  auto indent = parse_front_matter("---\ntitle: ok\n  bad: indent: x\n---\n", "content/i.md");
  EXPECT_FALSE(indent.ok);
  EXPECT_EQ(messages(indent), Strings{"content/i.md:3:6: error: invalid YAML front matter: illegal "
                                      "map value"});
  auto t = parse_front_matter("+++\nweight = 1\ntitle = \"x\n+++\n", "content/t.md");
  EXPECT_FALSE(t.ok);
  EXPECT_EQ(messages(t), Strings{"content/t.md:3:11: error: invalid TOML front matter: Error "
                                 "while parsing string: unescaped control characters other than "
                                 "TAB (U+0009) are explicitly prohibited"});
  auto dup = parse_front_matter("+++\na = 1\na = 2\n+++\n", "content/d.md");
  EXPECT_FALSE(dup.ok);
  EXPECT_EQ(messages(dup),
            Strings{"content/d.md:3:5: error: invalid TOML front matter: Error while "
                    "parsing key-value pair: cannot redefine existing integer 'a'"});
  auto list = parse_front_matter("---\n- a\n- b\n---\n", "content/l.md");
  EXPECT_FALSE(list.ok);
  EXPECT_EQ(messages(list), Strings{"content/l.md:2:1: error: invalid YAML front matter: expected "
                                    "key: value pairs at the top level"});
}

TEST(FrontMatter, WrongTypesAreErrorsButThePageStays) {
  auto r = parse_front_matter(
      "---\ntitle: 2024\nweight: heavy\ndate: 2024-13-01\ntags: [[x], y]\nslug: {a: 1}\nlastmod: "
      "5\n---\n",
      "content/w.md");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.fm.title, "2024");
  EXPECT_EQ(r.fm.weight, 0);
  EXPECT_FALSE(r.fm.date);
  EXPECT_EQ(r.fm.tags, Strings{"y"});
  EXPECT_EQ(r.fm.slug, "");
  EXPECT_EQ(messages(r),
            (Strings{"content/w.md:3:9: error: front matter field 'weight' must be an integer, "
                     "not string; the field was ignored",
                     "content/w.md:4:7: error: invalid date \"2024-13-01\" in 'date'; expected "
                     "a date such as 2024-01-31 or 31 Jan 2024, optionally with a time and offset "
                     "as in 2024-01-31T10:00:00Z; the field was ignored",
                     "content/w.md:5:7: error: front matter field 'tags' must be a list of "
                     "strings, not array; the field was ignored",
                     "content/w.md:6:7: error: front matter field 'slug' must be a string, not "
                     "table; the field was ignored",
                     "content/w.md:7:10: error: front matter field 'lastmod' must be a date such "
                     "as 2024-01-31, not integer; the field was ignored"}));
  // TOML positions too; a block list points at its key.
  auto t = parse_front_matter("+++\nweight = \"1\"\n+++\n", "content/t.md");
  EXPECT_EQ(messages(t), Strings{"content/t.md:2:10: error: front matter field 'weight' must be "
                                 "an integer, not string; the field was ignored"});
  auto block = parse_front_matter("---\ntitle:\n  - a\n---\n", "content/b.md");
  EXPECT_EQ(messages(block), Strings{"content/b.md:2:1: error: front matter field 'title' must be "
                                     "a string, not array; the field was ignored"});
  EXPECT_FALSE(block.fm.has_title);
}

TEST(FrontMatter, ScalarsAsText) {
  auto r = parse_front_matter(
      "---\ntitle: 3.5\ndescription: true\nslug: 42\ntags: [1, go, 2.0, '']\nsummary:\n---\n",
      "a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.fm.title, "3.5");
  EXPECT_EQ(r.fm.description, "true");
  EXPECT_EQ(r.fm.slug, "42");
  EXPECT_EQ(r.fm.tags, (Strings{"1", "go", "2"}));
  EXPECT_EQ(r.fm.summary, "");
  auto empty_title = parse_front_matter("---\ntitle:\n---\n", "a.md");
  EXPECT_FALSE(empty_title.fm.has_title);
  auto quoted = parse_front_matter("---\ntitle: \"\"\n---\n", "a.md");
  EXPECT_TRUE(quoted.fm.has_title);
}

TEST(FrontMatter, DraftThatIsNotABooleanSkipsThePage) {
  auto maybe = parse_front_matter("---\ntitle: x\ndraft: maybe\n---\n", "content/d.md");
  EXPECT_FALSE(maybe.ok);
  EXPECT_EQ(messages(maybe),
            Strings{"content/d.md:3:8: error: front matter field 'draft' must be true or false, "
                    "not \"maybe\"; the page was skipped so that a draft is not published by "
                    "mistake"});
  auto number = parse_front_matter("+++\ndraft = 1\n+++\n", "content/n.md");
  EXPECT_FALSE(number.ok);
  EXPECT_EQ(messages(number),
            Strings{"content/n.md:2:9: error: front matter field 'draft' must be true or false, "
                    "not integer; the page was skipped so that a draft is not published by "
                    "mistake"});
  for (const char* yes : {"\"true\"", "yes", "Yes", "TRUE"}) {
    auto r = parse_front_matter(std::string("---\ndraft: ") + yes + "\n---\n", "a.md");
    EXPECT_TRUE(r.ok && r.fm.draft) << yes;
  }
  for (const char* no : {"'false'", "no", "False"}) {
    auto r = parse_front_matter(std::string("---\ndraft: ") + no + "\n---\n", "a.md");
    EXPECT_TRUE(r.ok && !r.fm.draft) << no;
  }
}

// Hugo's other names for its dates, and Jekyll's and Hugo's `published: false`.
TEST(FrontMatter, HugosOtherDateNamesAndPublishedFalse) {
  auto ymd = [](const std::optional<Date>& d) {
    return d ? d->format("%Y-%m-%d") : std::string("none");
  };
  auto dates = [&](std::string_view fields) {
    auto r = parse_front_matter("---\n" + std::string(fields) + "---\n", "content/a.md");
    EXPECT_TRUE(r.ok) << fields;
    return ymd(r.fm.date) + " " + ymd(r.fm.publishdate) + " " + ymd(r.fm.lastmod) + " " +
           ymd(r.fm.expirydate) + (r.fm.draft ? " draft" : "");
  };
  // publishDate (pubdate, published) is the date of a page without one; `date` wins.
  EXPECT_EQ(dates("publishDate: 2024-02-01\n"), "2024-02-01 2024-02-01 none none");
  EXPECT_EQ(dates("pubdate: 2024-02-01\n"), "2024-02-01 2024-02-01 none none");
  EXPECT_EQ(dates("published: 2024-02-01\n"), "2024-02-01 2024-02-01 none none");
  EXPECT_EQ(dates("date: 2024-01-01\npublishdate: 2024-02-01\npubdate: 2024-03-01\n"),
            "2024-01-01 2024-02-01 none none");
  EXPECT_EQ(dates("pubdate: 2024-03-01\npublished: 2024-04-01\n"),
            "2024-03-01 2024-03-01 none none");
  // modified is a lastmod, unpublishdate an expiryDate, when those are not set.
  EXPECT_EQ(dates("modified: 2024-05-01\nunpublishdate: 2030-01-01\n"),
            "none none 2024-05-01 2030-01-01");
  EXPECT_EQ(dates("lastmod: 2024-06-01\nmodified: 2024-05-01\nexpirydate: 2031-01-01\n"
                  "unpublishdate: 2030-01-01\n"),
            "none none 2024-06-01 2031-01-01");
  // published: false is a draft, unless draft says otherwise.
  EXPECT_EQ(dates("published: false\n"), "none none none none draft");
  EXPECT_EQ(dates("published: \"no\"\n"), "none none none none draft");
  EXPECT_EQ(dates("published: false\ndraft: false\n"), "none none none none");
  EXPECT_EQ(dates("draft: false\npublished: false\n"), "none none none none");
  EXPECT_EQ(dates("published: true\ndraft: true\n"), "none none none none draft");
  EXPECT_EQ(dates("published:\n"), "none none none none");
  // Unreadable, it keeps the page out, as an unreadable draft flag does.
  auto maybe = parse_front_matter("---\npublished: soon\n---\n", "content/p.md");
  EXPECT_FALSE(maybe.ok);
  EXPECT_EQ(messages(maybe),
            Strings{"content/p.md:2:12: error: front matter field 'published' must be true, false "
                    "or a date such as 2024-01-31, not \"soon\"; the page was skipped so that a "
                    "draft is not published by mistake"});
  // None of them is a param any more.
  auto r = parse_front_matter("---\npublishDate: 2024-02-01\nmodified: 2024-05-01\n---\n", "a.md");
  EXPECT_TRUE(r.fm.params.is_null());
}

// Zola's front matter: TOML, the terms in a `taxonomies` table, `updated` for lastmod.
TEST(FrontMatter, ZolasTaxonomiesTableAndUpdated) {
  auto r = parse_front_matter(
      "+++\ntitle = \"Z\"\ndate = 2024-01-31\nupdated = 2024-02-01\n"
      "[taxonomies]\ntags = [\"Rust\", \"Web\"]\nCategories = [\"Guides\"]\nseries = [\"Intro\"]\n"
      "[extra]\nhero = \"x.png\"\n+++\n",
      "content/z.md");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(messages(r), Strings{});
  EXPECT_EQ(r.fm.tags, (Strings{"Rust", "Web"}));
  EXPECT_EQ(r.fm.categories, Strings{"Guides"});
  EXPECT_EQ(r.fm.lastmod->format("%Y-%m-%d"), "2024-02-01");
  // Another taxonomy's terms are the param of its name, which the taxonomy reads.
  Strings params;
  for (const auto& [key, value] : r.fm.params.as_table()) params.push_back(key);
  EXPECT_EQ(params, (Strings{"extra", "series"}));
  EXPECT_EQ(r.fm.params.find("series")->as_array().at(0).as_string(), "Intro");
  // A top-level key of that name wins; lastmod wins over updated.
  r = parse_front_matter(
      "+++\nlastmod = 2024-03-01\nupdated = 2024-02-01\n[taxonomies]\nseries = [\"A\"]\n"
      "[series]\nname = \"own\"\n+++\n",
      "content/z.md");
  EXPECT_EQ(r.fm.lastmod->format("%Y-%m-%d"), "2024-03-01");
  EXPECT_TRUE(r.fm.params.find("series")->is_table());
  EXPECT_EQ(r.fm.params.as_table().size(), 1u);
  // Wrong types are errors where the value stands.
  r = parse_front_matter("+++\ntaxonomies = \"tags\"\n[extra]\n+++\n", "content/z.md");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(messages(r), Strings{"content/z.md:2:14: error: front matter field 'taxonomies' must "
                                 "be a table of taxonomies and their terms, not string; the field "
                                 "was ignored"});
  r = parse_front_matter("+++\n[taxonomies]\ntags = [[\"a\"], \"b\"]\n+++\n", "content/z.md");
  EXPECT_EQ(r.fm.tags, Strings{"b"});
  EXPECT_EQ(messages(r), Strings{"content/z.md:3:8: error: front matter field 'taxonomies.tags' "
                                 "must be a list of strings, not array; the field was ignored"});
}

// Jekyll's `permalink` in a page is its url; one with Jekyll's placeholders is a pattern,
// filled once the page's file is known (permalinks.hpp).
TEST(FrontMatter, JekyllsPermalinkIsAUrl) {
  auto r = parse_front_matter("---\ntitle: About\npermalink: /about/\n---\n", "content/a.md");
  EXPECT_EQ(r.fm.url, "/about/");
  EXPECT_TRUE(r.fm.params.is_null());
  r = parse_front_matter("---\nurl: /mine/\npermalink: /about/\n---\n", "content/a.md");
  EXPECT_EQ(r.fm.url, "/mine/");
  r = parse_front_matter("---\ntitle: P\npermalink: /blog/:year/:title/\n---\n", "content/p.md");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.fm.url, "");
  EXPECT_EQ(r.fm.permalink_pattern, "/blog/:year/:title/");
  EXPECT_EQ(messages(r), Strings{});
}

// Hugo's third front matter format: a JSON object from the file's first byte, up to the '}'
// that closes it. A body that opens with a shortcode or an id is no JSON.
TEST(FrontMatter, HugosJsonFrontMatter) {
  auto r = parse_front_matter(
      "{\n  \"title\": \"J {braces}\",\n  \"date\": \"2024-01-31\",\n  \"tags\": [\"a\", "
      "\"b\"],\n  \"params\": {\"x\": \"q\\\"}\"}\n}\nBody.\n",
      "content/j.md");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(messages(r), Strings{});
  EXPECT_EQ(r.fm.title, "J {braces}");
  EXPECT_EQ(r.fm.tags, (Strings{"a", "b"}));
  EXPECT_EQ(r.fm.date->to_iso_date(), "2024-01-31");
  EXPECT_EQ(r.body_line, 7u);
  EXPECT_TRUE(starts_with_front_matter("{\"title\": \"x\"}"));
  // The body starts after the '}' (on its line, when something follows it there).
  r = parse_front_matter("\xEF\xBB\xBF{\"title\": \"One line\"} Body.\n", "content/j.md");
  EXPECT_EQ(r.fm.title, "One line");
  EXPECT_EQ(r.body_offset, 24u);
  EXPECT_EQ(r.body_line, 1u);
  for (const char* body :
       {"{{< note >}}x{{< /note >}}\n", "{#top}\n", "{note}`x`\n", "{ plain\n"}) {
    r = parse_front_matter(body, "content/j.md");
    EXPECT_TRUE(r.ok) << body;
    EXPECT_EQ(r.body_offset, 0u) << body;
    EXPECT_FALSE(starts_with_front_matter(body)) << body;
  }
  r = parse_front_matter("{\"title\": \"never closed\"\nBody.\n", "content/j.md");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r), (Strings{"content/j.md:1:1: error: JSON front matter opened with { is "
                                  "never closed; add the } that closes the object"}));
  r = parse_front_matter("{\n  \"title\": \"x\",\n  \"tags\": [1,\n}\nBody.\n", "content/j.md");
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_TRUE(r.diagnostics[0].message.starts_with("invalid JSON front matter: "))
      << r.diagnostics[0].message;
  EXPECT_EQ(r.diagnostics[0].line, 4u);
}

// Hugo's build options: `_build` (or `build`) and `headless`, keys and values in any case.
TEST(FrontMatter, HugosBuildOptionsAndHeadless) {
  auto r =
      parse_front_matter("---\n_build:\n  render: Never\n  list: local\n---\n", "content/a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(messages(r), Strings{});
  EXPECT_TRUE(r.fm.build ==
              (PageBuild{RenderMode::kNever, ListMode::kLocal, ResourceMode::kUnset}));
  EXPECT_FALSE(r.fm.build.renders());
  EXPECT_TRUE(r.fm.build.listed());
  EXPECT_FALSE(r.fm.build.listed_site_wide());
  EXPECT_TRUE(r.fm.params.is_null());  // not a param
  // TOML, Hugo's older booleans, publishResources.
  r = parse_front_matter(
      "+++\n[build]\nrender = false\nlist = true\npublishResources = false\n+++\n", "content/a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.fm.build ==
              (PageBuild{RenderMode::kNever, ListMode::kAlways, ResourceMode::kKeep}));
  // headless fills what _build leaves unset, and stays a param (page.params.headless).
  r = parse_front_matter("---\nheadless: true\n_build:\n  list: always\n---\n", "content/a.md");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.fm.headless);
  EXPECT_TRUE(r.fm.build ==
              (PageBuild{RenderMode::kNever, ListMode::kAlways, ResourceMode::kKeep}));
  ASSERT_NE(r.fm.params.find("headless"), nullptr);
  EXPECT_TRUE(r.fm.params.find("headless")->as_bool());
  r = parse_front_matter("---\nheadless: false\n---\n", "content/a.md");
  EXPECT_TRUE(r.fm.build == PageBuild{});
  // What cannot be read skips the page: it may have been meant to keep the page out.
  r = parse_front_matter("---\n_build:\n  render: nevr\n  lst: never\n---\n", "content/a.md");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r),
            (Strings{"content/a.md:3:11: error: front matter field '_build.render' must be "
                     "\"always\", \"never\" or \"link\", not \"nevr\"; the page was skipped so "
                     "that it is not published by mistake",
                     "content/a.md:4:8: error: front matter field '_build.lst' is not a build "
                     "option; known options: render, list, publishResources; the page was skipped "
                     "so that it is not published by mistake"}));
  r = parse_front_matter("---\n_build: never\n---\n", "content/a.md");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r),
            (Strings{"content/a.md:2:9: error: front matter field '_build' must be a table of "
                     "render, list and publishResources, not string; the page was skipped so "
                     "that it is not published by mistake"}));
  // `build`, a common word, is a param unless it names a build option, as before Hugo 0.123.
  for (const char* text : {"---\nbuild: 1.2.3\n---\n", "---\nbuild:\n  tool: make\n---\n"}) {
    r = parse_front_matter(text, "content/a.md");
    EXPECT_TRUE(r.ok) << text;
    EXPECT_EQ(messages(r), Strings{}) << text;
    EXPECT_TRUE(r.fm.build == PageBuild{}) << text;
    EXPECT_NE(r.fm.params.find("build"), nullptr) << text;
  }
  r = parse_front_matter("---\nheadless: maybe\n---\n", "content/a.md");
  EXPECT_FALSE(r.ok);
  // A section's cascade is checked where it is written; what is wrong in it is left out.
  r = parse_front_matter("---\ncascade:\n  _build:\n    list: hidden\n---\n", "content/_index.md");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(messages(r),
            (Strings{"content/_index.md:4:11: error: front matter field 'cascade._build.list' "
                     "must be \"always\", \"never\" or \"local\", not \"hidden\"; it was "
                     "ignored"}));
}

TEST(FrontMatter, InvalidUtf8IsReportedWhereItIs) {
  auto r = parse_front_matter("---\ntitle: x\n---\nab\xff", "content/b.md");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r),
            Strings{"content/b.md:4:3: error: invalid UTF-8 byte 0xff; save the file as UTF-8"});
  auto latin1 = parse_front_matter("---\ntitle: caf\xe9\n---\n", "content/l.md");
  EXPECT_FALSE(latin1.ok);
  EXPECT_EQ(messages(latin1),
            Strings{"content/l.md:2:11: error: invalid UTF-8 byte 0xe9; save the file as UTF-8"});
}

TEST(FrontMatter, UnicodeAndParamsOrder) {
  auto r = parse_front_matter(
      "---\nz: 1\ntitle: \"日本語 — Ünï 🐈\"\nAuthor: {Name: Ada, links: [a, b]}\na: 2\ncascade:\n  "
      "type: docs\nmenu: main\nid: x\n---\n",
      "u.md");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.fm.title, "日本語 — Ünï 🐈");
  Strings keys;
  for (const auto& [k, v] : r.fm.params.as_table()) keys.push_back(k);
  EXPECT_EQ(keys, (Strings{"z", "Author", "a", "cascade", "menu", "id"}));
  const Value* author = r.fm.params.find("Author");
  EXPECT_EQ(author->as_table()[0].first, "Name");
  EXPECT_EQ(author->find("links")->as_array()[1].as_string(), "b");
  EXPECT_EQ(r.fm.params.find("cascade")->find("type")->as_string(), "docs");
  // TOML keeps source order too (toml++ itself sorts keys).
  auto t = parse_front_matter("+++\nzeta = 1\nalpha = 2\n[mid]\ny = 1\nb = 2\n+++\n", "t.md");
  keys.clear();
  for (const auto& [k, v] : t.fm.params.as_table()) keys.push_back(k);
  EXPECT_EQ(keys, (Strings{"zeta", "alpha", "mid"}));
  EXPECT_EQ(t.fm.params.find("mid")->as_table()[0].first, "y");
}

// Aliases that would expand forever or past the limits: the page is an error at the alias's
// anchor, with the remedy, and keeps nothing of its front matter.
TEST(FrontMatter, EndlessOrHugeAliasesAreErrorsNotCrashes) {
  auto cycle = parse_front_matter("---\ntitle: Loop\ntags: &x [*x]\n---\nbody\n", "c.md");
  EXPECT_FALSE(cycle.ok);
  EXPECT_EQ(messages(cycle),
            Strings{"c.md:3:7: error: invalid YAML front matter: 'tags' contains itself: an alias "
                    "(*name) is used inside the value of its own anchor (&name); remove that "
                    "alias"});
  EXPECT_EQ(cycle.fm.title, "");
  std::string chain = "---\na0: &a0 [1]\n";
  for (int i = 1; i < 200; ++i) {
    std::string n = std::to_string(i);
    chain += "a";
    chain += n + ": &a" + n + " [*a" + std::to_string(i - 1) + "]\n";
  }
  auto deep = parse_front_matter(chain + "---\n", "d.md");
  EXPECT_FALSE(deep.ok);
  EXPECT_EQ(messages(deep), Strings{"d.md:2:5: error: invalid YAML front matter: 'a99' nests more "
                                    "than 100 levels deep (aliases included); flatten the "
                                    "structure"});
}

// Thousands of keys (each a param) keep their order and stay linear to read.
TEST(FrontMatter, ManyParams) {
  std::string text = "---\ntitle: T\n";
  for (int i = 0; i < 20'000; ++i) {
    text += "p";
    text += std::to_string(i) + ": " + std::to_string(i) + "\n";
  }
  auto r = parse_front_matter(text + "---\n", "m.md");
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.fm.params.size(), 20'000u);
  EXPECT_EQ(r.fm.params.as_table()[0].first, "p0");
  EXPECT_EQ(r.fm.params.as_table()[19'999].first, "p19999");
  EXPECT_EQ(r.fm.params.as_table()[19'999].second.as_int(), 19'999);
}

}  // namespace
}  // namespace bengal::content
