#include "bengal/pipeline/content_store.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "../support/run.hpp"
#include "bengal/content/discover.hpp"

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
