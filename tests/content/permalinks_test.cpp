// Permalink patterns: Hugo's [permalinks] config and Jekyll's placeholders in a page's
// `permalink`, filled from the page's file, date, title, slug and categories.
#include "bengal/content/permalinks.hpp"

#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"
#include "../support/run.hpp"
#include "bengal/config/config.hpp"

namespace bengal::content {
namespace {

using Strings = std::vector<std::string>;

FrontMatter page(std::string title, std::string date, std::string slug = "") {
  FrontMatter fm;
  fm.title = std::move(title);
  if (!date.empty()) fm.date = parse_date(date);
  fm.slug = std::move(slug);
  return fm;
}

std::string hugo(std::string_view pattern, std::string_view rel, const FrontMatter& fm,
                 PageKind kind = PageKind::kPage) {
  PermalinkUrl u = expand_permalink(pattern, PermalinkDialect::kHugo, rel, kind, fm);
  return u.error.empty() ? u.url : "error: " + u.error;
}

std::string jekyll(std::string_view pattern, std::string_view rel, const FrontMatter& fm) {
  PermalinkUrl u = expand_permalink(pattern, PermalinkDialect::kJekyll, rel, PageKind::kPage, fm);
  return u.error.empty() ? u.url : "error: " + u.error;
}

TEST(Permalinks, HugosPlaceholders) {
  FrontMatter fm = page("Hello, World!", "2024-03-05T23:30:00-02:00");
  // The date as written, in its own offset (the instant is March 6 in UTC).
  EXPECT_EQ(hugo("/:year/:month/:day/:title/", "posts/hello.md", fm), "/2024/03/05/hello-world/");
  EXPECT_EQ(hugo("/:monthname/:weekday/:weekdayname/:yearday/", "posts/hello.md", fm),
            "/march/2/tuesday/65/");
  EXPECT_EQ(hugo("/:section/:sections/:filename/", "docs/Getting Started/hello.md", fm),
            "/docs/docs/getting-started/hello/");
  EXPECT_EQ(hugo("/:slug/", "posts/hello.md", fm), "/hello-world/");
  EXPECT_EQ(hugo("/:slugorfilename/", "posts/hello.md", fm), "/hello/");
  FrontMatter slugged = page("Hello", "2024-03-05", "hi");
  EXPECT_EQ(hugo("/:slug/:slugorfilename/:contentbasename/", "posts/hello.md", slugged),
            "/hi/hi/hello/");
  // A bundle is named by its folder; a section's page is of its own folder.
  EXPECT_EQ(hugo("/:sections/:filename/", "blog/2024/trip/index.md", fm), "/blog/2024/trip/");
  EXPECT_EQ(
      hugo("/s/:sections/:title/", "docs/guide/_index.md", page("Guide", ""), PageKind::kSection),
      "/s/docs/guide/guide/");
  // Hugo's slices of the sections, Go's [from:to] with `last` the last index.
  const char* deep = "docs/Guide/Advanced/x.md";
  EXPECT_EQ(hugo("/:sections[1:]/:filename/", deep, fm), "/guide/advanced/x/");
  EXPECT_EQ(hugo("/:sections[:last]/:filename/", deep, fm), "/docs/guide/x/");
  EXPECT_EQ(hugo("/:sections[last]/:filename/", deep, fm), "/advanced/x/");
  EXPECT_EQ(hugo("/:sections[0]/:sections[1:2]/", deep, fm), "/docs/guide/");
  EXPECT_EQ(hugo("/:sections[5]/:sections[2:1]/:filename/", deep, fm), "/x/");
  EXPECT_EQ(hugo("/:sections[1:]/:filename/", "top.md", fm), "/top/");
  EXPECT_EQ(hugo("/:sections[one]/", deep, fm),
            "error: ':sections[one]' is no slice bengal can take; Hugo's slices of the sections "
            "are :sections[1:], :sections[:last], :sections[last], :sections[0] and "
            ":sections[1:3]");
  EXPECT_EQ(hugo("/:title[1:]/", deep, fm),
            "error: ':title[1:]' is no slice bengal can take; Hugo's slices of the sections are "
            ":sections[1:], :sections[:last], :sections[last], :sections[0] and :sections[1:3]");
  // A page without a date takes Hugo's zero date; a title of punctuation, the file's name.
  EXPECT_EQ(hugo("/:year/:month/:day/:title/", "posts/x.md", page("!!!", "")), "/0001/01/01/x/");
  EXPECT_EQ(hugo("/:year/:jekyll/", "posts/x.md", fm),
            "error: unknown placeholder ':jekyll'; known: :year, :month, :monthname, :day, "
            ":weekday, :weekdayname, :yearday, :section, :sections, :title, :slug, :filename, "
            ":slugorfilename, :contentbasename, :slugorcontentbasename, :categories, "
            ":output_ext, :i_month, :i_day, :short_year, :y_day");
  // A page named after its day: the rest of its name is its slug, as with Hugo's :filename
  // date handler; Jekyll's placeholders that Hugo has no meaning for are known too.
  EXPECT_EQ(hugo("/:categories/:year/:month/:day/:slug:output_ext", "blog/2023-07-04-my-trip.md",
                 page("My Trip!", "2023-07-04")),
            "/2023/07/04/my-trip.html");
  EXPECT_EQ(hugo("/:slug/", "blog/2023-07-04-my-trip.md", page("T", "", "own")), "/own/");
  // A colon before no name stays; the result is checked as a front matter url is.
  EXPECT_EQ(hugo("/a:/:title", "posts/x.md", page("T", "")), "/a:/t/");
  FrontMatter dots = page("T", "");
  EXPECT_EQ(hugo("/:title/../x/", "posts/x.md", dots),
            "error: it gives '/t/../x/': url must not contain '.' or '..' segments; write the path "
            "from the site root");
}

TEST(Permalinks, JekyllsPlaceholders) {
  FrontMatter fm = page("My Trip", "2023-07-04");
  fm.categories = {"Travel", "Asia"};
  // Jekyll's default pattern: a file URL, the title from the file's name after its date.
  EXPECT_EQ(
      jekyll("/:categories/:year/:month/:day/:title:output_ext", "blog/2023-07-04-my-trip.md", fm),
      "/travel/asia/2023/07/04/my-trip.html");
  EXPECT_EQ(jekyll("/:i_month/:i_day/:short_year/:y_day/:name/", "blog/2023-07-04-my-trip.md", fm),
            "/7/4/23/185/2023-07-04-my-trip/");
  fm.categories.clear();
  fm.slug = "trip";
  EXPECT_EQ(jekyll("/:categories/:title/:slug/", "blog/2023-07-04-my-trip.md", fm), "/trip/trip/");
  EXPECT_EQ(jekyll("/:monthname/", "blog/a.md", fm),
            "error: unknown placeholder ':monthname'; known: :year, :month, :day, :i_month, "
            ":i_day, :short_year, :y_day, :title, :slug, :name, :categories, :output_ext");
}

// Patterns by section and by taxonomy; what cannot be used is an error at its line.
TEST(Permalinks, ReadFromTheConfig) {
  auto loaded = config::load_config(test::write_files({{"bengal.toml", R"([site]
title = "T"

[permalinks]
posts = "/:year/:title/"
tags = "/topics/:slug/"
notes = 3
wiki = "/:nope/"

[permalinks.page]
docs = "/d/:slug/"

[permalinks.section]
docs = "/manual/"

[permalinks.term]
categories = "/c/:title/"
series = "/s/:year/"

[permalinks.taxonomy]
categories = "/all-categories/"
)"}}));
  ASSERT_TRUE(loaded.ok);
  Diagnostics diagnostics;
  Permalinks p = read_permalinks(loaded.config, diagnostics);
  EXPECT_EQ(p.pattern_for("posts/a.md", PageKind::kPage), "/:year/:title/");
  EXPECT_EQ(p.pattern_for("posts/2024/trip/index.md", PageKind::kPage), "/:year/:title/");
  EXPECT_EQ(p.pattern_for("posts/_index.md", PageKind::kSection), "");
  EXPECT_EQ(p.pattern_for("docs/guide/a.md", PageKind::kPage), "/d/:slug/");
  EXPECT_EQ(p.pattern_for("docs/_index.md", PageKind::kSection), "/manual/");
  EXPECT_EQ(p.pattern_for("docs/guide/_index.md", PageKind::kSection), "/manual/");
  EXPECT_EQ(p.pattern_for("about.md", PageKind::kPage), "");
  EXPECT_EQ(p.pattern_for("_index.md", PageKind::kHome), "");
  // The flat form names a taxonomy's terms too, and a section of the same name's pages.
  EXPECT_EQ(p.pattern_for("tags/a.md", PageKind::kPage), "/topics/:slug/");
  EXPECT_EQ(p.term_url("tags", "go"), "/topics/go/");
  EXPECT_EQ(p.term_url("categories", "c-sharp"), "/c/c-sharp/");
  EXPECT_EQ(p.term_url("series", "x"), "");
  EXPECT_EQ(p.taxonomy_url("categories"), "/all-categories/");
  EXPECT_EQ(p.taxonomy_url("tags"), "");
  std::string file = loaded.config.config_file;
  EXPECT_EQ(
      test::formatted(diagnostics.sorted()),
      (Strings{file + ":7:9: error: [permalinks] notes must be a pattern such as "
                      "\"/:year/:month/:slug/\", not integer; it is ignored",
               file + ":8:8: error: [permalinks] wiki: unknown placeholder ':nope'; known: "
                      ":year, :month, :monthname, :day, :weekday, :weekdayname, :yearday, "
                      ":section, :sections, :title, :slug, :filename, :slugorfilename, "
                      ":contentbasename, :slugorcontentbasename, :categories, :output_ext, "
                      ":i_month, :i_day, :short_year, :y_day; the pattern is ignored",
               file + ":18:10: error: [permalinks] series: a term page's pattern knows :slug and "
                      ":title, not ':year'; the pattern is ignored"}));
}

}  // namespace
}  // namespace bengal::content
