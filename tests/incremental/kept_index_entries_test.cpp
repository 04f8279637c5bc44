// index.json in a warm build: the entries of pages that did not change are copied from the last
// build's index.json, so the cache holds no copy of the pages' text; an entry whose page (or its
// section's title) changed is made again, and an index.json changed by hand is never copied from.
#include <gtest/gtest.h>

#include "../support/build_into.hpp"
#include "../support/run.hpp"
#include "../support/site_fixture.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// The end of a's body: past its summary, so only the page's text has it (its words alone are
// also the search shards' terms, which the cache keeps).
constexpr std::string_view kLastWords = "filler filler quetzalcoatlus";

Files full_text_site(bool full_text) {
  std::string long_body;
  for (int i = 0; i < 300; ++i) long_body += "filler ";
  long_body += "quetzalcoatlus.\n";
  Files files = {
      {"content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"},
      {"content/blog/_index.md", "---\ntitle: Blog\n---\nPosts.\n"},
      {"content/blog/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n" + long_body},
      {"content/blog/b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBeta \"quoted\".\n"},
      {"content/docs/d.md", "---\ntitle: D\n---\nDelta.\n"},
  };
  files["bengal.toml"] = std::string(kTestConfig) + (full_text ? "[search]\nfull_text = true\n"
                                                               : "[search]\nfull_text = false\n");
  return files;
}

pipeline::BuildOptions cached() {
  pipeline::BuildOptions o;
  o.cache = pipeline::CacheMode::kUse;
  o.threads = 2;
  return o;
}

// Every byte the cache folder holds, its database's log included.
std::string cache_bytes(const TestSite& site) {
  std::string all;
  for (const auto& rel : list_tree(site.dir() / ".bengal"))
    all += read_file(site.dir() / ".bengal" / rel);
  return all;
}

TEST(KeptIndexEntries, AWarmBuildCopiesUnchangedEntriesAndTheCacheKeepsNoText) {
  TestSite site(full_text_site(true));
  auto first = site.build(cached());
  ASSERT_NE(site.output("index.json").find(kLastWords), std::string::npos);
  EXPECT_EQ(cache_bytes(site).find(kLastWords), std::string::npos);

  write_file(site.dir() / "content/blog/b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBeta two.\n");
  auto warm = site.build(cached());
  EXPECT_LT(warm.renders, first.renders);
  EXPECT_GT(warm.renders_reused, 0u);
  std::string index = site.output("index.json");
  EXPECT_NE(index.find(kLastWords), std::string::npos);
  EXPECT_NE(index.find("\"text\":\"Beta two.\""), std::string::npos);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(KeptIndexEntries, AnIndexChangedByHandIsNotCopiedFrom) {
  TestSite site(full_text_site(true));
  auto first = site.build(cached());
  write_file(site.out() / "index.json", "[]\n");
  // Without the last entries, every page renders again for its text; the lists are kept.
  auto warm = site.build(cached());
  EXPECT_EQ(warm.renders, 6u);  // the 6 pages of site.rendered(), docs/ included
  EXPECT_EQ(warm.renders + warm.renders_reused, first.renders);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});

  fs::remove(site.out() / "index.json");
  site.build(cached());
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(KeptIndexEntries, AnEntryIsMadeAgainWhenItsPageChanged) {
  for (bool full_text : {false, true}) {
    SCOPED_TRACE(full_text ? "full text" : "no text");
    TestSite site(full_text_site(full_text));
    site.build(cached());
    write_file(site.dir() / "content/docs/d.md",
               "---\ntitle: D\ndescription: Now described\n---\nDelta.\n");
    auto warm = site.build(cached());
    EXPECT_GT(warm.renders_reused, 0u);
    EXPECT_NE(site.output("index.json").find("\"description\":\"Now described\""),
              std::string::npos);
    EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  }
}

}  // namespace
}  // namespace bengal::test
