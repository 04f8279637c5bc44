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

TEST(MemoryPlan, BudgetSizesTheCacheAndTheBatch) {
  MemoryRequest req;
  req.policy = MemoryPolicy::kFull;  // a budget streams anyway
  req.limit_bytes = 100 * kMB;
  SiteSize size;
  size.pages = 100;
  size.resident_bytes = 60 * kMB;
  size.average_body_bytes = 8192;  // working set 128 KB a page
  size.threads = 2;
  std::string error;
  auto plan = plan_memory(req, size, error);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->streaming);
  EXPECT_EQ(plan->cache_bytes, 10 * kMB);  // a quarter of the 40 MB left
  EXPECT_EQ(plan->batch_size, 240u);       // 30 MB / 128 KB
  req.batch_size = 100;                    // never above what was asked
  EXPECT_EQ(plan_memory(req, size, error)->batch_size, 100u);
  req.cache_bytes = 1 * kMB;
  EXPECT_EQ(plan_memory(req, size, error)->cache_bytes, 1 * kMB);
}

TEST(MemoryPlan, BudgetBelowTheIndexSaysWhatIsNeeded) {
  MemoryRequest req;
  req.limit_bytes = 50 * kMB;
  SiteSize size;
  size.resident_bytes = 60 * kMB;
  size.average_body_bytes = 1000;  // the 64 KB floor applies
  size.threads = 2;
  std::string error;
  EXPECT_FALSE(plan_memory(req, size, error));
  EXPECT_EQ(error,
            "memory limit 50.0 MB cannot hold this site: the index alone takes 60.0 MB and "
            "rendering needs at least 60.1 MB; raise --memory-limit (or [build] memory_limit) "
            "to 75.2 MB or more");
}

}  // namespace
}  // namespace bengal::pipeline
