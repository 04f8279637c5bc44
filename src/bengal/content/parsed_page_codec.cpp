#include "bengal/content/parsed_page_codec.hpp"

#include <bit>
#include <cstring>
#include <type_traits>

#include <xxhash.h>

namespace bengal::content {
namespace {

static_assert(std::is_same_v<size_t, uint64_t>, "body_offset is encoded as a uint64_t");

// Deeper than any front matter parses to (YAML stops at 100 levels, TOML at 256), so only a
// corrupt record reaches it; it bounds the decoder's recursion.
constexpr int kMaxValueDepth = 512;

class RecordWriter {
 public:
  std::string out;

  void byte(uint8_t b) { out.push_back(static_cast<char>(b)); }
  void fixed(uint64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
  }
  void fixed(int64_t v) { fixed(static_cast<uint64_t>(v)); }
  void fixed(int32_t v) {
    for (int i = 0; i < 4; ++i) byte(static_cast<uint8_t>(static_cast<uint32_t>(v) >> (8 * i)));
  }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      byte(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    byte(static_cast<uint8_t>(v));
  }
  void varint(uint32_t v) { varint(uint64_t{v}); }
  void flag(bool b) { byte(b ? 1 : 0); }
  void text(std::string_view s) {
    varint(uint64_t{s.size()});
    out.append(s);
  }
  void kind(PageKind k) { byte(static_cast<uint8_t>(k)); }
  void severity(Severity s) { byte(static_cast<uint8_t>(s)); }
  template <typename T, typename F>
  void list(const std::vector<T>& items, F each) {
    varint(uint64_t{items.size()});
    for (const T& item : items) each(item);
  }
  void value(const Value& v);
};

void RecordWriter::value(const Value& v) {
  byte(static_cast<uint8_t>(v.type()));
  switch (v.type()) {
    case Value::Type::kNull:
      break;
    case Value::Type::kBool:
      flag(v.as_bool());
      break;
    case Value::Type::kInt:
      fixed(v.as_int());
      break;
    case Value::Type::kFloat:
      fixed(std::bit_cast<uint64_t>(v.as_float()));
      break;
    case Value::Type::kString:
      text(v.as_string());
      break;
    case Value::Type::kArray:
      list(v.as_array(), [&](const Value& item) { value(item); });
      break;
    case Value::Type::kTable:
      list(v.as_table(), [&](const std::pair<std::string, Value>& entry) {
        text(entry.first);
        value(entry.second);
      });
      break;
  }
}

// Reads what RecordWriter wrote. The first malformed field fails the reader for good; later
// reads then return empty values, and the caller checks ok() once at the end.
class RecordReader {
 public:
  explicit RecordReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

