#include "bengal/core/date.hpp"

#include <gtest/gtest.h>

namespace bengal {
namespace {

TEST(Date, ParsesTheAcceptedForms) {
  auto d = parse_date("2024-01-31");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->epoch_seconds, 1706659200);
  EXPECT_EQ(d->offset_minutes, 0);
  EXPECT_FALSE(d->has_time);
  EXPECT_EQ(d->to_rfc3339(), "2024-01-31T00:00:00Z");
  auto z = parse_date("2024-01-31T10:00:00Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(z->epoch_seconds, 1706695200);
  EXPECT_TRUE(z->has_time);
  auto off = parse_date("2024-01-31T10:00:00+02:00");
  ASSERT_TRUE(off);
  EXPECT_EQ(off->epoch_seconds, 1706688000);
  EXPECT_EQ(off->offset_minutes, 120);
  EXPECT_EQ(off->to_rfc3339(), "2024-01-31T10:00:00+02:00");
  EXPECT_EQ(parse_date("2024-01-31 10:00:00")->to_rfc3339(), "2024-01-31T10:00:00Z");
  EXPECT_EQ(parse_date("2024-01-31t10:00:00z")->to_rfc3339(), "2024-01-31T10:00:00Z");
  EXPECT_EQ(parse_date("2024-01-31T10:00:00.123-0530")->to_rfc3339(), "2024-01-31T10:00:00-05:30");
  EXPECT_EQ(parse_date("2024-01-31T10:00:00.123456789Z")->epoch_seconds, 1706695200);
  EXPECT_EQ(parse_date("2024-01-31T10:00")->to_rfc3339(), "2024-01-31T10:00:00Z");
  EXPECT_EQ(parse_date("2024-01-31 10:00:00 +01:00")->to_rfc3339(), "2024-01-31T10:00:00+01:00");
  EXPECT_EQ(parse_date("  2024-01-31  ")->epoch_seconds, 1706659200);
  EXPECT_EQ(parse_date("2024-01-31T10:00:00-00:00")->to_rfc3339(), "2024-01-31T10:00:00Z");
}

// Hugo reads "15 Oct 2023" (time.AsTime), RFC 1123 as feeds write it, and UTC by name;
// Jekyll's posts often say "January 31, 2024".
TEST(Date, ParsesDaysWrittenOut) {
  const int64_t day = 1706659200;  // 2024-01-31
  for (const char* text :
       {"31 Jan 2024", "31 January 2024", "31 jan 2024", "Jan 31, 2024", "January 31, 2024",
        "JANUARY 31 2024", "Wed, 31 Jan 2024", "Wednesday, 31 January 2024", "Sun, 31 Jan 2024",
        "wed 31 jan 2024", "  Jan 31, 2024  "}) {
    std::optional<Date> d = parse_date(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(d->epoch_seconds, day) << text;
    EXPECT_FALSE(d->has_time) << text;
  }
  EXPECT_EQ(parse_date("1 Sept 2024")->to_iso_date(), "2024-09-01");
  EXPECT_EQ(parse_date("Sep 9, 2024")->to_iso_date(), "2024-09-09");
  EXPECT_EQ(parse_date("29 Feb 2024")->to_iso_date(), "2024-02-29");
  EXPECT_EQ(parse_date("Wed, 31 Jan 2024 10:00:00 +0200")->to_rfc3339(),
            "2024-01-31T10:00:00+02:00");
  EXPECT_EQ(parse_date("Wed, 31 Jan 2024 10:00:00 GMT")->to_rfc3339(), "2024-01-31T10:00:00Z");
  EXPECT_EQ(parse_date("January 31, 2024 10:30")->to_rfc3339(), "2024-01-31T10:30:00Z");
  EXPECT_EQ(parse_date("2024-01-31 10:00:00 UTC")->to_rfc3339(), "2024-01-31T10:00:00Z");
  EXPECT_EQ(parse_date("2024-01-31T10:00:00 utc")->epoch_seconds, day + 36000);
}

TEST(Date, OffsetsMoveTheInstantNotTheWrittenTime) {
  auto a = *parse_date("2024-12-31T23:30:00-05:30");
  EXPECT_EQ(a.epoch_seconds, 1735707600);  // 2025-01-01T05:00:00Z
  EXPECT_EQ(a.offset_minutes, -330);
  EXPECT_EQ(a.to_iso_date(), "2024-12-31");
  EXPECT_EQ(a.to_rfc3339(), "2024-12-31T23:30:00-05:30");
  auto b = *parse_date("2025-01-01T05:00:00Z");
  EXPECT_EQ(a.epoch_seconds, b.epoch_seconds);
  EXPECT_FALSE(a < b);
  EXPECT_FALSE(b < a);
  EXPECT_FALSE(a == b);  // same instant, written differently
  EXPECT_TRUE(*parse_date("2024-01-01T00:59:00+01:00") < *parse_date("2024-01-01T00:00:00Z"));
  auto east = *parse_date("2024-01-01T01:00:00+14:00");
  EXPECT_EQ(east.to_iso_date(), "2024-01-01");
  EXPECT_EQ(east.format("%F %T %z"), "2024-01-01 01:00:00 +1400");
}

TEST(Date, LeapYearsAndExtremes) {
  EXPECT_EQ(parse_date("2024-02-29")->epoch_seconds, 1709164800);
  EXPECT_EQ(parse_date("2000-03-01")->epoch_seconds, 951868800);  // 2000 is a leap year
  EXPECT_EQ(parse_date("1900-01-01")->epoch_seconds, -2208988800);
  EXPECT_EQ(parse_date("0001-01-01")->epoch_seconds, -62135596800);
  EXPECT_EQ(parse_date("9999-12-31T23:59:59Z")->epoch_seconds, 253402300799);
  EXPECT_EQ(parse_date("0001-01-01")->to_iso_date(), "0001-01-01");
  EXPECT_EQ(parse_date("9999-12-31")->format("%a %j"), "Fri 365");
  EXPECT_EQ(parse_date("2024-12-31")->format("%j"), "366");
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_TRUE(parse_date("2000-02-29"));
  EXPECT_TRUE(parse_date("2400-02-29"));
  EXPECT_FALSE(parse_date("1900-02-29"));
  EXPECT_FALSE(parse_date("2100-02-29"));
  EXPECT_FALSE(parse_date("2023-02-29"));
  // A leap second is accepted and counted as :59.
  EXPECT_EQ(parse_date("2016-12-31T23:59:60Z")->to_rfc3339(), "2016-12-31T23:59:59Z");
}

TEST(Date, RejectsInvalidDates) {
  for (const char* bad : {"2023-02-30",
                          "2024-13-01",
                          "2024-00-10",
                          "2024-01-00",
                          "2024-01-32",
                          "2024-04-31",
                          "24-01-01",
                          "2024-1-1",
                          "2024/01/01",
                          "20240131",
                          "2024-01-31T25:00:00",
                          "2024-01-31T24:00:00",
                          "2024-01-31T10:60:00",
                          "2024-01-31T10:00:61",
                          "2024-01-31T10",
                          "2024-01-31T10:00:00.",
                          "2024-01-31T10:00:00+24:00",
                          "2024-01-31T10:00:00+02:60",
                          "2024-01-31T10:00:00+2",
                          "2024-01-31T10:00:00 EST",
                          "2024-01-31T10:00:00 UTCjunk",
                          "31 Jan 24",
                          "31 Janu 2024",
                          "31 Feb 2024",
                          "0 Jan 2024",
                          "Jan 31 2024 10",
                          "Jan 31, 2024T10:00",
                          "Funday, 31 Jan 2024",
                          "Wed,31 Jan 2024",
                          "31 Jan, 2024",
                          "January",
                          "Wed",
                          "2024-01-31Tx",
                          "2024-01-31x",
                          "2024-01-31T10:00:00Zjunk",
                          "yesterday",
                          "",
                          " ",
                          "-2024-01-01",
                          "+2024-01-01"}) {
    EXPECT_FALSE(parse_date(bad)) << bad;
  }
}

// Each optional part of the grammar (time, seconds, fraction, blanks, offset forms) on its own.
TEST(Date, ReadsEachPartOfTheGrammar) {
  struct Case {
    const char* text;
    const char* rfc3339;
    bool has_time;
  };
  for (const Case& c : {Case{"\t2024-01-31\t", "2024-01-31T00:00:00Z", false},
                        Case{"2024-01-31T10:00+01:00", "2024-01-31T10:00:00+01:00", true},
                        Case{"2024-01-31T10:00:59.999", "2024-01-31T10:00:59Z", true},
                        Case{"2024-01-31T10:00:00   -01:30", "2024-01-31T10:00:00-01:30", true},
                        Case{"2024-01-31T10:00:00+0530", "2024-01-31T10:00:00+05:30", true},
                        Case{"2024-01-31 10:00 Z ", "2024-01-31T10:00:00Z", true},
                        Case{"2024-01-31T10:00:00 ", "2024-01-31T10:00:00Z", true}}) {
    auto d = parse_date(c.text);
    ASSERT_TRUE(d) << c.text;
    EXPECT_EQ(d->to_rfc3339(), c.rfc3339) << c.text;
    EXPECT_EQ(d->has_time, c.has_time) << c.text;
  }
  EXPECT_EQ(parse_date("2024-01-31T10:00:00-01:30")->epoch_seconds, 1706700600);
  for (const char* bad :
       {"2024-01-31T", "2024-01-31T10:00:", "2024-01-31T10:00:5",
        "2024-01-31T10:00:00+01:", "2024-01-31T10:00:00+01:0", "2024-01-31T10:00:00+01:00 x",
        "2024-01-31T10:00:00ZZ", "2024-01-31T10:00:00.5.5", "2024-01-31T10-00"}) {
    EXPECT_FALSE(parse_date(bad)) << bad;
  }
}

TEST(Date, FormatsInTheWrittenOffset) {
  auto d = *parse_date("2024-03-05T08:30:07+01:00");
  EXPECT_EQ(d.format("%Y-%m-%d %H:%M:%S %z"), "2024-03-05 08:30:07 +0100");
  EXPECT_EQ(d.format("%a, %d %b %Y"), "Tue, 05 Mar 2024");
  EXPECT_EQ(d.format("%A %B %-d, %j %%"), "Tuesday March 5, 065 %");
  EXPECT_EQ(d.format("%e|%-m|%y|%I%p|%-I|%-H|%u|%w|%h|%Z|%F|%T"),
            " 5|3|24|08AM|8|8|2|2|Mar|+01:00|2024-03-05|08:30:07");
  EXPECT_EQ(d.format("%s"), "1709623807");
  EXPECT_EQ(d.format("no directives"), "no directives");
  EXPECT_EQ(d.format("%q %-q trailing %"), "%q %-q trailing %");
  EXPECT_EQ(d.to_iso_date(), "2024-03-05");
  auto pm = *parse_date("2024-03-10T23:05:00Z");
  EXPECT_EQ(pm.format("%I:%M %p %Z %A"), "11:05 PM UTC Sunday");
  EXPECT_EQ(parse_date("2024-03-10T00:05:00Z")->format("%I %p"), "12 AM");
  EXPECT_EQ(parse_date("2024-03-10T12:05:00Z")->format("%I %p"), "12 PM");
  auto late = *parse_date("2023-12-31T23:30:00-05:00");
  EXPECT_EQ(late.to_iso_date(), "2023-12-31");  // 04:30 UTC on Jan 1st, still Dec 31st as written
  EXPECT_EQ(Date{}.to_rfc3339(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Date{}.format("%A"), "Thursday");
  EXPECT_EQ(parse_date("1969-12-31T23:59:59Z")->format("%F %T %a"), "1969-12-31 23:59:59 Wed");
  EXPECT_EQ(parse_date("1600-03-01")->format("%A %d %B %Y"), "Wednesday 01 March 1600");
}

TEST(Date, RoundTripsThroughRfc3339) {
  for (const char* text : {"2024-01-31T10:00:00Z", "1999-12-31T23:59:59+05:45",
                           "1970-01-01T00:00:00-12:00", "2038-01-19T03:14:08Z"}) {
    auto d = parse_date(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(d->to_rfc3339(), text);
    EXPECT_EQ(*parse_date(d->to_rfc3339()), *d);
  }
}

}  // namespace
}  // namespace bengal
