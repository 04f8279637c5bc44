#include "bengal/build/content_store.hpp"

#include <gtest/gtest.h>

namespace bengal::build {
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

}  // namespace
}  // namespace bengal::build