  uint8_t byte() {
    if (!need(1)) return 0;
    return static_cast<uint8_t>(in_[pos_++]);
  }
  void fixed(uint64_t& v) {
    v = 0;
    if (!need(8)) return;
    for (int i = 0; i < 8; ++i) v |= uint64_t{static_cast<uint8_t>(in_[pos_ + i])} << (8 * i);
    pos_ += 8;
  }
  void fixed(int64_t& v) {
    uint64_t u;
    fixed(u);
    v = static_cast<int64_t>(u);
  }
  void fixed(int32_t& v) {
    uint32_t u = 0;
    if (need(4)) {
      for (int i = 0; i < 4; ++i) u |= uint32_t{static_cast<uint8_t>(in_[pos_ + i])} << (8 * i);
      pos_ += 4;
    }
    v = static_cast<int32_t>(u);
  }
  void varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = byte();
      if (!ok_) return;
      // The tenth byte holds the top bit only.
      if (shift == 63 && b > 1) break;
      v |= uint64_t{b & 0x7fu} << shift;
      // A last byte of zero after others is a longer spelling of a smaller number: the writer
      // never makes one, and a record must encode back to its own bytes.
      if (b == 0 && shift > 0) break;
      if (b < 0x80) return;
    }
    fail();
  }
  void varint(uint32_t& v) {
    uint64_t u;
    varint(u);
    if (u > UINT32_MAX) fail();
    v = ok_ ? static_cast<uint32_t>(u) : 0;
  }
  void flag(bool& b) {
    uint8_t v = byte();
    if (v > 1) fail();
    b = v == 1;
  }
  void text(std::string& s) {
    uint64_t n;
    varint(n);
    if (!need(n)) return;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  void kind(PageKind& k) {
    uint8_t v = byte();
    if (v > static_cast<uint8_t>(PageKind::kHome)) fail();
    k = static_cast<PageKind>(v);
  }
  void severity(Severity& s) {
    uint8_t v = byte();
    if (v > static_cast<uint8_t>(Severity::kError)) fail();
    s = static_cast<Severity>(v);
  }
  // Every item takes at least one byte, so a count larger than the bytes left is corrupt.
  template <typename T, typename F>
  void list(std::vector<T>& items, F each) {
    uint64_t n;
    varint(n);
    if (!need(n)) return;
    items.clear();
    items.reserve(n);
    for (uint64_t i = 0; i < n && ok_; ++i) each(items.emplace_back());
  }
  void value(Value& v, int depth = 0);
  void fail() { ok_ = false; }

 private:
  bool need(uint64_t n) {
    if (ok_ && n <= in_.size() - pos_) return true;
    ok_ = false;
    return false;
  }

  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void RecordReader::value(Value& v, int depth) {
  if (depth > kMaxValueDepth) return fail();
  uint8_t type = byte();
  switch (static_cast<Value::Type>(type)) {
    case Value::Type::kNull:
      v = Value();
      return;
    case Value::Type::kBool: {
      bool b = false;
      flag(b);
      v = Value(b);
      return;
    }
    case Value::Type::kInt: {
      int64_t i = 0;
      fixed(i);
      v = Value(i);
      return;
    }
    case Value::Type::kFloat: {
      uint64_t bits = 0;
      fixed(bits);
      v = Value(std::bit_cast<double>(bits));
      return;
    }
    case Value::Type::kString: {
      std::string s;
      text(s);
      v = Value(std::move(s));
      return;
    }
    case Value::Type::kArray: {
      Value::Array items;
      list(items, [&](Value& item) { value(item, depth + 1); });
      v = Value(std::move(items));
      return;
    }
    case Value::Type::kTable: {
      Value::Table entries;
      list(entries, [&](std::pair<std::string, Value>& entry) {
        text(entry.first);
        value(entry.second, depth + 1);
      });
      v = Value(std::move(entries));
      return;
    }
  }
  fail();  // an unknown type
}

// One field order for both directions: IO is RecordWriter (with const objects) or
// RecordReader, so what is written is what is read.
template <typename IO, typename D>
void date_field(IO& io, D& d) {
  io.fixed(d.epoch_seconds);
  io.fixed(d.offset_minutes);
  io.flag(d.has_time);
}

template <typename IO, typename D>
void optional_date_field(IO& io, D& d) {
  bool present = d.has_value();
  io.flag(present);
  if constexpr (std::is_const_v<D>) {
    if (present) date_field(io, *d);
  } else {
    d.reset();
    if (present) date_field(io, d.emplace());
  }
}

template <typename IO, typename L>
void strings_field(IO& io, L& items) {
  io.list(items, [&](auto& s) { io.text(s); });
}

template <typename IO, typename L>
void numbers_field(IO& io, L& items) {
  io.list(items, [&](auto& n) { io.varint(n); });
}

template <typename IO, typename L>
void diagnostics_field(IO& io, L& items) {
  io.list(items, [&](auto& d) {
    io.severity(d.severity);
    io.text(d.file);
    io.varint(d.line);
    io.varint(d.column);
    io.text(d.message);
  });
}

template <typename IO, typename F>
void front_matter_fields(IO& io, F& fm) {
  io.text(fm.title);
  io.flag(fm.has_title);
  optional_date_field(io, fm.date);
  optional_date_field(io, fm.lastmod);
  optional_date_field(io, fm.expirydate);
  io.flag(fm.draft);
  io.fixed(fm.weight);
  for (auto* s :
       {&fm.slug, &fm.url, &fm.description, &fm.summary, &fm.type, &fm.layout, &fm.template_name})
    io.text(*s);
  for (auto* l : {&fm.aliases, &fm.tags, &fm.categories, &fm.keywords}) strings_field(io, *l);
  io.value(fm.params);
}

template <typename IO, typename S>
void body_scan_fields(IO& io, S& scan) {
  strings_field(io, scan.links);
  numbers_field(io, scan.link_lines);
  strings_field(io, scan.wiki_links);
  numbers_field(io, scan.wiki_link_lines);
  strings_field(io, scan.anchors);
  strings_field(io, scan.targets);
  io.varint(scan.word_count);
  io.text(scan.summary);
  io.flag(scan.has_more_marker);
  io.fixed(scan.content_hash);
}

template <typename IO, typename P>
void page_fields(IO& io, P& page) {
  io.flag(page.ok);
  front_matter_fields(io, page.fm);
  body_scan_fields(io, page.scan);
  io.varint(page.body_offset);
  io.fixed(page.source_hash);
  io.varint(page.body_line);
  io.text(page.title_heading.text);
  io.varint(page.title_heading.first_line);
  io.varint(page.title_heading.last_line);
  io.flag(page.title_heading.first_block);
  io.text(page.url);
  diagnostics_field(io, page.diagnostics);
  diagnostics_field(io, page.url_diagnostics);
}

uint64_t checksum(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

}  // namespace

// Layout: u32 layout, u64 fingerprint, rel, kind, the page's fields, u64 XXH3 of all before.
std::string encode_parsed_page(const ParsedPage& page, const RecordKey& key) {
  RecordWriter w;
  w.fixed(static_cast<int32_t>(kParsedPageLayout));
  w.fixed(key.fingerprint);
  w.text(key.rel);
  w.kind(key.kind);
  page_fields(w, page);
  w.fixed(checksum(w.out));
  return std::move(w.out);
}

std::optional<ParsedPage> decode_parsed_page(std::string_view record, const RecordKey& key) {
  if (record.size() < 8) return std::nullopt;
  std::string_view body = record.substr(0, record.size() - 8);
  RecordReader tail(record.substr(body.size()));
  uint64_t sum;
  tail.fixed(sum);
  if (sum != checksum(body)) return std::nullopt;

  RecordReader r(body);
  int32_t layout;
  uint64_t fingerprint;
  std::string rel;
  PageKind kind;
  r.fixed(layout);
  r.fixed(fingerprint);
  r.text(rel);
  r.kind(kind);
  if (!r.ok() || static_cast<uint32_t>(layout) != kParsedPageLayout ||
      fingerprint != key.fingerprint || rel != key.rel || kind != key.kind)
    return std::nullopt;
  ParsedPage page;
  page_fields(r, page);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return page;
}

}  // namespace bengal::content
