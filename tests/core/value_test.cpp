#include "bengal/core/value.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(Value, TableKeepsInsertionOrderAndReplacesKeys) {
  Value t;
  t.set("b", 1);
  t.set("a", "x");
  t.set("b", 2.5);
  ASSERT_TRUE(t.is_table());
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.as_table()[0].first, "b");
  EXPECT_EQ(t.find("b")->as_float(), 2.5);
  EXPECT_EQ(t.find("a")->as_string(), "x");
  EXPECT_EQ(t.find("c"), nullptr);
}

TEST(Value, CopiesAreDeep) {
  Value a;
  a.push_back(Value::Array{1, 2});
  Value b = a;
  b.as_array()[0].push_back(3);
  EXPECT_EQ(a.as_array()[0].size(), 2u);
  EXPECT_EQ(b.as_array()[0].size(), 3u);
  EXPECT_FALSE(a == b);
}

TEST(Value, TypeNames) {
  EXPECT_STREQ(Value().type_name(), "null");
  EXPECT_STREQ(Value(int64_t{3}).type_name(), "integer");
  EXPECT_STREQ(Value("s").type_name(), "string");
  EXPECT_STREQ(Value::table().type_name(), "table");
}

}  // namespace
}  // namespace bengal
