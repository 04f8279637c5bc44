#include "bengal/core/string_pool.hpp"

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(StringPool, InternReturnsOneIdPerDistinctString) {
  StringPool pool;
  StrId a = pool.intern("tag");
  StrId b = pool.intern(std::string("t") + "ag");
  EXPECT_EQ(a, b);
  EXPECT_NE(pool.intern("other"), a);
  EXPECT_EQ(pool.get(a), "tag");
  EXPECT_EQ(pool.intern(""), kEmptyStr);
  EXPECT_EQ(pool.get(kEmptyStr), "");
}

TEST(StringPool, StoreDoesNotDeduplicate) {
  StringPool pool;
  StrId a = pool.store("summary");
  StrId b = pool.store("summary");
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.get(b), "summary");
  EXPECT_EQ(pool.store(""), kEmptyStr);
}

TEST(StringPool, ViewsStayValidAcrossBlocksAndLargeStrings) {
  StringPool pool;
  std::string big(100000, 'x');
  StrId first = pool.intern("first");
  StrId large = pool.store(big);
  std::vector<StrId> ids;
  for (int i = 0; i < 20000; ++i) ids.push_back(pool.intern(fmt::format("s{}", i)));
  EXPECT_EQ(pool.get(first), "first");
  EXPECT_EQ(pool.get(large), big);
  EXPECT_EQ(pool.get(ids[12345]), "s12345");
  EXPECT_GT(pool.memory_bytes(), big.size());
}

}  // namespace
}  // namespace bengal
