#include "bengal/pipeline/content_store.hpp"

#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "../support/run.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/core/compressed_text.hpp"

namespace bengal::pipeline {
namespace {

struct Counted {
  std::string html;
  int calls = 0;
  std::function<std::string()> fn() {
    return [this] {
      ++calls;
      return html;
    };
  }
};

StoreOptions tiered(size_t warm_bytes) {
  StoreOptions o;
  o.warm_bytes = warm_bytes;
  o.tiers = {Tier::kHot, Tier::kWarm, Tier::kWarm, Tier::kCold};
  return o;
}

TEST(ContentStore, HotPagesAreKeptOnceRendered) {
  site::Site site;
  ContentStore store(site, ".", tiered(10));
  Counted a{"<p>a</p>"};
  EXPECT_EQ(store.content_html(0, a.fn()), "<p>a</p>");
  EXPECT_EQ(store.content_html(0, a.fn()), "<p>a</p>");
  EXPECT_EQ(a.calls, 1);
  StoreStats s = store.stats();
  EXPECT_EQ(s.tiers[0].hits, 1u);
  EXPECT_EQ(s.tiers[0].misses, 1u);
  EXPECT_EQ(s.tiers[0].resident_pages, 1u);
  EXPECT_EQ(s.tiers[0].resident_bytes, 8u);
}

TEST(ContentStore, HotPagesPastTheirByteBoundRenderAgain) {
  site::Site site;
  StoreOptions o;
  o.hot_bytes = 12;  // room for one 8-byte page, not two
  o.tiers = {Tier::kHot, Tier::kHot};
  ContentStore store(site, ".", o);
  store.offer(0, "<p>a</p>");
  store.offer(1, "<p>b</p>");
  Counted a{"<p>a</p>"}, b{"<p>b</p>"};
  EXPECT_EQ(store.content_html(0, a.fn()), "<p>a</p>");
  EXPECT_EQ(store.content_html(1, b.fn()), "<p>b</p>");
  EXPECT_EQ(a.calls, 0);  // kept
  EXPECT_EQ(b.calls, 1);  // over the bound: rendered again, and still not kept
  EXPECT_EQ(store.content_html(1, b.fn()), "<p>b</p>");
  EXPECT_EQ(b.calls, 2);
  StoreStats s = store.stats();
  EXPECT_EQ(s.tiers[0].resident_pages, 1u);
  EXPECT_EQ(s.tiers[0].resident_bytes, 8u);
}

TEST(ContentStore, HotPagesAreNotKeptAsTheyRenderWhenNoPageReadsAnother) {
  site::Site site;
  StoreOptions o = tiered(10);
  o.read_by_others = false;
  ContentStore store(site, ".", o);
  store.offer(0, "<p>a</p>");
  EXPECT_EQ(store.resident_pages(), 0u);
  // Asked for all the same (a key no template scan can see), it renders and is kept then.
  Counted a{"<p>a</p>"};
  EXPECT_EQ(store.content_html(0, a.fn()), "<p>a</p>");
  EXPECT_EQ(store.content_html(0, a.fn()), "<p>a</p>");
  EXPECT_EQ(a.calls, 1);
  EXPECT_EQ(store.resident_pages(), 1u);
}

TEST(ContentStore, WarmPagesAreEvictedLeastRecentlyUsedFirstByBytes) {
  site::Site site;
  ContentStore store(site, ".", tiered(10));
  Counted one{"12345678"}, two{"xyz"};
  store.content_html(1, one.fn());
  store.content_html(1, one.fn());  // a hit
  EXPECT_EQ(one.calls, 1);
  store.content_html(2, two.fn());  // 8 + 3 bytes > 10: page 1 goes
  store.content_html(2, two.fn());
  EXPECT_EQ(two.calls, 1);
  store.content_html(1, one.fn());  // rendered again (and now page 2 goes)
  EXPECT_EQ(one.calls, 2);
  StoreStats s = store.stats();
  EXPECT_EQ(s.tiers[1].hits, 2u);
  EXPECT_EQ(s.tiers[1].misses, 3u);
  EXPECT_EQ(s.evictions, 2u);
  EXPECT_EQ(s.tiers[1].resident_pages, 1u);
  EXPECT_EQ(s.tiers[1].resident_bytes, 8u);
  // Larger than the whole bound: never cached.
  Counted big{"this is far too long"};
  store.content_html(2, big.fn());
  EXPECT_EQ(store.stats().tiers[1].resident_pages, 1u);
  // A warm page that rendered is not cached until someone asks for it.
  store.offer(2, "xyz");
  EXPECT_EQ(store.stats().tiers[1].resident_pages, 1u);
}

// Rendered HTML, repetitive as real pages are: `n` paragraphs.
std::string page_html(int n, const std::string& word) {
  std::string html;
  for (int i = 0; i < n; ++i) html += "<p class=\"x\">" + word + " " + std::to_string(i) + "</p>\n";
  return html;
}

// The warm tier holds pages zstd-compressed: every page comes back byte for byte, and its
// bound counts the compressed bytes, so it holds several times more pages than raw HTML would.
TEST(ContentStore, WarmTierRoundTripsCompressedPagesAndCountsCompressedBytes) {
  site::Site site;
  StoreOptions o;
  o.tiers.assign(8, Tier::kWarm);
  Counted pages[8];
  size_t packed_bytes = 0;
  for (int i = 0; i < 8; ++i) {
    pages[i].html = page_html(200 + i, "page " + std::to_string(i));
    packed_bytes += compress_text(pages[i].html).size();
  }
  ASSERT_GT(pages[0].html.size(), 4000u);
  o.warm_bytes = packed_bytes;  // all eight compressed; not two of them raw
  ContentStore store(site, ".", o);
  for (int round = 0; round < 3; ++round)
    for (PageId id = 0; id < 8; ++id)
      EXPECT_EQ(store.content_html(id, pages[id].fn()), pages[id].html);
  for (const Counted& p : pages) EXPECT_EQ(p.calls, 1);
  StoreStats s = store.stats();
  EXPECT_EQ(s.tiers[1].hits, 16u);
  EXPECT_EQ(s.tiers[1].misses, 8u);
  EXPECT_EQ(s.evictions, 0u);
  EXPECT_EQ(s.tiers[1].resident_pages, 8u);
  EXPECT_EQ(s.tiers[1].resident_bytes, packed_bytes);
  EXPECT_EQ(store.resident_bytes(), packed_bytes);
  EXPECT_LT(packed_bytes, pages[0].html.size() + pages[1].html.size());
}

// Bytes that do not shrink (tiny or random pages) are held as they are, and still round-trip.
TEST(ContentStore, WarmTierHoldsIncompressiblePagesRaw) {
  site::Site site;
  StoreOptions o = tiered(1 << 20);
  ContentStore store(site, ".", o);
  std::mt19937 random_bytes(18);
  std::string noise;
  for (int i = 0; i < 3000; ++i) noise.push_back(static_cast<char>(random_bytes() & 0xff));
  Counted random{noise}, empty{""};
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(store.content_html(1, random.fn()), noise);
    EXPECT_EQ(store.content_html(2, empty.fn()), "");
  }
  EXPECT_EQ(random.calls, 1);
  EXPECT_EQ(empty.calls, 1);
  EXPECT_EQ(store.stats().tiers[1].resident_bytes, noise.size());
}

TEST(ContentStore, ColdPagesAreNeverCached) {
  site::Site site;
  ContentStore store(site, ".", tiered(1 << 20));
  Counted c{"<p>c</p>"};
  store.offer(3, c.html);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(store.content_html(3, c.fn()), "<p>c</p>");
  EXPECT_EQ(c.calls, 3);
  StoreStats s = store.stats();
  EXPECT_EQ(s.tiers[2].misses, 3u);
  EXPECT_EQ(s.tiers[2].hits, 0u);
  EXPECT_EQ(s.tiers[2].resident_pages, 0u);
}

TEST(ContentStore, FullPolicyKeepsEverything) {
  site::Site site;
  site.table.pages.resize(4);
  StoreOptions o = tiered(0);
  o.keep_all = true;
  ContentStore store(site, ".", o);
  Counted c{"<p>c</p>"};
  store.offer(3, c.html);
  EXPECT_EQ(store.content_html(3, c.fn()), "<p>c</p>");
  EXPECT_EQ(c.calls, 0);
  store.retain(3, "body", "<html>page</html>");
  EXPECT_EQ(store.stats().retained_bytes, 21u);
  EXPECT_EQ(store.resident_bytes(), 29u);
}

// A file saved between discovery and rendering (an editor, a git pull): its body is read
// from the new bytes, split again, never from the old offset.
TEST(ContentStore, AFileChangedAfterDiscoveryIsSplitAgain) {
  std::filesystem::path dir = test::fresh_temp_dir();
  test::write_file(dir / "p.md", "---\ntitle: P\n---\nbody one\n");
  Diagnostics diagnostics;
  content::DiscoverOptions o;
  o.content_dir = dir;
  site::Site site;
  site.table = content::discover_pages(o, diagnostics).table;
  PageId id = 1;  // 0 is the generated home page
  ASSERT_EQ(site.source_path(id), "p.md");
  ContentStore store(site, dir, StoreOptions{});
  std::string body, error;
  ASSERT_TRUE(store.load_body(id, body, error));
  EXPECT_EQ(body, "body one\n");
  EXPECT_EQ(store.changed_pages(), std::vector<PageId>{});

  // Same size, other bytes; then a longer front matter: the old offset would cut into it.
  test::write_file(dir / "p.md", "---\ntitle: Q\n---\nbody two\n");
  ASSERT_TRUE(store.load_body(id, body, error));
  EXPECT_EQ(body, "body two\n");
  test::write_file(dir / "p.md", "---\ntitle: P\ntags: [a, b]\n---\nbody three\n");
  ASSERT_TRUE(store.load_body(id, body, error));
  EXPECT_EQ(body, "body three\n");
  EXPECT_EQ(store.changed_pages(), std::vector<PageId>{id});

  test::write_file(dir / "p.md", "---\ntitle: [unclosed\n---\nbody\n");
  EXPECT_FALSE(store.load_body(id, body, error));
  EXPECT_EQ(error,
            "its front matter became invalid while the site was built; fix it and build again");
  EXPECT_EQ(body, "");
}

}  // namespace
}  // namespace bengal::pipeline
