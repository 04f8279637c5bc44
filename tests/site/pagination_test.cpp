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

using Window = std::vector<size_t>;  // 0 is an ellipsis

TEST(PagerWindow, FewPagesShowsEveryNumber) {
  EXPECT_EQ(pager_window(1, 1), (Window{1}));
  EXPECT_EQ(pager_window(1, 2), (Window{1, 2}));
  EXPECT_EQ(pager_window(4, 7), (Window{1, 2, 3, 4, 5, 6, 7}));
}

TEST(PagerWindow, GapsAroundTheCurrentPage) {
  EXPECT_EQ(pager_window(1, 100), (Window{1, 2, 3, 0, 100}));
  EXPECT_EQ(pager_window(50, 100), (Window{1, 0, 48, 49, 50, 51, 52, 0, 100}));
  EXPECT_EQ(pager_window(100, 100), (Window{1, 0, 98, 99, 100}));
  EXPECT_EQ(pager_window(6, 10), (Window{1, 0, 4, 5, 6, 7, 8, 9, 10}));
}

TEST(PagerWindow, OnePageGapShowsThePage) {
  // Page 2 would hide behind "…" at 4; page 9 at 7 of 10.
  EXPECT_EQ(pager_window(4, 100), (Window{1, 2, 3, 4, 5, 6, 0, 100}));
  EXPECT_EQ(pager_window(5, 100), (Window{1, 2, 3, 4, 5, 6, 7, 0, 100}));
  EXPECT_EQ(pager_window(6, 100), (Window{1, 0, 4, 5, 6, 7, 8, 0, 100}));
  EXPECT_EQ(pager_window(7, 10), (Window{1, 0, 5, 6, 7, 8, 9, 10}));
}

TEST(PagerWindow, BoundedWhateverTheTotal) {
  for (size_t total : {1u, 9u, 1000u, 1000000u})
    for (size_t n : {size_t{1}, total / 2 + 1, total})
      EXPECT_LE(pager_window(n, total).size(), 9u) << n << " of " << total;
  EXPECT_EQ(pager_window(3, 1000, 0), (Window{1, 2, 3, 0, 1000}));
  EXPECT_EQ(pager_window(500, 1000, 1), (Window{1, 0, 499, 500, 501, 0, 1000}));
}

TEST(PagerWindow, OutOfRangeIsClamped) {
  EXPECT_EQ(pager_window(0, 3), (Window{1, 2, 3}));
  EXPECT_EQ(pager_window(9, 3), (Window{1, 2, 3}));
  EXPECT_EQ(pager_window(1, 0), Window{});
}

}  // namespace
}  // namespace bengal::site
