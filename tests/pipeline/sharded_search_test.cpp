// search/, the sharded search index, through in-process builds: what a page's words weigh,
// the manifest, shards and fragments written, hostile titles kept as JSON text, the config
// keys, and the excerpt cut.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../support/site_fixture.hpp"
#include "bengal/pipeline/sharded_search.hpp"

namespace bengal::test {
namespace {

using Json = nlohmann::json;
using Strings = std::vector<std::string>;

TEST(ShardedSearch, TitleAndHeadingWordsWeighMoreThanBodyWords) {
  pipeline::PageTerms terms =
      pipeline::page_terms("Install Guide", "Linux\nInstall on Mac\n", "install linux linux the");
  EXPECT_EQ(terms, (pipeline::PageTerms{
                       {"guide", 24}, {"install", 24 + 6 + 1}, {"linux", 6 + 2}, {"mac", 6}}));
}

TEST(ShardedSearch, BodyUsesCountUpToEight) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += "kitten ";
  EXPECT_EQ(pipeline::page_terms("", "", body), (pipeline::PageTerms{{"kitten", 8}}));
}

TEST(ShardedSearch, ExcerptCutsAtACharacterAndPrefersAWordEnd) {
  EXPECT_EQ(pipeline::excerpt("short", 10), "short");
  EXPECT_EQ(pipeline::excerpt("aaaa bbbbbbb", 8), "aaaa bbb…");  // no space in the last quarter
  EXPECT_EQ(pipeline::excerpt("aaaaaaaa bbbbbbb", 10), "aaaaaaaa…");
  EXPECT_EQ(pipeline::excerpt("ééééé", 3), "é…");  // never half of a two-byte character
}

TEST(ShardedSearch, BuildWritesManifestShardsAndFragments) {
  TestSite s({{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/docs/\"\n"},
              {"content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"},
              {"content/guide/_index.md", "---\ntitle: Guide\n---\n"},
              {"content/guide/zebra.md",
               "---\ntitle: Zebra \"</script><b>\"\ndescription: Stripes & <more>\n---\n"
               "## Habitat\n\nZebras graze. The zebra runs.\n"}});
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
  Json manifest = Json::parse(s.output("search/manifest.json"));
  EXPECT_EQ(manifest["version"], 1);
  EXPECT_EQ(manifest["pages"], 3);  // home, guide, zebra
  EXPECT_EQ(manifest["fragment_pages"], 16);
  Strings shards = manifest["shards"];
  EXPECT_TRUE(std::is_sorted(shards.begin(), shards.end()));
  ASSERT_NE(std::find(shards.begin(), shards.end(), "7a65"), shards.end());  // "ze"
  // Page numbers follow site.rendered(): home 0, guide 1, zebra 2.
  Json ze = Json::parse(s.output("search/t/7a65.json"));
  EXPECT_EQ(ze, Json::parse(R"({"zebra":[2,25],"zebras":[2,1]})"));
  Json ha = Json::parse(s.output("search/t/6861.json"));
  // A heading is also body text: 6 + 1.
  EXPECT_EQ(ha["habitat"], Json::parse("[2,7]"));
  std::string raw = s.output("search/p/0.json");
  EXPECT_EQ(raw.find("</script>"), std::string::npos) << raw;  // escaped, safe anywhere
  Json fragment = Json::parse(raw);
  ASSERT_EQ(fragment.size(), 3u);
  EXPECT_EQ(fragment[2], Json::parse(R"(["/docs/guide/zebra/","Zebra \"</script><b>\"","Guide",
                                        "Stripes & <more>"])"));
  EXPECT_EQ(fragment[0][0], "/docs/");
  // The stop words and one-letter words are not indexed.
  EXPECT_FALSE(std::filesystem::exists(s.out() / "search/t/7468.json"));  // "th"
  // The term spill was unlinked as soon as it was made: nothing of it is left.
  for (const auto& entry : std::filesystem::directory_iterator(s.out()))
    EXPECT_FALSE(entry.path().filename().string().starts_with(".bengal-search")) << entry.path();
}

TEST(ShardedSearch, MaxPostingsCapsEveryTerm) {
  Files files = {{"bengal.toml",
                  "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"
                  "[search]\nmax_postings = 2\n"}};
  for (int i = 0; i < 5; ++i) {
    std::string body = "word";
    for (int k = 0; k < i; ++k) body += " word";
    files["content/p" + std::to_string(i) + ".md"] =
        "---\ntitle: P" + std::to_string(i) + "\n---\n" + body + "\n";
  }
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), Strings{});
  // Home is page 0, p0..p4 pages 1..5; p3 and p4 use the word most.
  Json wo = Json::parse(s.output("search/t/776f.json"));
  EXPECT_EQ(wo["word"], Json::parse("[4,4,1,5]"));
}

TEST(ShardedSearch, ShardedOffWritesNoSearchFolderAndBadCapIsAnError) {
  TestSite off({{"bengal.toml",
                 "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"
                 "[search]\nsharded = false\n"},
                {"content/a.md", "---\ntitle: A\n---\n"}});
  off.build();
  EXPECT_EQ(off.messages(), Strings{});
  EXPECT_FALSE(std::filesystem::exists(off.out() / "search"));
  EXPECT_TRUE(std::filesystem::exists(off.out() / "index.json"));

  TestSite bad({{"bengal.toml",
                 "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"
                 "[search]\nmax_postings = 0\n"}});
  bad.load();
  EXPECT_EQ(bad.messages(),
            Strings{"bengal.toml:5:1: error: [search] max_postings must be a whole number from "
                    "1 to 100000 (the pages kept per word in search/)"});
}

}  // namespace
}  // namespace bengal::test
