// Compact binary records for the build cache: LEB128 varints, length-prefixed strings. A
// reader never reads past its bytes: a truncated or garbled record makes ok() false, and the
// caller treats it as no record at all. A record reads only as the writer spells it (no
// longer spelling of a number is accepted), so an accepted record encodes back to its own
// bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace bengal {

class ByteWriter {
 public:
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void signed_varint(int64_t v) {  // zigzag
    varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void fixed64(uint64_t v) {
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (8 * i));
    out_.append(b, 8);
  }
  void fixed32(uint32_t v) {
    char b[4];
    for (int i = 0; i < 4; ++i) b[i] = static_cast<char>(v >> (8 * i));
    out_.append(b, 4);
  }
  void byte(uint8_t v) { out_ += static_cast<char>(v); }
  void text(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  std::string& bytes() { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return fail();
      auto b = static_cast<uint8_t>(in_[pos_++]);
      // The tenth byte holds the top bit only.
      if (shift == 63 && b > 1) break;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      // A last byte of zero after others is a longer spelling of a smaller number, which the
      // writer never makes.
      if (b == 0 && shift > 0) break;
      if ((b & 0x80) == 0) return v;
    }
    return fail();
  }
  int64_t signed_varint() {
    uint64_t v = varint();
    return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  uint64_t fixed64() {
    if (in_.size() - pos_ < 8) return fail();
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return v;
  }
  uint32_t fixed32() {
    if (in_.size() - pos_ < 4) return static_cast<uint32_t>(fail());
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<uint32_t>(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  uint8_t byte() {
    if (pos_ >= in_.size()) return static_cast<uint8_t>(fail());
    return static_cast<uint8_t>(in_[pos_++]);
  }
  std::string_view text() {
    uint64_t n = varint();
    if (!ok_ || n > in_.size() - pos_) {
      fail();
      return {};
    }
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A count of items that each take at least `min_bytes`: more than the bytes left can hold
  // is garbage, so a bad count cannot make the caller reserve gigabytes.
  size_t count(size_t min_bytes = 1) {
    uint64_t n = varint();
    if (!ok_ || n > (in_.size() - pos_) / (min_bytes == 0 ? 1 : min_bytes)) return fail();
    return n;
  }
  bool ok() const { return ok_; }
  // Makes ok() false for good: the caller found a field out of its range.
  void reject() { fail(); }
  size_t remaining() const { return in_.size() - pos_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  uint64_t fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace bengal
