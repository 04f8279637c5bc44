#include "bengal/pipeline/memory_plan.hpp"

#include <gtest/gtest.h>

namespace bengal::pipeline {
namespace {

using config::MemoryPolicy;
constexpr size_t kMB = 1 << 20;

TEST(MemoryPlan, AutoStreamsFromTheThreshold) {
  MemoryRequest req;
  SiteSize size;
  std::string error;
  size.pages = 4999;
  EXPECT_FALSE(plan_memory(req, size, error)->streaming);
  size.pages = 5000;
  EXPECT_TRUE(plan_memory(req, size, error)->streaming);
  req.policy = MemoryPolicy::kFull;
  EXPECT_FALSE(plan_memory(req, size, error)->streaming);
  req.policy = MemoryPolicy::kStreaming;
  size.pages = 1;
  auto plan = plan_memory(req, size, error);
  EXPECT_TRUE(plan->streaming);
  EXPECT_EQ(plan->batch_size, 1000u);
  EXPECT_EQ(plan->cache_bytes, 64 * kMB);
}

// A site whose bookkeeping is easy to follow: 1,000 output files of 30-byte URLs, an index of
// 60 MB, bodies of 8 KB (128 KB a page in flight), 2 threads.
SiteSize sixty_mb_site() {
  SiteSize size;
  size.pages = 900;
  size.output_files = 1000;
  size.output_url_bytes = 30000;
  size.resident_bytes = 60 * kMB;
  size.average_body_bytes = 8192;
  size.threads = 2;
  return size;
}

TEST(MemoryPlan, BookkeepingGrowsWithTheFilesAndTheIndex) {
  SiteSize size = sixty_mb_site();
  // 1,000 x 16 + 1,000 x 24 + 8 MB finalize + 12 MB machinery + 60 MB / 16.
  EXPECT_EQ(bookkeeping_bytes(size), 16000u + 24000u + 20 * kMB + 60 * kMB / 16);
  SiteSize more = size;
  more.output_files *= 2;
  more.output_url_bytes *= 2;
  EXPECT_EQ(bookkeeping_bytes(more) - bookkeeping_bytes(size), 16000u + 24000u);
  // The index, the bookkeeping and 64 pages in flight (more than the threads).
  EXPECT_EQ(minimum_limit_bytes(size), 60 * kMB + bookkeeping_bytes(size) + 64 * 128 * 1024);
}

TEST(MemoryPlan, TheManifestAndTheCacheAreCountedOnlyWhenKept) {
  SiteSize size = sixty_mb_site();
  SiteSize listed = size;
  listed.keeps_manifest = true;
  // Twice the paths with "index.html" and a NUL (30,000 + 1,000 x 12), and a view of each.
  EXPECT_EQ(bookkeeping_bytes(listed) - bookkeeping_bytes(size), 2u * 42000u + 16000u);
  SiteSize cached = listed;
  cached.cache = true;
  EXPECT_EQ(bookkeeping_bytes(cached) - bookkeeping_bytes(listed), 900u * 96u);
}

TEST(MemoryPlan, BudgetSizesTheCacheTheHubsAndTheBatch) {
  MemoryRequest req;
  req.policy = MemoryPolicy::kFull;  // a budget streams anyway
  req.limit_bytes = 200 * kMB;
  SiteSize size = sixty_mb_site();
  size_t spare = 200 * kMB - 60 * kMB - bookkeeping_bytes(size);
  std::string error;
  auto plan = plan_memory(req, size, error);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->streaming);
  EXPECT_EQ(plan->cache_bytes, spare / 4);
  EXPECT_EQ(plan->hot_bytes, spare / 4);
  EXPECT_EQ(plan->batch_size, (spare - 2 * (spare / 4)) / (128 * 1024));
  req.batch_size = 100;  // never above what was asked
  EXPECT_EQ(plan_memory(req, size, error)->batch_size, 100u);
  req.cache_bytes = 1 * kMB;
  EXPECT_EQ(plan_memory(req, size, error)->cache_bytes, 1 * kMB);
  // Without a budget a streaming build keeps the hub pages up to the cache size; keeping
  // every page's HTML, nothing is bounded.
  req.limit_bytes = 0;
  req.policy = MemoryPolicy::kStreaming;
  EXPECT_EQ(plan_memory(req, size, error)->hot_bytes, 1 * kMB);
  req.policy = MemoryPolicy::kFull;
  EXPECT_EQ(plan_memory(req, size, error)->hot_bytes, SIZE_MAX);
}

TEST(MemoryPlan, TheMinimumPlansAndTheNamedLimitLeavesRoomForTheNextRun) {
  MemoryRequest req;
  SiteSize size = sixty_mb_site();
  std::string error;
  req.limit_bytes = minimum_limit_bytes(size);
  auto plan = plan_memory(req, size, error);
  ASSERT_TRUE(plan) << error;
  EXPECT_GE(plan->batch_size, 1u);
  req.limit_bytes = minimum_limit_bytes(size) - 1;
  EXPECT_FALSE(plan_memory(req, size, error));
  // The next run measures its index 2 MB larger: the named limit still holds it.
  size_t named = suggested_limit_mb(size) * kMB;
  size.resident_bytes += 2 * kMB;
  req.limit_bytes = named;
  EXPECT_TRUE(plan_memory(req, size, error)) << error;
}

TEST(MemoryPlan, BudgetBelowTheIndexSaysWhatIsNeeded) {
  MemoryRequest req;
  req.limit_bytes = 50 * kMB;
  SiteSize size = sixty_mb_site();
  std::string error;
  EXPECT_FALSE(plan_memory(req, size, error));
  // 60 MB + 3.75 MB fragmentation + 20 MB machinery and finalize + 0.04 MB of files + 8 MB
  // in flight = 91.8 MB; named with 1/32 and 1 MB more, in whole MB.
  EXPECT_EQ(error,
            "memory limit 50.0 MB cannot hold this site: the index alone takes 60.0 MB and the "
            "build needs at least 91.8 MB; raise --memory-limit (or [build] memory_limit) to "
            "96MB or more");
}

}  // namespace
}  // namespace bengal::pipeline
