// Menus through an in-process site: entries from [[menu.<name>]] and front matter, ordered
// by weight (0 last) then name, nested through parent; bad entries are warnings.
#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"

namespace bengal::test {
namespace {

using Strings = std::vector<std::string>;

// "name url" per entry in display order, children indented under their parent.
void entries(const site::Menu& menu, const std::vector<size_t>& list, const std::string& indent,
             Strings& out) {
  for (size_t i : list) {
    const site::MenuEntry& e = menu.entries[i];
    out.push_back(indent + e.name + " " + e.url);
    entries(menu, e.children, indent + "  ", out);
  }
}

Strings shown(const site::Site& site, const std::string& name) {
  Strings out;
  auto it = site.menus.find(name);
  if (it != site.menus.end()) entries(it->second, it->second.roots, "", out);
  return out;
}

TEST(Menus, ConfigAndFrontMatterEntriesNestByParent) {
  TestSite s({{"bengal.toml",
               "[site]\nbaseurl = \"https://example.org/\"\n\n"
               "[[menu.main]]\nname = \"Docs\"\nurl = \"/docs/\"\nweight = 2\n\n"
               "[[menu.main]]\nname = \"Home\"\nurl = \"/\"\nweight = 1\n\n"
               "[[menu.main]]\nname = \"GitHub\"\nurl = \"https://github.com/x\"\n"
               "parent = \"Docs\"\n\n"
               "[[menu.main]]\npage = \"missing.md\"\n\n"
               "[[menu.main]]\nname = \"No url\"\n\n"
               "[[menu.footer]]\npage = \"/guide.md\"\n"},
              {"content/faq.md",
               "---\ntitle: Questions\nmenu:\n  main:\n    name: FAQ\n    parent: Docs\n"
               "    weight: 1\n  footer:\n    weight: 5\n---\n"},
              {"content/guide.md", "---\ntitle: Guide\nweight: 3\nmenu: main\n---\n"},
              {"content/loop.md", "---\ntitle: Loop\nmenu:\n  main:\n    parent: Loop\n---\n"},
              {"content/orphan.md", "---\ntitle: Orphan\nmenu: [main]\n---\n"},
              {"content/lost.md", "---\ntitle: Lost\nmenu:\n  main:\n    parent: Nowhere\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(shown(site, "main"),
            (Strings{"Home /", "Docs /docs/", "  FAQ /faq/", "  GitHub https://github.com/x",
                     "Guide /guide/", "Loop /loop/", "Lost /lost/", "Orphan /orphan/"}));
  EXPECT_EQ(shown(site, "footer"), (Strings{"Questions /faq/", "Guide /guide/"}));
  // Config entries are placed at their [[menu.<name>]] key; parent problems name the config.
  EXPECT_EQ(s.messages(),
            (Strings{"bengal.toml: warning: menu.main entry 'Loop' has parent 'Loop', which is "
                     "below it; it is shown at the top level",
                     "bengal.toml: warning: menu.main entry 'Lost' has parent 'Nowhere', which is "
                     "no entry's identifier; it is shown at the top level",
                     "bengal.toml:4:8: warning: menu.main entry 4: no page 'missing.md'; use a "
                     "content path such as docs/intro.md",
                     "bengal.toml:4:8: warning: menu.main entry 5 needs a name and a url (or "
                     "page); it was left out"}));
}

TEST(Menus, WithoutMainEntriesTheMainMenuIsTheTopLevelSections) {
  TestSite s({{"content/blog/_index.md", "---\ntitle: Blog\nweight: 2\n---\n"},
              {"content/blog/a.md", "---\ntitle: A\n---\n"},
              {"content/docs/_index.md", "---\ntitle: Docs\nweight: 1\n---\n"},
              {"content/docs/deep/b.md", "---\ntitle: B\n---\n"},
              {"content/notes/c.md", "---\ntitle: C\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(shown(site, "main"), (Strings{"Docs /docs/", "Blog /blog/", "Notes /notes/"}));
  EXPECT_EQ(site.menus.size(), 1u);
  EXPECT_EQ(s.messages(), Strings{});
}

// Menus label pages as sidebars and breadcrumbs do: nav_title (Bengal), else linkTitle (Hugo),
// else the title; an entry's own name still wins.
TEST(Menus, PagesAreLabelledByNavTitle) {
  TestSite s({{"bengal.toml",
               "[[menu.main]]\npage = \"blog/a.md\"\n[[menu.main]]\n"
               "page = \"blog/a.md\"\nname = \"Own name\"\n"},
              {"content/blog/_index.md", "---\ntitle: Blog\n---\n"},
              {"content/blog/a.md", "---\ntitle: A long title\nnav_title: A\n---\n"},
              {"content/docs/_index.md", "---\ntitle: Documentation\nlinkTitle: Docs\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(shown(site, "main"), (Strings{"A /blog/a/", "Own name /blog/a/"}));
  EXPECT_EQ(site.table.nav_title(site.page(site.xref.by_path("docs/_index.md"))), "Docs");
  EXPECT_EQ(site.table.nav_title(site.page(site.xref.by_path("blog/_index.md"))), "Blog");
  TestSite sections(
      {{"content/docs/_index.md", "---\ntitle: Documentation\nnav_title: Docs\n---\n"}});
  EXPECT_EQ(shown(sections.load(), "main"), (Strings{"Docs /docs/"}));
}

TEST(Menus, ExtraEntriesFollowTheTopLevelSections) {
  // Bengal's menu.extra, from a config directory (no environment file: any environment).
  TestSite s({{"config/_default/site.yaml", "site:\n  baseurl: https://example.org/\n"},
              {"config/_default/menu.yaml",
               "menu:\n  extra:\n    - name: Source\n      url: https://example.org/src\n"
               "    - name: Changelog\n      url: /changelog/\n      weight: 1\n"
               "    - name: Docs again\n      url: /docs/\n    - name: No url\n"},
              {"content/blog/_index.md", "---\ntitle: Blog\nweight: 2\n---\n"},
              {"content/docs/_index.md", "---\ntitle: Docs\nweight: 1\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(shown(site, "main"), (Strings{"Docs /docs/", "Blog /blog/", "Changelog /changelog/",
                                          "Source https://example.org/src"}));
  EXPECT_EQ(site.menus.count("extra"), 0u);
  EXPECT_EQ(s.messages(),
            (Strings{"config/_default/menu.yaml:2:3: warning: menu.extra entry 3 links to "
                     "/docs/, which the main menu already holds; it was left out",
                     "config/_default/menu.yaml:2:3: warning: menu.extra entry 4 needs a name "
                     "and a url (or page); it was left out"}));
}

}  // namespace
}  // namespace bengal::test
