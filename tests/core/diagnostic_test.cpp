#include "bengal/core/diagnostic.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(Diagnostic, FormatsFileLineColumn) {
  EXPECT_EQ(make_error("content/a.md", 3, 7, "bad").format(), "content/a.md:3:7: error: bad");
  EXPECT_EQ(make_warning("bengal.toml", 2, 0, "w").format(), "bengal.toml:2: warning: w");
  EXPECT_EQ(make_error("x", 0, 0, "m").format(), "x: error: m");
  EXPECT_EQ(make_error("", 0, 0, "m").format(), "error: m");
}

TEST(Diagnostics, SortedIsDeterministic) {
  Diagnostics ds;
  ds.add(make_error("b.md", 1, 1, "x"));
  ds.add(make_warning("a.md", 9, 1, "y"));
  ds.add(make_error("a.md", 2, 1, "z"));
  auto s = ds.sorted();
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].format(), "a.md:2:1: error: z");
  EXPECT_EQ(s[1].format(), "a.md:9:1: warning: y");
  EXPECT_EQ(ds.error_count(), 2u);
  EXPECT_EQ(ds.warning_count(), 1u);
}

}  // namespace
}  // namespace bengal
