// Taxonomies through an in-process site: terms merged across spellings, slugs made unique,
// terms ordered by page count and their pages in display order; [taxonomies] replaces the
// defaults.
#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"

namespace bengal::test {
namespace {

using Strings = std::vector<std::string>;

// "name slug: page, page" for each term of a taxonomy, in its order.
Strings terms(const site::Site& site, const site::Taxonomy& taxonomy) {
  Strings out;
  for (const auto& term : taxonomy.terms) {
    std::string line = term.name + " " + term.slug + ":";
    for (const auto& path : source_paths(site, term.pages)) line += " " + path;
    out.push_back(line);
  }
  return out;
}

// A term's page is a folder named by its slug: a slug is cut to 200 bytes (on a character's
// boundary, without a dash at the end), so that with a clash's "-2" it still is a folder name.
TEST(Taxonomy, LongTermsGetSlugsAFolderNameHolds) {
  std::string a(150, 'a'), e;
  for (int i = 0; i < 60; ++i) e += "\xC3\xA9";  // "é", 2 bytes
  TestSite s({{"content/a.md", "---\ntitle: A\ntags: [\"" + a + " " + e + " x\", \"" + a + " " + e +
                                   " y\", \"" + std::string(199, 'b') + " c\"]\n---\n"}});
  const site::Site& site = s.load();
  const auto& terms = site.taxonomies[0].terms;
  ASSERT_EQ(terms.size(), 3u);
  std::vector<std::string> slugs;
  for (const auto& t : terms) slugs.push_back(t.slug);
  std::sort(slugs.begin(), slugs.end());
  std::string cut = a + "-" + e.substr(0, 48);  // 150 + 1 + 48 = 199: "é" fits 24 times
  EXPECT_EQ(slugs, (Strings{cut, cut + "-2", std::string(199, 'b')}));
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
}

TEST(Taxonomy, TermsMergeSpellingsAndSortByPageCount) {
  TestSite s(
      {{"content/a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [Go, Machine  Learning]\n---\n"},
       {"content/b.md", "---\ntitle: B\ndate: 2025-01-01\ntags: [go, C]\n---\n"},
       {"content/c.md", "---\ntitle: C\ntags: [C++, machine learning, C++]\n---\n"},
       {"content/d.md", "---\ntitle: D\ncategories: [Notes]\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), Strings{});
  ASSERT_EQ(site.taxonomies.size(), 2u);
  EXPECT_EQ(site.taxonomies[0].def.plural, "tags");
  // A term keeps the first spelling met in display order (b.md, the newest, spells "go");
  // "C" and "C++" both slug to "c", so the later key gets "c-2".
  EXPECT_EQ(terms(site, site.taxonomies[0]),
            (Strings{"Machine  Learning machine-learning: a.md c.md", "go go: b.md a.md",
                     "C c: b.md", "C++ c-2: c.md"}));
  EXPECT_EQ(terms(site, site.taxonomies[1]), Strings{"Notes notes: d.md"});
  EXPECT_EQ(site.taxonomies[0].find("MACHINE learning "), 0);
  EXPECT_EQ(site.taxonomies[0].find("rust"), -1);
  EXPECT_EQ(site.taxonomy_url(1), "/categories/");
  EXPECT_EQ(site.term_url(0, 3), "/tags/c-2/");
}

TEST(Taxonomy, UnusedTaxonomiesAreDropped) {
  TestSite s({{"content/a.md", "---\ntitle: A\n---\n"}});
  EXPECT_TRUE(s.load().taxonomies.empty());
}

TEST(Taxonomy, ConfiguredTaxonomiesReplaceTheDefaults) {
  TestSite s({{"bengal.toml", "[taxonomies]\nseries = \"series\"\nbad = 3\n"},
              {"content/a.md", "---\ntitle: A\ntags: [x]\nseries: Intro\n---\n"},
              {"content/b.md", "---\ntitle: B\nseries: [Intro, Deep dive]\n---\n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), (Strings{"bengal.toml:3:1: error: [taxonomies] bad must be the plural "
                                   "name as a string, as in tag = \"tags\""}));
  ASSERT_EQ(site.taxonomies.size(), 1u);
  EXPECT_EQ(site.taxonomies[0].def.singular, "series");
  EXPECT_EQ(terms(site, site.taxonomies[0]),
            (Strings{"Intro intro: a.md b.md", "Deep dive deep-dive: b.md"}));
}

}  // namespace
}  // namespace bengal::test
