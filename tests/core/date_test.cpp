#include "bengal/core/date.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(Date, ParsesTheAcceptedForms) {
  auto d = parse_date("2024-01-31");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->epoch_seconds, 1706659200);
  EXPECT_FALSE(d->has_time);
  EXPECT_EQ(d->to_rfc3339(), "2024-01-31T00:00:00Z");
  auto z = parse_date("2024-01-31T10:00:00Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(z->epoch_seconds, 1706695200);
  auto off = parse_date("2024-01-31T10:00:00+02:00");
  ASSERT_TRUE(off);
  EXPECT_EQ(off->epoch_seconds, 1706688000);
  EXPECT_EQ(off->offset_minutes, 120);
  EXPECT_EQ(off->to_rfc3339(), "2024-01-31T10:00:00+02:00");
  EXPECT_EQ(parse_date("2024-01-31 10:00:00")->to_rfc3339(), "2024-01-31T10:00:00Z");
  EXPECT_EQ(parse_date("2024-01-31T10:00:00.123-0530")->to_rfc3339(), "2024-01-31T10:00:00-05:30");
  EXPECT_EQ(parse_date("2024-01-31T10:00")->to_rfc3339(), "2024-01-31T10:00:00Z");
}

TEST(Date, RejectsInvalidDates) {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "24-01-01",
                          "2024/01/01", "2024-01-31T25:00:00", "2024-01-31Tx", "yesterday", ""}) {
    EXPECT_FALSE(parse_date(bad)) << bad;
  }
  EXPECT_TRUE(parse_date("2024-02-29"));  // leap year
  EXPECT_TRUE(parse_date("2000-02-29"));
  EXPECT_FALSE(parse_date("1900-02-29"));
}

TEST(Date, FormatsInTheWrittenOffset) {
  auto d = *parse_date("2024-03-05T08:30:07+01:00");
  EXPECT_EQ(d.format("%Y-%m-%d %H:%M:%S %z"), "2024-03-05 08:30:07 +0100");
  EXPECT_EQ(d.format("%a, %d %b %Y"), "Tue, 05 Mar 2024");
  EXPECT_EQ(d.format("%A %B %-d, %j %%"), "Tuesday March 5, 065 %");
  EXPECT_EQ(d.to_iso_date(), "2024-03-05");
  auto late = *parse_date("2023-12-31T23:30:00-05:00");
  EXPECT_EQ(late.to_iso_date(), "2023-12-31");  // 04:30 UTC on Jan 1st, still Dec 31st as written
  EXPECT_EQ(Date{}.to_rfc3339(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(parse_date("1969-12-31T23:59:59Z")->format("%F %T"), "1969-12-31 23:59:59");
}

}  // namespace
}  // namespace bengal
