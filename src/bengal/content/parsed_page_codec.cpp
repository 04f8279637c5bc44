#include "bengal/content/parsed_page_codec.hpp"

#include <bit>
#include <cstring>
#include <type_traits>

#include <xxhash.h>

#include "bengal/core/byte_codec.hpp"

namespace bengal::content {
namespace {

static_assert(std::is_same_v<size_t, uint64_t>, "body_offset is encoded as a uint64_t");

// Deeper than any front matter parses to (YAML stops at 100 levels, TOML at 256), so only a
// corrupt record reaches it; it bounds the decoder's recursion.
constexpr int kMaxValueDepth = 512;

// Writes a record's fields (core/byte_codec.hpp); RecordReader reads them in the same order.
class RecordWriter {
 public:
  ByteWriter out;

  void byte(uint8_t b) { out.byte(b); }
  void fixed(uint64_t v) { out.fixed64(v); }
  void fixed(int64_t v) { out.fixed64(static_cast<uint64_t>(v)); }
  void fixed(int32_t v) { out.fixed32(static_cast<uint32_t>(v)); }
  void varint(uint64_t v) { out.varint(v); }
  void varint(uint32_t v) { out.varint(v); }
  void flag(bool b) { byte(b ? 1 : 0); }
  void text(std::string_view s) { out.text(s); }
  void kind(PageKind k) { byte(static_cast<uint8_t>(k)); }
  void severity(Severity s) { byte(static_cast<uint8_t>(s)); }
  template <typename E>
  void small_enum(E e, E /*last*/) {
    byte(static_cast<uint8_t>(e));
  }
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
  bool ok() const { return in_.ok(); }
  bool at_end() const { return in_.at_end(); }

  uint8_t byte() { return in_.byte(); }
  void fixed(uint64_t& v) { v = in_.fixed64(); }
  void fixed(int64_t& v) { v = static_cast<int64_t>(in_.fixed64()); }
  void fixed(int32_t& v) { v = static_cast<int32_t>(in_.fixed32()); }
  void varint(uint64_t& v) { v = in_.varint(); }
  void varint(uint32_t& v) {
    uint64_t u = in_.varint();
    if (u > UINT32_MAX) fail();
    v = ok() ? static_cast<uint32_t>(u) : 0;
  }
  void flag(bool& b) {
    uint8_t v = byte();
    if (v > 1) fail();
    b = v == 1;
  }
  void text(std::string& s) { s.assign(in_.text()); }
  void kind(PageKind& k) {
    uint8_t v = byte();
    if (v > static_cast<uint8_t>(PageKind::kHome)) fail();
    k = static_cast<PageKind>(v);
  }
  template <typename E>
  void small_enum(E& e, E last) {
    uint8_t v = byte();
    if (v > static_cast<uint8_t>(last)) fail();
    e = ok() ? static_cast<E>(v) : E{};
  }
  void severity(Severity& s) {
    uint8_t v = byte();
    if (v > static_cast<uint8_t>(Severity::kError)) fail();
    s = static_cast<Severity>(v);
  }
  // Every item takes at least one byte, so a count larger than the bytes left is corrupt.
  template <typename T, typename F>
  void list(std::vector<T>& items, F each) {
    size_t n = in_.count(1);
    if (!ok()) return;
    items.clear();
    items.reserve(n);
    for (size_t i = 0; i < n && ok(); ++i) each(items.emplace_back());
  }
  void value(Value& v, int depth = 0);
  void fail() { in_.reject(); }

 private:
  ByteReader in_;
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
  optional_date_field(io, fm.publishdate);
  io.flag(fm.draft);
  io.flag(fm.headless);
  io.small_enum(fm.build.render, RenderMode::kLink);
  io.small_enum(fm.build.list, ListMode::kLocal);
  io.small_enum(fm.build.resources, ResourceMode::kKeep);
  io.fixed(fm.weight);
  for (auto* s : {&fm.slug, &fm.url, &fm.description, &fm.summary, &fm.type, &fm.layout,
                  &fm.template_name, &fm.permalink_pattern})
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
  strings_field(io, scan.images);
  numbers_field(io, scan.image_lines);
  strings_field(io, scan.html_links);
  numbers_field(io, scan.html_link_lines);
  strings_field(io, scan.html_images);
  numbers_field(io, scan.html_image_lines);
  strings_field(io, scan.html_media);
  numbers_field(io, scan.html_media_lines);
  strings_field(io, scan.html_embeds);
  numbers_field(io, scan.html_embed_lines);
  strings_field(io, scan.html_ids);
  strings_field(io, scan.media);
  numbers_field(io, scan.media_lines);
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
  w.fixed(checksum(w.out.bytes()));
  return w.out.take();
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
