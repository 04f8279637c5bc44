// nav_tree(): the bounded section navigation of the default theme, on sites built in process.
// The tree is printed one node a line, indented by level: "title" then "*" for the current
// page, "+" for a section on its path, and "[shown/total]" for a level cut to the cap.
#include "bengal/templates/nav_tree.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"
#include "render_fixture.hpp"

namespace bengal::test {
namespace {

using templates::NavWindow;
using templates::SiteContext;
using templates::Value;
using Strings = std::vector<std::string>;

void print(const Value& node, const std::string& indent, Strings& out) {
  std::string line = indent + node.attr("title").str();
  if (node.attr("current").truthy())
    line += " *";
  else if (node.attr("active").truthy())
    line += " +";
  line += " " + node.attr("url").str();
  Value children = node.attr("children");
  if (node.attr("more").truthy())
    line += fmt::format(" [{}/{}]", children.length(), node.attr("total").as_int());
  out.push_back(line);
  for (const Value& c : children.to_list()) print(c, indent + "  ", out);
}

Strings tree(const site::Site& site, std::string_view path, size_t cap = 50) {
  SiteContext ctx(site, [](PageId) { return std::string(); });
  Value root = templates::nav_tree(ctx, site.xref.by_path(path), cap);
  Strings out;
  if (!root.is_none()) print(root, "", out);
  return out;
}

// A section of 120 pages, weighted in order: "Page 001" to "Page 120".
Files big_section() {
  Files files{{"content/_index.md", "---\ntitle: Home\n---\n"},
              {"content/big/_index.md", "---\ntitle: Big\n---\n"}};
  for (int i = 1; i <= 120; ++i)
    files[fmt::format("content/big/p{:03}.md", i)] =
        fmt::format("---\ntitle: Page {:03}\nweight: {}\n---\n", i, i);
  return files;
}

// The tree of page `current` of the big section: the root, then the pages [first, last].
Strings big_tree(int current, int first, int last) {
  Strings out{"Big + /big/ [50/120]"};
  for (int i = first; i <= last; ++i)
    out.push_back(fmt::format("  Page {:03}{} /big/p{:03}/", i, i == current ? " *" : "", i));
  return out;
}

TEST(NavWindow, HoldsThePageNearTheMiddleWithinTheEnds) {
  auto w = [](size_t total, size_t at, size_t cap) {
    NavWindow r = templates::nav_window(total, at, cap);
    return std::pair{r.first, r.count};
  };
  EXPECT_EQ(w(10, 3, 50), (std::pair<size_t, size_t>{0, 10}));            // fits: everything
  EXPECT_EQ(w(120, 0, 50), (std::pair<size_t, size_t>{0, 50}));           // at the start
  EXPECT_EQ(w(120, 59, 50), (std::pair<size_t, size_t>{34, 50}));         // 25 before it
  EXPECT_EQ(w(120, 119, 50), (std::pair<size_t, size_t>{70, 50}));        // at the end
  EXPECT_EQ(w(120, size_t(-1), 50), (std::pair<size_t, size_t>{0, 50}));  // none: the start
  EXPECT_EQ(w(5, 4, 0), (std::pair<size_t, size_t>{4, 1}));               // a cap of 0 counts as 1
  EXPECT_EQ(w(0, 0, 50), (std::pair<size_t, size_t>{0, 0}));
}

TEST(NavTree, WindowOfTheCapAroundThePageInALongSection) {
  TestSite s(big_section());
  const site::Site& site = s.load();
  EXPECT_EQ(tree(site, "big/p001.md"), big_tree(1, 1, 50));
  EXPECT_EQ(tree(site, "big/p060.md"), big_tree(60, 35, 84));
  EXPECT_EQ(tree(site, "big/p120.md"), big_tree(120, 71, 120));
  // The section's own page: its first entries.
  Strings own = big_tree(0, 1, 50);
  own[0] = "Big * /big/ [50/120]";
  EXPECT_EQ(tree(site, "big/_index.md"), own);
  // A cap the level fits in lists it whole, without "more".
  EXPECT_EQ(tree(site, "big/p060.md", 120).size(), 121u);
  EXPECT_EQ(tree(site, "big/p060.md", 120)[0], "Big + /big/");
}

TEST(NavTree, NestedSectionsOpenOnlyOnThePath) {
  TestSite s({{"content/_index.md", "---\ntitle: Home\n---\n"},
              {"content/about.md", "---\ntitle: About\n---\n"},
              {"content/docs/_index.md", "---\ntitle: Docs\n---\n"},
              {"content/docs/a.md", "---\ntitle: A\n---\n"},
              {"content/docs/guide/_index.md", "---\ntitle: Guide\nnav_title: The guide\n---\n"},
              {"content/docs/guide/b.md", "---\ntitle: B\n---\n"},
              {"content/docs/guide/deep/_index.md", "---\ntitle: Deep\n---\n"},
              {"content/docs/guide/deep/c.md", "---\ntitle: C\n---\n"},
              {"content/docs/other/_index.md", "---\ntitle: Other\nweight: 1\n---\n"},
              {"content/docs/other/d.md", "---\ntitle: D\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(tree(site, "docs/guide/deep/c.md"),
            (Strings{"Docs + /docs/", "  Other /docs/other/", "  The guide + /docs/guide/",
                     "    Deep + /docs/guide/deep/", "      C * /docs/guide/deep/c/",
                     "    B /docs/guide/b/", "  A /docs/a/"}));
  // A section's page lists its own entries; its subsections stay closed.
  EXPECT_EQ(tree(site, "docs/guide/_index.md"),
            (Strings{"Docs + /docs/", "  Other /docs/other/", "  The guide * /docs/guide/",
                     "    Deep /docs/guide/deep/", "    B /docs/guide/b/", "  A /docs/a/"}));
  EXPECT_EQ(tree(site, "docs/a.md"), (Strings{"Docs + /docs/", "  Other /docs/other/",
                                              "  The guide /docs/guide/", "  A * /docs/a/"}));
  // The cap applies at every level; the path is kept in each window.
  EXPECT_EQ(tree(site, "docs/guide/deep/c.md", 1),
            (Strings{"Docs + /docs/ [1/3]", "  The guide + /docs/guide/ [1/2]",
                     "    Deep + /docs/guide/deep/", "      C * /docs/guide/deep/c/"}));
}

TEST(NavTree, NoTreeOutsideASection) {
  TestSite s({{"content/_index.md", "---\ntitle: Home\n---\n"},
              {"content/about.md", "---\ntitle: About\n---\n"},
              {"content/docs/_index.md", "---\ntitle: Docs\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(tree(site, "_index.md"), Strings{});
  EXPECT_EQ(tree(site, "about.md"), Strings{});
  SiteContext ctx(site, [](PageId) { return std::string(); });
  EXPECT_TRUE(templates::nav_tree(ctx, kNoPage, 50).is_none());
  EXPECT_TRUE(templates::nav_tree(ctx, 1000, 50).is_none());
}

TEST(NavTree, DeepPathsShowTheLowestLevels) {
  Files files{{"content/_index.md", "---\ntitle: Home\n---\n"}};
  std::string dir = "content";
  for (int i = 1; i <= 20; ++i) {
    dir += fmt::format("/s{}", i);
    files[dir + "/_index.md"] = fmt::format("---\ntitle: S{}\n---\n", i);
  }
  files[dir + "/leaf.md"] = "---\ntitle: Leaf\n---\n";
  TestSite s(files);
  const site::Site& site = s.load();
  Strings t = tree(site, dir.substr(8) + "/leaf.md");
  ASSERT_EQ(t.size(), templates::kNavMaxDepth + 1);
  EXPECT_TRUE(t.front().starts_with("S5 + /s1/s2/s3/s4/s5/")) << t.front();
  EXPECT_TRUE(t.back().starts_with(std::string(2 * templates::kNavMaxDepth, ' ') + "Leaf *"));
}

// Through the template function: the config's cap by default, a cap argument, and errors.
TEST(NavTree, TemplateFunctionReadsTheConfigCap) {
  Files files = big_section();
  files["bengal.toml"] = std::string(kTestConfig) + "[theme]\nnav_cap = 3\n";
  TestSite s(files);
  const site::Site& site = s.load();
  SiteContext ctx(site, [](PageId) { return std::string(); });
  templates::test::Fixture f;
  for (auto& [name, fn] : ctx.functions()) f.env.set_global(name, fn);
  f.loader->add("t.txt",
                "{% set t = nav_tree(page) %}{{ t.total }} {{ t.children|map(attribute='title')"
                "|join(',') }}|{{ nav_tree(page, cap=1).children|length }}|{{ nav_tree(x) }}");
  templates::Vars vars{{"page", ctx.page(site.xref.by_path("big/p060.md"))}};
  EXPECT_EQ(f.render("t.txt", vars), "120 Page 059,Page 060,Page 061|1|None");
  f.loader->add("bad.txt", "{{ nav_tree(page, cap=0) }}");
  EXPECT_EQ(f.render("bad.txt", vars),
            "ERROR: bad.txt:1:12: error: nav_tree(): cap must be a number of entries, 1 or more\n"
            "    {{ nav_tree(page, cap=0) }}\n"
            "               ^");
}

TEST(NavTree, ConfigCapMustBeAPositiveInteger) {
  TestSite s({{"bengal.toml", std::string(kTestConfig) + "[theme]\nnav_cap = 0\n"}});
  auto r = config::load_config(s.dir());
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].format(),
            "bengal.toml:5:11: error: [theme] nav_cap must be an integer, 1 or more, such as "
            "30; not 0");
}

}  // namespace
}  // namespace bengal::test
