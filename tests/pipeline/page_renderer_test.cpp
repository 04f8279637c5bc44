// Page rendering through an in-process build with small templates: what a page and a list
// see, links resolved through the index, pagination pages and layout lookup, and the
// diagnostics of a broken template.
#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"

namespace bengal::test {
namespace {

using Strings = std::vector<std::string>;

const Files kTemplates = {
    {"templates/single.html",
     "{{ page.title }}|{{ page.url }}|{{ page.prev.title }}<{{ page.next.title }}>|"
     "{% for t in page.tags %}{{ t.name }}={{ t.url }} {% endfor %}|{{ page.content }}"},
    {"templates/list.html",
     "{{ page.title }} {{ paginator.number }}/{{ paginator.total_pages }}:"
     "{% for p in paginator.pages %} {{ p.title }}{% endfor %}|{{ paginator.prev_url }}|"
     "{{ paginator.next_url }}"},
    {"templates/wide.html", "wide {{ page.title }}"}};

Files with_templates(Files files) {
  files.insert(kTemplates.begin(), kTemplates.end());
  return files;
}

TEST(PageRenderer, APageSeesItsNeighboursTagsAndResolvedLinks) {
  TestSite s(with_templates(
      {{"content/docs/a.md", "---\ntitle: A\nweight: 1\ntags: [Go]\n---\nTo [b](b.md#end).\n"},
       {"content/docs/b.md", "---\ntitle: B\nweight: 2\n---\n## End\n\n[[a]]\n"},
       {"content/docs/c.md", "---\ntitle: C\nweight: 3\nlayout: wide\n---\n"}}));
  report::BuildStats stats = s.build();
  EXPECT_EQ(s.messages(), Strings{});
  // Home, docs, three pages, /tags/, /tags/go/ and the 404 page.
  EXPECT_EQ(stats.pages, 8u);
  EXPECT_EQ(s.output("docs/a/index.html"),
            "A|/docs/a/|<B>|Go=/tags/go/ |<p>To <a href=\"/docs/b/#end\">b</a>.</p>\n");
  EXPECT_EQ(s.output("docs/b/index.html"),
            "B|/docs/b/|A<C>||<h2 id=\"end\">End</h2>\n<p><a href=\"/docs/a/\">a</a></p>\n");
  EXPECT_EQ(s.output("docs/c/index.html"), "wide C");
}

TEST(PageRenderer, PageHasMathOnlyWhereTheBodyHoldsMathAndFootnotesRender) {
  // Pages rendered one after the other on one thread reuse the Rendered buffers: has_math must
  // not carry over from a page with math to one without.
  TestSite s({{"templates/single.html", "{{ page.has_math }}|{{ page.content }}"},
              {"content/a.md", "---\ntitle: A\n---\n$x$[^n]\n\n[^n]: Note.\n"},
              {"content/b.md", "---\ntitle: B\n---\nCosts $5 and $6.\n"}});
  pipeline::BuildOptions one_thread;
  one_thread.threads = 1;
  s.build(one_thread);
  EXPECT_EQ(s.messages(), Strings{});
  EXPECT_EQ(s.output("a/index.html"),
            "True|<p><span class=\"math math-inline\">\\(x\\)</span><sup class=\"footnote-ref\">"
            "<a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a></sup></p>\n"
            "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-n\">\n<p>Note. "
            "<a href=\"#fnref-n\" class=\"footnote-backref\" data-footnote-backref "
            "aria-label=\"Back to content\">\xE2\x86\xA9</a></p>\n</li>\n</ol>\n</section>\n");
  EXPECT_EQ(s.output("b/index.html"), "False|<p>Costs $5 and $6.</p>\n");
}

TEST(PageRenderer, ListsArePaginated) {
  Files files = with_templates({{"bengal.toml",
                                 "[site]\nbaseurl = \"https://example.org/sub/\"\n\n"
                                 "[pagination]\nper_page = 2\n"}});
  for (char c = 'a'; c <= 'e'; ++c)
    files[std::string("content/blog/") + c + ".md"] =
        std::string("---\ntitle: ") + char(c - 'a' + 'A') + "\n---\n";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
  // Pager URLs carry the base path; a missing neighbour is none.
  EXPECT_EQ(s.output("blog/index.html"), "Blog 1/3: A B|None|/sub/blog/page/2/");
  EXPECT_EQ(s.output("blog/page/2/index.html"), "Blog 2/3: C D|/sub/blog/|/sub/blog/page/3/");
  EXPECT_EQ(s.output("blog/page/3/index.html"), "Blog 3/3: E|/sub/blog/page/2/|None");
  EXPECT_FALSE(std::filesystem::exists(s.out() / "blog/page/4"));
}

// Hugo's [pagination] path and Zola's paginate_path name the folder of pages 2..N; a term's
// pagers use the site's.
TEST(PageRenderer, PagersLiveInTheFolderTheSiteOrSectionNames) {
  Files files = with_templates(
      {{"bengal.toml",
        "[site]\nbaseurl = \"https://example.org/\"\n\n"
        "[pagination]\nper_page = 1\npath = \"seite\"\n"},
       {"content/news/_index.md", "+++\ntitle = \"News\"\npaginate_path = \"p\"\n+++\n"}});
  for (const char* name : {"a", "b"}) {
    files[std::string("content/blog/") + name + ".md"] =
        std::string("---\ntitle: ") + name + "\ntags: [t]\n---\n";
    files[std::string("content/news/") + name + ".md"] =
        std::string("---\ntitle: ") + name + "\n---\n";
  }
  files["templates/term.html"] = "{{ paginator.number }}:{{ paginator.next_url }}";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
  EXPECT_EQ(s.output("blog/index.html"), "Blog 1/2: a|None|/blog/seite/2/");
  EXPECT_EQ(s.output("blog/seite/2/index.html"), "Blog 2/2: b|/blog/|None");
  EXPECT_EQ(s.output("news/p/2/index.html"), "News 2/2: b|/news/|None");
  EXPECT_EQ(s.output("tags/t/index.html"), "1:/tags/t/seite/2/");
  EXPECT_NE(s.output("tags/t/seite/2/index.html"), "");
  EXPECT_FALSE(std::filesystem::exists(s.out() / "blog/page"));

  TestSite bad({{"bengal.toml", "[pagination]\npath = \"a/b\"\n"},
                {"content/x/_index.md", "+++\npaginate_path = \"..\"\n+++\n"},
                {"content/x/a.md", "---\ntitle: A\n---\n"}});
  bad.load();
  EXPECT_EQ(bad.messages(),
            (Strings{"bengal.toml:2:1: error: [pagination] path must be one folder name, such as "
                     "\"page\" or \"p\" (the folder of a list's pages 2, 3...)",
                     "content/x/_index.md:2:1: warning: paginate_path must be one folder name, "
                     "such as \"page\" or \"p\", not \"..\"; the site's [pagination] path is "
                     "used"}));
}

TEST(PageRenderer, PaginatorWindowAndDateOrderReachTemplates) {
  Files files = {{"bengal.toml",
                  "[site]\nbaseurl = \"https://example.org/sub/\"\n\n"
                  "[pagination]\nper_page = 1\n"},
                 {"templates/list.html",
                  "{{ paginator.by_date }}:{% for w in paginator.window %} "
                  "{{ w.number or '…' }}{% if w.current %}*{% endif %}"
                  "{% if w.url %}={{ w.url }}{% endif %}{% endfor %}"},
                 {"templates/single.html", ""}};
  // Dated pages without weights: a date-ordered list; one weighted page makes docs a list
  // ordered by weight.
  for (int i = 10; i <= 21; ++i) {
    files["content/blog/p" + std::to_string(i) + ".md"] =
        "---\ntitle: P" + std::to_string(i) + "\ndate: 2024-01-" + std::to_string(i) + "\n---\n";
  }
  files["content/docs/a.md"] = "---\ntitle: A\nweight: 1\ndate: 2024-01-01\n---\n";
  files["content/docs/b.md"] = "---\ntitle: B\ndate: 2024-01-02\n---\n";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
  EXPECT_EQ(s.output("blog/index.html"),
            "True: 1*=/sub/blog/ 2=/sub/blog/page/2/ 3=/sub/blog/page/3/ … 12=/sub/blog/page/12/");
  EXPECT_EQ(s.output("blog/page/6/index.html"),
            "True: 1=/sub/blog/ … 4=/sub/blog/page/4/ 5=/sub/blog/page/5/ 6*=/sub/blog/page/6/ "
            "7=/sub/blog/page/7/ 8=/sub/blog/page/8/ … 12=/sub/blog/page/12/");
  EXPECT_EQ(s.output("docs/page/2/index.html"), "False: 1=/sub/docs/ 2*=/sub/docs/page/2/");
}

// Zola's year folders: a transparent section's pages are in the blog's list, its pagers
// and its pages' neighbours; with paginate_reversed the pagers start from the list's end,
// while page.pages keeps the list's order.
TEST(PageRenderer, TransparentSectionsAndReversedPagersReachTemplates) {
  Files files = with_templates(
      {{"bengal.toml",
        "[site]\nbaseurl = \"https://example.org/\"\n\n[pagination]\nper_page = 2\n"},
       {"content/blog/_index.md", "+++\ntitle = \"Blog\"\nsort_by = \"date\"\n+++\n"},
       {"content/blog/2023/_index.md", "+++\ntitle = \"2023\"\ntransparent = true\n+++\n"},
       {"content/blog/2023/a.md", "---\ntitle: A\ndate: 2023-03-01\n---\n"},
       {"content/blog/2023/b.md", "---\ntitle: B\ndate: 2023-09-01\n---\n"},
       {"content/blog/2024/_index.md", "+++\ntitle = \"2024\"\ntransparent = true\n+++\n"},
       {"content/blog/2024/c.md", "---\ntitle: C\ndate: 2024-02-01\n---\n"},
       {"content/news/_index.md", "+++\ntitle = \"News\"\npaginate_reversed = true\n+++\n"},
       {"content/news/x.md", "---\ntitle: X\nweight: 1\n---\n"},
       {"content/news/y.md", "---\ntitle: Y\nweight: 2\n---\n"},
       {"content/news/z.md", "---\ntitle: Z\nweight: 3\n---\n"}});
  files["templates/list.html"] =
      "{{ page.title }} {{ paginator.number }}/{{ paginator.total_pages }}:"
      "{% for p in paginator.pages %} {{ p.title }}{% endfor %} |"
      "{% for p in page.pages %} {{ p.title }}{% endfor %}";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
  EXPECT_EQ(s.output("blog/index.html"), "Blog 1/2: C B | C B A");
  EXPECT_EQ(s.output("blog/page/2/index.html"), "Blog 2/2: A | C B A");
  EXPECT_EQ(s.output("blog/2023/index.html"), "2023 1/1: B A | B A");
  // Neighbours across the year folders, newest first as the blog lists them.
  EXPECT_EQ(s.output("blog/2023/b/index.html"), "B|/blog/2023/b/|C<A>||");
  EXPECT_EQ(s.output("blog/2024/c/index.html"), "C|/blog/2024/c/|<B>||");
  EXPECT_EQ(s.output("news/index.html"), "News 1/2: Z Y | X Y Z");
  EXPECT_EQ(s.output("news/page/2/index.html"), "News 2/2: X | X Y Z");
}

// [feeds] limit: the newest N dated pages in every feed, 0 for all of them.
TEST(PageRenderer, FeedsListAsManyPagesAsTheLimitSays) {
  auto items = [](const std::string& feeds) {
    Files files = {
        {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n" + feeds}};
    for (int day = 1; day <= 25; ++day)
      files["content/blog/p" + std::to_string(day) + ".md"] =
          "---\ntitle: P" + std::to_string(day) + "\ndate: 2024-01-" + (day < 10 ? "0" : "") +
          std::to_string(day) + "\n---\n";
    TestSite s(files);
    s.build();
    EXPECT_EQ(s.messages(), Strings{});
    Strings titles;
    std::string rss = s.output("blog/rss.xml");
    constexpr std::string_view kItem = "<item>\n      <title>";
    for (size_t at = rss.find(kItem); at != std::string::npos; at = rss.find(kItem, at + 1)) {
      size_t from = at + kItem.size();
      titles.push_back(rss.substr(from, rss.find('<', from) - from));
    }
    EXPECT_EQ(s.output("rss.xml").find("<item>") == std::string::npos, titles.empty());
    return titles;
  };
  EXPECT_EQ(items("\n[feeds]\nlimit = 3\n"), (Strings{"P25", "P24", "P23"}));
  EXPECT_EQ(items("").size(), 20u);
  Strings all = items("\n[feeds]\nlimit = 0\n");
  ASSERT_EQ(all.size(), 25u);
  EXPECT_EQ(all.back(), "P1");

  TestSite bad(
      {{"bengal.toml", "[feeds]\nlimit = -1\n"}, {"content/a.md", "---\ntitle: A\n---\n"}});
  report::BuildStats stats = bad.build();
  EXPECT_EQ(bad.messages(),
            Strings{"bengal.toml:2:9: error: [feeds] limit must be 0 or more, not -1"});
  EXPECT_EQ(stats.pages, 0u);
}

// A page that is not written has no URL (Hugo's empty RelPermalink), `render: link` keeps its
// own; neighbours, related pages and feeds leave an unwritten page out, and the default
// theme lists it unlinked.
TEST(PageRenderer, APageThatIsNotWrittenHasNoUrl) {
  Files files = {
      {"content/team/_index.md", "---\ntitle: Team\n---\n"},
      {"content/team/alice.md",
       "---\ntitle: Alice\nweight: 1\ndate: 2024-01-01\ntags: [docs]\n_build:\n  render: "
       "never\n---\n"},
      {"content/team/bob.md",
       "---\ntitle: Bob\nweight: 2\ndate: 2024-01-02\ntags: [docs]\n---\nSee [Carol](carol.md).\n"},
      {"content/team/carol.md",
       "---\ntitle: Carol\nweight: 3\ndate: 2024-01-03\ntags: [docs]\n_build:\n  render: "
       "link\n---\n"}};
  TestSite themed(files);
  themed.build();
  EXPECT_EQ(themed.messages(), Strings{});
  std::string list = themed.output("team/index.html");
  EXPECT_NE(list.find("<span>Alice</span>"), std::string::npos);
  EXPECT_EQ(list.find("/team/alice/"), std::string::npos);
  EXPECT_EQ(themed.output("team/rss.xml").find("Alice"), std::string::npos);
  EXPECT_NE(themed.output("team/rss.xml").find("Bob"), std::string::npos);

  files["templates/single.html"] =
      "{{ page.title }}:{{ page.prev.title }}<{{ page.next.title }}>|"
      "{% for r in page.related %}{{ r.title }} {% endfor %}|{{ page.content }}";
  files["templates/list.html"] =
      "{% for p in page.pages %}{{ p.title }}=[{{ p.url }}|{{ p.href }}|{{ p.permalink }}] "
      "{% endfor %}";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
  EXPECT_EQ(s.output("team/index.html"),
            "Alice=[||] Bob=[/team/bob/|/team/bob/|https://example.org/team/bob/] "
            "Carol=[/team/carol/|/team/carol/|https://example.org/team/carol/] ");
  // Bob's neighbours skip Alice; Carol, published elsewhere, is one, related, and found by a
  // link (no warning above).
  EXPECT_EQ(s.output("team/bob/index.html"),
            "Bob:<Carol>|Carol |<p>See <a href=\"/team/carol/\">Carol</a>.</p>\n");
  EXPECT_EQ(s.output("team/carol/index.html"), "");
}

TEST(PageRenderer, ABrokenTemplateIsReportedOnceWithItsPosition) {
  TestSite s({{"templates/single.html", "line one\n{{ page.title \n"},
              {"content/a.md", "---\ntitle: A\n---\n"},
              {"content/b.md", "---\ntitle: B\n---\n"}});
  // One thread: the page named is the first to use the template in the plan's order.
  pipeline::BuildOptions options;
  options.threads = 1;
  s.build(options);
  EXPECT_EQ(s.messages(), Strings{"templates/single.html:2:1: error: unclosed {{; expected }}\n"
                                  "    {{ page.title \n    ^\n    (while rendering content/a.md)"});
  EXPECT_EQ(s.output("a/index.html"), "");
  EXPECT_EQ(s.output("b/index.html"), "");
}

TEST(OutputPlan, APageWhereAPagerGoesIsAClash) {
  Files files = {{"bengal.toml",
                  "[site]\nbaseurl = \"https://example.org/\"\n\n"
                  "[pagination]\nper_page = 1\n"},
                 {"content/blog/a.md", "---\ntitle: A\n---\n"},
                 {"content/blog/b.md", "---\ntitle: B\n---\n"},
                 {"content/p.md", "---\ntitle: P\nurl: /blog/page/2/\n---\n"},
                 {"content/tags.md", "---\ntitle: T\ntags: [x]\n---\n"}};
  TestSite s(files);
  s.build();
  // A generated section is named by the _index.md it would have.
  EXPECT_EQ(s.messages(),
            (Strings{"content/blog/_index.md: error: page 2 of the list of content/blog/_index.md "
                     "is not written: content/p.md also writes blog/page/2/index.html and comes "
                     "first; change the url or slug of content/p.md",
                     "content/tags.md: error: the taxonomy page /tags/ is not written: "
                     "content/tags.md also writes tags/index.html and comes first; change the url "
                     "or slug of content/tags.md"}));
  EXPECT_EQ(s.output("blog/page/2/index.html").substr(0, 15), "<!DOCTYPE html>");
}

}  // namespace
}  // namespace bengal::test
