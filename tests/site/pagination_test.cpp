#include "bengal/site/pagination.hpp"

#include <gtest/gtest.h>

namespace bengal::site {
namespace {

TEST(Pagination, EmptyListHasOnePage) {
  auto p = paginate(0, 10, "/blog/");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].item_count, 0u);
  EXPECT_EQ(p[0].url, "/blog/");
  EXPECT_FALSE(p[0].has_prev());
  EXPECT_FALSE(p[0].has_next());
  EXPECT_EQ(p[0].last_url, "/blog/");
}

TEST(Pagination, EdgesAroundPerPage) {
  EXPECT_EQ(paginate(1, 10, "/b/").size(), 1u);
  EXPECT_EQ(paginate(10, 10, "/b/").size(), 1u);
  auto p = paginate(11, 10, "/b/");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].item_count, 10u);
  EXPECT_EQ(p[0].next_url, "/b/page/2/");
  EXPECT_EQ(p[1].url, "/b/page/2/");
  EXPECT_EQ(p[1].first_item, 10u);
  EXPECT_EQ(p[1].item_count, 1u);
  EXPECT_EQ(p[1].prev_url, "/b/");
  EXPECT_EQ(p[1].next_url, "");
  EXPECT_EQ(p[1].last_url, "/b/page/2/");
}

TEST(Pagination, ZeroPerPageMeansOnePage) {
  auto p = paginate(25, 0, "/");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].item_count, 25u);
  EXPECT_EQ(pager_url("/", 3), "/page/3/");
}

}  // namespace
}  // namespace bengal::site
