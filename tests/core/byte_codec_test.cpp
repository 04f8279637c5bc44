#include "bengal/core/byte_codec.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace bengal {
namespace {

std::string spelled(std::initializer_list<uint8_t> bytes) {
  return std::string(bytes.begin(), bytes.end());
}

TEST(ByteCodec, EveryFieldReadsBackAsWritten) {
  ByteWriter w;
  w.varint(0);
  w.varint(300);
  w.varint(UINT64_MAX);
  w.signed_varint(-5);
  w.fixed64(0x0102030405060708);
  w.fixed32(0xA0B0C0D0);
  w.byte(7);
  w.text("héllo");
  std::string bytes = w.take();
  ByteReader r(bytes);
  EXPECT_EQ(r.varint(), 0u);
  EXPECT_EQ(r.varint(), 300u);
  EXPECT_EQ(r.varint(), UINT64_MAX);
  EXPECT_EQ(r.signed_varint(), -5);
  EXPECT_EQ(r.fixed64(), 0x0102030405060708u);
  EXPECT_EQ(r.fixed32(), 0xA0B0C0D0u);
  EXPECT_EQ(r.byte(), 7u);
  EXPECT_EQ(r.text(), "héllo");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.at_end());
}

// A record must read only as the writer spells it, or a forged one would be accepted and
// then stored back with other bytes.
TEST(ByteCodec, ALongerSpellingOfANumberIsRefused) {
  for (const std::string& bytes : {spelled({0x80, 0x00}),           // 0 in two bytes
                                   spelled({0xdc, 0x00}),           // 0x5c in two bytes
                                   spelled({0xac, 0x82, 0x00})}) {  // 300 in three bytes
    ByteReader r(bytes);
    r.varint();
    EXPECT_FALSE(r.ok()) << testing::PrintToString(bytes);
  }
  const std::string shortest_bytes = spelled({0xac, 0x02});  // a reader views its bytes
  ByteReader shortest(shortest_bytes);
  EXPECT_EQ(shortest.varint(), 300u);
  EXPECT_TRUE(shortest.ok());
}

TEST(ByteCodec, ANumberPastSixtyFourBitsIsRefused) {
  const std::string nine(9, '\xff');
  const std::string top_bytes = nine + spelled({0x01}), over_bytes = nine + spelled({0x02}),
                    endless_bytes(11, '\xff');
  ByteReader top(top_bytes);
  EXPECT_EQ(top.varint(), UINT64_MAX);
  EXPECT_TRUE(top.ok());
  ByteReader over(over_bytes);
  over.varint();
  EXPECT_FALSE(over.ok());
  ByteReader endless(endless_bytes);
  endless.varint();
  EXPECT_FALSE(endless.ok());
}

TEST(ByteCodec, ATruncatedRecordFailsForGood) {
  ByteWriter w;
  w.text("abcdef");
  std::string bytes = w.take();
  bytes.pop_back();
  ByteReader r(bytes);
  EXPECT_EQ(r.text(), "");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.byte(), 0u);
  EXPECT_EQ(r.fixed32(), 0u);
  EXPECT_FALSE(r.ok());
  const std::string count_bytes = spelled({0x05, 0x01});  // five items in one byte
  ByteReader count(count_bytes);
  EXPECT_EQ(count.count(1), 0u);
  EXPECT_FALSE(count.ok());
}

}  // namespace
}  // namespace bengal
