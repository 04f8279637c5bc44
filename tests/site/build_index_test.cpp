// The index through an in-process site: the section tree and its display order, neighbours,
// URL collisions and the settings build_index reads ([features], [pagination]).
#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"

namespace bengal::test {
namespace {

using Paths = std::vector<std::string>;

std::string page(const std::string& front_matter) {
  return "---\n" + front_matter + "---\nText.\n";
}

// The page whose source path is `path`, or kNoPage.
PageId page_at(const site::Site& site, std::string_view path) {
  for (PageId id = 0; id < site.table.pages.size(); ++id)
    if (site.source_path(id) == path) return id;
  return kNoPage;
}

// The source path of a neighbour, "-" for none.
std::string neighbour(const site::Site& site, PageId id) {
  return id == kNoPage ? std::string("-") : std::string(site.source_path(id));
}

TEST(BuildIndex, SectionTreeInDisplayOrder) {
  TestSite s({{"content/_index.md", page("title: Home\n")},
              {"content/blog/_index.md", page("title: Blog\nweight: 2\n")},
              {"content/blog/old.md", page("title: Old\ndate: 2024-01-01\n")},
              {"content/blog/new.md", page("title: New\ndate: 2025-06-01\n")},
              {"content/blog/pinned.md", page("title: Pinned\nweight: 5\n")},
              {"content/blog/first.md", page("title: First\nweight: 1\n")},
              {"content/blog/b.md", page("title: Same\n")},
              {"content/blog/a.md", page("title: Same\n")},
              {"content/docs/intro.md", page("title: Intro\n")},
              {"content/docs/deep/x.md", page("title: X\n")},
              {"content/about.md", page("title: About\nweight: 1\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), Paths{});
  EXPECT_EQ(site.source_path(site.home), "_index.md");
  // Weighted first (lowest first), then dated (newest first), then title, then path. The
  // docs sections have no _index.md: they are generated (named as if they had one), without
  // weight, so docs comes after blog.
  EXPECT_EQ(source_paths(site, site.pages_of(site.home)), Paths{"about.md"});
  EXPECT_EQ(source_paths(site, site.sections_of(site.home)),
            (Paths{"blog/_index.md", "docs/_index.md"}));
  PageId blog = site.sections_of(site.home)[0], docs = site.sections_of(site.home)[1];
  EXPECT_EQ(source_paths(site, site.pages_of(blog)),
            (Paths{"blog/first.md", "blog/pinned.md", "blog/new.md", "blog/old.md", "blog/a.md",
                   "blog/b.md"}));
  EXPECT_EQ(source_paths(site, site.sections_of(blog)), Paths{});
  EXPECT_EQ(source_paths(site, site.pages_of(docs)), Paths{"docs/intro.md"});
  EXPECT_EQ(source_paths(site, site.sections_of(docs)), Paths{"docs/deep/_index.md"});
  EXPECT_EQ(source_paths(site, site.pages_of(site.sections_of(docs)[0])), Paths{"docs/deep/x.md"});
  // site.pages: every regular page in the same order, whatever its section ("Intro" sorts
  // before "Same").
  EXPECT_EQ(source_paths(site, site.regular_pages),
            (Paths{"about.md", "blog/first.md", "blog/pinned.md", "blog/new.md", "blog/old.md",
                   "docs/intro.md", "blog/a.md", "blog/b.md", "docs/deep/x.md"}));
}

// Discovery numbers pages by source path, so ids compare as the paths do; a table numbered
// otherwise (made by hand) is compared by its paths.
TEST(BuildIndex, PagesCompareBySourcePathWithOrWithoutTheirIds) {
  TestSite s({{"content/b.md", page("title: B\n")},
              {"content/a/_index.md", page("title: A\n")},
              {"content/a/z.md", page("title: Z\n")},
              {"content/A.md", page("title: Upper\n")}});
  const site::Site& site = s.load();
  size_t n = site.table.pages.size();
  ASSERT_EQ(n, 5u);  // the home page is generated
  for (PageId a = 0; a < n; ++a)
    for (PageId b = 0; b < n; ++b)
      EXPECT_EQ(site.source_path_less(a, b), site.source_path(a) < site.source_path(b));

  site::Site by_hand;
  for (const char* path : {"z.md", "a.md"}) {
    content::PageMeta m;
    m.source_path = by_hand.table.strings.intern(path);
    by_hand.table.pages.push_back(m);
  }
  EXPECT_TRUE(by_hand.source_path_less(1, 0));
  EXPECT_FALSE(by_hand.source_path_less(0, 1));
}

TEST(BuildIndex, NeighboursFollowTheSectionOrder) {
  TestSite s({{"content/s/a.md", page("title: A\nweight: 1\n")},
              {"content/s/b.md", page("title: B\nweight: 2\n")},
              {"content/s/c.md", page("title: C\nweight: 3\n")}});
  const site::Site& site = s.load();
  Paths prev, next;
  for (PageId id : site.pages_of(site.sections_of(site.home)[0])) {
    prev.push_back(neighbour(site, site.prev_in_section[id]));
    next.push_back(neighbour(site, site.next_in_section[id]));
  }
  EXPECT_EQ(prev, (Paths{"-", "s/a.md", "s/b.md"}));
  EXPECT_EQ(next, (Paths{"s/b.md", "s/c.md", "-"}));
}

// Zola's section keys: sort_by orders a section's own list (and its neighbours), paginate_by
// its pagers; render = false leaves the section's page unwritten. site.pages keeps bengal's
// order. A value that cannot be used is a warning at its key.
TEST(BuildIndex, ZolasSectionKeys) {
  TestSite s(
      {{"content/blog/_index.md",
        "+++\ntitle = \"Blog\"\nsort_by = \"title\"\npaginate_by = 2\n+++\n"},
       {"content/blog/b.md", page("title: bravo\ndate: 2024-01-03\n")},
       {"content/blog/a.md", page("title: Alpha\ndate: 2024-01-01\n")},
       {"content/blog/c.md", page("title: Charlie\ndate: 2024-01-02\n")},
       {"content/news/_index.md", "+++\nsort_by = \"weight\"\nrender = false\n+++\n"},
       {"content/news/x.md", page("title: X\nweight: 2\n")},
       {"content/news/y.md", page("title: Y\n")},
       {"content/news/z.md", page("title: Z\nweight: 1\n")},
       {"content/odd/_index.md", page("sort_by: newest\npaginate_by: -1\npage_template: 3\n")},
       // page_template: the nearest section's, unless the page names its own.
       {"content/docs/_index.md", "+++\npage_template = \"doc.html\"\n+++\n"},
       {"content/docs/a.md", page("title: A\n")},
       {"content/docs/own.md", page("title: Own\ntemplate: special.html\n")},
       {"content/docs/deep/_index.md", "+++\ntitle = \"Deep\"\n+++\n"},
       {"content/docs/deep/d.md", page("title: D\n")},
       {"content/docs/other/_index.md", "+++\npage_template = \"other\"\n+++\n"},
       {"content/docs/other/o.md", page("title: O\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(
      s.messages(),
      (Paths{"content/odd/_index.md:2:1: warning: sort_by must be \"date\", "
             "\"update_date\", \"title\", \"title_bytes\", \"weight\", \"slug\" or "
             "\"none\", not \"newest\"; the section keeps bengal's order",
             "content/odd/_index.md:3:1: warning: paginate_by must be a whole number of pages "
             "per pager (0 for one page), not integer; the site's [pagination] per_page is "
             "used",
             "content/odd/_index.md:4:1: warning: page_template must be the name of a template, "
             "such as \"blog-page.html\", not integer; the section's pages use the usual "
             "templates"}));
  auto section = [&](std::string_view path) { return page_at(site, path); };
  PageId blog = section("blog/_index.md"), news = section("news/_index.md");
  EXPECT_EQ(source_paths(site, site.pages_of(blog)),
            (Paths{"blog/a.md", "blog/b.md", "blog/c.md"}));
  EXPECT_EQ(site.next_in_section[section("blog/a.md")], section("blog/b.md"));
  EXPECT_EQ(site.per_page_of(blog), 2u);
  EXPECT_EQ(site.per_page_of(news), site.per_page);
  EXPECT_EQ(source_paths(site, site.pages_of(news)),
            (Paths{"news/z.md", "news/x.md", "news/y.md"}));
  EXPECT_FALSE(site.table.pages[news].build.renders());
  EXPECT_TRUE(site.table.pages[blog].build.renders());
  // site.pages: dated newest first, as always.
  EXPECT_EQ(source_paths(site, site.regular_pages),
            (Paths{"news/z.md", "news/x.md", "blog/b.md", "blog/c.md", "blog/a.md", "docs/a.md",
                   "docs/deep/d.md", "docs/other/o.md", "docs/own.md", "news/y.md"}));
  auto template_of = [&](std::string_view path) {
    return std::string(site.str(site.page(section(path)).template_name));
  };
  EXPECT_EQ(template_of("docs/a.md"), "doc.html");
  EXPECT_EQ(template_of("docs/deep/d.md"), "doc.html");
  EXPECT_EQ(template_of("docs/other/o.md"), "other");
  EXPECT_EQ(template_of("docs/own.md"), "special.html");
  EXPECT_EQ(template_of("docs/_index.md"), "");  // the section's own page keeps its template
  EXPECT_EQ(template_of("blog/a.md"), "");
}

// Zola's transparent = true: a section's pages are in its parent's list too (and further up
// while the parent is transparent), in that list's order, and their neighbours are the
// list's; the section keeps its own pages. paginate_reversed is read per list.
TEST(BuildIndex, TransparentSectionsListTheirPagesInTheirParents) {
  TestSite s(
      {{"content/blog/_index.md", "+++\nsort_by = \"date\"\npaginate_reversed = true\n+++\n"},
       {"content/blog/top.md", page("title: Top\ndate: 2024-06-01\n")},
       {"content/blog/2023/_index.md", "+++\ntransparent = true\n+++\n"},
       {"content/blog/2023/a.md", page("title: A\ndate: 2023-03-01\n")},
       {"content/blog/2023/b.md", page("title: B\ndate: 2023-09-01\n")},
       {"content/blog/2023/q4/_index.md", "+++\ntransparent = true\n+++\n"},
       {"content/blog/2023/q4/c.md", page("title: C\ndate: 2023-12-01\n")},
       {"content/blog/2022/_index.md", "+++\ntitle = \"2022\"\n+++\n"},
       {"content/blog/2022/old.md", page("title: Old\ndate: 2022-01-01\n")},
       {"content/_index.md", "+++\ntransparent = true\n+++\n"},
       {"content/odd/_index.md", page("transparent: yes\npaginate_reversed: 1\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(),
            (Paths{"content/odd/_index.md:2:1: warning: transparent must be true or false, not "
                   "\"yes\"; the section's pages stay in its own list only",
                   "content/odd/_index.md:3:1: warning: paginate_reversed must be true or false, "
                   "not integer; the list is paged through from its start"}));
  auto id_of = [&](std::string_view path) { return page_at(site, path); };
  PageId blog = id_of("blog/_index.md"), y2023 = id_of("blog/2023/_index.md");
  PageId q4 = id_of("blog/2023/q4/_index.md"), y2022 = id_of("blog/2022/_index.md");
  EXPECT_TRUE(site.transparent(y2023));
  EXPECT_TRUE(site.transparent(q4));
  EXPECT_FALSE(site.transparent(blog));
  EXPECT_FALSE(site.transparent(site.home));  // the home page has no list above it
  // The blog's own pages, and its list (newest first, by its sort_by).
  EXPECT_EQ(source_paths(site, site.pages_of(blog)), Paths{"blog/top.md"});
  EXPECT_EQ(source_paths(site, site.list_of(blog)),
            (Paths{"blog/top.md", "blog/2023/q4/c.md", "blog/2023/b.md", "blog/2023/a.md"}));
  // A transparent section lists its own pages and those of its transparent subsections, in
  // bengal's order (dated, newest first); the 2022 section is not transparent.
  EXPECT_EQ(source_paths(site, site.list_of(y2023)),
            (Paths{"blog/2023/q4/c.md", "blog/2023/b.md", "blog/2023/a.md"}));
  EXPECT_EQ(source_paths(site, site.pages_of(y2023)), (Paths{"blog/2023/b.md", "blog/2023/a.md"}));
  EXPECT_EQ(source_paths(site, site.list_of(q4)), Paths{"blog/2023/q4/c.md"});
  EXPECT_EQ(source_paths(site, site.list_of(y2022)), Paths{"blog/2022/old.md"});
  // Neighbours: the blog's list for the transparent sections' pages.
  Paths prev, next;
  for (PageId id : site.list_of(blog)) {
    prev.push_back(neighbour(site, site.prev_in_section[id]));
    next.push_back(neighbour(site, site.next_in_section[id]));
  }
  EXPECT_EQ(prev, (Paths{"-", "blog/top.md", "blog/2023/q4/c.md", "blog/2023/b.md"}));
  EXPECT_EQ(next, (Paths{"blog/2023/q4/c.md", "blog/2023/b.md", "blog/2023/a.md", "-"}));
  EXPECT_EQ(neighbour(site, site.next_in_section[id_of("blog/2022/old.md")]), "-");
  EXPECT_TRUE(site.paginate_reversed(blog));
  EXPECT_FALSE(site.paginate_reversed(y2023));
  EXPECT_FALSE(site.paginate_reversed(id_of("odd/_index.md")));
}

// Zola's sort_by = "title" reads the numbers in titles as numbers and ignores case;
// "title_bytes" compares bytes.
TEST(BuildIndex, ZolasTitleOrderIsNatural) {
  TestSite s({{"content/a/_index.md", "+++\nsort_by = \"title\"\n+++\n"},
              {"content/a/p10.md", page("title: Part 10\n")},
              {"content/a/p2.md", page("title: part 2\n")},
              {"content/a/p02b.md", page("title: Part 02b\n")},
              {"content/a/p1.md", page("title: Part 1\n")},
              {"content/a/px.md", page("title: Part\n")},
              {"content/b/_index.md", "+++\nsort_by = \"title_bytes\"\n+++\n"},
              {"content/b/p10.md", page("title: Part 10\n")},
              {"content/b/p2.md", page("title: Part 2\n")},
              {"content/b/low.md", page("title: part 1\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), Paths{});
  EXPECT_EQ(source_paths(site, site.pages_of(page_at(site, "a/_index.md"))),
            (Paths{"a/px.md", "a/p1.md", "a/p2.md", "a/p02b.md", "a/p10.md"}));
  EXPECT_EQ(source_paths(site, site.pages_of(page_at(site, "b/_index.md"))),
            (Paths{"b/p10.md", "b/p2.md", "b/low.md"}));
}

// Zola's in_search_index = false: the section's page and its own pages leave the search
// index; its subsections' pages stay, as do its pages' places in lists and the sitemap.
TEST(BuildIndex, ASectionOutOfTheSearchIndex) {
  TestSite s({{"content/hidden/_index.md", "+++\nin_search_index = false\n+++\n"},
              {"content/hidden/h.md", page("title: H\n")},
              {"content/hidden/sub/_index.md", "+++\ntitle = \"Sub\"\n+++\n"},
              {"content/hidden/sub/s.md", page("title: S\n")},
              {"content/odd/_index.md", "+++\nin_search_index = \"no\"\n+++\n"},
              {"content/odd/o.md", page("title: O\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), (Paths{"content/odd/_index.md:2:1: warning: in_search_index must be "
                                 "true or false, not \"no\"; the section stays in the search "
                                 "index"}));
  EXPECT_EQ(
      source_paths(site, site.searched()),
      (Paths{"_index.md", "hidden/sub/_index.md", "hidden/sub/s.md", "odd/_index.md", "odd/o.md"}));
  EXPECT_EQ(site.in_sitemap().size(), site.rendered().size());
  EXPECT_EQ(site.rendered().size(), 7u);
}

TEST(BuildIndex, AUrlTakenTwiceKeepsTheNaturalPage) {
  TestSite s({{"content/a.md", page("title: A\n")},
              {"content/b.md", page("title: B\nurl: /a/\n")},
              {"content/c.md", page("title: C\nslug: a\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(),
            (Paths{"content/b.md:3:1: warning: page /a/ is not written: content/a.md also writes "
                   "a/index.html and comes first; give this page a different url or slug",
                   "content/c.md:3:1: warning: page /a/ is not written: content/a.md also writes "
                   "a/index.html and comes first; give this page a different url or slug"}));
  EXPECT_EQ(source_paths(site, site.rendered()), (Paths{"_index.md", "a.md"}));
}

// [[id:x]] names one page: the first by source path; each other one is reported at its key.
TEST(BuildIndex, ADuplicateIdWarnsNamingBothPages) {
  TestSite s({{"content/a.md", page("title: A\nid: guide\n")},
              {"content/b.md", page("title: B\nweight: 1\nid: guide\n")},
              {"content/c.md", page("title: C\nid: other\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(),
            (Paths{"content/b.md:4:1: warning: id 'guide' is also the id of content/a.md, which "
                   "[[id:guide]] links to; give one of them another id"}));
  EXPECT_EQ(site.xref.resolve_wiki(0, "id:guide").page, 1u);
  EXPECT_EQ(site.xref.resolve_wiki(0, "id:other").page, 3u);
}

// [[ext:project:target]] takes its URL from external_refs.templates; an unknown project says so.
TEST(BuildIndex, ExternalRefsUseTheConfiguredTemplates) {
  TestSite s({{"bengal.toml",
               "[external_refs.templates]\npy = \"https://docs.example/{module}.html#{name}"
               "-{name_lower}-{target}-{other}\"\n"},
              {"content/a.md", page("title: A\n")}});
  const site::Site& site = s.load();
  site::LinkTarget t = site.xref.resolve_wiki(0, "ext:py:pathlib.Path");
  EXPECT_EQ(t.status, site::LinkTarget::Status::kExternal);
  EXPECT_EQ(t.url, "https://docs.example/pathlib.html#Path-path-pathlib.Path-{other}");
  EXPECT_EQ(site.xref.resolve_wiki(0, "ext:py:os").url,
            "https://docs.example/os.html#os-os-os-{other}");
  EXPECT_EQ(site.xref.resolve_wiki(0, "ext:nope:x").status,
            site::LinkTarget::Status::kUnknownProject);
  EXPECT_EQ(site.xref.resolve_wiki(0, "ext:nocolon").status,
            site::LinkTarget::Status::kMissingPage);
}

// [markdown] heading_ids picks the rule of the anchors discovery records; another value is an
// error at its line and column, and Bengal's rule is used.
TEST(BuildIndex, HeadingIdsSettingReachesTheAnchors) {
  auto anchors = [](const std::string& value) {
    TestSite s({{"bengal.toml", "[markdown]\nheading_ids = " + value + "\n"},
                {"content/a.md", "---\ntitle: A\n---\n## A -- B!\n"}});
    const site::Site& site = s.load();
    std::string out(site.str(site.table.list(site.table.pages[1].anchors)[0]));
    for (const auto& m : s.messages()) out += " | " + m;
    return out;
  };
  EXPECT_EQ(anchors("\"bengal\""), "a-b");
  EXPECT_EQ(anchors("\"github\""), "a----b");
  EXPECT_EQ(anchors("\"x\""),
            "a-b | bengal.toml:2:15: error: [markdown] heading_ids must be \"bengal\" or "
            "\"github\", not \"x\"; \"bengal\" is used");
}

TEST(BuildIndex, APageCannotTakeASiteFile) {
  TestSite s({{"content/x.md", page("title: X\nurl: /sitemap.xml\n")}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), Paths{"content/x.md:3:1: error: page /sitemap.xml is not written: "
                                "the sitemap also writes sitemap.xml and comes first; give this "
                                "page a different url or slug, or turn off [features] sitemap"});
  EXPECT_EQ(site.rendered().size(), 1u);  // the home page
}

TEST(BuildIndex, ReadsFeaturesAndPerPage) {
  TestSite s({{"bengal.toml",
               "[features]\nrss = false\natom = true\nsearch = \"no\"\nsitemaps = true\n"
               "\n[pagination]\nper_page = 3\n"}});
  const site::Site& site = s.load();
  EXPECT_FALSE(site.features.rss);
  EXPECT_TRUE(site.features.atom);
  EXPECT_TRUE(site.features.search);
  EXPECT_EQ(site.per_page, 3u);
  EXPECT_EQ(s.messages(),
            (Paths{"bengal.toml:4:1: error: [features] search must be true or false, not string",
                   "bengal.toml:5:1: warning: unknown key 'sitemaps' in [features] is ignored; "
                   "known keys: sitemap, rss, atom, search, llms_txt, robots, aliases, graph"}));
}

TEST(BuildIndex, RejectsANegativePerPage) {
  TestSite s({{"bengal.toml", "[pagination]\nper_page = -1\n"}});
  EXPECT_EQ(s.load().per_page, 10u);
  EXPECT_EQ(s.messages(), Paths{"bengal.toml:2:1: error: [pagination] per_page must be a whole "
                                "number (0 turns pagination off)"});
}

}  // namespace
}  // namespace bengal::test
