#include "bengal/cache/unit_record.hpp"

#include <gtest/gtest.h>

#include <random>

namespace bengal::cache {
namespace {

UnitRecord sample() {
  UnitRecord u;
  u.outputs = {{"a/index.html", 1234, 1700000000123456789, 42},
               {"a/page/2/index.html", 0, -5, UINT64_MAX}};
  u.reads.pages = {1, 2, 70000, 70001};
  u.reads.heads = {0, 3};
  u.reads.contents = {2};
  u.reads.templates = {"page.html", "partials/nav.html"};
  u.reads.files = {{"content/docs\n_snippets/a.md", 0xfedcba9876543210}};
  u.reads.pagerank = true;
  u.reads.diagnostics = {{Severity::kWarning, "content/a.md", 3, 7, "a broken link"},
                         {Severity::kError, "", 0, 0, "no template"}};
  u.html_files = 2;
  u.math = true;
  return u;
}

TEST(UnitRecord, RoundTripsEveryField) {
  UnitRecord in = sample();
  UnitRecord out;
  ASSERT_TRUE(decode_unit(encode_unit(in), out));
  ASSERT_EQ(out.outputs.size(), 2u);
  EXPECT_EQ(out.outputs[0].rel, "a/index.html");
  EXPECT_EQ(out.outputs[0].size, 1234u);
  EXPECT_EQ(out.outputs[0].mtime_ns, 1700000000123456789);
  EXPECT_EQ(out.outputs[0].inode, 42u);
  EXPECT_EQ(out.outputs[1].mtime_ns, -5);
  EXPECT_EQ(out.outputs[1].inode, UINT64_MAX);
  EXPECT_EQ(out.reads.pages, in.reads.pages);
  EXPECT_EQ(out.reads.heads, in.reads.heads);
  EXPECT_EQ(out.reads.contents, in.reads.contents);
  EXPECT_EQ(out.reads.templates, in.reads.templates);
  EXPECT_EQ(out.reads.files, in.reads.files);
  EXPECT_TRUE(out.reads.pagerank);
  EXPECT_FALSE(out.reads.clock);
  ASSERT_EQ(out.reads.diagnostics.size(), 2u);
  EXPECT_EQ(out.reads.diagnostics[0].format(), "content/a.md:3:7: warning: a broken link");
  EXPECT_EQ(out.reads.diagnostics[1].format(), "error: no template");
  EXPECT_EQ(out.html_files, 2u);
  EXPECT_TRUE(out.math);
}

TEST(UnitRecord, EveryTruncationAndRandomBytesAreRefused) {
  std::string bytes = encode_unit(sample());
  for (size_t n = 0; n < bytes.size(); ++n) {
    UnitRecord out;
    EXPECT_FALSE(decode_unit(std::string_view(bytes).substr(0, n), out)) << n;
  }
  UnitRecord out;
  EXPECT_FALSE(decode_unit(bytes + "x", out));  // trailing bytes: not this layout
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string junk(rng() % 64, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    UnitRecord u;
    (void)decode_unit(junk, u);  // must not crash or allocate without bound
  }
}

TEST(UnitRecord, ReadsAloneRoundTrip) {
  reads::ReadSet in = sample().reads;
  reads::ReadSet out;
  ASSERT_TRUE(decode_reads(encode_reads(in), out));
  EXPECT_EQ(out.pages, in.pages);
  EXPECT_EQ(out.files, in.files);
  EXPECT_TRUE(out.diagnostics.empty());  // not part of a body's record
  EXPECT_FALSE(decode_reads(encode_reads(in).substr(1), out));
}

// Three pages of an index.json, the second without an entry.
const std::vector<EntrySpan> kSpans = {{2, 13}, {0, 0}, {17, 24}};

TEST(EntrySpans, RoundTripWithOffsetsCodedAsGaps) {
  std::string bytes = encode_entry_spans(kSpans);
  // Count, then for each page its size and, when it has one, the gap since the last entry.
  EXPECT_EQ(bytes, std::string("\x03\x0d\x02\x00\x18\x02", 6));
  std::vector<EntrySpan> back;
  ASSERT_TRUE(decode_entry_spans(bytes, back));
  EXPECT_EQ(back, kSpans);
}

TEST(EntrySpans, BytesThatAreNotAWholeListAreRefused) {
  std::string bytes = encode_entry_spans(kSpans);
  std::vector<EntrySpan> back;
  EXPECT_FALSE(decode_entry_spans(bytes.substr(0, bytes.size() - 1), back));
  EXPECT_FALSE(decode_entry_spans(bytes + "x", back));
  // A size past 32 bits, then an offset past 2^62.
  EXPECT_FALSE(decode_entry_spans(std::string("\x01\x80\x80\x80\x80\x10\x00", 7), back));
  EXPECT_FALSE(
      decode_entry_spans(std::string("\x01\x01\x80\x80\x80\x80\x80\x80\x80\x80\x7f", 11), back));
  // A count larger than the bytes could hold.
  EXPECT_FALSE(decode_entry_spans(std::string("\xff\xff\x03\x01", 4), back));
}

}  // namespace
}  // namespace bengal::cache
